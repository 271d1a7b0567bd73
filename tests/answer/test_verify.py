"""Verification: every sentence checked against the clause its markers cite."""

from __future__ import annotations

from assistant.answer.types import Citation
from assistant.answer.verify import verify_answer, verify_sentence

CLAUSE = "对产教融合试点企业举办职业教育符合条件的投资,按规定投资额30%的比例抵扣当年应缴教育费附加和地方教育附加。"


def cites(text: str = CLAUSE, path: str = "三、工作任务 > 16.") -> dict[int, Citation]:
    return {1: Citation(1, "c1", "plan", "十二师深化产教融合的实施方案", "", path, "16.", "2020-08-09", text, "", 1.0)}


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


def test_a_sentence_about_the_document_itself_is_backed_by_its_date() -> None:
    """ "时间：《…实施方案》的日期为2020-08-09[1]" states the cited document's own date: backed by its metadata
    only when said of the document (a quote or a written sentence still needs the clause to hold the number)."""
    said = "时间：《十二师深化产教融合的实施方案》的日期为2020-08-09[1]。"
    assert verify_sentence(said, cites(), False, document=True).ok
    assert not verify_sentence(said, cites(), False).ok
    assert not verify_sentence("时间：《十二师深化产教融合的实施方案》的日期为2021-08-09[1]。", cites(), False, True).ok
