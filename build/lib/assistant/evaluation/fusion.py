"""Fusion sweep: every fusion on the very same retriever lists, so only the fusion differs.

The retrievers are run once per question (``HybridSearcher.retrieve``); each fusion configuration
then ranks those lists with the structure signals on (``HybridSearcher.rank``). Parameters are
chosen on one set and reported on the others (evals/README.md says which).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from assistant.evaluation.gold import RetrievalCase, is_relevant
from assistant.evaluation.metrics import summarize
from assistant.evaluation.retrieval import TOP
from assistant.filters import SearchFilters
from assistant.retrieve.searcher import FusionConfig, FusionMethod, HybridSearcher, SearchMode
from assistant.text.normalize import normalize_query

SearchLists = list[tuple[RetrievalCase, str, dict[str, list[tuple[str, float]]]]]


def sweep_configs(base: FusionConfig) -> dict[str, FusionConfig]:
    """The grid: min-max and z-score CombSUM by dense weight, RRF by rrf_k and dense weight."""
    grid: dict[str, FusionConfig] = {}
    for weight in (0.5, 0.75, 1.0, 1.5):
        grid[f"minmax dense {weight}"] = replace(base, method=FusionMethod.minmax, dense_weight=weight)
        grid[f"zscore dense {weight}"] = replace(base, method=FusionMethod.zscore, dense_weight=weight)
    for rrf_k in (10, 60):
        for weight in (0.75, 1.0):
            grid[f"rrf k={rrf_k} dense {weight}"] = replace(
                base, method=FusionMethod.rrf, rrf_k=rrf_k, dense_weight=weight
            )
    return grid


def collect_lists(searcher: HybridSearcher, cases: list[RetrievalCase]) -> SearchLists:
    """Each answerable question with the retrievers' own lists."""
    filters = SearchFilters()
    out: SearchLists = []
    for case in cases:
        if not case.answerable:
            continue
        text = normalize_query(case.question)
        if text:
            out.append((case, text, searcher.retrieve(text, filters, SearchMode.hybrid, searcher.fusion.candidates)))
    return out


def score_config(searcher: HybridSearcher, lists: SearchLists, config: FusionConfig) -> dict[str, Any]:
    """Metrics of one fusion configuration over collected lists (the searcher's own is put back)."""
    shipped, searcher.fusion = searcher.fusion, config
    try:
        ranks: list[int | None] = []
        for case, text, rankings in lists:
            hits = searcher.rank(text, rankings, TOP, SearchFilters(), SearchMode.hybrid, rerank=False)
            relevant = (i for i, h in enumerate(hits, 1) if is_relevant(case, h.doc_id, f"{h.clause_path}\n{h.text}"))
            ranks.append(next(relevant, None))
    finally:
        searcher.fusion = shipped
    return summarize(ranks)


def run_sweep(searcher: HybridSearcher, cases: list[RetrievalCase]) -> dict[str, dict[str, Any]]:
    """Every configuration of the grid (and the searcher's own, as ``shipped``) on ``cases``."""
    lists = collect_lists(searcher, cases)
    configs = {"shipped": searcher.fusion, **sweep_configs(searcher.fusion)}
    return {name: score_config(searcher, lists, config) for name, config in configs.items()}
