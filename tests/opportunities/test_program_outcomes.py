"""A program recommended or listed says what became of its graduates (the platform's 毕业生状况, task 13)."""

from __future__ import annotations

import pytest

from assistant.answer.outcomes import OUTCOME_REASON, newest_outcomes
from assistant.platform.records import PlatformKind
from assistant.platform.search import PlatformFilters
from assistant.types import Persona
from assistant.understand.profiles import StudentProfile
from tests.opportunities.conftest import TODAY

pytestmark = pytest.mark.slow


def test_a_recommended_program_carries_its_schools_newest_graduate_row(opp) -> None:
    """A student choosing a major compared programs without what became of their graduates, which the schools
    publish on the platform; the recommendation (API, CLI, the form) now says it for each program, unscored."""
    rows = opp.platform.search("", PlatformFilters(kind=[PlatformKind.graduates]), 500)
    newest = newest_outcomes(rows)
    result = opp.recommend(StudentProfile(majors=["护理"], kinds=["专业"]), top_k=10, today=TODAY)
    programs = [r for r in result.ranked if r.item.record_type == "program"]
    assert programs
    for rec in programs:
        row = newest.get((rec.item.school, rec.item.title))
        outcome = [r for r in rec.reasons if r.reason == OUTCOME_REASON]
        if row is None:
            assert not outcome, rec.item.title
            continue
        assert len(outcome) == 1 and outcome[0].score == 0, rec.item.title
        assert outcome[0].text == f"{OUTCOME_REASON}：{outcome[0].detail}", rec.item.title  # no "（+0）" verdict
        assert outcome[0].detail.startswith(f"{row.year}年毕业{row.graduates}人，就业{row.employed}人"), rec.item.title
        years = [
            r.record.year for r in rows if (r.record.school, r.record.program) == (rec.item.school, rec.item.title)
        ]
        assert row.year == max(years), rec.item.title
    assert any(r.reason == OUTCOME_REASON for rec in programs for r in rec.reasons)


def test_a_parent_asking_which_major_finds_work_sees_each_programs_outcome(opp) -> None:
    """ "孩子初中毕业，学什么专业好就业" listed programs by place and deadline only: nothing in the answer spoke to
    finding work. Each program listed now says its graduates' year (就业…人（占…%）); postings carry none."""
    answer = opp.ask("孩子初中毕业，学什么专业好就业", persona=Persona.student)
    assert answer.route == "opportunities" and answer.opportunities
    programs = [o for o in answer.opportunities if o["record_type"] == "program"]
    assert programs and all(any(r["reason"] == OUTCOME_REASON for r in o["reasons"]) for o in programs)
    assert "毕业生去向：" in answer.answer and "%）" in answer.answer
    job = opp.ask("我是学汽修的中职生，想找个实习", persona=Persona.student)
    assert not any(r["reason"] == OUTCOME_REASON for o in job.opportunities for r in o["reasons"])


def _shares(answer) -> list[float]:
    """Each listed program's share of graduates in work, as its card says it (就业…人（占…%）)."""
    import re

    out = []
    for item in answer.opportunities:
        said = " ".join(r["text"] for r in item["reasons"] if r["reason"] == OUTCOME_REASON)
        found = re.search(r"就业\d+人（占(\d+)%）", said)
        out.append(float(found.group(1)) if found else -1.0)
    return out


@pytest.mark.parametrize(
    "message",
    [
        "孩子初中毕业，学什么专业好就业",
        "哪个专业就业率高？",  # went to the policy route: a rule on graduates' equal treatment was quoted
        "哪个专业毕业好找工作？",  # listed full-time postings by place and deadline
        "读职校的话，哪些专业的学生毕业后最容易找到活干？",
    ],
)
def test_asked_which_major_finds_work_the_programs_come_by_their_share_in_work(opp, message) -> None:
    """How a major's graduates fare is asked (the outcomes probe): the programs, each with its school's newest
    graduate row, the largest share in work first, under a lead that says the order."""
    answer = opp.ask(message)
    assert answer.route == "opportunities", answer.answer
    assert answer.opportunities and all(o["record_type"] == "program" for o in answer.opportunities)
    shares = _shares(answer)
    assert shares == sorted(shares, reverse=True) and shares[0] > 0, answer.answer
    assert "按毕业生就业比例" in answer.answer and "就业率" not in answer.profile.get("interests", [])


def test_a_named_majors_graduates_are_its_programs_rows(opp) -> None:
    """ "护理专业毕业生就业情况怎么样？" listed a nursing job first and the program fourth: the programs of the major
    now, each with its graduates' row; a search for the major's openings keeps its postings."""
    answer = opp.ask("护理专业毕业生就业情况怎么样？")
    assert answer.route == "opportunities"
    assert answer.opportunities[0]["record_type"] == "program" and answer.opportunities[0]["title"] == "护理"
    assert all(o["record_type"] == "program" for o in answer.opportunities)
    assert _shares(answer)[0] > 0
    search = opp.ask("护理专业有什么实习岗位？")
    assert any(o["record_type"] == "posting" for o in search.opportunities)


@pytest.mark.parametrize(
    "message",
    ["职校毕业生在就业上享受什么待遇？", "毕业生档案转到哪里？", "毕业后找不到工作，政府有什么帮扶？"],
)
def test_rules_about_graduates_stay_policy_questions(opp, message) -> None:
    """毕业生 and 就业 alone ask no outcome: the rules about graduates are the documents' matters."""
    assert opp.understander().understand(message).route.value == "policy"
