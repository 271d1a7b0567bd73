"""The 发布 / 审核 / 供需报告 / 供需信息 handlers as the page calls them (real Assistant, real sqlite)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant.service import Assistant
from tests.conftest import make_settings
from web.app import build_ui
from web.publish_tab import (
    audit_rows,
    login_account,
    my_rows,
    queue_rows,
    review_record,
    submit_record,
    withdraw_record,
)
from web.report_tab import build_report_view, match_view, search_view

PASSWORD = "correct-horse-9"
RECORD = "majors: 护理\noccupation: 护士\nheadcount: 20\nlevel: 高职\nlocation: 昌吉市\nyear: 2026\n"


@pytest.fixture()
def assistant(tmp_path: Path) -> Assistant:
    service = Assistant(make_settings(tmp_path / "index", data_dir=tmp_path / "data"))
    service.platform.add_account("hospital", PASSWORD, "enterprise", "昌吉仁和综合医院")
    service.platform.add_account("staff1", PASSWORD, "staff", "十二师教育局")
    return service


def test_publish_then_review_through_the_tab_handlers(assistant: Assistant) -> None:
    token, message = login_account(assistant, "hospital", PASSWORD)
    assert token and "昌吉仁和综合医院" in message
    assert login_account(assistant, "hospital", "wrong-pass")[0] == ""

    assert "已提交" in submit_record(assistant, token, "talent_demand", RECORD)
    bad = submit_record(assistant, token, "talent_demand", RECORD.replace("headcount: 20", "headcount: 0"))
    assert "msg-error" in bad and "record.headcount" in bad
    (row,) = my_rows(assistant, token)
    assert row[3] == "待审核"

    assert "msg-error" in queue_rows(assistant, token)[1]  # an enterprise cannot open the queue
    staff, _ = login_account(assistant, "staff1", PASSWORD)
    rows, note = queue_rows(assistant, staff)
    assert [r[0] for r in rows] == [row[0]] and "待审核 1 条" in note
    assert "msg-error" in review_record(assistant, staff, row[0], approve=False, reason="")
    assert "已发布" in review_record(assistant, staff, row[0], approve=True)
    assert my_rows(assistant, token)[0][3] == "已发布"
    actions = [r[2] for r in audit_rows(assistant, staff) if r[3] == row[0]]
    assert actions == ["通过", "提交"]
    assert row[0] in {r[0] for r in search_view(assistant, "护士", "talent_demand", "昌吉", "")}

    edited = submit_record(
        assistant, token, "talent_demand", f"id: {row[0]}\n" + RECORD.replace("headcount: 20", "headcount: 25")
    )
    assert "待审核" in edited and len(my_rows(assistant, token)) == 1  # same id: an edit, not a second record
    assert "已撤回" in withdraw_record(assistant, token, row[0])
    assert row[0] not in {r[0] for r in search_view(assistant, "护士", "talent_demand", "", "")}


def test_report_view_gives_a_chart_a_table_and_downloads(assistant: Assistant) -> None:
    chart, summary, table, xlsx, csv = build_report_view(assistant, 2026, "昌吉")
    assert "2026年昌吉人才供需报告" in summary and "主要短缺" in summary
    assert {trace.name for trace in chart.data} == {"需求", "可就业毕业生", "缺口"}
    assert table[-1][0] == "合计"
    assert load_workbook(xlsx)["按专业"].cell(row=1, column=1).value == "专业"
    assert Path(csv).read_text(encoding="utf-8-sig").startswith("专业,")
    assert "年份须在" in build_report_view(assistant, 1800, "")[1]


def test_match_view_explains_or_says_nothing_fits(assistant: Assistant) -> None:
    assert "领域" in match_view(assistant, "TN001")
    assert "暂无" in match_view(assistant, "TN007")


def test_the_ui_has_the_new_tabs(assistant: Assistant) -> None:
    blocks = build_ui(assistant, assistant.settings)
    labels = {getattr(block, "label", None) for block in blocks.blocks.values()}
    assert {"供需信息", "供需报告", "发布", "审核"} <= labels
