"""Two-way matching with graded reasons (the style of :mod:`assistant.opportunities.recommend`).

    match_need(need, resources)         技术需求 -> the schools' bases, teams, results, training
    match_demand(demand, pool)          人才需求 -> programs and graduate pools, with the gap in numbers
    match_school(org, items, programs)  a school -> the enterprise needs it could answer

Each rule adds to the score and says why; nothing is a hard filter except "nothing in common"
(no shared field or major), which leaves a candidate out. An empty result says so in words.

Weights (chosen by hand on the sample data, not measured: there is no gold set of pairings yet):
field 2.0 per shared field (max 2 counted), major 1.5, place same 1.0 / near 0.6 / region 0.3,
form fits the resource kind 1.0, capacity known and enough 0.5, level fits 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.places import Relation, gazetteer, places_in
from assistant.platform.records import GraduateOutcome, NeedForm, ResourceKind, SchoolResource, TalentDemand, TechNeed
from assistant.platform.search import PlatformRecord
from assistant.records import Program

_FORM_FITS = {
    NeedForm.joint: (ResourceKind.team, ResourceKind.result),
    NeedForm.service: (ResourceKind.base, ResourceKind.team),
    NeedForm.training: (ResourceKind.training, ResourceKind.base),
}
_PLACE_SCORE = {Relation.same: 1.0, Relation.near: 0.6, Relation.region: 0.3}
_PLACE_WORD = {Relation.same: "同地", Relation.near: "邻近", Relation.region: "同省区"}


@dataclass
class Reason:
    reason: str  # 领域 | 专业对口 | 地点 | 形式 | 能力 | 层次 | 人数
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "detail": self.detail}


@dataclass
class Pairing:
    """One candidate for a need, with its score and every reason that counted."""

    target: dict[str, Any]
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    supply: int | None = None  # graduates available (talent matching)

    def add(self, points: float, reason: str, detail: str) -> None:
        self.score += points
        self.reasons.append(Reason(reason, detail))

    def to_dict(self) -> dict[str, Any]:
        out = {"target": self.target, "score": round(self.score, 3), "reasons": [r.to_dict() for r in self.reasons]}
        if self.supply is not None:
            out["supply"] = self.supply
        return out


@dataclass
class MatchReport:
    subject: dict[str, Any]
    pairings: list[Pairing] = field(default_factory=list)
    summary: str = ""
    demand: int | None = None
    supply: int | None = None
    gap: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "summary": self.summary,
            "demand": self.demand,
            "supply": self.supply,
            "gap": self.gap,
            "count": len(self.pairings),
            "items": [p.to_dict() for p in self.pairings],
        }


def same_major(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or a in b or b in a)


def _shared(wanted: list[str], offered: list[str]) -> list[str]:
    return [w for w in wanted if any(same_major(w, o) for o in offered)]


def _relation(a: str, b: str) -> Relation | None:
    """The closest relation between the places two texts name; None when either names none."""
    pa, pb = places_in(a), places_in(b)
    return min((gazetteer().relation(x, y) for x in pa for y in pb), default=None)


def _add_place(pair: Pairing, relation: Relation | None, shown: str) -> None:
    if relation in _PLACE_SCORE:
        pair.add(_PLACE_SCORE[relation], "地点", f"{shown}（{_PLACE_WORD[relation]}）")


def _add_overlap(pair: Pairing, fields: list[str], majors: list[str]) -> bool:
    """Reasons for shared fields and majors; False when nothing is shared (no pairing)."""
    if fields:
        pair.add(2.0 * min(len(fields), 2), "领域", "、".join(fields))
    if majors:
        pair.add(1.5, "专业对口", "、".join(majors))
    return bool(fields or majors)


def match_need(need: TechNeed, resources: list[PlatformRecord], top_k: int = 10) -> MatchReport:
    """The school resources that fit a technology need, best first."""
    report = MatchReport({"id": need.id, "title": need.title, "enterprise": need.enterprise})
    for item in resources:
        res = item.record
        if not isinstance(res, SchoolResource):
            continue
        pair = Pairing(item.to_dict())
        if not _add_overlap(pair, _shared(need.fields, res.fields), _shared(need.majors, res.majors)):
            continue
        if res.kind in _FORM_FITS[need.form]:
            pair.add(1.0, "形式", f"需求为{need.form.value}，对方提供{res.kind.value}")
        if res.capacity:
            pair.add(0.5, "能力", f"{res.kind.value}每年可服务 {res.capacity}")
        _add_place(pair, _relation(need.location, res.location), res.location)
        report.pairings.append(pair)
    report.pairings = _ranked(report.pairings, top_k)
    report.summary = (
        f"找到 {len(report.pairings)} 项可对接的学校资源"
        if report.pairings
        else "暂无领域或专业相符的学校资源，建议由平台工作人员人工对接"
    )
    return report


def match_demand(
    demand: TalentDemand, programs: list[Program], graduates: list[GraduateOutcome], top_k: int = 10
) -> MatchReport:
    """Programs and graduate pools that can supply a talent demand, with the gap when they fall short.

    Supply = graduates of a matching program in the demand's year who did not go on to further study
    (the latest earlier year when that year has no row).
    """
    report = MatchReport({"id": demand.id, "enterprise": demand.enterprise, "majors": demand.majors})
    total = 0
    for program in programs:
        if not _shared(demand.majors, [program.name]):
            continue
        pair = Pairing(
            {"type": "program", "name": program.name, "school": program.school, "level": program.level.value}
        )
        pair.add(1.5, "专业对口", program.name)
        if demand.level in ("不限", "") or demand.level in program.level.value:
            pair.add(0.5, "层次", program.level.value)
        _add_place(pair, _relation(demand.location, program.location), program.location)
        pool = _pool(graduates, program.name, program.school, demand.year)
        if pool is not None:
            pair.supply = pool.graduates - pool.further_study
            total += pair.supply
            pair.add(min(1.0, pair.supply / demand.headcount), "人数", f"{pool.year}届可就业毕业生 {pair.supply} 人")
        elif program.enrollment:
            pair.reasons.append(Reason("人数", f"计划招生 {program.enrollment} 人（暂无毕业生数据）"))
        report.pairings.append(pair)
    report.pairings = _ranked(report.pairings, top_k)
    report.demand, report.supply = demand.headcount, total
    report.gap = max(0, demand.headcount - total)
    if not report.pairings:
        report.summary = "本地区暂无对口专业，建议联系学校新设或开展订单培养"
    elif report.gap:
        report.summary = f"需求 {demand.headcount} 人，对口毕业生约 {total} 人，缺口 {report.gap} 人"
    else:
        report.summary = f"需求 {demand.headcount} 人，对口毕业生约 {total} 人，可以满足"
    return report


def _pool(graduates: list[GraduateOutcome], program: str, school: str, year: int) -> GraduateOutcome | None:
    rows = [g for g in graduates if g.program == program and g.school == school and g.year <= year]
    return max(rows, key=lambda g: g.year) if rows else None


def match_school(org: str, items: list[PlatformRecord], programs: list[Program], top_k: int = 20) -> MatchReport:
    """Enterprise needs (technology and talent) a school could answer with its resources and programs."""
    resources = [i.record for i in items if isinstance(i.record, SchoolResource) and i.record.provider == org]
    majors = sorted({p.name for p in programs if p.school == org} | {m for r in resources for m in r.majors})
    fields = sorted({f for r in resources for f in r.fields})
    report = MatchReport({"school": org, "majors": majors, "fields": fields})
    for item in items:
        rec = item.record
        if not isinstance(rec, TechNeed | TalentDemand):
            continue
        pair = Pairing(item.to_dict())
        shared_fields = _shared(rec.fields, fields) if isinstance(rec, TechNeed) else []
        if not _add_overlap(pair, shared_fields, _shared(rec.majors, majors)):
            continue
        if isinstance(rec, TalentDemand):
            pair.reasons.append(Reason("人数", f"{rec.year}年需求 {rec.headcount} 人"))
        near = [r for r in (_relation(rec.location, res.location) for res in resources) if r is not None]
        _add_place(pair, min(near, default=None), rec.location)
        report.pairings.append(pair)
    report.pairings = _ranked(report.pairings, top_k)
    report.summary = (
        f"{org} 可对接 {len(report.pairings)} 项企业需求"
        if report.pairings
        else f"暂无与 {org} 专业或领域相符的企业需求"
    )
    return report


def _ranked(pairs: list[Pairing], top_k: int) -> list[Pairing]:
    return sorted(pairs, key=lambda p: (-round(p.score, 6), str(p.target.get("id", p.target.get("name", "")))))[:top_k]
