"""The yearly talent supply-and-demand report (年度人才供需报告) for a year and a region.

Demand = postings (实习 / 全职 / 学徒; training openings are not labour demand) published in the
year, counted by their 招收人数 (1 when not given), plus talent demand (人才需求) of the year by
headcount. A posting or demand naming several majors counts under its first (its main) major.
Supply = graduates of the year (毕业生状况) who did not go on to further study; enrolment is the
programs' planned intake (招生计划, training courses left out). Gap = demand - supply (positive: a
shortage). Employment in the region = employed_in_region / employed. A record counts for the
region when its place lies in it (gazetteer containment, :func:`assistant.platform.search.in_region`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.places import places_in
from assistant.platform.records import GraduateOutcome, TalentDemand
from assistant.platform.search import in_region
from assistant.records import WORK_KINDS, Posting, Program, ProgramLevel

NO_MAJOR = "未注明专业"
TREND_YEARS = 3


@dataclass
class MajorRow:
    major: str
    demand_postings: int = 0
    demand_talent: int = 0
    graduates: int = 0
    further_study: int = 0
    employed: int = 0
    employed_in_region: int = 0
    enrolment_plan: int = 0

    @property
    def demand(self) -> int:
        return self.demand_postings + self.demand_talent

    @property
    def supply(self) -> int:
        return self.graduates - self.further_study

    @property
    def gap(self) -> int:
        return self.demand - self.supply

    @property
    def in_region_rate(self) -> float | None:
        return round(self.employed_in_region / self.employed, 4) if self.employed else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "demand": self.demand,
            "supply": self.supply,
            "gap": self.gap,
            "in_region_rate": self.in_region_rate,
        }


@dataclass
class SupplyDemandReport:
    year: int
    region: str
    majors: list[MajorRow] = field(default_factory=list)
    by_level: dict[str, int] = field(default_factory=dict)
    by_place: dict[str, int] = field(default_factory=dict)
    trend: list[dict[str, Any]] = field(default_factory=list)
    shortages: list[str] = field(default_factory=list)
    surpluses: list[str] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        """Whether anything was recorded for the year and region (a demand or a graduate of some major)."""
        return any(row.demand or row.supply for row in self.majors)

    @property
    def totals(self) -> dict[str, Any]:
        total = MajorRow("合计")
        for row in self.majors:
            for name in ("demand_postings", "demand_talent", "graduates", "further_study", "employed"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
            total.employed_in_region += row.employed_in_region
            total.enrolment_plan += row.enrolment_plan
        return total.to_dict()

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "region": self.region,
            "totals": self.totals,
            "majors": [m.to_dict() for m in self.majors],
            "by_level": self.by_level,
            "by_place": self.by_place,
            "trend": self.trend,
            "shortages": self.shortages,
            "surpluses": self.surpluses,
            "notes": NOTES,
        }


NOTES = (
    "需求=当年发布的实习、全职、学徒岗位招收人数（未注明按1人）+当年人才需求人数；多专业的岗位计入第一个专业。"
    "供给=当年毕业生减去升学人数；缺口=需求-供给（正数为短缺）。示例数据为虚构，仅供演示。"
)


@functools.lru_cache(maxsize=20000)
def _in_region(location: str, region: str) -> bool:
    return in_region(location, region)


@functools.lru_cache(maxsize=20000)
def _place_name(location: str) -> str:
    named = places_in(location)
    return named[-1].name if named else (location or "未注明地点")


def build_report(
    year: int,
    region: str,
    postings: list[Posting],
    programs: list[Program],
    demands: list[TalentDemand],
    graduates: list[GraduateOutcome],
) -> SupplyDemandReport:
    """The report of ``year`` for ``region`` ("" = everywhere), with the trend over the years before."""
    report = SupplyDemandReport(year, region)
    rows = _year_rows(year, region, postings, programs, demands, graduates, report)
    report.majors = sorted(rows.values(), key=lambda r: (-r.gap, r.major))
    for earlier in range(year - TREND_YEARS + 1, year + 1):
        past = _year_rows(earlier, region, postings, programs, demands, graduates, None)
        demand = sum(r.demand for r in past.values())
        supply = sum(r.supply for r in past.values())
        report.trend.append({"year": earlier, "demand": demand, "supply": supply, "gap": demand - supply})
    report.shortages = [_words(r, "缺口") for r in report.majors if r.gap > 0][:3]
    report.surpluses = [_words(r, "富余") for r in sorted(report.majors, key=lambda r: r.gap) if r.gap < 0][:3]
    return report


def _words(row: MajorRow, what: str) -> str:
    """One major's demand and graduates, then ``what`` the gap is (缺口 / 富余) and its size; 供需持平 when even."""
    gap = f"{what} {abs(row.gap)} 人" if row.gap else "供需持平"
    return f"{row.major}：需求 {row.demand} 人，可就业毕业生 {row.supply} 人，{gap}"


def major_words(row: MajorRow) -> str:
    """One major's demand against its graduates, with which way it leans (a shortage, a surplus or even)."""
    if row.gap > 0:
        return _words(row, "缺口") + "（供不应求）"
    return _words(row, "富余") + "（供过于求）" if row.gap < 0 else _words(row, "")


def _year_rows(
    year: int,
    region: str,
    postings: list[Posting],
    programs: list[Program],
    demands: list[TalentDemand],
    graduates: list[GraduateOutcome],
    report: SupplyDemandReport | None,
) -> dict[str, MajorRow]:
    rows: dict[str, MajorRow] = {}
    levels: dict[str, int] = defaultdict(int)
    places: dict[str, int] = defaultdict(int)

    def row(major: str) -> MajorRow:
        return rows.setdefault(major, MajorRow(major))

    for p in postings:
        if p.kind in WORK_KINDS and p.published and p.published.year == year and _in_region(p.location, region):
            count = p.positions or 1
            row(p.majors[0] if p.majors else NO_MAJOR).demand_postings += count
            levels[p.level or "不限"] += count
            places[_place_name(p.location)] += count
    for d in demands:
        if d.year == year and _in_region(d.location, region):
            row(d.majors[0] if d.majors else d.occupation).demand_talent += d.headcount
            levels[d.level or "不限"] += d.headcount
            places[_place_name(d.location)] += d.headcount
    for g in graduates:
        if g.year == year and _in_region(g.location, region):
            r = row(g.program)
            r.graduates += g.graduates
            r.further_study += g.further_study
            r.employed += g.employed
            r.employed_in_region += g.employed_in_region
    for prog in programs:
        if prog.level is not ProgramLevel.peixun and prog.enrollment and _in_region(prog.location, region):
            row(prog.name).enrolment_plan += prog.enrollment
    if report is not None:
        report.by_level = dict(sorted(levels.items(), key=lambda kv: -kv[1]))
        report.by_place = dict(sorted(places.items(), key=lambda kv: -kv[1]))
    return rows
