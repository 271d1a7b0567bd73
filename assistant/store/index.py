"""The store: THE storage interface. Vectors (Chroma), BM25 and the SQLite catalog kept consistent.

Ingestion writes only through :meth:`Index.plan_write`, :meth:`Index.write_document` and
:meth:`Index.delete_document`; retrieval, answers and opportunities read only through the
read methods (``get``, ``chunks_of``, ``all_chunks``, ``search_sparse``, ``search_dense``,
``idf`` / ``df``, ``documents``). No module outside ``assistant/store/`` touches a Chroma
object.

Per document the write order is crash-safe: the catalog row is marked ``pending`` before
the vectors change, and set ``done`` with its chunk rows (and their BM25 tokens) in one
transaction after they have; a run killed in between leaves ``pending``, which the next run
redoes. A stored vector is reused only when it was embedded from the same text, clause path,
title and context, so the redone (or any incremental) run holds what a clean run holds. The
points in between are named for the crash tests (``faults.reached``); a full disk at any of
them is one clear error (``space.writing``) and leaves what was committed readable.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.config import Settings
from assistant.embed import embedder_id, embedding_dimension
from assistant.errors import IngestError
from assistant.filters import SearchFilters
from assistant.store import faults
from assistant.store.catalog import Catalog, ChunkRow, DocRow
from assistant.store.manifest import Manifest, read_manifest, write_manifest
from assistant.store.space import disk_full, writing
from assistant.store.sparse import SparseIndex
from assistant.store.vectors import PREAMBLE, VectorStore, embedded_inputs
from assistant.text.tokenize import tokenize
from assistant.types import Chunk, SourceDocument, StoredChunk

CATALOG_NAME = "catalog.sqlite3"
log = logging.getLogger(__name__)


@dataclass
class WritePlan:
    """What writing a parsed document will change (decided before anything is embedded)."""

    doc: SourceDocument
    chunks: list[Chunk]
    status: str  # added | updated | unchanged
    new: list[Chunk] = field(default_factory=list)  # chunks whose vectors are missing or embedded other inputs


@dataclass
class WriteResult:
    added: int = 0
    removed: int = 0
    refreshed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # tokenize / vectors / catalog


def sparse_text(chunk: Chunk | StoredChunk) -> str:
    """What BM25 indexes: a policy's title and the clause path carried with the text (not the
    preamble's placeholder path, which no document has)."""
    meta = chunk.metadata
    title = str(meta.get("title", "")) if meta.get("kind") == "policy" else ""
    path = str(meta.get("clause_path", ""))
    return f"{title} {'' if path == PREAMBLE else path}\n{chunk.text}"


def stored(chunk: Chunk) -> StoredChunk:
    return StoredChunk(chunk.chunk_id, chunk.doc_id, chunk.text, dict(chunk.metadata))


class Index:
    """An opened index. Build with :meth:`open`; the embedder is loaded by the caller."""

    def __init__(
        self, settings: Settings, embedder: BaseEmbedding, manifest: Manifest, catalog: Catalog, vectors: VectorStore
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.manifest = manifest
        self._catalog = catalog
        self._vectors = vectors
        self._sparse = SparseIndex()
        self._catalog_version = -1
        self.reload()

    @classmethod
    def open(cls, settings: Settings, embedder: BaseEmbedding, chunker: str) -> Index:
        """Open (or create) the index, refusing one built with another embedder or chunker
        (``chunker``: the version of the chunking that produces what is written)."""
        wanted = Manifest(embedder_id(embedder), embedding_dimension(embedder), chunker)
        existing = read_manifest(settings.index_dir)
        if existing is not None:
            existing.check_against(wanted, settings.index_dir)
        with writing(settings.index_dir):
            vectors = VectorStore.open(settings, wanted)
            if existing is None:
                write_manifest(settings.index_dir, wanted)
            catalog = Catalog(settings.index_dir / CATALOG_NAME)
        return cls(settings, embedder, wanted, catalog, vectors)

    def close(self) -> None:
        self._catalog.close()
        self._vectors.close()

    # ---- keeping the in-memory BM25 in step with the catalog ------------------------------
    def reload(self) -> None:
        """(Re)build the in-memory BM25 index from the tokens stored in the catalog."""
        sparse = SparseIndex()
        for row, tokens in self._catalog.sparse_rows():
            sparse.add(StoredChunk(row.chunk_id, row.doc_id, row.text, row.metadata), tokens)
        self._sparse = sparse
        self._catalog_version = self._catalog.data_version()

    def refresh_if_changed(self) -> None:
        """Pick up documents another process ingested or deleted since we loaded.

        SQLite's ``data_version`` changes only for other connections' commits, so our own
        writes (already applied to the in-memory index) do not trigger a reload.
        """
        if self._catalog.data_version() != self._catalog_version:
            self.reload()

    @property
    def version(self) -> int:
        """Changes whenever the indexed chunks change (for caches built over them)."""
        return self._sparse.version

    # ---- reads ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._sparse)

    def get(self, chunk_id: str) -> StoredChunk | None:
        return self._sparse.get(chunk_id)

    def chunks_of(self, doc_id: str) -> list[StoredChunk]:
        return self._sparse.chunks_of(doc_id)

    def all_chunks(self) -> Iterable[StoredChunk]:
        return self._sparse.all_chunks()

    def idf(self, term: str) -> float:
        return self._sparse.idf(term)

    def df(self, term: str) -> int:
        return self._sparse.df(term)

    def search_sparse(
        self, tokens: list[str], top_k: int, allowed: Callable[[StoredChunk], bool] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) best first."""
        return self._sparse.search(tokens, top_k, allowed)

    def search_dense(self, embedding: list[float], top_k: int, filters: SearchFilters) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first; exact filters applied in the vector store."""
        size = len(self._sparse)
        if size == 0:
            return []
        post = filters.needs_post_filter()
        try:
            found = self._vectors.query(embedding, min(top_k * 4 if post else top_k, size), filters)
        except Exception as exc:
            if not disk_full(exc, self.settings.index_dir):
                raise
            # Chroma applies another process's writes to its segments before a query: on a full disk
            # it cannot, and the query fails. BM25 still answers; the vectors come back with the space.
            log.warning("dense search unavailable, the disk of %s is full: %s", self.settings.index_dir, exc)
            return []
        out: list[tuple[str, float]] = []
        for chunk_id, similarity in found:
            chunk = self._sparse.get(chunk_id)
            if chunk is None or (post and not filters.matches(chunk.metadata)):
                continue
            out.append((chunk_id, similarity))
        return out[:top_k]

    def document(self, doc_id: str) -> DocRow | None:
        return self._catalog.document(doc_id)

    def documents(self) -> list[DocRow]:
        return self._catalog.documents()

    def count_chunks(self) -> int:
        return self._catalog.count_chunks()

    def chunks(self, doc_id: str | None = None) -> list[ChunkRow]:
        """Catalog rows of the chunks (of one document), in document order."""
        return self._catalog.chunks(doc_id)

    # ---- writes --------------------------------------------------------------------------
    def plan_write(self, doc: SourceDocument, chunks: list[Chunk]) -> WritePlan:
        """Compare a parsed document with what is stored: unchanged, or which chunks need vectors."""
        if not chunks:
            raise IngestError(doc.path, "no valid content to index")
        previous = self._catalog.document(doc.doc_id)
        if previous and not _same_file(previous.path, doc.path) and _exists(previous.path):
            raise IngestError(
                doc.path, f"document id {doc.doc_id!r} is already used by {previous.path}; rename one of the files"
            )
        if previous and previous.status == "done" and previous.file_hash == doc.file_hash:
            return WritePlan(doc, chunks, "unchanged")
        with writing(self.settings.index_dir, doc.path):  # a Chroma read may write (it applies its log)
            stored_as = self._vectors.embedded_as([c.chunk_id for c in chunks])
        new = [c for c in chunks if stored_as.get(c.chunk_id) != embedded_inputs(c.metadata)]
        return WritePlan(doc, chunks, "updated" if previous else "added", new)

    def write_document(self, plan: WritePlan, vectors: dict[str, list[float]]) -> WriteResult:
        """Make the store hold exactly ``plan.chunks`` for the document (vectors of ``plan.new`` given)."""
        result = WriteResult()
        if plan.status == "unchanged":
            return result
        doc, chunks = plan.doc, plan.chunks
        started = time.perf_counter()
        tokens = [tokenize(sparse_text(c)) for c in chunks]
        result.seconds["tokenize"] = time.perf_counter() - started
        mark = time.perf_counter()
        new_ids = {c.chunk_id for c in plan.new}
        with writing(self.settings.index_dir, doc.path):
            self._catalog.mark_pending(doc)
            faults.reached("pending")
            self._vectors.add([c for c in chunks if c.chunk_id in new_ids], vectors)
            faults.reached("vectors")
            stale = self._vectors.ids_of_document(doc.doc_id) - {c.chunk_id for c in chunks}
            self._vectors.delete(sorted(stale))
            faults.reached("stale")
            result.refreshed = self._vectors.refresh_metadata([c for c in chunks if c.chunk_id not in new_ids])
            result.seconds["vectors"] = time.perf_counter() - mark
            mark = time.perf_counter()
            self._catalog.commit_document(doc, chunks, tokens)
        self._sparse.replace_document(doc.doc_id, [stored(c) for c in chunks], tokens)
        faults.reached("commit")
        result.seconds["catalog"] = time.perf_counter() - mark
        result.added, result.removed = len(new_ids), len(stale)
        return result

    def delete_document(self, doc_id: str) -> tuple[DocRow, int]:
        """Remove a document's vectors, then its catalog rows and BM25 entries (marked pending first,
        so a run killed in between shows the document as unfinished)."""
        doc = self._catalog.document(doc_id)
        if doc is None:
            raise IngestError(doc_id, "no such document in the index")
        with writing(self.settings.index_dir, doc.path):
            self._catalog.mark_status(doc_id, "pending")
            ids = self._vectors.ids_of_document(doc_id)
            self._vectors.delete(sorted(ids))
            faults.reached("delete")
            self._catalog.remove_document(doc_id)
        self._sparse.remove_document(doc_id)
        return doc, len(ids)

    def vector_ids(self, doc_id: str | None = None) -> set[str]:
        """Ids in the vector store (of one document): for consistency checks."""
        return self._vectors.ids_of_document(doc_id) if doc_id else self._vectors.all_ids()

    def vector_metadata(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Metadata the vector store holds for ``ids`` (as written there)."""
        return self._vectors.metadata(ids)

    def raw_vectors(self, ids: list[str] | None = None) -> dict[str, Any]:
        """Stored vectors by chunk id, all when ``ids`` is None (benchmarks compare search with a
        brute-force floor over the same vectors)."""
        return self._vectors.vectors(ids)


def _exists(path: str) -> bool:
    return Path(path).exists()


def _same_file(a: str, b: str) -> bool:
    """The same file, however the path was written (relative, absolute, through a link)."""
    return a == b or Path(a).resolve() == Path(b).resolve()


def open_catalog(settings: Settings) -> tuple[Catalog, Manifest | None]:
    """The catalog and manifest alone, for listing without loading a model."""
    return Catalog(settings.index_dir / CATALOG_NAME), read_manifest(settings.index_dir)
