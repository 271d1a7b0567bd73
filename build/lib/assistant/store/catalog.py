"""The catalog: a SQLite file beside the vectors that knows every document and chunk.

It makes ingestion incremental and crash-safe:

* a document row is written as ``pending`` (with the new file hash) *before* its
  vectors change, and set to ``done`` together with its chunk rows in one transaction
  after they have; a run killed in between leaves ``pending``, which the next run redoes;
* every document in the vector store has a catalog row, so nothing can be orphaned.

Chunk texts and metadata are kept here too, for listing chunks and for the sparse index.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.types import Chunk, MetaValue, SourceDocument

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
    meta_json TEXT NOT NULL,
    chunk_count INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    tokens TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, ord);
"""


@dataclass(frozen=True)
class DocRow:
    doc_id: str
    path: str
    kind: str
    title: str
    doc_type: str
    file_hash: str
    status: str
    chunk_count: int
    metadata: dict[str, Any]
    updated_at: str = ""  # UTC 'YYYY-MM-DD HH:MM:SS.SSS' of the last change of its content in the index


@dataclass(frozen=True)
class ChunkRow:
    chunk_id: str
    doc_id: str
    ord: int
    text: str
    metadata: dict[str, MetaValue]


class Catalog:
    """Documents and chunks of one index (thread-safe; one writer at a time)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def document(self, doc_id: str) -> DocRow | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return _doc_row(row) if row else None

    def documents(self) -> list[DocRow]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM documents ORDER BY kind, doc_id").fetchall()
        return [_doc_row(r) for r in rows]

    def mark_pending(self, doc: SourceDocument) -> None:
        """Record that ``doc``'s vectors are about to change (written before they do)."""
        with self._tx() as db:
            db.execute(
                """INSERT INTO documents (path, kind, title, doc_type, file_hash, meta_json, doc_id, status)
                   VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
                   ON CONFLICT(doc_id) DO UPDATE SET path=excluded.path, file_hash=excluded.file_hash,
                   status='pending', updated_at=strftime('%Y-%m-%d %H:%M:%f', 'now')""",
                (*_doc_fields(doc), doc.doc_id),
            )

    def commit_document(self, doc: SourceDocument, chunks: list[Chunk], tokens: list[list[str]]) -> None:
        """Replace ``doc``'s chunk rows (with their BM25 tokens) and mark it done, atomically."""
        with self._tx() as db:
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc.doc_id,))
            db.executemany(
                "INSERT INTO chunks (chunk_id, doc_id, ord, text, meta_json, tokens) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (c.chunk_id, doc.doc_id, i, c.text, json.dumps(c.metadata, ensure_ascii=False), " ".join(t))
                    for i, (c, t) in enumerate(zip(chunks, tokens, strict=True))
                ],
            )
            db.execute(
                """UPDATE documents SET path=?, kind=?, title=?, doc_type=?, file_hash=?, meta_json=?,
                   status='done', chunk_count=?, updated_at=strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE doc_id=?""",
                (*_doc_fields(doc), len(chunks), doc.doc_id),
            )

    def remove_document(self, doc_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def _chunk_rows(self, doc_id: str | None) -> list[tuple[ChunkRow, str]]:
        query = "SELECT chunk_id, doc_id, ord, text, meta_json, tokens FROM chunks"
        args: tuple[str, ...] = ()
        if doc_id is not None:
            query += " WHERE doc_id = ?"
            args = (doc_id,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY doc_id, ord", args).fetchall()
        return [(ChunkRow(r[0], r[1], r[2], r[3], json.loads(r[4])), r[5]) for r in rows]

    def chunks(self, doc_id: str | None = None) -> list[ChunkRow]:
        return [row for row, _ in self._chunk_rows(doc_id)]

    def sparse_rows(self) -> Iterator[tuple[ChunkRow, list[str]]]:
        """Every chunk with its stored BM25 tokens, for loading the sparse index."""
        for row, tokens in self._chunk_rows(None):
            yield row, tokens.split()

    def data_version(self) -> int:
        """Changes whenever another connection (another process) commits to the catalog."""
        with self._lock:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def chunk_ids(self, doc_id: str) -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,)).fetchall()
        return [r[0] for r in rows]

    def count_chunks(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])


def _doc_fields(doc: SourceDocument) -> tuple[str, ...]:
    """path, kind, title, doc_type, file_hash, meta_json: the columns a document row takes from ``doc``."""
    meta = json.dumps(doc.metadata(), ensure_ascii=False)
    return doc.path, doc.kind.value, doc.title, doc.doc_type, doc.file_hash, meta


def _doc_row(row: tuple[Any, ...]) -> DocRow:
    doc_id, path, kind, title, doc_type, file_hash, status, meta_json, count, updated_at = row
    return DocRow(doc_id, path, kind, title, doc_type, file_hash, status, count, json.loads(meta_json), updated_at)
