"""Evidence sentences and the asked unit (no index needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.answer.evidence import Candidate


def test_an_faq_question_is_its_heading_not_a_quote() -> None:
    from assistant.answer.evidence import QuestionTerms, collect
    from assistant.types import SearchHit

    text = "问：企业接收学生实习，需要承担哪些责任？\n答：接收实习的单位要保障学生参加相关保险并支付劳动报酬。"
    hit = SearchHit("c", "faq", "常见问题", "", "F004", "F004", text, 1.0)
    candidates = collect([hit], QuestionTerms({"实习": 2.0, "责任": 2.0, "保险": 1.0}))
    assert [c.text for c in candidates] == ["答：接收实习的单位要保障学生参加相关保险并支付劳动报酬。"]
    assert candidates[0].matched == {"实习", "责任", "保险"}  # 责任 from the question, at half weight
    assert candidates[0].overlap == (2.0 + 0.5 * 2.0 + 1.0) / 5.0


def test_every_sentence_of_an_faq_question_is_heading_not_quote() -> None:
    """ "问：需要签劳动合同吗？试用期最长多久？" is two sentences: the second was quoted as evidence."""
    from assistant.answer.evidence import QuestionTerms, collect
    from assistant.types import SearchHit

    text = (
        "问：我以学徒身份入职，需要签劳动合同吗？试用期最长多久？\n"
        "答：应当在一个月内订立书面劳动合同。试用期按合同期限确定。"
    )
    hit = SearchHit("c", "faq", "常见问题", "", "F008", "F008", text, 1.0)
    candidates = collect([hit], QuestionTerms({"试用期": 2.0, "合同": 1.0}))
    assert [c.text for c in candidates] == ["答：应当在一个月内订立书面劳动合同。", "试用期按合同期限确定。"]
    assert "试用期" in candidates[1].matched


def _candidates(text: str) -> list[Candidate]:
    """Every sentence of one clause, as the evidence stage scores them."""
    from assistant.answer.evidence import QuestionTerms, collect
    from assistant.types import SearchHit

    hit = SearchHit("c", "law", "劳动合同法", "", "第四十七条", "第四十七条", text, 1.0)
    return collect([hit], QuestionTerms({"补偿": 1.0}))


def test_a_clause_that_fits_is_quoted_whole() -> None:
    """One sentence of an article often answers half the question: the article is quoted whole
    when it fits, in reading order; the chosen sentence alone when it does not."""
    from assistant.answer.evidence import widen

    article = _candidates(
        "经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付。"
        "六个月以上不满一年的，按一年计算；不满六个月的，向劳动者支付半个月工资的经济补偿。"
    )
    chosen = [article[-1]]
    assert [c.position for c in widen(chosen, article)] == [c.position for c in article]
    assert widen(chosen, article, max_chars=40) == chosen
    assert widen([], article) == []


def test_a_sentence_opening_a_list_brings_its_items_within_the_budget() -> None:
    from assistant.answer.evidence import widen

    clause = _candidates(
        "设立学校，必须具备下列基本条件：\n（一）有组织机构和章程；\n（二）有合格的教师；\n"
        "（三）有符合规定标准的教学场所；\n（四）有必备的办学资金和稳定的经费来源。\n"
        + "另有其他规定适用于民办学校的设立和审批程序事项。\n"
        * 12
    )
    opener = next(c for c in clause if c.text.endswith("："))
    quoted = widen([opener], clause, max_chars=60, list_chars=30)
    texts = [c.text for c in quoted]
    assert (
        texts[0] == opener.text and any("组织机构和章程" in t for t in texts) and any("合格的教师" in t for t in texts)
    )
    assert sum(len(t) for t in texts) <= 90
    assert [c.position for c in quoted] == sorted(c.position for c in quoted)


def test_a_list_is_quoted_whole_beyond_the_clause_budget() -> None:
    """ "哪些" answered with the first item of a list names the wrong ones: the items of a list a
    quoted sentence opens get room of their own (the fifth item held the asked service)."""
    from assistant.answer.evidence import widen

    clause = _candidates(
        "公共就业服务机构为劳动者免费提供下列服务：\n（一）就业政策法规咨询；\n（二）职业供求信息发布；\n"
        "（三）职业指导和职业介绍；\n（四）对就业困难人员实施就业援助；\n（五）办理就业登记、失业登记等事务；\n"
        "（六）其他公共就业服务。"
    )
    opener = next(c for c in clause if c.text.endswith("："))
    texts = [c.text for c in widen([opener], clause, max_chars=40)]
    assert len(texts) == len(clause) and any("失业登记" in t for t in texts)
    assert not any("失业登记" in c.text for c in widen([opener], clause, max_chars=40, list_chars=0))


def test_a_part_after_a_semicolon_brings_the_year_that_opens_its_sentence() -> None:
    """The splitter cuts a sentence at "；": "落实各项支持优惠政策…" is the best part for "哪一年开始推的", and
    its year (2021年) opens the sentence. Asked a date, the opening part is quoted too; not asked one, or
    when the best part opens its own sentence, nothing is added."""
    from assistant.answer.evidence import QuestionTerms, choose, collect
    from assistant.types import SearchHit
    from assistant.understand.query import Asked

    text = (
        "2020年,启动产教融合工作。2021年,全力推进“引企入教”改革,进一步完善发展机制;"
        "落实各项支持优惠政策,包括抵免教育费附加等;适时评选公布示范项目。"
    )
    hit = SearchHit("c", "local_plan", "实施方案", "", "（三）", "（三）", text, 1.0)
    candidates = collect([hit], QuestionTerms({"优惠": 2.0, "教育费附加": 3.0}))
    for c in candidates:  # scored as the evidence stage would: only the part with the question's words
        c.score = 1.0 if c.matched else 0.1
    ranked = sorted(candidates, key=lambda c: -c.score)
    assert ranked[0].text.startswith("落实")
    dated = [c.text[:5] for c in choose(ranked, max_sentences=1, slot_kind=Asked.date)]
    assert dated == ["2021年", "落实各项支", "适时评选公"]  # reading order; the part it runs on into too
    assert [c.text[:5] for c in choose(ranked, max_sentences=1)] == ["落实各项支", "适时评选公"]
    opening = [c for c in ranked if c.text.startswith("2020")]
    assert [c.text[:5] for c in choose(opening, max_sentences=1, slot_kind=Asked.date)] == ["2020年"]


def test_a_part_cut_at_a_semicolon_is_quoted_with_its_sentence_when_the_clause_is_too_long() -> None:
    """第五十条's rights (休息休假、参加相关保险) are in the part before "；对上岗实习的…给予适当的劳动报酬。": the
    article with its second paragraph is over the budget, so the sentence, not the clause, is completed."""
    from assistant.answer.evidence import widen

    article = _candidates(
        "第五十条 国家鼓励企业安排实习岗位。接纳实习的单位应当保障学生享受休息休假、参加相关保险等权利；"
        "对上岗实习的，应当签订实习协议，给予适当的劳动报酬。\n" + "职业学校应当加强对实习实训学生的指导。" * 8
    )
    chosen = [c for c in article if c.text.startswith("对上岗实习")]
    quoted = [c.text[:6] for c in widen(chosen, article, max_chars=120)]
    assert quoted == ["接纳实习的单", "对上岗实习的"]
    assert [c.text[:6] for c in widen(chosen, article, max_chars=40)] == ["对上岗实习的"]  # the sentence over it too


def test_a_sentence_of_another_clause_scoring_nearly_as_well_is_quoted_too() -> None:
    """Two rules that say the same words (夜班 for pregnant workers, 夜班 for nursing mothers) for a question in
    other words: when the scores cannot tell them apart, quoting one is a coin toss; both are quoted. A rule
    clearly behind, adding no word of the question, is not; nor one sharing only an everyday word."""
    from assistant.answer.evidence import TIE_SHARE, QuestionTerms, choose, collect
    from assistant.types import SearchHit

    pregnant = SearchHit("a", "law", "劳动法", "", "第六十一条", "第六十一条", "怀孕七个月以上的，不得安排夜班。", 1.0)
    nursing = SearchHit("b", "law", "劳动法", "", "第六十三条", "第六十三条", "哺乳未满一周岁的，不得安排夜班。", 0.9)
    first, second = collect([pregnant, nursing], QuestionTerms({"夜班": 2.0}))
    assert first.matched == second.matched  # the second adds no word of the question
    first.score, second.score = 1.0, TIE_SHARE
    assert [c.hit.chunk_id for c in choose([first, second])] == ["a", "b"]
    second.score = TIE_SHARE - 0.05
    assert [c.hit.chunk_id for c in choose([first, second])] == ["a"]
    # candidates sharing only an everyday word (安排) crowd as closely; such a tie is not quoted
    weak = collect([pregnant, nursing], QuestionTerms({"安排": 0.2}))
    weak[0].score, weak[1].score = 0.3, 0.3
    assert [c.hit.chunk_id for c in choose(weak)] == ["a"]


def test_the_sentence_whose_cosine_stands_out_wins_over_equal_overlap() -> None:
    """A spoken question shares its words with several sentences of a clause; e5 cosines of one
    question crowd within a few hundredths, so the sentence that says what it means in other words
    (到期还是不给 / 逾期不支付) wins by standing out among them, not by its raw cosine."""
    from assistant.answer.evidence import RankWeights, rank, standouts

    assert standouts([0.9, 0.9]) == [0.0, 0.0] and standouts([0.5]) == [0.0]
    low, high = standouts([0.90, 0.92])
    assert low == -1.0 and high == 1.0
    clause = _candidates("用人单位应当支付劳动者补偿。逾期不支付的，加付补偿。用人单位补偿的标准另定。")
    assert len({c.overlap for c in clause}) == 1  # each holds 补偿 once: the words do not decide
    dense = {clause[0].key: 0.910, clause[1].key: 0.925, clause[2].key: 0.905}
    assert rank(clause, {}, dense)[0] is clause[1]
    # without the standout the raw cosine's hundredths hardly move the score
    flat = RankWeights(standout=0.0)
    spread = rank(clause, {}, dense, flat)
    assert spread[0].score - spread[-1].score < 0.011


def test_a_part_of_a_place_s_name_weighs_as_an_everyday_word() -> None:
    """十二 (of 十二师) names no topic: once clause labels stopped lending it a high document frequency
    (第十二条), its idf lifted every sentence that names the division over the one about what was asked.
    The whole name keeps its weight; the part weighs as an everyday word."""
    from assistant.answer.evidence import EVERYDAY_WEIGHT, question_terms

    terms = question_terms("十二师职校以后重点发展哪些领域的专业？", lambda t: 5.0, lambda t: 3)
    assert terms.weights["十二"] == 5.0 * 0.5 * EVERYDAY_WEIGHT  # a part of 十二师 (half) and no topic
    assert terms.weights["专业"] == 5.0 and terms.weights["十二师"] == 5.0


def test_a_line_naming_only_the_source_is_quoted_with_its_clause_never_for_itself() -> None:
    """ "十二师有哪些专业可以报" (the bundled corpus) quoted "（依据：《十二师深化产教融合的实施方案》三、（一）2.）"
    alone for its second clause: the basis line holds the plan's title (十二师) and the clause heading's words
    count for each of its sentences, so it outscored the clause's own rule."""
    from assistant.answer.evidence import QuestionTerms, choose, collect, is_basis_line, rank, widen
    from assistant.types import SearchHit

    assert is_basis_line("（依据：《十二师深化产教融合的实施方案》三、（一）2.）")
    assert is_basis_line("依据：《中华人民共和国职业教育法》第五十条、第六十六条")
    assert is_basis_line("依据：《劳动法》第四十四条、《劳动合同法》第三十一条")
    assert not is_basis_line("依据：《劳动法》第四十四条，企业应当支付加班费。")  # a rule follows the source
    assert not is_basis_line("依据本法规定，企业应当支付报酬。")
    text = (
        "9.专业设置对接乌昌产业。围绕重点产业体系优化专业结构，重点建设急需专业和专业群。"
        "（依据：《十二师深化产教融合的实施方案》三、（一）2.）"
    )
    hit = SearchHit("c", "policy", "十二师产教融合目标（摘编）", "", "9.", "9.", text, 1.0)
    hit.metadata["heading"] = "9.专业设置对接乌昌产业"
    terms = QuestionTerms({"十二师": 3.0, "专业": 2.0})
    ranked = rank(collect([hit], terms), {})
    assert is_basis_line(ranked[0].text)  # it scores best: the title's 十二师, the heading's 专业
    chosen = choose(ranked)
    assert chosen and not any(is_basis_line(c.text) for c in chosen)
    assert any(is_basis_line(c.text) for c in widen(chosen, ranked))  # quoted with the clause it names
