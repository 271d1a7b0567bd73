"""Dense retrieval: Chroma through llama-index's vector retriever, with the index's embedder."""

from __future__ import annotations

from llama_index.core import VectorStoreIndex
from llama_index.core.schema import QueryBundle

from assistant.retrieve.filters import SearchFilters
from assistant.store.index import Index


class DenseRetriever:
    """Top-k by cosine similarity of e5 query/passage vectors, filters applied in Chroma."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._vectors = VectorStoreIndex.from_vector_store(index.vector_store, embed_model=index.embedder)

    def embed_query(self, query: str) -> list[float]:
        return self.index.embedder.get_query_embedding(query)

    def search(
        self, query: str, top_k: int, filters: SearchFilters, embedding: list[float] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, similarity) best first."""
        if len(self.index.sparse) == 0:
            return []
        oversample = top_k * 4 if filters.needs_post_filter() else top_k
        retriever = self._vectors.as_retriever(
            similarity_top_k=min(oversample, len(self.index.sparse)), filters=filters.to_metadata_filters()
        )
        bundle = QueryBundle(query, embedding=embedding or self.embed_query(query))
        out: list[tuple[str, float]] = []
        for hit in retriever.retrieve(bundle):
            if filters.needs_post_filter() and not filters.matches(hit.node.metadata):
                continue
            out.append((hit.node.node_id, float(hit.score or 0.0)))
        return out[:top_k]
