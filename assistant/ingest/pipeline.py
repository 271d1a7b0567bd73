"""Ingestion into the index: files -> chunks -> (only new ones) embedded -> Chroma + catalog.

Per file the order is: parse; compare with the catalog; mark the document pending;
add missing vectors (embedded through llama-index's IngestionPipeline into
ChromaVectorStore), delete vectors the file no longer has, refresh changed metadata;
then commit the catalog rows. Re-running after a crash anywhere redoes pending
documents and reaches the same state as a clean run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from llama_index.core.ingestion import IngestionPipeline

from assistant.errors import AssistantError, IngestError
from assistant.ingest.documents import SUPPORTED_SUFFIXES, ParsedFile, parse_file
from assistant.retrieve.sparse import StoredChunk
from assistant.retrieve.tokenize import tokenize
from assistant.store.index import Index
from assistant.store.vectors import chroma_metadata, existing_ids, ids_of_document, to_node
from assistant.types import Chunk

log = logging.getLogger(__name__)
EMBED_BATCH = 32
Progress = Callable[[int], None]
# Folders read by other parts of the assistant, not indexed (the benefits catalog is the matcher's).
NOT_INDEXED_DIRS = frozenset({"benefits"})


@dataclass
class FileResult:
    path: str
    status: str  # added | updated | unchanged | failed | removed
    doc_id: str = ""
    chunks: int = 0
    added: int = 0
    removed: int = 0
    refreshed: int = 0
    error: str = ""
    row_errors: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def chunks_added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def chunks_removed(self) -> int:
        return sum(f.removed for f in self.files)

    @property
    def chunks_unchanged(self) -> int:
        return sum(f.chunks - f.added for f in self.files if f.status != "failed")

    @property
    def chunks_updated(self) -> int:
        return sum(f.refreshed for f in self.files)

    @property
    def nothing_ingested(self) -> bool:
        return bool(self.files) and all(f.status == "failed" for f in self.files)

    def summary(self) -> dict[str, object]:
        return {
            "files": len(self.files),
            "added": self.count("added"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "removed": self.count("removed"),
            "failed": self.count("failed"),
            "chunks_added": self.chunks_added,
            "chunks_updated": self.chunks_updated,
            "chunks_unchanged": self.chunks_unchanged,
            "chunks_removed": self.chunks_removed,
            "failures": [{"path": f.path, "error": f.error} for f in self.files if f.status == "failed"],
            "row_errors": [e for f in self.files for e in f.row_errors],
        }

    def to_dict(self) -> dict[str, object]:
        return {**self.summary(), "results": [asdict(f) for f in self.files]}


def discover_files(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: named files as given, folders searched for supported files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                    and not NOT_INDEXED_DIRS & set(p.relative_to(path).parts[:-1])
                    and not p.name.lower().startswith("readme")
                )
            )
        else:
            found.append(path)
    return found


def ingest_paths(
    index: Index,
    paths: list[Path],
    prune: bool = False,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Bring the index up to date with ``paths``; ``prune`` drops documents whose file is gone.

    All files are parsed first (cheap), so ``on_total`` learns the number of chunks before
    the slow embedding starts and ``progress`` advances by chunks.
    """
    report = IngestReport()
    parsed = [_parse(path) for path in discover_files(paths)]
    if on_total:
        on_total(sum(len(p.chunks) for p in parsed if isinstance(p, ParsedFile)))
    for item in parsed:
        report.files.append(item if isinstance(item, FileResult) else _write_safely(index, item, progress))
    if prune:
        report.files.extend(prune_missing(index, paths))
    return report


def _parse(path: Path) -> ParsedFile | FileResult:
    try:
        if not path.exists():
            raise IngestError(path, "no such file")
        return parse_file(path)
    except AssistantError as exc:
        log.warning("ingest failed: %s", exc)
        return FileResult(str(path), "failed", error=str(exc))
    except OSError as exc:
        return FileResult(str(path), "failed", error=f"{path}: {exc.strerror or exc}")


def _write_safely(index: Index, parsed: ParsedFile, progress: Progress | None) -> FileResult:
    try:
        return _write(index, parsed, progress)
    except IngestError as exc:
        log.warning("ingest failed: %s", exc)
        return FileResult(
            parsed.doc.path, "failed", parsed.doc.doc_id, error=str(exc), row_errors=[str(e) for e in parsed.row_errors]
        )


def _write(index: Index, parsed: ParsedFile, progress: Progress | None) -> FileResult:
    doc, chunks = parsed.doc, parsed.chunks
    row_errors = [str(e) for e in parsed.row_errors]
    if not chunks:
        raise IngestError(
            doc.path,
            "no valid content to index" + (f" ({len(row_errors)} bad rows: {row_errors[0]} ...)" if row_errors else ""),
        )
    previous = index.catalog.document(doc.doc_id)
    if previous and previous.path != doc.path and Path(previous.path).exists():
        raise IngestError(
            doc.path, f"document id {doc.doc_id!r} is already used by {previous.path}; rename one of the files"
        )
    result = FileResult(doc.path, "updated" if previous else "added", doc.doc_id, len(chunks), row_errors=row_errors)
    if previous and previous.status == "done" and previous.file_hash == doc.file_hash:
        result.status = "unchanged"
        if progress:
            progress(len(chunks))
        return result
    index.catalog.mark_pending(doc)
    wanted = {c.chunk_id for c in chunks}
    stale = ids_of_document(index.collection, doc.doc_id) - wanted
    present = existing_ids(index.collection, [c.chunk_id for c in chunks])
    new = [c for c in chunks if c.chunk_id not in present]
    _add(index, new, progress)
    if progress:
        progress(len(chunks) - len(new))
    if stale:
        index.vector_store.delete_nodes(node_ids=sorted(stale))
    result.refreshed = _refresh_metadata(index, [c for c in chunks if c.chunk_id in present])
    tokens = [tokenize(sparse_text(c)) for c in chunks]
    index.catalog.commit_document(doc, chunks, tokens)
    index.sparse.replace_document(doc.doc_id, [stored_chunk(c) for c in chunks], tokens)
    result.added, result.removed = len(new), len(stale)
    return result


def _add(index: Index, chunks: list[Chunk], progress: Progress | None) -> None:
    pipeline = IngestionPipeline(transformations=[index.embedder], vector_store=index.vector_store)
    for start in range(0, len(chunks), EMBED_BATCH):
        batch = chunks[start : start + EMBED_BATCH]
        pipeline.run(nodes=[to_node(c) for c in batch])
        if progress:
            progress(len(batch))


def _refresh_metadata(index: Index, chunks: list[Chunk]) -> int:
    """Update metadata (spans, titles ...) of chunks whose text, hence vector, is unchanged."""
    if not chunks:
        return 0
    stored = index.collection.get(ids=[c.chunk_id for c in chunks], include=["metadatas"])
    old = dict(zip(stored["ids"], stored["metadatas"]))
    changed = [c for c in chunks if {k: old.get(c.chunk_id, {}).get(k) for k in c.metadata} != c.metadata]
    if changed:
        index.collection.update(ids=[c.chunk_id for c in changed], metadatas=[chroma_metadata(c) for c in changed])
    return len(changed)


def prune_missing(index: Index, roots: list[Path]) -> list[FileResult]:
    """Remove documents under ``roots`` whose source file no longer exists."""
    resolved = [r.resolve() for r in roots]
    removed: list[FileResult] = []
    for doc in index.catalog.documents():
        source = Path(doc.path)
        if source.exists() or not any(_is_under(source.resolve(), r) for r in resolved):
            continue
        removed.append(delete_document(index, doc.doc_id))
    return removed


def delete_document(index: Index, doc_id: str) -> FileResult:
    """Remove a document's vectors, then its catalog rows."""
    doc = index.catalog.document(doc_id)
    if doc is None:
        raise IngestError(doc_id, "no such document in the index")
    ids = ids_of_document(index.collection, doc_id)
    if ids:
        index.vector_store.delete_nodes(node_ids=sorted(ids))
    index.catalog.remove_document(doc_id)
    index.sparse.remove_document(doc_id)
    return FileResult(doc.path, "removed", doc_id, removed=len(ids))


def _is_under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def sparse_text(chunk: Chunk) -> str:
    """What BM25 indexes: the document title and clause path carried with the text."""
    title = str(chunk.metadata.get("title", "")) if chunk.metadata.get("kind") == "policy" else ""
    return f"{title} {chunk.clause_path}\n{chunk.text}"


def stored_chunk(chunk: Chunk) -> StoredChunk:
    return StoredChunk(chunk.chunk_id, chunk.doc_id, chunk.text, dict(chunk.metadata))
