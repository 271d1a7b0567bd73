"""The figures in the READMEs are the ones the last evaluation and benchmark runs wrote."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.evaluation.report import TABLES, Table, render, update_markdown
from tests.conftest import REPO

SUMMARIES = REPO / "evals" / "summaries"


def test_readme_tables_match_the_summaries() -> None:
    for doc in (REPO / "evals" / "README.md", REPO / "README.md"):
        _, changed = update_markdown(doc, SUMMARIES)
        assert not changed, f"{doc.name}: stale tables {changed}; run python evals/report.py"


def test_every_table_renders_from_its_summary() -> None:
    for name, table in TABLES.items():
        assert render(table, SUMMARIES).count("\n") >= 3, name


def test_a_changed_figure_shows_as_a_stale_table(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text(json.dumps({"x": {"a": {"m": 0.5}}}), encoding="utf-8")
    doc = tmp_path / "README.md"
    doc.write_text("before\n<!-- table:t -->\nold\n<!-- /table -->\nafter\n", encoding="utf-8")
    tables = {"t": Table("s.json", ("x",), ("m",))}
    text, changed = update_markdown(doc, tmp_path, tables)
    assert changed == ["t"] and "| a | 0.500 |" in text and text.endswith("after\n")
    doc.write_text(text, encoding="utf-8")
    assert update_markdown(doc, tmp_path, tables)[1] == []
