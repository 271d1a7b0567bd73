"""The asked slot found in a clause, the calibrated decision, and what a question must be."""

from __future__ import annotations

import pytest

from assistant.answer.checks import check_input, lacks_chinese
from assistant.answer.decide import Signals, decide, models
from assistant.answer.slots import find_slot, hit_holds, holds, holds_beyond
from assistant.errors import QueryError
from assistant.types import SearchHit
from assistant.understand.query import Asked


def hit(text: str, **meta: object) -> SearchHit:
    return SearchHit("c1", "plan", "方案", "", "9.", "9.", text, 1.0, metadata=dict(meta))


def test_slot_shapes() -> None:
    assert holds(Asked.frequency, "专业课教师每5年累计不少于6个月到企业实践")
    assert holds(Asked.duration, "组织失业青年参加3—12个月的就业见习")
    assert not holds(Asked.duration, "从2019年1月1日起实施")  # a date, not a length of time
    assert holds(Asked.amount, "按投资额的百分之三十抵扣") and not holds(Asked.amount, "按规定给予培训补贴")
    assert holds(Asked.how_many, "引入5家以上企业参与办学") and not holds(Asked.how_many, "第五条")
    assert holds(Asked.date, "2023年底前完成")
    # a day the law counts from or to is the date asked of it ("从哪天开始算、算到哪天为止")
    assert holds(Asked.date, "起算时间为用工之日起满一个月的次日，截止时间为补订书面劳动合同的前一日")
    assert not holds(Asked.date, "用人单位应当向劳动者每月支付两倍的工资")
    # an amount given by what it is measured by says the amount asked, but does not rank a sentence as one
    bound = "违约金的数额不得超过用人单位提供的培训费用。"
    assert hit_holds(Asked.amount, hit(bound)) and holds_beyond(Asked.amount, bound, "违约金最多能让他赔多少？")
    assert not holds(Asked.amount, bound) and not hit_holds(Asked.amount, hit("按规定给予培训补贴。"))
    assert hit_holds(Asked.amount, hit("其额外支付的工资应当按照该劳动者上一个月的工资标准确定。"))
    slot = find_slot(Asked.amount, [hit(bound)])
    assert slot is not None and slot.text == "金额或比例：违约金的数额不得超过用人单位提供的培训费用"
    # a measure referred to that is the very thing asked says no figure of it; a basis sharing a word does
    floor = "用人单位支付劳动者的工资不得低于当地最低工资标准。"
    assert not holds_beyond(Asked.amount, floor, "最低工资标准一个月是多少元？")
    assert holds_beyond(Asked.amount, floor, "试用期工资最少给多少？")
    basis = "其额外支付的工资应当按照该劳动者上一个月的工资标准确定。"
    assert holds_beyond(Asked.amount, basis, "不提前通知、多给一个月工资解除合同，这一个月工资按什么标准算？")
    # a value the question itself states is its premise, not the answer: 一年 and 一小时 differ
    given = "员工干满一年了，年休假一年能休几天？"
    assert not holds_beyond(Asked.duration, "劳动者连续工作一年以上的，享受带薪年休假。", given)
    assert holds_beyond(Asked.duration, "延长工作时间每日不得超过一小时", given)
    assert holds_beyond(Asked.duration, "职工累计工作已满1年不满10年的，年休假5天", given)
    assert not holds(Asked.how_many, "组织其参加3至12个月的就业见习")  # periods: a duration, not a count
    assert not holds(Asked.how_many, "每天不超过8个小时") and holds(Asked.how_many, "每个班不少于12个学生")


def test_contact_shapes_are_numbers_and_addresses_not_amounts() -> None:
    for text in (
        "咨询电话：0991-5551234",
        "联系手机13912345678",
        "拨打12333服务热线",
        "网址 www.example.gov.cn",
        "材料寄至北京南路12号",
        "办公室在3楼305室",
        "邮箱 jobs@example.cn",
    ):
        assert holds(Asked.contact, text), text
    for text in ("电话费补贴10000元", "由师人社局负责", "2019年1月1日起施行", "职工人数在300人以上的", "第十二条"):
        assert not holds(Asked.contact, text), text
    office = SearchHit("c", "doc", "通知", "", "五", "五", "咨询电话：0994-5812345。请于工作日办理。", 1.0)
    slot = find_slot(Asked.contact, [office])
    assert slot is not None and slot.text == "联系方式：0994-5812345"


def test_a_filler_starts_where_a_word_starts() -> None:
    """定期 inside 固定期限 is no frequency: the answer once led with "频次：三年以上固定期限……"."""
    contract = "三年以上固定期限和无固定期限的劳动合同，试用期不得超过六个月"
    assert not holds(Asked.frequency, contract) and find_slot(Asked.frequency, [hit(contract)]) is None
    assert holds(Asked.frequency, "用人单位应当定期组织安全培训")
    slot = find_slot(Asked.duration, [hit(contract)], terms={"试用期": 2.0})
    assert slot is not None and "六个月" in slot.text


def test_a_document_title_or_a_basis_reference_holds_no_value() -> None:
    """ "数量：《国务院关于做好当前和今后一个时期促进就业工作的若干意见》五、（十五））" once led an answer to
    "五家渠有会计岗位吗": 一个时期 in a title is not a count, a basis reference names no value."""
    title = "国务院关于做好当前和今后一个时期促进就业工作的若干意见"
    clause = hit(f"困难企业可以采取轮岗轮休等办法保留岗位。（依据：《{title}》五、（十五））")
    assert find_slot(Asked.how_many, [clause]) is None
    assert not holds(Asked.how_many, f"依据：《{title}》五、（十五）")
    assert not holds(Asked.how_many, f"按《{title}》执行")
    counted = hit(f"按《{title}》，每年组织10家企业参加。")
    slot = find_slot(Asked.how_many, [counted])
    assert slot is not None and slot.text == "数量：每年组织10家企业参加"


def test_the_lead_unit_comes_from_the_clause_metadata() -> None:
    clause = hit("推进产教协同育人。(责任单位:教育局、人社局)", lead_unit="教育局", responsible_units="教育局、人社局")
    slot = find_slot(Asked.unit, [clause])
    assert slot is not None and slot.text == "牵头单位：教育局（责任单位：教育局、人社局）"


def test_the_lead_unit_said_in_the_text_not_asked_in_an_faq_question() -> None:
    """On the bundled corpus "十二师产教融合信息平台是谁牵头建的" led with "牵头单位：哪个部门": the FAQ's question
    (由哪个部门牵头？) read as the unit. The answer's 牵头单位是办公室 (and a digest's 牵头单位为…) says it."""
    faq = hit(
        "问：信息服务平台是做什么的？由哪个部门牵头？\n答：平台汇集供求信息。牵头单位是办公室，网信办、教育局配合。"
    )
    slot = find_slot(Asked.unit, [faq])
    assert slot is not None and slot.text == "牵头单位：办公室"
    assert find_slot(Asked.unit, [hit("建设信息服务平台。牵头单位为办公室，网信办配合。")]) is not None
    assert not holds(Asked.unit, "问：这项补贴由哪个部门负责？\n答：按规定申请。")
    assert not holds(Asked.unit, "该项工作由谁负责，资料没有写明。")


def test_a_clause_saying_who_bears_a_liability_holds_the_who_but_gives_no_lead_unit() -> None:
    """ "实习的时候受伤了谁负责" was refused as "资料中没有具体的牵头单位" while the clause says the host bears
    it (实习单位…依法承担法律责任). Who bears a duty answers 谁 (the decision's missing signal), but it is no
    牵头单位: no lead line is built from it, the quotes say it."""
    liable = "实习单位侵害学生休息休假、参加保险等权利的，依法承担法律责任；"
    assert holds(Asked.unit, liable) and holds(Asked.unit, "用人单位应当承担赔偿责任。")
    assert find_slot(Asked.unit, [hit(liable)]) is None
    assert not holds(Asked.unit, "落实学生实习责任保险和人身意外伤害保险。")  # an insurance, not who
    assert not holds(Asked.unit, "各有关部门根据职责分工做好产教融合工作。")


def test_the_slot_piece_is_the_one_about_the_question() -> None:
    clause = hit("从2019年1月1日起，实施三年百万青年见习计划；组织失业青年参加3—12个月的就业见习。")
    slot = find_slot(Asked.duration, [clause], terms={"见习": 2.0, "就业": 1.0, "失业": 1.0, "青年": 1.0})
    assert slot is not None and "3—12个月" in slot.text


def test_a_case_is_no_value_and_only_the_quoted_sentences_give_one() -> None:
    """ "期限：…超过一个月不满一年未与劳动者订立书面劳动合同的" once led an answer about double pay."""
    case = hit("用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当每月支付两倍的工资。")
    assert find_slot(Asked.duration, [case]) is None
    article = hit("劳动合同期限三个月以上的，可以约定试用期。试用期不得超过六个月。用人单位应当提前三十日通知。")
    quoted = ["试用期不得超过六个月。"]
    slot = find_slot(Asked.duration, [article], terms={"通知": 2.0}, within=quoted)
    assert slot is not None and slot.text == "期限：试用期不得超过六个月"  # not the 三十日 of a sentence not quoted


def test_the_decision_weighs_signals() -> None:
    strong = Signals(similarity=0.9, contrast=0.1, overlap=0.8, unknown=0.0, missing=0.0)
    assert decide(strong).answerable
    missing = Signals(similarity=0.86, contrast=0.05, overlap=0.5, unknown=0.0, missing=1.0)
    refused = decide(missing, "金额或比例")
    assert not refused.answerable and refused.reason == "资料中没有具体的金额或比例"
    assert decide(Signals(similarity=0.78, contrast=0.0, overlap=0.1, unknown=1.0, missing=0.0)).answerable is False
    assert set(models()) >= {"extractive"}


def test_what_a_question_must_be() -> None:
    assert check_input("  企业要交什么？ ", None) == "企业要交什么？"
    with pytest.raises(QueryError, match="问题是空的"):
        check_input("   ", None)
    with pytest.raises(QueryError, match="问题有 501 个字，超过了 500 字"):
        check_input("问" * 501, None)
    assert lacks_chinese("What subsidies can my company get?") and not lacks_chinese("PLC实训室有补贴吗")


def test_a_value_said_of_a_case_is_stated_with_its_case() -> None:
    """ "金额或比例：企业要每月支付二倍工资" answered what an apprentice earns: the amount holds only for an
    employer who has not signed a contract, and the lead line says so."""
    clause = hit("超过一个月不满一年仍不签的，企业要每月支付二倍工资。同一单位只能约定一次试用期。")
    slot = find_slot(Asked.amount, [clause], terms={"工资": 1.0})
    assert slot is not None and slot.text == "金额或比例：超过一个月不满一年仍不签的，企业要每月支付二倍工资"
    plain = find_slot(Asked.amount, [hit("学徒培训补贴按每人每年4000元的标准发放。")])
    assert plain is not None and plain.text == "金额或比例：学徒培训补贴按每人每年4000元的标准发放"


def test_a_lead_line_needs_the_kind_clearly_asked() -> None:
    """ "频次：…" opening a yes/no question read as a frequency at 0.35 misleads; at 0.6 it is stated."""
    from assistant.answer.evidence import Candidate, QuestionTerms
    from assistant.answer.stages import LEAD_SHARE, Evidence, Scoped, find_answer_slot
    from assistant.places import scope_of
    from assistant.types import SearchHit
    from assistant.understand.query import Query, Route

    text = "职业院校教师每年至少1个月在企业或实训基地实训。"
    hit = SearchHit("c", "plan", "方案", "", "（十二）", "（十二）", text, 1.0)
    found = Evidence(QuestionTerms({"教师": 2.0}), [Candidate(text, hit, 0, 0)])

    def asked(share: float) -> Query:
        scores = (("frequency", share), ("yesno", 1.0 - share))
        return Query("问", "问", Route.policy, Asked.frequency, scope_of("问"), asked_scores=scores)

    assert find_answer_slot(asked(LEAD_SHARE - 0.05), Scoped([hit], []), found) is None
    slot = find_answer_slot(asked(0.6), Scoped([hit], []), found)
    assert slot is not None and slot.text.startswith("频次：") and "每年" in slot.text


def test_a_lead_line_is_not_read_from_a_sentence_quoted_only_for_its_value() -> None:
    """The best sentence holds no figure; one quoted at 0.6 of its score because it holds an amount
    (another rule's) gives no "金额或比例：" line; at 0.9 of the score it does."""
    from assistant.answer.evidence import Candidate, QuestionTerms
    from assistant.answer.stages import Evidence, Scoped, find_answer_slot
    from assistant.places import scope_of
    from assistant.types import SearchHit
    from assistant.understand.query import Query, Route

    rule = "对上岗实习的，应当签订实习协议，给予适当的劳动报酬。"
    other = "违反规定组织学生实习的，并处违法所得一倍以上五倍以下的罚款，违法所得不足一万元的，按一万元计算。"
    first = SearchHit("a", "law", "职业教育法", "", "第五十条", "第五十条", rule, 1.0)
    second = SearchHit("b", "law", "职业教育法", "", "第六十六条", "第六十六条", other, 0.8)
    query = Query("问", "问", Route.policy, Asked.amount, scope_of("问"), asked_scores=(("amount", 0.9),))

    def chosen(share: float) -> Evidence:
        best = Candidate(rule, first, 0, 0, score=1.0)
        return Evidence(QuestionTerms({"实习": 2.0}), [best, Candidate(other, second, 1, 0, score=share)])

    assert find_answer_slot(query, Scoped([first, second], []), chosen(0.6)) is None
    slot = find_answer_slot(query, Scoped([first, second], []), chosen(0.9))
    assert slot is not None and slot.text.startswith("金额或比例：")


def test_a_clearly_asked_figure_the_quotes_do_not_hold_is_said_to_be_missing() -> None:
    """ "实习学生报酬最少多少钱" and the clause says 适当的劳动报酬: the answer says the amount is not written
    and keeps the quote as a related rule (not grounded, as the benefits route does). A fine quoted from
    another clause only for its figure does not count as the amount; a two-part question says it per
    part; 谁 is never said to be missing (any subject of a sentence may be who)."""
    from assistant.answer.evidence import Candidate, QuestionTerms
    from assistant.answer.stages import Evidence, absent_value, without_value
    from assistant.answer.types import Answer, AnswerMode
    from assistant.places import scope_of
    from assistant.types import SearchHit
    from assistant.understand.query import Query, Route

    rule = "对上岗实习的，应当签订实习协议，给予适当的劳动报酬。"
    fine = "违反规定组织学生实习的，并处违法所得一倍以上五倍以下的罚款。"
    paid = "实习学生的报酬不低于每月2000元。"
    first = SearchHit("a", "law", "职业教育法", "", "第五十条", "第五十条", rule, 1.0)
    second = SearchHit("b", "law", "职业教育法", "", "第六十六条", "第六十六条", fine, 0.8)

    def query(label: str = "amount", parts: tuple = ()) -> Query:
        scores = ((label, 0.8), ("yesno", 0.1))
        return Query("问", "问", Route.policy, Asked(label), scope_of("问"), asked_scores=scores, parts=parts)

    def evidence(*texts_and_shares: tuple[str, SearchHit, float]) -> Evidence:
        chosen = [Candidate(t, h, i, 0, score=s) for i, (t, h, s) in enumerate(texts_and_shares)]
        return Evidence(QuestionTerms({"实习": 2.0}), chosen)

    assert absent_value(query(), evidence((rule, first, 1.0))) is Asked.amount
    assert absent_value(query(), evidence((rule, first, 1.0), (fine, second, 0.5))) is Asked.amount
    assert absent_value(query(), evidence((paid, first, 1.0))) is None
    assert absent_value(query(parts=(("问", Asked.amount), ("问", Asked.date))), evidence((rule, first, 1.0))) is None
    assert absent_value(query("unit"), evidence((rule, first, 1.0))) is None
    # the premise restated is no answer: "干满一年了，年休假一年能休几天？" and the clause's 一年以上
    leave = "劳动者连续工作一年以上的，享受带薪年休假。"
    asked_days = Query(
        "问",
        "员工干满一年了，年休假一年能休几天？",
        Route.policy,
        Asked.duration,
        scope_of("问"),
        asked_scores=(("duration", 0.8), ("yesno", 0.1)),
    )
    assert absent_value(asked_days, evidence((leave, first, 1.0))) is Asked.duration
    assert absent_value(asked_days, evidence(("每年可休带薪年休假五天。", first, 1.0))) is None

    text = "根据《职业教育法》第五十条：给予适当的劳动报酬[1]。"
    grounded = Answer("问", "问", text, True, AnswerMode.chat, "extractive")
    said = without_value(grounded, Asked.amount)
    assert not said.grounded and said.answer.startswith("资料中没有写明具体的金额或比例")
    assert "适当的劳动报酬[1]" in said.answer


def test_the_asked_value_is_looked_for_in_the_clauses_the_answer_quotes() -> None:
    """The evidence stage reads more hits than the top three: a count in the fourth hit's sentence that
    was chosen (至少一人) is not missing. It used to be, and the answer was refused for 资料中没有具体的数量."""
    from assistant.answer.evidence import Candidate, QuestionTerms
    from assistant.answer.stages import Evidence, Scoped, signals
    from assistant.places import scope_of
    from assistant.understand.query import Query, Route

    others = [
        SearchHit(f"c{i}", "law", "就业促进法", "", f"第{i}条", f"第{i}条", "应当为就业困难人员提供援助。", 1.0)
        for i in range(3)
    ]
    fourth = SearchHit(
        "c9", "law", "就业促进法", "", "第五十六条", "第五十六条", "应当为该家庭中至少一人提供适当的就业岗位。", 0.5
    )
    query = Query(
        "社区最少能给安排几个人？",
        "社区最少能给安排几个人？",
        Route.policy,
        Asked.how_many,
        scope_of(""),
        asked_scores=(("count", 0.6), ("yesno", 0.4)),
    )
    scoped = Scoped([*others, fourth], [])
    chosen = Candidate(fourth.text, fourth, 3, 0, overlap=0.5)
    found = Evidence(QuestionTerms({"社区": 1.0}), [chosen], {chosen.key: 0.9}, [chosen])
    assert signals(query, scoped, found).missing == 0.0
    nothing = Evidence(QuestionTerms({"社区": 1.0}), [], {}, [])
    assert signals(query, scoped, nothing).missing == pytest.approx(0.6)  # the top three hold no count


def test_a_batch_is_not_stated_as_the_count_asked() -> None:
    """一批 is how a plan says "some": "照国务院那个职教改革方案，实训基地要建多少个？" led with "数量：…建设一批…",
    which reads as the number asked. The lead says the text gives no number and quotes what it says; a
    real count is stated as before."""
    vague = hit("带动各级政府、企业和职业院校建设一批资源共享的实训基地。")
    slot = find_slot(Asked.how_many, [vague])
    assert slot is not None
    assert slot.text == "数量：原文没有给出具体数字，只说“带动各级政府、企业和职业院校建设一批资源共享的实训基地”"
    counted = find_slot(Asked.how_many, [hit("建成10个以上产教融合基地，建设一批实训基地。")], terms={"产教融合": 1.0})
    assert counted is not None and counted.text == "数量：建成10个以上产教融合基地"


def test_a_value_said_of_another_subject_is_not_the_one_asked() -> None:
    """ "实习生每天最多工作几个小时" once led with "期限：劳动者…每日工作时间不超过四小时" (the definition of
    part-time work) while the quoted internship rule names no hours: the value's sentence lacks the
    question's heaviest noun (实习) that another quote has, so no lead line (the quotes stay: the figure is
    not said to be missing, as that cost two right answers on dev-spoken). A noun no quote has (老师 where
    the rule says 教师) decides nothing; 生均拨款 is named by 生均财政拨款."""
    from assistant.answer.evidence import Candidate, QuestionTerms
    from assistant.answer.stages import Evidence, Scoped, find_answer_slot
    from assistant.places import scope_of
    from assistant.types import SearchHit
    from assistant.understand.query import Query, Route

    def ask(question: str, kind: Asked) -> Query:
        scores = ((kind.value, 0.8), ("yesno", 0.1))
        return Query(question, question, Route.policy, kind, scope_of(question), asked_scores=scores)

    def evidence(terms: dict[str, float], *texts: str) -> tuple[Scoped, Evidence]:
        hits = [SearchHit(f"c{i}", "law", "法", "", f"第{i}条", f"第{i}条", t, 1.0) for i, t in enumerate(texts)]
        chosen = [Candidate(t, h, i, 0, score=1.0) for i, (t, h) in enumerate(zip(texts, hits))]
        return Scoped(hits, []), Evidence(QuestionTerms(terms), chosen)

    internship = "接纳实习的单位应当保障学生在实习期间按照规定享受休息休假。"
    part_time = "非全日制用工，是指劳动者在同一用人单位一般平均每日工作时间不超过四小时的用工形式。"
    hours = ask("实习生每天最多工作几个小时", Asked.duration)
    scoped, found = evidence({"实习": 2.0, "工作": 0.2}, internship, part_time)
    assert find_answer_slot(hours, scoped, found) is None
    scoped, found = evidence({"实习": 2.0, "工作": 0.2}, part_time)  # nothing quoted says 实习: nothing decided
    slot = find_answer_slot(hours, scoped, found)
    assert slot is not None and "四小时" in slot.text

    teachers = ask("职校老师一年要去企业待多久", Asked.frequency)
    rule = "职业院校教师每5年累计不少于6个月到企业实践。"
    scoped, found = evidence({"老师": 2.0, "企业": 0.5}, rule)
    slot = find_answer_slot(teachers, scoped, found)
    assert slot is not None and "每5年" in slot.text

    funding = ask("国家对高职生均拨款要求的底线是一年多少钱", Asked.amount)
    scoped, found = evidence(
        {"生均拨款": 2.0, "高职": 1.0},
        "完善中等职业学校生均拨款制度。",
        "高等职业教育生均财政拨款水平达到12000元。",
    )
    slot = find_answer_slot(funding, scoped, found)
    assert slot is not None and "12000元" in slot.text


def test_a_value_is_weighed_with_the_case_it_is_said_of() -> None:
    """ "老板一直拖着不签合同，我能找他要多少钱" led with the three-times cap of severance pay: 合同 is only in
    the case of the double-pay rule (…未订立书面劳动合同的，), and the piece is weighed with its case."""
    clause = hit(
        "劳动者月工资高于职工月平均工资三倍的，按职工月平均工资三倍的数额支付。"
        "用人单位未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。"
    )
    slot = find_slot(Asked.amount, [clause], terms={"合同": 2.0, "钱": 0.2})
    assert slot is not None and "二倍" in slot.text and slot.sentence.startswith("用人单位")
