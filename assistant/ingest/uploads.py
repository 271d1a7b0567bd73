"""Uploaded files: checked before they are copied into ``<data_dir>/uploads/``, copies of failed files
removed after ingestion, and the copy of a deleted document removed with it.

A name that is empty, ``.`` or ``..``, a source that is not a regular file, an unsupported type or
a file over the size limit is refused with a per-file result; nothing is copied for it and the
other files go on.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import IngestError
from assistant.ingest.documents import check_supported
from assistant.ingest.limits import Limits, check_file_size
from assistant.ingest.pipeline import FileResult, failure_reason

log = logging.getLogger(__name__)


def uploads_dir(data_dir: Path) -> Path:
    return data_dir / "uploads"


@dataclass
class Staged:
    copies: list[Path] = field(default_factory=list)  # in uploads/, to ingest
    refused: list[FileResult] = field(default_factory=list)  # never copied


def check_upload(source: Path, limits: Limits) -> None:
    """Raise an IngestError (Chinese, naming the file) when ``source`` may not be uploaded."""
    name = source.name
    if not name or name in {".", ".."}:
        raise IngestError(source, "文件名无效（不能是空名、“.” 或 “..”）")
    if not source.is_file():
        raise IngestError(source, "不是普通文件（可能是目录、链接或已不存在）")
    check_supported(source)
    check_file_size(source, limits)


def stage_uploads(files: list[Path], data_dir: Path, limits: Limits) -> Staged:
    """Copy the acceptable files into ``uploads/`` (same name: a re-upload updates its document)."""
    target = uploads_dir(data_dir)
    target.mkdir(parents=True, exist_ok=True)
    staged = Staged()
    for source in map(Path, files):
        try:
            check_upload(source, limits)
            dest = target / source.name
            if source.resolve() != dest.resolve():
                shutil.copyfile(source, dest)
        except Exception as exc:  # noqa: BLE001 - one bad upload never stops the others
            staged.refused.append(FileResult(source.name or str(source), "failed", error=_reason(source, exc)))
            continue
        staged.copies.append(dest)
    return staged


def _reason(source: Path, exc: BaseException) -> str:
    reason = failure_reason(source, exc, "uploading")
    return reason.removeprefix(f"{source}: ")


def remove_failed_copies(results: list[FileResult], data_dir: Path) -> None:
    """Copies in ``uploads/`` whose ingestion failed are deleted (the index never held them)."""
    for result in results:
        if result.status == "failed":
            remove_upload_copy(Path(result.path), data_dir)


def remove_upload_copy(path: Path, data_dir: Path) -> None:
    """Delete ``path`` when it is a file directly inside ``uploads/`` (never anything else)."""
    folder = uploads_dir(data_dir).resolve()
    try:
        resolved = path.resolve()
    except OSError:
        return
    if resolved.parent == folder and resolved.is_file():
        resolved.unlink()
        log.info("removed upload copy %s", resolved.name)


def is_bundled(path: str | Path, corpus_dirs: Iterable[Path]) -> bool:
    """Whether ``path`` lies in one of the configured corpus folders (the sample corpus shipped
    with the program, which ``assistant serve`` ingests when the index is empty). Such a document
    comes back at the next rebuild, so the web UI does not delete it with a click."""
    try:
        resolved = Path(path).resolve()
        return any(resolved.is_relative_to(Path(folder).resolve()) for folder in corpus_dirs)
    except OSError:
        return False
