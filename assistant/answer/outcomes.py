"""Where a program's graduates went, on the program's card (task 13: the platform's 毕业生状况 serve its
recommendations). A student or a parent choosing a major compares programs by what became of those who
finished them; the graduate rows the schools publish say it. Each program recommended or listed carries its
school's newest row for it as a reason (scored 0: it informs, the ranking stays the recommender's)."""

from __future__ import annotations

from assistant.answer.platform_listing import outcome_words
from assistant.opportunities.fit import OUTCOME_REASON, Reason
from assistant.opportunities.recommend import Recommendation
from assistant.platform.records import GraduateOutcome
from assistant.platform.search import PlatformRecord

__all__ = ["OUTCOME_LEAD", "OUTCOME_REASON", "by_share_in_work", "lacks_outcome", "newest_outcomes", "with_outcomes"]

# the lead of the programs listed when a message asks how a major's graduates fare ("哪个专业就业率高")
OUTCOME_LEAD = "以下按毕业生就业比例（各校最新一年发布的毕业生状况）从高到低列出{kinds}："


def newest_outcomes(records: list[PlatformRecord]) -> dict[tuple[str, str], GraduateOutcome]:
    """Each (school, program)'s newest graduate row."""
    newest: dict[tuple[str, str], GraduateOutcome] = {}
    for item in records:
        rec = item.record
        if isinstance(rec, GraduateOutcome):
            key = (rec.school, rec.program)
            if key not in newest or rec.year > newest[key].year:
                newest[key] = rec
    return newest


def lacks_outcome(recs: list[Recommendation]) -> bool:
    """Whether a program among ``recs`` has no graduate row as a reason yet."""
    return any(rec.item.record_type == "program" and not _has_outcome(rec) for rec in recs)


def _has_outcome(rec: Recommendation) -> bool:
    return any(r.reason == OUTCOME_REASON for r in rec.reasons)


def with_outcomes(recs: list[Recommendation], outcomes: dict[tuple[str, str], GraduateOutcome]) -> list[Recommendation]:
    """``recs`` with each program's graduate row as a reason, when its school published one (in place)."""
    for rec in recs:
        item = rec.item
        found = outcomes.get((item.school, item.title)) if item.record_type == "program" else None
        if found is not None and not _has_outcome(rec):
            rec.reasons.append(Reason(OUTCOME_REASON, outcome_words(found)))
    return recs


def by_share_in_work(
    recs: list[Recommendation], outcomes: dict[tuple[str, str], GraduateOutcome]
) -> list[Recommendation]:
    """``recs`` with the programs whose graduates are most in work first (their school's newest row), those with
    no row after them; stable, so an order before (good fits first, a level) holds among equals."""

    def share(rec: Recommendation) -> float:
        row = outcomes.get((rec.item.school, rec.item.title)) if rec.item.record_type == "program" else None
        found = row.employed_share if row is not None else None
        return -1.0 if found is None else found

    return sorted(recs, key=lambda rec: (not rec.fits, -share(rec)))
