"""Sentence splitting, quantities, verification and follow-up rewriting (no index needed)."""

from __future__ import annotations

from assistant.answer.rewrite import standalone_question
from assistant.answer.types import Citation, Turn
from assistant.answer.verify import verify_answer, verify_sentence
from assistant.text.numbers import quantities
from assistant.text.sentences import split_sentences

CLAUSE = "对产教融合试点企业举办职业教育符合条件的投资,按规定投资额30%的比例抵扣当年应缴教育费附加和地方教育附加。"


def cites(text: str = CLAUSE, path: str = "三、工作任务 > 16.") -> dict[int, Citation]:
    return {1: Citation(1, "c1", "plan", "十二师深化产教融合的实施方案", "", path, "16.", "2020-08-09", text, "", 1.0)}


def test_sentences_keep_their_end_punctuation_and_drop_blanks() -> None:
    text = "一、总体要求\n（一）加强统筹。每5年累计不少于6个月；新入职教师前3年应在企业实践！\n\n"
    expected = ["一、总体要求", "（一）加强统筹。", "每5年累计不少于6个月；", "新入职教师前3年应在企业实践！"]
    assert split_sentences(text) == expected


def test_quantities_compare_chinese_and_arabic_numerals() -> None:
    assert quantities("按投资额的百分之三十抵免") == quantities("按投资额的30%抵免") == {"30%"}
    assert quantities("二〇二〇年起，每两年不少于两个月") == {"2020", "2"}
    assert quantities("支付1.50%的费用，共1,000元") == {"1.5%", "1000"}
    assert quantities("（一）加强统筹") == set()  # a clause label is structure, not a quantity
    assert quantities("16. 落实财税政策") == set()


def test_a_number_the_cited_clause_does_not_hold_is_removed() -> None:
    text = "试点企业可按投资额的30%抵扣教育费附加[1]。试点企业可按投资额的50%抵扣[1]。"
    kept, removed = verify_answer(text, cites(), True)
    assert [s.text for s in kept] == ["试点企业可按投资额的30%抵扣教育费附加[1]。"]
    assert len(removed) == 1 and "50%" in removed[0]


def test_markers_must_point_at_retrieved_clauses_and_be_present() -> None:
    assert verify_sentence("投资额30%抵扣[2]。", cites(), True).reason.startswith("引用[2]")
    assert not verify_sentence("投资额30%抵扣教育费附加。", cites(), True).ok
    # a marker after the full stop belongs to the sentence before it
    kept, removed = verify_answer("按投资额30%的比例抵扣教育费附加。[1]", cites(), True)
    assert kept and kept[0].markers == [1] and not removed


def test_a_flipped_rule_is_caught() -> None:
    clause = "经认定的实习实训基地，免征相关费用。"
    assert not verify_sentence("实习实训基地需要缴纳相关费用[1]。", cites(clause), True).ok
    assert not verify_sentence("实习实训基地不得收取费用[1]。", cites(clause), True).ok
    assert verify_sentence("经认定的实习实训基地免征相关费用[1]。", cites(clause), True).ok


def test_written_sentences_must_use_the_clause_words() -> None:
    assert not verify_sentence("企业可以获得土地出让优惠和银行贷款贴息[1]。", cites(), True).ok
    # a verbatim quote is checked for markers and numbers only
    assert verify_sentence(CLAUSE[:-1] + "[1]。", cites(), False).ok


def test_follow_ups_become_standalone_questions() -> None:
    history = [Turn("user", "十二师企业投资职业教育能享受什么税收优惠？"), Turn("assistant", "……")]
    assert standalone_question("那学徒制呢？", history) == "十二师学徒制能享受什么税收优惠？"
    assert standalone_question("这个比例是多少", history) == "十二师企业投资职业教育能享受什么税收优惠，这个比例是多少"
    # a full question stands alone; no history, no change
    full = "劳动合同法规定试用期最长多久？"
    assert standalone_question(full, history) == full
    assert standalone_question("那学徒制呢？", None) == "那学徒制呢？"


def test_asked_units_and_lists() -> None:
    from assistant.answer.evidence import says_quantity
    from assistant.answer.gate import asked_unit, lists_items

    assert asked_unit("在一家单位干了多少年才能签无固定期限合同？") == "年"
    assert asked_unit("每年培养多少人？") == "人" and asked_unit("有什么要求？") == ""
    assert says_quantity("每年培养50名工匠型人才", "人")  # 名 counts as 人
    assert not says_quantity("连续订立二次固定期限劳动合同", "年")
    # asking for names needs a list of them, not a count or a list of something else
    assert lists_items("申报设置电气技术应用、机电技术应用等5个专业", "专业")
    assert not lists_items("申报设置电气技术应用、机电技术应用等5个专业,开展产教融合型企业申报", "企业")
    assert not lists_items("在职业院校、应用型本科高校启动“学历证书+若干职业技能等级证书”制度试点", "证书")


def test_an_faq_question_is_its_heading_not_a_quote() -> None:
    from assistant.answer.evidence import QuestionTerms, collect
    from assistant.types import SearchHit

    text = "问：企业接收学生实习，需要承担哪些责任？\n答：接收实习的单位要保障学生参加相关保险并支付劳动报酬。"
    hit = SearchHit("c", "faq", "常见问题", "", "F004", "F004", text, 1.0)
    candidates = collect([hit], QuestionTerms({"实习": 2.0, "责任": 2.0, "保险": 1.0}))
    assert [c.text for c in candidates] == ["答：接收实习的单位要保障学生参加相关保险并支付劳动报酬。"]
    assert candidates[0].matched == {"实习", "责任", "保险"}  # 责任 from the question, at half weight
    assert candidates[0].overlap == (2.0 + 0.5 * 2.0 + 1.0) / 5.0
