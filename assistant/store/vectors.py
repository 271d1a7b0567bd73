"""Vectors in Chroma, through llama-index's ChromaVectorStore.

Embedded ``PersistentClient`` under the index dir by default; ``HttpClient`` when
``ASSISTANT_CHROMA_HOST`` is set. The collection's metadata repeats the embedder id
and dimension, so a shared Chroma server refuses mixed models too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.utils import node_to_metadata_dict
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.config import Settings
from assistant.errors import IndexError_, IndexMismatch
from assistant.store.manifest import Manifest
from assistant.types import Chunk

EMBED_KEYS = ("title", "clause_path")  # metadata the embedder sees besides the text


def open_collection(settings: Settings, manifest: Manifest) -> Any:
    """The Chroma collection of this index, created when missing, checked when present."""
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
            configuration={"hnsw": {"space": "cosine"}},
        )
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
    return collection


def to_node(chunk: Chunk) -> TextNode:
    """A chunk as a llama-index node: the embedder sees title and clause path with the text."""
    node = TextNode(
        id_=chunk.chunk_id,
        text=chunk.text,
        metadata=dict(chunk.metadata),
        excluded_embed_metadata_keys=[k for k in chunk.metadata if k not in EMBED_KEYS],
        excluded_llm_metadata_keys=[k for k in chunk.metadata if k not in EMBED_KEYS],
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=chunk.doc_id)
    return node


def chroma_metadata(chunk: Chunk) -> dict[str, Any]:
    """The metadata dict ChromaVectorStore would write for ``chunk`` (for in-place updates)."""
    meta = node_to_metadata_dict(to_node(chunk), remove_text=True, flat_metadata=True)
    return {k: ("" if v is None else v) for k, v in meta.items()}


def make_vector_store(collection: Any) -> ChromaVectorStore:
    return ChromaVectorStore(chroma_collection=collection)


def ids_of_document(collection: Any, doc_id: str) -> set[str]:
    return set(collection.get(where={"doc_id": doc_id}, include=[])["ids"])


def existing_ids(collection: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(collection.get(ids=ids[start : start + 500], include=[])["ids"])
    return found
