"""``assistant account add``, ``report supply-demand --out``, ``platform check`` / ``new`` in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant.cli import main
from assistant.config import get_settings
from tests.conftest import CORPUS


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIRS", str(CORPUS))
    monkeypatch.setenv("NEW_PASSWORD", "correct-horse-9")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_account_add_prints_a_token_and_refuses_a_duplicate(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "account",
        "add",
        "cjzy",
        "--role",
        "school",
        "--org",
        "昌吉职业技术学院",
        "--majors",
        "护理",
        "--password-env",
        "NEW_PASSWORD",
    ]
    assert main(argv) == 0
    assert "API 令牌" in capsys.readouterr().out
    assert main(argv) == 1
    assert "已存在" in capsys.readouterr().err
    assert main(["platform", "new", "--account", "cjzy", "--since", "2026-11-01"]) == 0
    assert "养老护理员岗位培训" in capsys.readouterr().out


def test_report_writes_xlsx_and_prints_markdown(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = env / "report.xlsx"
    assert main(["report", "supply-demand", "--year", "2026", "--region", "十二师", "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "按专业"
    assert main(["report", "--year", "2026", "--region", "昌吉"]) == 0
    assert "# 2026年昌吉人才供需报告" in capsys.readouterr().out
    assert main(["report", "--year", "2026", "--out", str(env / "r.pdf")]) == 1
    assert "out：" in capsys.readouterr().err


def test_platform_check_reports_bad_rows_with_file_line_field(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = env / "talent_demand.csv"
    bad.write_text("id,enterprise,majors,headcount,location,year\nT1,甲,护理,abc,昌吉市,2026\n", encoding="utf-8")
    assert main(["platform", "check", str(bad)]) == 1
    assert f"{bad}:2: headcount:" in capsys.readouterr().err
