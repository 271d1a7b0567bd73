"""Dense retrieval: nearest e5 vectors in the store.

Vectors are written at ingestion; a query is embedded with the e5 "query:" side and the
store is asked for ids and distances only (texts and metadata are already in memory: asking
the vector database for them measured 25-30 ms of a ~65 ms search on 2 cores).
"""

from __future__ import annotations

from assistant.filters import SearchFilters
from assistant.store.index import Index


class DenseRetriever:
    """Top-k by cosine similarity of e5 query/passage vectors, exact filters applied in the store."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def embed_query(self, query: str) -> list[float]:
        return self.index.embedder.get_query_embedding(query)

    def search(
        self, query: str, top_k: int, filters: SearchFilters, embedding: list[float] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first."""
        if len(self.index) == 0:
            return []
        return self.index.search_dense(embedding or self.embed_query(query), top_k, filters)
