"""Vectors in Chroma, through llama-index's ChromaVectorStore (the only module that touches Chroma).

Embedded ``PersistentClient`` under the index dir by default; ``HttpClient`` when
``ASSISTANT_CHROMA_HOST`` is set. The collection's metadata repeats the embedder id
and dimension, so a shared Chroma server refuses mixed models too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.utils import node_to_metadata_dict
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.config import Settings
from assistant.errors import IndexError_, IndexMismatch
from assistant.filters import SearchFilters
from assistant.store.manifest import Manifest
from assistant.types import Chunk

EMBED_KEYS = ("title", "clause_path", "context")  # metadata the embedder sees besides the text
PREAMBLE = "序言"  # the clause path of text before any heading: not a heading the document has, not embedded
# HNSW candidate list at query time. At Chroma's default (100) the same query in two processes returned
# different top-50 lists (8 of 40 questions differed over 4 runs on the policies' index): the tail of the
# dense list moved, and with it the min-max fusion and borderline answer-or-refuse decisions. At 512
# the search is exact at these sizes (0 of 40 differed) for well under a millisecond more per query.
EF_SEARCH = 512


def _open_collection(settings: Settings, manifest: Manifest) -> tuple[Any, Any]:
    """The Chroma client and collection of this index, created when missing, checked when present."""
    import chromadb

    try:
        if settings.chroma_host:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port)
        else:
            path = settings.index_dir / "chroma"
            path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(path))
        collection = client.get_or_create_collection(
            settings.collection,
            embedding_function=None,
            metadata={"embedder": manifest.embedder, "dimension": manifest.dimension},
            configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}},
        )
        hnsw = (collection.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search", EF_SEARCH) < EF_SEARCH:  # an index built before: the same search as a new one
            collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
    except Exception as exc:  # chromadb raises many types (connection, rust bindings ...)
        where = (
            f"{settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host
            else str(Path(settings.index_dir) / "chroma")
        )
        raise IndexError_(f"cannot open Chroma collection {settings.collection!r} at {where}: {exc}") from exc
    meta = collection.metadata or {}
    if meta.get("embedder") not in (None, manifest.embedder) or meta.get("dimension") not in (None, manifest.dimension):
        raise IndexMismatch(
            f"Chroma collection {settings.collection!r} holds vectors of {meta.get('embedder')} "
            f"({meta.get('dimension')}-dim) but the settings use {manifest.embedder} ({manifest.dimension}-dim)"
        )
    return client, collection


def to_node(chunk: Chunk) -> TextNode:
    """A chunk as a llama-index node: the embedder sees title, clause path and the end of the part
    before (``context``, when there is one) with the text."""
    hidden = [k for k, v in chunk.metadata.items() if k not in EMBED_KEYS or v in ("", PREAMBLE)]
    node = TextNode(
        id_=chunk.chunk_id,
        text=chunk.text,
        metadata=dict(chunk.metadata),
        excluded_embed_metadata_keys=hidden,
        excluded_llm_metadata_keys=hidden,
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=chunk.doc_id)
    return node


def chroma_metadata(chunk: Chunk) -> dict[str, Any]:
    """The metadata dict ChromaVectorStore would write for ``chunk`` (for in-place updates)."""
    meta = node_to_metadata_dict(to_node(chunk), remove_text=True, flat_metadata=True)
    return {k: ("" if v is None else v) for k, v in meta.items()}


def embedded_inputs(metadata: dict[str, Any]) -> tuple[Any, ...]:
    """The metadata values the embedder reads besides the text (from a chunk, or as stored in Chroma):
    a stored vector serves a chunk only when these are the same (its id covers the text and path)."""
    return tuple("" if metadata.get(k) is None else metadata.get(k) for k in EMBED_KEYS)


def embedding_text(chunk: Chunk) -> str:
    """What the embedder reads for a chunk: title and clause path lines, then the text (llama-index's
    ``MetadataMode.EMBED`` rendering of the node)."""
    from llama_index.core.schema import MetadataMode

    return to_node(chunk).get_content(metadata_mode=MetadataMode.EMBED)


def chroma_where(filters: SearchFilters) -> dict[str, Any] | None:
    """The exact-field part of ``filters`` as a Chroma ``where`` clause."""
    clauses: list[dict[str, Any]] = []
    if filters.kind:
        clauses.append({"kind": {"$in": [k.value for k in filters.kind]}})
    for name, wanted in filters.exact_fields().items():
        clauses.append({name: {"$eq": wanted}})
    if filters.year_from is not None:
        clauses.append({"year": {"$gte": filters.year_from}})
    if filters.year_to is not None:
        clauses.append({"year": {"$lte": filters.year_to}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class VectorStore:
    """The Chroma collection of one index, written through llama-index's ChromaVectorStore."""

    def __init__(self, client: Any, collection: Any) -> None:
        self._client = client
        self._collection = collection
        self._store = ChromaVectorStore(chroma_collection=collection)

    @classmethod
    def open(cls, settings: Settings, manifest: Manifest) -> VectorStore:
        return cls(*_open_collection(settings, manifest))

    def close(self) -> None:
        """Release the client: Chroma shares one per folder in a process and stops it (closing its files)
        when the last user closes, so a folder replaced on disk (rebuild, restore) is read afresh."""
        self._client.close()

    def query(self, embedding: list[float], n_results: int, filters: SearchFilters) -> list[tuple[str, float]]:
        """Nearest ids with cosine similarity (ids and distances only: texts are in memory already)."""
        found = self._collection.query(
            query_embeddings=[embedding], n_results=n_results, where=chroma_where(filters), include=["distances"]
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(found["ids"][0], found["distances"][0])]

    def add(self, chunks: list[Chunk], vectors: dict[str, list[float]]) -> None:
        """Write the chunks with their vectors, replacing any stored under the same id (Chroma's ``add``
        keeps an existing id as it was)."""
        if not chunks:
            return
        self.delete(sorted(self.existing_ids([c.chunk_id for c in chunks])))
        nodes: list[BaseNode] = []
        for chunk in chunks:
            node = to_node(chunk)
            node.embedding = vectors[chunk.chunk_id]
            nodes.append(node)
        for start in range(0, len(nodes), 500):
            self._store.add(nodes[start : start + 500])

    def delete(self, ids: list[str]) -> None:
        if ids:
            self._store.delete_nodes(node_ids=ids)

    def ids_of_document(self, doc_id: str) -> set[str]:
        return set(self._collection.get(where={"doc_id": doc_id}, include=[])["ids"])

    def all_ids(self) -> set[str]:
        return set(self._collection.get(include=[])["ids"])

    def existing_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            found.update(self._collection.get(ids=ids[start : start + 500], include=[])["ids"])
        return found

    def embedded_as(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """:func:`embedded_inputs` of the stored vectors among ``ids``."""
        found: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(ids), 500):
            got = self._collection.get(ids=ids[start : start + 500], include=["metadatas"])
            found.update((cid, embedded_inputs(meta or {})) for cid, meta in zip(got["ids"], got["metadatas"]))
        return found

    def refresh_metadata(self, chunks: list[Chunk]) -> int:
        """Update metadata (spans, titles ...) of chunks whose text, hence vector, is unchanged."""
        if not chunks:
            return 0
        stored = self._collection.get(ids=[c.chunk_id for c in chunks], include=["metadatas"])
        old = dict(zip(stored["ids"], stored["metadatas"]))
        changed = [c for c in chunks if {k: old.get(c.chunk_id, {}).get(k) for k in c.metadata} != c.metadata]
        if changed:
            self._collection.update(ids=[c.chunk_id for c in changed], metadatas=[chroma_metadata(c) for c in changed])
        return len(changed)

    def metadata(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        got = self._collection.get(ids=ids, include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"]))

    def vectors(self, ids: list[str] | None = None) -> dict[str, Any]:
        got = (
            self._collection.get(ids=ids, include=["embeddings"])
            if ids
            else self._collection.get(include=["embeddings"])
        )
        return dict(zip(got["ids"], got["embeddings"]))

    def count(self) -> int:
        return int(self._collection.count())
