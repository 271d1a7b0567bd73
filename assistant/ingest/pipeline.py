"""Ingestion, stage by stage: load -> clean -> parse -> chunk -> embed -> write.

    load, clean, parse, chunk   documents.parse_file (one file -> its document and chunks)
    embed                       embed_chunks: only chunks the store has no vector for
    write                       Index.write_document: vectors, BM25 and catalog kept consistent

The store decides what changed (``Index.plan_write``) and writes crash-safely: re-running
after a crash anywhere redoes pending documents and reaches the same state as a clean run.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.errors import AssistantError, IndexError_, IngestError
from assistant.ingest.documents import SUPPORTED_SUFFIXES, ParsedFile, parse_file
from assistant.ingest.limits import Limits
from assistant.store.index import Index, WritePlan
from assistant.store.space import is_disk_full
from assistant.store.vectors import embedding_text
from assistant.types import Chunk

log = logging.getLogger(__name__)
EMBED_BATCH = 32
EMBED_WINDOW = 512  # new chunks embedded together before their files are written
Progress = Callable[[int], None]
# Folders read by other parts of the assistant, not indexed (the benefits catalog is the matcher's).
NOT_INDEXED_DIRS = frozenset({"benefits", "platform"})  # catalogs read by their own modules


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
    # wall seconds by stage: parse, plan (which vectors exist), embed, tokenize (BM25 tokens),
    # vectors (Chroma writes), catalog (SQLite and the in-memory BM25)
    seconds: dict[str, float] = field(default_factory=dict)

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

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

    @property
    def any_failed(self) -> bool:
        return any(f.status == "failed" for f in self.files)

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
            "seconds": {stage: round(value, 3) for stage, value in self.seconds.items()},
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
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Bring the index up to date with ``paths``; ``prune`` drops documents whose file is gone.

    All files are parsed first (cheap), so ``on_total`` learns the number of chunks before
    the slow embedding starts and ``progress`` advances by chunks; ``on_file`` hears of each
    file as it is done. A file that fails (any exception) is reported and the others go on.
    Files are embedded together, a window of about ``EMBED_WINDOW`` new chunks at a time, and
    each is written as soon as its window is embedded.
    """
    report = IngestReport()
    started = time.perf_counter()
    limits = Limits.of(index.settings)
    parsed = [_parse(path, limits) for path in discover_files(paths)]
    report.add_seconds("parse", time.perf_counter() - started)
    if on_total:
        on_total(sum(len(p.chunks) for p in parsed if isinstance(p, ParsedFile)))
    window: list[tuple[ParsedFile, WritePlan]] = []
    for item in parsed:
        if isinstance(item, FileResult):
            _done(report, item, on_file)
            continue
        planned = _plan_safely(index, item, report)
        if isinstance(planned, FileResult):
            _done(report, planned, on_file)
            continue
        window.append((item, planned))
        if progress and len(planned.new) < len(planned.chunks):
            progress(len(planned.chunks) - len(planned.new))
        if sum(len(plan.new) for _, plan in window) >= EMBED_WINDOW:
            _write_window(index, window, report, progress, on_file)
            window = []
    _write_window(index, window, report, progress, on_file)
    if prune:
        report.files.extend(prune_missing(index, paths))
    return report


def _done(report: IngestReport, result: FileResult, on_file: Callable[[FileResult], None] | None) -> None:
    report.files.append(result)
    if on_file:
        on_file(result)


def _parse(path: Path, limits: Limits) -> ParsedFile | FileResult:
    """Stages load -> clean -> parse -> chunk for one file (see documents.parse_file).

    Any exception is this file's failure, reported with its path and one line; the run goes on.
    """
    try:
        if not path.exists():
            raise IngestError(path, "文件不存在")
        if not path.is_file():
            raise IngestError(path, "不是文件（是目录或特殊文件）")
        return parse_file(path, limits)
    except Exception as exc:  # noqa: BLE001 - fault isolation: one bad file never stops the others
        return FileResult(str(path), "failed", error=failure_reason(path, exc, "parsing"))


def _failed(parsed: ParsedFile, exc: BaseException, stage: str) -> FileResult:
    return FileResult(
        parsed.doc.path,
        "failed",
        parsed.doc.doc_id,
        error=failure_reason(parsed.doc.path, exc, stage),
        row_errors=[str(e) for e in parsed.row_errors],
    )


def _plan_safely(index: Index, parsed: ParsedFile, report: IngestReport) -> WritePlan | FileResult:
    """What writing the file will change (the store is asked which chunk vectors it has)."""
    started = time.perf_counter()
    try:
        if not parsed.chunks:
            row_errors = [str(e) for e in parsed.row_errors]
            bad = f" ({len(row_errors)} bad rows: {row_errors[0]} ...)" if row_errors else ""
            raise IngestError(parsed.doc.path, "没有可导入的有效内容" + bad)
        return index.plan_write(parsed.doc, parsed.chunks)
    except IndexError_:
        raise  # as in _write_window
    except Exception as exc:  # noqa: BLE001 - as in _parse
        return _failed(parsed, exc, "planning")
    finally:
        report.add_seconds("plan", time.perf_counter() - started)


def _write_window(
    index: Index,
    window: list[tuple[ParsedFile, WritePlan]],
    report: IngestReport,
    progress: Progress | None,
    on_file: Callable[[FileResult], None] | None,
) -> None:
    """Embed the new chunks of a window of files together, then write each file (a file whose
    vectors could not be made, or that cannot be written, fails alone; an index that cannot be
    written at all, e.g. on a full disk, stops the run with its :class:`IndexError_`)."""
    started = time.perf_counter()
    vectors, embed_errors = embed_chunks(index.embedder, [c for _, plan in window for c in plan.new], progress)
    report.add_seconds("embed", time.perf_counter() - started)
    for parsed, plan in window:
        missing = next((embed_errors[c.chunk_id] for c in plan.new if c.chunk_id in embed_errors), None)
        if missing is not None:
            _done(report, _failed(parsed, missing, "embedding"), on_file)
            continue
        try:
            written = index.write_document(plan, {c.chunk_id: vectors[c.chunk_id] for c in plan.new})
        except IndexError_:
            raise  # the index cannot be written (a full disk ...): no later file could be either
        except Exception as exc:  # noqa: BLE001 - as in _parse; a half-written document stays pending
            _done(report, _failed(parsed, exc, "writing"), on_file)
            continue
        for stage, seconds in written.seconds.items():
            report.add_seconds(stage, seconds)
        result = FileResult(
            parsed.doc.path,
            plan.status,
            parsed.doc.doc_id,
            len(plan.chunks),
            written.added,
            written.removed,
            written.refreshed,
            row_errors=[str(e) for e in parsed.row_errors],
        )
        _done(report, result, on_file)


def failure_reason(path: Path | str, exc: BaseException, stage: str) -> str:
    """``path: problem`` on one line. Our own errors say what is wrong; anything else is named by
    its type (traceback at DEBUG: a bug to fix, but never a reason to stop the run)."""
    if isinstance(exc, IngestError):
        message = str(exc)
    elif isinstance(exc, AssistantError):
        message = f"{path}: {exc}"
    elif is_disk_full(exc):  # copying an upload, writing a temporary file ...
        message = f"{path}: 磁盘空间不足（{exc}）"
    elif isinstance(exc, OSError):
        message = f"{path}: {exc.strerror or exc}"
    else:
        log.debug("unexpected error while %s %s", stage, path, exc_info=exc)
        message = f"{path}: unexpected error while {stage} ({type(exc).__name__}: {exc})"
    message = " ".join(message.split())[:500]
    log.warning("ingest failed: %s", message)
    return message


def embed_chunks(
    embedder: BaseEmbedding, chunks: list[Chunk], progress: Progress | None = None
) -> tuple[dict[str, list[float]], dict[str, BaseException]]:
    """The embed stage: passage vectors of ``chunks`` by chunk id, and the error of any batch that
    failed (by chunk id). Batches of ``EMBED_BATCH`` texts of similar length: the model pads a
    batch to its longest text, so sorting by length wastes less of it."""
    texts = {c.chunk_id: embedding_text(c) for c in chunks}
    ordered = sorted(texts, key=lambda cid: len(texts[cid]))
    vectors: dict[str, list[float]] = {}
    errors: dict[str, BaseException] = {}
    for start in range(0, len(ordered), EMBED_BATCH):
        batch = ordered[start : start + EMBED_BATCH]
        try:
            for chunk_id, vector in zip(batch, embedder.get_text_embedding_batch([texts[i] for i in batch])):
                vectors[chunk_id] = vector
        except Exception as exc:  # noqa: BLE001 - the files of this batch fail, the others go on
            errors.update(dict.fromkeys(batch, exc))
        if progress:
            progress(len(batch))
    return vectors, errors


def resume_pending(index: Index) -> IngestReport:
    """Finish what a killed run left ``pending``: a document whose file is there is ingested again; one
    whose file is gone (a delete cut short) is removed when its path is absolute. A relative path names
    a file only from the folder the ingestion ran in: such a document is left for ``ingest --prune``."""
    pending = [d for d in index.documents() if d.status == "pending"]
    present = [Path(d.path) for d in pending if Path(d.path).is_file()]
    report = ingest_paths(index, present) if present else IngestReport()
    for doc in pending:
        source = Path(doc.path)
        if source.is_file():
            continue
        if source.is_absolute():
            report.files.append(delete_document(index, doc.doc_id))
        else:
            log.warning(
                "pending document %s: %s not found from %s; left for ingest --prune", doc.doc_id, source, Path.cwd()
            )
    return report


def prune_missing(index: Index, roots: list[Path]) -> list[FileResult]:
    """Remove documents under ``roots`` whose source file no longer exists."""
    resolved = [r.resolve() for r in roots]
    removed: list[FileResult] = []
    for doc in index.documents():
        source = Path(doc.path)
        if source.exists() or not any(_is_under(source.resolve(), r) for r in resolved):
            continue
        removed.append(delete_document(index, doc.doc_id))
    return removed


def delete_document(index: Index, doc_id: str) -> FileResult:
    """Remove a document from the index (vectors, BM25 and catalog)."""
    doc, removed = index.delete_document(doc_id)
    return FileResult(doc.path, "removed", doc_id, removed=removed)


def _is_under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
