"""Ranking metrics over the rank of the first relevant result (one gold per question).

``rank`` is 1-based, ``None`` when nothing relevant was retrieved. nDCG@k uses binary
gain with one relevant item, so IDCG = 1 and nDCG = 1 / log2(rank + 1) (Järvelin &
Kekäläinen, 2002).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank_at(rank: int | None, k: int) -> float:
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def ndcg_at(rank: int | None, k: int) -> float:
    return 1.0 / math.log2(rank + 1) if rank is not None and rank <= k else 0.0


def summarize(ranks: Sequence[int | None]) -> dict[str, float]:
    """hit@1/5/10, MRR@10 and nDCG@10 averaged over questions."""
    n = len(ranks) or 1
    return {
        "n": len(ranks),
        "hit@1": round(sum(hit_at(r, 1) for r in ranks) / n, 4),
        "hit@5": round(sum(hit_at(r, 5) for r in ranks) / n, 4),
        "hit@10": round(sum(hit_at(r, 10) for r in ranks) / n, 4),
        "mrr@10": round(sum(reciprocal_rank_at(r, 10) for r in ranks) / n, 4),
        "ndcg@10": round(sum(ndcg_at(r, 10) for r in ranks) / n, 4),
    }
