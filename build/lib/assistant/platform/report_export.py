"""The supply-and-demand report as files: CSV (per major), XLSX (openpyxl, one sheet per table), Markdown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from assistant.errors import QueryError
from assistant.platform.report import SupplyDemandReport

MAJOR_COLUMNS = [
    ("major", "专业"),
    ("demand_postings", "岗位需求"),
    ("demand_talent", "人才需求"),
    ("demand", "需求合计"),
    ("graduates", "毕业生"),
    ("further_study", "升学"),
    ("supply", "可就业毕业生"),
    ("gap", "缺口(+短缺/-富余)"),
    ("employed", "就业"),
    ("employed_in_region", "本地区就业"),
    ("in_region_rate", "本地区就业率"),
    ("enrolment_plan", "计划招生"),
]
FORMATS = ("csv", "xlsx", "md", "json")


def major_table(report: SupplyDemandReport) -> list[list[object]]:
    """Header row, one row per major, then the totals."""
    rows: list[list[object]] = [[label for _, label in MAJOR_COLUMNS]]
    for data in [*(m.to_dict() for m in report.majors), report.totals]:
        rows.append([_cell(data[key]) for key, _ in MAJOR_COLUMNS])
    return rows


def _cell(value: object) -> object:
    return "" if value is None else value


def to_csv(report: SupplyDemandReport) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(major_table(report))
    return out.getvalue()


def to_xlsx(report: SupplyDemandReport, path: Path) -> Path:
    path.write_bytes(xlsx_bytes(report))
    return path


def xlsx_bytes(report: SupplyDemandReport) -> bytes:
    """The workbook: 按专业, 按层次, 按地点, 趋势, 结论."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "按专业"
    for row in major_table(report):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for title, header, data in (
        ("按层次", ["层次", "需求人数"], report.by_level.items()),
        ("按地点", ["地点", "需求人数"], report.by_place.items()),
        (
            "趋势",
            ["年份", "需求", "供给", "缺口"],
            [(t["year"], t["demand"], t["supply"], t["gap"]) for t in report.trend],
        ),
    ):
        ws = book.create_sheet(title)
        ws.append(header)
        for item in data:
            ws.append(list(item))
    words = book.create_sheet("结论")
    for line in _summary_lines(report):
        words.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary_lines(report: SupplyDemandReport) -> list[str]:
    t = report.totals
    lines = [
        f"{report.year}年{report.region or '全部地区'}人才供需报告",
        f"需求合计 {t['demand']} 人（岗位 {t['demand_postings']}，人才需求 {t['demand_talent']}），"
        f"可就业毕业生 {t['supply']} 人，"
        + (f"总体缺口 {t['gap']} 人" if t["gap"] > 0 else f"总体富余 {-t['gap']} 人"),
    ]
    if t["in_region_rate"] is not None:
        lines.append(f"毕业生本地区就业率 {t['in_region_rate']:.1%}")
    lines += ["主要短缺：" + s for s in report.shortages] or ["没有短缺的专业"]
    lines += ["主要富余：" + s for s in report.surpluses] or ["没有富余的专业"]
    return lines


def to_markdown(report: SupplyDemandReport) -> str:
    table = major_table(report)
    md = [f"# {_summary_lines(report)[0]}", "", *(f"- {line}" for line in _summary_lines(report)[1:]), ""]
    md += ["## 按专业", "", "| " + " | ".join(map(str, table[0])) + " |", "|" + "---|" * len(table[0])]
    md += ["| " + " | ".join(map(str, row)) + " |" for row in table[1:]]
    md += ["", "## 趋势", "", "| 年份 | 需求 | 供给 | 缺口 |", "|---|---|---|---|"]
    md += [f"| {t['year']} | {t['demand']} | {t['supply']} | {t['gap']} |" for t in report.trend]
    md += ["", "## 按层次", ""] + [f"- {k}：{v} 人" for k, v in report.by_level.items()]
    md += ["", "## 按地点", ""] + [f"- {k}：{v} 人" for k, v in report.by_place.items()]
    md += ["", f"> {report.to_dict()['notes']}", ""]
    return "\n".join(md)


def write_report(report: SupplyDemandReport, path: Path) -> Path:
    """Write by the file's extension: .xlsx, .csv, .md or .json."""
    import json

    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise QueryError(f"out：报告文件须为 {'/'.join('.' + f for f in FORMATS)}，收到 {path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == "xlsx":
        return to_xlsx(report, path)
    text = {
        "csv": lambda: to_csv(report),
        "md": lambda: to_markdown(report),
        "json": lambda: json.dumps(report.to_dict(), ensure_ascii=False, indent=2),
    }[suffix]()
    path.write_text(text, encoding="utf-8-sig" if suffix == "csv" else "utf-8")
    return path
