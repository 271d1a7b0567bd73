"""Dense similarity of a question and candidate sentences (e5 query side vs passage side)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

from assistant.understand.query import Query


class DenseSimilarity:
    """Cosine of the question and each sentence; sentence vectors are cached (clauses recur)."""

    def __init__(
        self,
        embed_query: Callable[[Sequence[str]], np.ndarray],
        embed_passages: Callable[[list[str]], list[list[float]]],
        cache_size: int = 20000,
    ) -> None:
        self.embed_query = embed_query
        self.embed_passages = embed_passages
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.cache_size = cache_size

    def __call__(self, query: Query, sentences: list[str]) -> list[float]:
        if not sentences:
            return []
        q = self.embed_query([query.standalone])[0]
        missing = [s for s in dict.fromkeys(sentences) if s not in self._cache]
        if missing:
            for sentence, vector in zip(missing, self.embed_passages(missing)):
                row = np.asarray(vector, dtype=np.float32)
                self._cache[sentence] = row / (np.linalg.norm(row) or 1.0)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return [float(self._cache[s] @ q) for s in sentences]
