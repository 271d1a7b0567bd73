"""Metrics are the textbook ones; gold labels match the clause tree's labels."""

from __future__ import annotations

import math

import pytest

from assistant.evaluation.gold import clause_matches, load_retrieval_gold
from assistant.evaluation.metrics import ndcg_at, summarize
from tests.conftest import REPO


def test_summary_of_ranks() -> None:
    metrics = summarize([1, 3, None, 12])
    assert metrics["hit@1"] == 0.25 and metrics["hit@5"] == 0.5 and metrics["hit@10"] == 0.5
    assert metrics["mrr@10"] == pytest.approx(round((1 + 1 / 3) / 4, 4))
    assert ndcg_at(3, 10) == pytest.approx(1 / math.log2(4))


@pytest.mark.parametrize(
    ("gold", "labels", "expected"),
    [
        ("16.", "三、|（五）|16.", True),
        ("四、>(一)", "四、|（一）", True),
        ("四、>（一）", "三、|（一）|1.", False),
        ("第14条", "第二章|第十四条", True),
        ("第十四条", "第二章|第十五条", False),
    ],
)
def test_clause_chains(gold: str, labels: str, expected: bool) -> None:
    assert clause_matches(gold, labels) is expected


def test_gold_set_meets_its_brief() -> None:
    cases = load_retrieval_gold(REPO / "evals" / "retrieval_gold.jsonl")
    assert len(cases) >= 100
    assert sum(c.type == "article" for c in cases) >= 20
    assert sum(not c.answerable for c in cases) >= 10
    assert len({c.id for c in cases}) == len(cases)
