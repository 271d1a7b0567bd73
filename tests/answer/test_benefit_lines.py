"""A benefits answer on a corpus that lacks a benefit's source document (the bundled sample corpus
holds digests, not the division's plan): the entry is still listed, flagged 原文未收录, without a
figure no clause can check; with nothing cited the answer is not grounded."""

from __future__ import annotations

from assistant.answer.benefits import benefit_answer
from assistant.answer.types import Answer, AnswerMode
from assistant.opportunities.benefits import Category
from assistant.opportunities.match import BenefitMatch, MatchResult
from assistant.types import Citation
from assistant.understand.profiles import EnterpriseProfile

CLAUSE = "对产教融合试点企业举办职业教育符合条件的投资，按规定投资额30%的比例抵扣当年应缴教育费附加。"


def citation(chunk_id: str, text: str) -> Citation:
    return Citation(0, chunk_id, "plan", "实施方案", "", "16.", "16.", "2020-08-09", text, "", 0.0)


def benefit(id_: str, chunk_id: str, text: str = "") -> BenefitMatch:
    return BenefitMatch(
        id=id_,
        name=f"{id_}：投资抵扣教育费附加",
        category=Category.tax_deduction,
        amount="投资额的30%",
        lead_unit="财政局",
        citation=citation(chunk_id, text),
        conditions_met=["举办职业教育的投资"],
        verified=bool(chunk_id),
    )


def base() -> Answer:
    return Answer("我们投资办职教有啥优惠", "我们投资办职教有啥优惠", "", False, AnswerMode.chat, "matcher")


def test_uncited_entries_follow_flagged_and_without_a_figure() -> None:
    profile = EnterpriseProfile(activities=["举办职业教育投资"])
    result = MatchResult(profile, [benefit("甲", "c1", CLAUSE), benefit("乙", "")])
    answer = benefit_answer(base(), result)
    assert answer is not None and answer.grounded
    listed = [s for s in answer.sentences if s.source == "listing"]
    assert listed[0].markers == [1] and "30%" in listed[0].text  # checked against its clause
    assert listed[1].markers == [] and "原文未收录" in listed[1].text and "30%" not in listed[1].text
    assert [c.chunk_id for c in answer.citations] == ["c1"]


def test_with_nothing_cited_the_entries_are_listed_but_not_grounded() -> None:
    result = MatchResult(EnterpriseProfile(activities=["举办职业教育投资"]), [benefit("乙", "")])
    answer = benefit_answer(base(), result, "我理解贵单位的情况是（事项：举办职业教育投资），")
    assert answer is not None and not answer.grounded and not answer.citations
    assert "原文未收录，请向牵头单位核实" in answer.answer and "牵头单位：财政局" in answer.answer
