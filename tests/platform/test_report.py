"""The yearly report equals a hand computation on the sample files, exports open, and counts at scale."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from openpyxl import load_workbook

from assistant.platform import Platform
from assistant.platform.report import build_report
from assistant.platform.report_export import to_csv, write_report
from tests.conftest import CORPUS

CHANGJI = ("昌吉市",)  # every sample place in the 昌吉 region is written 昌吉市


def _hand_counts(year: int, major: str) -> dict[str, int]:
    """Demand and supply of ``major`` in 昌吉 read straight from the files (no models, no gazetteer)."""
    demand = 0
    rows = list(csv.DictReader((CORPUS / "postings" / "postings.csv").open(encoding="utf-8")))
    rows += json.loads((CORPUS / "postings" / "postings_extra.json").read_text(encoding="utf-8"))
    for row in rows:
        majors = row["majors"] if isinstance(row["majors"], list) else row["majors"].split("、")
        if (
            row["kind"] != "培训"
            and str(row.get("published", "")).startswith(str(year))
            and row["location"] in CHANGJI
            and majors[0] == major
        ):
            demand += int(row.get("positions") or 1)
    talent = yaml.safe_load((CORPUS / "platform" / "talent_demand.yaml").read_text(encoding="utf-8"))
    demand += sum(
        t["headcount"]
        for t in talent["talent_demand"]
        if t["year"] == year and t["location"] in CHANGJI and t["majors"][0] == major
    )
    supply = employed = in_region = 0
    for g in csv.DictReader((CORPUS / "platform" / "graduates.csv").open(encoding="utf-8")):
        if int(g["year"]) == year and g["location"] in CHANGJI and g["program"] == major:
            supply += int(g["graduates"]) - int(g["further_study"])
            employed += int(g["employed"])
            in_region += int(g["employed_in_region"])
    return {"demand": demand, "supply": supply, "gap": demand - supply, "employed": employed, "in_region": in_region}


def test_report_numbers_equal_a_hand_computation(platform: Platform) -> None:
    report = platform.report(2026, "昌吉")
    rows = {row.major: row for row in report.majors}
    for major in ("护理", "工业机器人技术", "食品智能加工技术"):
        hand = _hand_counts(2026, major)
        row = rows[major]
        assert (row.demand, row.supply, row.gap) == (hand["demand"], hand["supply"], hand["gap"]), major
        assert row.in_region_rate == round(hand["in_region"] / hand["employed"], 4)
    assert rows["护理"].gap > 0 and any(s.startswith("护理") for s in report.shortages)
    assert [t["year"] for t in report.trend] == [2024, 2025, 2026]
    assert report.trend[-1]["demand"] == report.totals["demand"]


def test_region_limits_what_counts(platform: Platform) -> None:
    division = {row.major for row in platform.report(2026, "十二师").majors if row.demand or row.supply}
    assert "护理" not in division  # 护理 is taught and demanded in 昌吉 only
    assert "农业机械使用与维护" in division


def test_exports_hold_the_same_numbers(platform: Platform, tmp_path: Path) -> None:
    report = platform.report(2026, "昌吉")
    table = list(csv.reader(io.StringIO(to_csv(report))))
    assert table[0][0] == "专业" and table[-1][0] == "合计"
    assert int(table[-1][3]) == report.totals["demand"]
    book = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    assert book.sheetnames == ["按专业", "按层次", "按地点", "趋势", "结论"]
    assert book["按专业"].cell(row=1, column=1).value == "专业"
    assert "2026年昌吉人才供需报告" in write_report(report, tmp_path / "r.md").read_text(encoding="utf-8")


def test_report_over_thousands_of_postings_counts_every_one_in_region_and_year() -> None:
    """At scale the totals still equal a direct count (the time is measured by evals/bench_report.py)."""
    from evals.bench_report import synthetic

    postings, programs = synthetic(3_000, 150)
    report = build_report(2026, "十二师", postings, programs, [], [])
    expected = sum(
        p.positions or 1
        for p in postings
        if p.published and p.published.year == 2026 and p.location.startswith("十二师")
    )
    assert report.totals["demand"] == expected
