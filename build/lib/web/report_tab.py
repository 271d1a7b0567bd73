"""供需报告 (the yearly report with a plotly chart and XLSX / CSV downloads) and 供需信息 (search and matching).

Handlers are plain functions over the facade (``Assistant.platform``); the chart is built here, at the edge.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr
import plotly.graph_objects as go

from assistant.errors import AssistantError
from assistant.platform.records import PlatformKind
from assistant.platform.report import SupplyDemandReport
from assistant.platform.report_export import MAJOR_COLUMNS, major_table, to_markdown, write_report
from assistant.platform.search import PlatformFilters
from assistant.service import Assistant

REGIONS = [("全部地区", ""), ("十二师", "十二师"), ("乌鲁木齐", "乌鲁木齐"), ("昌吉", "昌吉")]
SEARCH_HEADERS = ["编号", "类型", "标题", "单位", "地点", "发布日期"]


def report_chart(report: SupplyDemandReport) -> go.Figure:
    """Demand and supply per major (bars) with the gap (line)."""
    majors = [m for m in report.majors if m.demand or m.supply]
    names = [m.major for m in majors]
    fig = go.Figure()
    fig.add_bar(name="需求", x=names, y=[m.demand for m in majors])
    fig.add_bar(name="可就业毕业生", x=names, y=[m.supply for m in majors])
    fig.add_scatter(name="缺口", x=names, y=[m.gap for m in majors], mode="lines+markers")
    fig.update_layout(
        barmode="group",
        title=f"{report.year}年{report.region or '全部地区'}各专业人才供需",
        yaxis_title="人数",
        font={"family": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"},
        legend={"orientation": "h"},
    )
    return fig


def build_report_view(
    assistant: Assistant, year: float | int, region: str
) -> tuple[Any, str, list[list[Any]], Any, Any]:
    """(chart, summary markdown, table rows, xlsx path, csv path) or an error in the summary."""
    try:
        report = assistant.platform.report(int(year), region or "")
    except AssistantError as exc:
        return None, f"**{escape(str(exc))}**", [], None, None
    folder = Path(tempfile.mkdtemp(prefix="report-"))
    stem = f"人才供需报告-{report.year}-{report.region or '全部'}"
    xlsx = write_report(report, folder / f"{stem}.xlsx")
    csv = write_report(report, folder / f"{stem}.csv")
    summary = to_markdown(report).split("## 按专业")[0]
    return report_chart(report), summary, major_table(report)[1:], str(xlsx), str(csv)


def search_view(assistant: Assistant, query: str, kind: str, location: str, major: str) -> list[list[Any]]:
    filters = PlatformFilters(kind=[PlatformKind(kind)] if kind else [], location=location or None, major=major or None)
    return [
        [i.id, i.kind.label, i.title, i.org, getattr(i.record, "location", ""), i.published[:10]]
        for i in assistant.platform.search(query, filters, top_k=200)
    ]


def match_view(assistant: Assistant, record_id: str) -> str:
    try:
        report = assistant.platform.match(record_id.strip())
    except AssistantError as exc:
        return f"**{escape(str(exc))}**"
    lines = [f"**{escape(report.summary)}**", ""]
    for rank, pair in enumerate(report.pairings, start=1):
        target = pair.target
        name = target.get("title") or target.get("name")
        who = target.get("org") or target.get("school", "")
        lines.append(f"{rank}. {escape(str(name))} — {escape(str(who))}（得分 {pair.score:.1f}）")
        lines += [f"    - {r.reason}：{escape(r.detail)}" for r in pair.reasons]
    return "\n".join(lines)


def build_report_tab(assistant: Assistant) -> None:
    gr.Markdown("按年度和地区汇总人才需求（岗位、人才需求）与供给（毕业生、招生），给出各专业缺口。示例数据为虚构。")
    with gr.Row():
        year = gr.Number(label="年度", value=dt.date.today().year, precision=0, elem_id="report-year")
        region = gr.Dropdown(label="地区", choices=REGIONS, value="十二师", elem_id="report-region")
        run = gr.Button("生成报告", variant="primary", elem_id="report-run")
    summary = gr.Markdown(elem_id="report-summary")
    chart = gr.Plot(label="各专业供需", elem_id="report-chart")
    table = gr.Dataframe(
        headers=[label for _, label in MAJOR_COLUMNS],
        interactive=False,
        wrap=True,
        elem_id="report-table",
    )
    with gr.Row():
        xlsx = gr.File(label="下载 Excel", interactive=False, elem_id="report-xlsx")
        csv = gr.File(label="下载 CSV", interactive=False, elem_id="report-csv")
    run.click(lambda y, r: build_report_view(assistant, y, r), [year, region], [chart, summary, table, xlsx, csv])


def build_platform_search_tab(assistant: Assistant) -> None:
    gr.Markdown(
        "检索已发布的人才需求、技术需求、学校资源、合作项目和毕业生情况；输入技术需求或人才需求的编号查看匹配。"
    )
    with gr.Row():
        query = gr.Textbox(label="关键词", scale=3, elem_id="psearch-query")
        kind = gr.Dropdown(
            label="类型",
            choices=[("全部", "")] + [(k.label, k.value) for k in PlatformKind],
            value="",
            elem_id="psearch-kind",
        )
        location = gr.Textbox(label="地点", elem_id="psearch-location")
        major = gr.Textbox(label="专业", elem_id="psearch-major")
    go_btn = gr.Button("检索", variant="primary", elem_id="psearch-run")
    results = gr.Dataframe(headers=SEARCH_HEADERS, interactive=False, wrap=True, elem_id="psearch-results")
    with gr.Row():
        record_id = gr.Textbox(label="需求编号（如 TN001、TD2026-36）", scale=3, elem_id="pmatch-id")
        match = gr.Button("匹配", scale=1, elem_id="pmatch-run")
    matched = gr.Markdown(elem_id="pmatch-result")
    go_btn.click(lambda q, k, loc, m: search_view(assistant, q, k, loc, m), [query, kind, location, major], results)
    match.click(lambda i: match_view(assistant, i), record_id, matched)
