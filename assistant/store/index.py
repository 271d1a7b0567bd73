"""The index as one object: manifest + catalog (SQLite) + vectors (Chroma)."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.config import Settings
from assistant.embed import embedder_id, embedding_dimension
from assistant.ingest.chunking import CHUNKER_VERSION
from assistant.retrieve.sparse import SparseIndex, StoredChunk
from assistant.store.catalog import Catalog
from assistant.store.manifest import Manifest, read_manifest, write_manifest
from assistant.store.vectors import make_vector_store, open_collection

CATALOG_NAME = "catalog.sqlite3"


class Index:
    """An opened index. Build with :meth:`open`; the embedder is loaded by the caller."""

    def __init__(
        self, settings: Settings, embedder: BaseEmbedding, manifest: Manifest, catalog: Catalog, collection: Any
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.manifest = manifest
        self.catalog = catalog
        self.collection = collection
        self.vector_store: ChromaVectorStore = make_vector_store(collection)
        self.sparse = SparseIndex()
        self._catalog_version = -1
        self.reload_sparse()

    def reload_sparse(self) -> None:
        """(Re)build the in-memory BM25 index from the tokens stored in the catalog."""
        sparse = SparseIndex()
        for row, tokens in self.catalog.sparse_rows():
            sparse.add(StoredChunk(row.chunk_id, row.doc_id, row.text, row.metadata), tokens)
        self.sparse = sparse
        self._catalog_version = self.catalog.data_version()

    def refresh_if_changed(self) -> None:
        """Pick up documents another process ingested or deleted since we loaded.

        SQLite's ``data_version`` changes only for other connections' commits, so our own
        writes (already applied to the in-memory index) do not trigger a reload.
        """
        if self.catalog.data_version() != self._catalog_version:
            self.reload_sparse()

    @classmethod
    def open(cls, settings: Settings, embedder: BaseEmbedding) -> Index:
        """Open (or create) the index, refusing one built with another embedder or chunker."""
        wanted = Manifest(embedder_id(embedder), embedding_dimension(embedder), CHUNKER_VERSION)
        existing = read_manifest(settings.index_dir)
        if existing is not None:
            existing.check_against(wanted, settings.index_dir)
        collection = open_collection(settings, wanted)
        if existing is None:
            write_manifest(settings.index_dir, wanted)
        return cls(settings, embedder, wanted, Catalog(settings.index_dir / CATALOG_NAME), collection)

    def close(self) -> None:
        self.catalog.close()


def open_catalog(settings: Settings) -> tuple[Catalog, Manifest | None]:
    """The catalog and manifest alone, for listing without loading a model."""
    return Catalog(settings.index_dir / CATALOG_NAME), read_manifest(settings.index_dir)
