"""Figures in the READMEs come from the last runs, never typed by hand.

Every evaluation and benchmark writes a summary JSON into ``evals/summaries/`` (committed). This
module renders the tables named in ``TABLES`` from them and writes each between its markers in a
Markdown file::

    <!-- table:retrieval-team -->
    | variant | hit@1 | ... |
    <!-- /table -->

``python evals/report.py`` rewrites the tables; ``--check`` fails when a README differs from what
the summaries say (CI runs it through ``tests/evaluation/test_report_tables.py``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MARKED = re.compile(r"(<!-- table:(?P<name>[\w\-]+) -->\n)(?P<body>.*?)(<!-- /table -->)", re.S)


@dataclass(frozen=True)
class Table:
    """Rows ``rows`` (keys under ``path`` in ``source``) by columns ``cols`` (metric keys)."""

    source: str  # file name in the summaries folder
    path: tuple[str, ...]  # keys from the top of the file down to the rows
    cols: tuple[str, ...]  # metric keys (dotted for nested ones), or "label=key"
    rows: tuple[str, ...] = ()  # empty: every key there, in file order
    first: str = "variant"
    bold: str = ""  # the row to set in bold (what ships)


ANSWER_COLS = (
    "questions",
    "fact accuracy=fact_accuracy",
    "fact recall=fact_recall",
    "citation precision=citation_precision",
    "unsupported numbers=unsupported_number_rate",
    "refusal accuracy=refusal_accuracy",
    "answerable refused=false_refusals",
    "foreign quoted=foreign_quoted",
)
ROUTING_COLS = (
    "messages",
    "accuracy",
    "policy=per_route.policy",
    "benefits=per_route.benefits",
    "opportunities=per_route.opportunities",
)

CONVERSATION_COLS = (
    "conversations",
    "carry accuracy=carry_accuracy",
    "follow-ups carried=follow_ups_carried",
    "own questions alone=own_questions_alone",
    "topic kept=kept",
    "leaking=leaked",
    "right",
)

TABLES: dict[str, Table] = {
    "answers-dev": Table("answers-dev.json", (), ANSWER_COLS, rows=("extractive", "local"), first="backend"),
    "routing-dev": Table("answers-dev.json", (), ROUTING_COLS, rows=("routing",), first="set"),
    "answers-dev-spoken": Table(
        "answers-dev-spoken.json", (), ANSWER_COLS, rows=("extractive", "local"), first="backend"
    ),
    "routing-dev-spoken": Table("answers-dev-spoken.json", (), ROUTING_COLS, rows=("routing",), first="set"),
    "answers-dev2": Table("answers-dev2.json", (), ANSWER_COLS, rows=("extractive", "local"), first="backend"),
    "answers-test2": Table("answers-test2.json", (), ANSWER_COLS, rows=("extractive", "local"), first="backend"),
    "answers-test": Table("answers-test.json", (), ANSWER_COLS, rows=("extractive", "local"), first="backend"),
    "routing-test": Table("answers-test.json", (), ROUTING_COLS, rows=("routing",), first="set"),
    "conversations-dev": Table("conversations-dev.json", (), CONVERSATION_COLS, rows=("rewrite",), first="reading"),
    "conversations-test": Table("conversations-test.json", (), CONVERSATION_COLS, rows=("rewrite",), first="reading"),
    "retrieval-team": Table(
        "retrieval.json",
        ("team",),
        ("hit@1", "hit@5", "hit@10", "MRR@10=mrr@10", "nDCG@10=ndcg@10", "article hit@1=by_type.article.hit@1"),
        bold="hybrid",
    ),
    "retrieval-cmrc": Table(
        "retrieval.json", ("cmrc",), ("hit@1", "hit@5", "hit@10", "MRR@10=mrr@10", "nDCG@10=ndcg@10"), bold="hybrid"
    ),
    "retrieval-drcd": Table(
        "retrieval.json", ("drcd",), ("hit@1", "hit@5", "hit@10", "MRR@10=mrr@10", "nDCG@10=ndcg@10"), bold="hybrid"
    ),
    "fusion-choice": Table(
        "fusion.json",
        ("choices",),
        (
            "CMRC hit@1=cmrc.hit@1",
            "CMRC MRR@10=cmrc.mrr@10",
            "DRCD hit@1=drcd.hit@1",
            "DRCD MRR@10=drcd.mrr@10",
            "team hit@1=team.hit@1",
            "team MRR@10=team.mrr@10",
        ),
        first="fusion",
        bold="shipped",
    ),
    "bench-ingest": Table(
        "bench-ingest.json", ("rates",), ("chunks/s", "seconds", "ratio to raw (file order)=ratio"), first="what"
    ),
    "bench-ingest-stages": Table(
        "bench-ingest.json", ("breakdown",), ("seconds", "share of pipeline time=share"), first="stage"
    ),
    "bench-search": Table(
        "bench-search.json",
        (),
        (
            "chunks",
            "p50 ms=p50_ms",
            "p95 ms=p95_ms",
            "floor p50 ms=floor_p50_ms",
            "floor p95 ms=floor_p95_ms",
            "p50 / floor=p50_ratio_to_floor",
        ),
        rows=("shared_corpus", "synthetic"),
        first="corpus",
    ),
}


def _format(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _get(row: dict[str, Any], key: str) -> Any:
    value: Any = row
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return ""
        value = value[part]
    return value


def _walk(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def render(table: Table, summaries: Path) -> str:
    """The Markdown table, from the summary file."""
    data = _walk(json.loads((summaries / table.source).read_text(encoding="utf-8")), table.path)
    rows = table.rows or tuple(data)
    labels = [col.split("=")[0] for col in table.cols]
    keys = [col.split("=")[-1] for col in table.cols]
    lines = [f"| {table.first} | " + " | ".join(labels) + " |", "|" + "---|" * (len(table.cols) + 1)]
    for row in rows:
        if row not in data:
            continue
        cells = [_format(_get(data[row], key)) for key in keys]
        if row == table.bold:
            lines.append(f"| **{row}** | " + " | ".join(f"**{c}**" for c in cells) + " |")
        else:
            lines.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def update_markdown(path: Path, summaries: Path, tables: dict[str, Table] | None = None) -> tuple[str, list[str]]:
    """(the new text of ``path``, names of marked tables that changed)."""
    tables = tables or TABLES
    text = path.read_text(encoding="utf-8")
    changed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in tables:
            raise KeyError(f"{path}: unknown table {name!r}; known: {', '.join(tables)}")
        body = render(tables[name], summaries)
        if body != match.group("body"):
            changed.append(name)
        return match.group(1) + body + match.group(4)

    return _MARKED.sub(replace, text), changed
