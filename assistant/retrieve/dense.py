"""Dense retrieval: nearest e5 vectors in the index's Chroma collection.

Vectors are written through llama-index (IngestionPipeline into ChromaVectorStore). For
queries, llama-index's retriever asks Chroma for every hit's documents and metadata and
rebuilds nodes from JSON, which measured 25-30 ms of a ~65 ms search on 2 cores; texts
and metadata are already in memory (the sparse store), so the query asks Chroma for ids
and distances only and resolves the rest locally.
"""

from __future__ import annotations

from assistant.retrieve.filters import SearchFilters
from assistant.store.index import Index


class DenseRetriever:
    """Top-k by cosine similarity of e5 query/passage vectors, exact filters applied in Chroma."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def embed_query(self, query: str) -> list[float]:
        return self.index.embedder.get_query_embedding(query)

    def search(
        self, query: str, top_k: int, filters: SearchFilters, embedding: list[float] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first."""
        size = len(self.index.sparse)
        if size == 0:
            return []
        post = filters.needs_post_filter()
        found = self.index.collection.query(
            query_embeddings=[embedding or self.embed_query(query)],
            n_results=min(top_k * 4 if post else top_k, size),
            where=filters.to_chroma_where(),
            include=["distances"],
        )
        out: list[tuple[str, float]] = []
        for chunk_id, distance in zip(found["ids"][0], found["distances"][0]):
            stored = self.index.sparse.get(chunk_id)
            if stored is None or (post and not filters.matches(stored.metadata)):
                continue
            out.append((chunk_id, 1.0 - float(distance)))
        return out[:top_k]
