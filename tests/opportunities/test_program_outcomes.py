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
