"""``assistant eval retrieval``: every retriever variant on the same questions, in one run.

Variants: ``bm25``, ``dense``, ``hybrid``, ``hybrid+rerank`` (the configured reranker)
and ``llamaindex-default`` (SentenceSplitter + VectorStoreIndex with the same embedder:
the plain pipeline, as an outside reference). Every variant is scored with the same
criterion: the first retrieved chunk from the gold document that contains the gold
words (:func:`assistant.evaluation.gold.is_relevant`); a clause's heading path counts
as part of its text, as it is in the source.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import QueryError
from assistant.evaluation.gold import RetrievalCase, is_relevant
from assistant.evaluation.metrics import summarize
from assistant.retrieve.searcher import HybridSearcher, SearchMode

Retrieve = Callable[[str], list[tuple[str, str]]]  # question -> [(doc_id, text)] best first
TOP = 10


@dataclass
class VariantResult:
    name: str
    metrics: dict[str, float]
    by_type: dict[str, dict[str, float]]
    seconds_per_query: float
    rows: list[dict[str, Any]] = field(default_factory=list)


def searcher_variant(searcher: HybridSearcher, mode: SearchMode, rerank: bool) -> Retrieve:
    def run(question: str) -> list[tuple[str, str]]:
        return [
            (h.doc_id, f"{h.clause_path}\n{h.text}")
            for h in searcher.search(question, top_k=TOP, mode=mode, rerank=rerank)
        ]

    return run


def evaluate_variant(name: str, retrieve: Retrieve, cases: list[RetrievalCase]) -> VariantResult:
    """Rank of the first relevant chunk for every answerable case; metrics overall and by type."""
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    for case in cases:
        if not case.answerable:
            continue
        try:
            results = retrieve(case.question)
        except QueryError:  # e.g. an empty question in an outside data set: counts as a miss
            results = []
        rank = next((i for i, (doc_id, text) in enumerate(results, start=1) if is_relevant(case, doc_id, text)), None)
        rows.append(
            {
                "variant": name,
                "id": case.id,
                "type": case.type,
                "question": case.question,
                "gold_doc": case.doc,
                "gold_clause": case.clause,
                "rank": rank,
                "top_docs": [doc for doc, _ in results[:5]],
            }
        )
    elapsed = time.perf_counter() - started
    by_type: dict[str, dict[str, float]] = {}
    for kind in sorted({r["type"] for r in rows}):
        by_type[kind] = summarize([r["rank"] for r in rows if r["type"] == kind])
    return VariantResult(
        name, summarize([r["rank"] for r in rows]), by_type, round(elapsed / max(len(rows), 1), 4), rows
    )


def write_results(results: list[VariantResult], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for result in results:
            for row in result.rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def format_table(title: str, results: list[VariantResult]) -> str:
    columns = ["hit@1", "hit@5", "hit@10", "mrr@10", "ndcg@10"]
    lines = [title, f"{'variant':<20}" + "".join(f"{c:>9}" for c in columns) + f"{'s/query':>9}{'n':>6}"]
    for r in results:
        lines.append(
            f"{r.name:<20}"
            + "".join(f"{r.metrics[c]:>9.3f}" for c in columns)
            + f"{r.seconds_per_query:>9.3f}{int(r.metrics['n']):>6}"
        )
        for kind, m in r.by_type.items():
            lines.append(f"  {kind:<18}" + "".join(f"{m[c]:>9.3f}" for c in columns) + f"{'':>9}{int(m['n']):>6}")
    return "\n".join(lines)
