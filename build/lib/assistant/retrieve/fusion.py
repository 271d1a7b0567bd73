"""Rank fusion: plain functions over ranked lists of ids."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reciprocal_rank_fusion(
    rankings: dict[str, Sequence[str]], weights: dict[str, float] | None = None, rrf_k: int = 60
) -> dict[str, float]:
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


def min_max_fusion(
    results: Mapping[str, Sequence[tuple[str, float]]], weights: dict[str, float] | None = None
) -> dict[str, float]:
    """Weighted CombSUM of min-max normalised scores (Fox & Shaw, TREC-2 1994; Lee, SIGIR 1997).

    Each retriever's scores over its own candidate list are mapped to [0, 1] (best = 1,
    its last candidate = 0); an id a retriever did not return gets 0 from it. Unlike
    rank fusion this keeps how far ahead a retriever's best hit is, which is what a
    decisive BM25 match on rare terms looks like. Returns id -> fused score (>= 0).
    """
    weights = weights or {}
    fused: dict[str, float] = {}
    for name, scored in results.items():
        if not scored:
            continue
        values = [score for _, score in scored]
        high, low = max(values), min(values)
        span = high - low
        weight = weights.get(name, 1.0)
        for item, score in scored:
            normalised = (score - low) / span if span > 0 else 1.0
            fused[item] = fused.get(item, 0.0) + weight * normalised
    return fused


def z_score_fusion(
    results: Mapping[str, Sequence[tuple[str, float]]], weights: dict[str, float] | None = None
) -> dict[str, float]:
    """Weighted CombSUM of z-scores (Montague & Aslam, CIKM 2001, "Relevance score normalization
    for metasearch"): each retriever's scores over its own candidates standardised to mean 0 and
    standard deviation 1; an id a retriever did not return gets that retriever's lowest z-score.
    Unlike min-max, one far-ahead hit does not squash the rest of the list to the bottom, and
    the list's last candidate is not pinned to 0. Returns id -> fused score (higher is better)."""
    weights = weights or {}
    normalised: dict[str, dict[str, float]] = {}
    floors: dict[str, float] = {}
    for name, scored in results.items():
        if not scored:
            continue
        values = [score for _, score in scored]
        mean = sum(values) / len(values)
        spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5 or 1.0
        normalised[name] = {item: (score - mean) / spread for item, score in scored}
        floors[name] = min(normalised[name].values())
    ids = {item for scored in normalised.values() for item in scored}
    return {
        item: sum(weights.get(name, 1.0) * scored.get(item, floors[name]) for name, scored in normalised.items())
        for item in ids
    }
