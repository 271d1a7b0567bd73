"""Evaluating opportunities: recommendations on student profiles, benefits on enterprise profiles.

Gold files (``evals/student_profiles*.yaml``, ``evals/enterprise_profiles*.yaml``; dev and held-out
test) hold profiles with what a careful person would pick: record ids, or benefit catalog ids. Per
profile and overall (macro average): precision = relevant listed / listed, recall = relevant listed /
gold, over the ranked list a person reads (good fits, then the nearest). Students also get
``precision_fits`` (precision of the good fits alone, without the nearest), ``top5`` (share of
``expected`` in the first five), and when the case says so ``first`` (1 when its
``first`` id is ranked first) and ``never_shown`` (ids of its ``never`` list that were shown at all:
must be 0); ``with_reasons`` is 1 when every shown item has a reason. Enterprises with ``units``
get ``units`` (share of the expected lead units found on the matched benefits). Automatic benefit
candidates are never in the gold, so they count against precision; the catalog-only precision is
reported beside it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.errors import QueryError
from assistant.service import Assistant
from assistant.understand.profiles import EnterpriseProfile, StudentProfile, profile_error

RECOMMEND_TOP_K = 10
log = logging.getLogger(__name__)


@dataclass
class ProfileScore:
    id: str
    precision: float
    recall: float
    listed: list[str]
    gold: list[str]
    extra: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            **{k: round(v, 3) for k, v in self.extra.items()},
            "missed": sorted(set(self.gold) - set(self.listed)),
            "unexpected": [x for x in self.listed if x not in self.gold],
        }


@dataclass
class OpportunityReport:
    today: dt.date
    recommendations: list[ProfileScore]
    benefits: list[ProfileScore]

    def summary(self) -> dict[str, dict[str, float]]:
        return {
            "recommendations": _mean(self.recommendations, ["precision", "recall", *STUDENT_EXTRA]),
            "benefits": _mean(self.benefits, ["precision", "recall", "precision_catalog", "units"]),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "summary": self.summary(),
            "recommendations": [s.to_dict() for s in self.recommendations],
            "benefits": [s.to_dict() for s in self.benefits],
        }


STUDENT_EXTRA = ["precision_fits", "top5", "first", "never_shown", "with_reasons"]


def _mean(scores: list[ProfileScore], names: list[str]) -> dict[str, float]:
    """Macro averages; a figure only some cases have (``first``, ``units``) is averaged over those."""
    out = {}
    for name in names:
        values = [getattr(s, name) if hasattr(s, name) else s.extra[name] for s in scores if _has(s, name)]
        if values:
            out[name] = round(sum(values) / len(values), 3)
    return out


def _has(score: ProfileScore, name: str) -> bool:
    return hasattr(score, name) or name in score.extra


def precision_recall(listed: list[str], gold: list[str]) -> tuple[float, float]:
    """Set precision and recall; an empty list has precision 1 when the gold is empty too."""
    hits = len(set(listed) & set(gold))
    precision = hits / len(listed) if listed else float(not gold)
    recall = hits / len(gold) if gold else 1.0
    return precision, recall


def load_gold(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The file's header (e.g. ``today``) and its profiles (each: id, profile, expected)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise QueryError(f"{path}: cannot read gold profiles: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("profiles"), list):
        raise QueryError(f"{path}: expected a mapping with a `profiles:` list")
    for number, case in enumerate(data["profiles"], start=1):
        if not isinstance(case, dict) or not {"id", "profile", "expected"} <= set(case):
            raise QueryError(f"{path}: profile {number}: needs id, profile and expected")
    return {k: v for k, v in data.items() if k != "profiles"}, data["profiles"]


def run_opportunity_eval(
    assistant: Assistant, students: Path, enterprises: Path, today: dt.date | None = None
) -> OpportunityReport:
    header, student_cases = load_gold(students)
    day = today or _as_date(header.get("today")) or dt.date.today()
    _, enterprise_cases = load_gold(enterprises)
    return OpportunityReport(
        day,
        [_score_student(assistant, students, case, day) for case in student_cases],
        [_score_enterprise(assistant, enterprises, case) for case in enterprise_cases],
    )


def _as_date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value) if value else None


def _score_student(assistant: Assistant, path: Path, case: dict[str, Any], today: dt.date) -> ProfileScore:
    profile = _validate(path, case, StudentProfile, today)
    result = assistant.recommend(profile, RECOMMEND_TOP_K, today=today)
    ranked = result.ranked
    listed = [r.item.record_id for r in ranked]
    gold = list(case["expected"])
    precision, recall = precision_recall(listed, gold)
    extra = {
        "precision_fits": precision_recall([r.item.record_id for r in result.items], gold)[0],
        "top5": len(set(listed[:5]) & set(gold)) / len(gold) if gold else 1.0,
        "never_shown": float(len(set(listed) & set(case.get("never") or []))),
        "with_reasons": float(all(r.reasons for r in ranked)),
    }
    if case.get("first"):
        extra["first"] = float(bool(listed) and listed[0] == case["first"])
    return ProfileScore(str(case["id"]), precision, recall, listed, gold, extra)


def _score_enterprise(assistant: Assistant, path: Path, case: dict[str, Any]) -> ProfileScore:
    profile = _validate(path, case, EnterpriseProfile)
    try:
        matches = assistant.match(profile).benefits
    except QueryError as exc:  # the readers found nothing to match on: every expected entry is missed
        log.warning("profile %s: %s", case["id"], exc)
        matches = []
    listed = [b.id for b in matches]
    gold = list(case["expected"])
    precision, recall = precision_recall(listed, gold)
    catalog_precision, _ = precision_recall([b.id for b in matches if not b.automatic], gold)
    extra = {"precision_catalog": catalog_precision}
    units: dict[str, str] = case.get("units") or {}
    if units:
        found = {b.id: b.lead_unit for b in matches}
        extra["units"] = sum(unit in found.get(bid, "") for bid, unit in units.items()) / len(units)
    return ProfileScore(str(case["id"]), precision, recall, listed, gold, extra)


def _validate(path: Path, case: dict[str, Any], model: type[Any], today: dt.date | None = None) -> Any:
    try:
        return model.model_validate(case["profile"], context={"today": today} if today else None)
    except ValidationError as exc:
        raise QueryError(f"{path}: profile {case['id']}: {profile_error(exc)}") from exc


_QUIET = ("precision_catalog", "with_reasons", "precision_fits")


def format_report(report: OpportunityReport) -> str:
    lines = [f"today: {report.today.isoformat()}"]
    for title, scores in (("recommendations", report.recommendations), ("benefits", report.benefits)):
        lines.append(f"\n{title}:")
        for s in scores:
            d = s.to_dict()
            extra = f"  missed {d['missed']}" if d["missed"] else ""
            extra += f"  unexpected {d['unexpected']}" if d["unexpected"] else ""
            figures = "".join(f"  {k} {v:.2f}" for k, v in s.extra.items() if k not in _QUIET)
            lines.append(f"  {s.id:<36} P {s.precision:.2f}  R {s.recall:.2f}{figures}{extra}")
        overall = report.summary()[title]
        lines.append("  overall: " + "  ".join(f"{k} {v:.3f}" for k, v in overall.items()))
    return "\n".join(lines)
