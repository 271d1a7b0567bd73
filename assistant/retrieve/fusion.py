"""Rank fusion: plain functions over ranked lists of ids."""

from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank_fusion(rankings: dict[str, Sequence[str]], weights: dict[str, float] | None = None,
                           rrf_k: int = 60) -> dict[str, float]:
    """Weighted reciprocal rank fusion (Cormack, Clarke & Buettcher, SIGIR 2009).

    ``score(d) = sum_r w_r / (rrf_k + rank_r(d))`` with 1-based ranks; ids missing from a
    ranking get nothing from it. Returns id -> fused score (higher is better).
    """
    weights = weights or {}
    fused: dict[str, float] = {}
    for name, ranking in rankings.items():
        weight = weights.get(name, 1.0)
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (rrf_k + rank)
    return fused


def rank_by_score(scores: dict[str, float]) -> list[str]:
    """Ids by descending score, ties broken by id for determinism."""
    return sorted(scores, key=lambda item: (-scores[item], item))
