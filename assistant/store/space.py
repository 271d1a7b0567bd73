"""A full disk, whichever layer meets it, as one clear error.

SQLite says ``database or disk is full`` (``SQLITE_FULL``), Chroma's Rust core ``No space left on
device (os error 28)`` inside its own exception types, Python ``OSError(ENOSPC)``; a file-size limit
(``RLIMIT_FSIZE``, ``EFBIG``) and a quota (``EDQUOT``) end the same way. :func:`writing` turns each
of them into an :class:`IndexError_` in Chinese naming the index and the file being written, so the
CLI prints one line and the API one error body. What was committed before stays committed: the
catalog marks a document ``pending`` before its vectors change, so the next run finishes it.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import IndexError_

_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_PHRASES = (
    "database or disk is full",
    "no space left on device",
    "os error 28",
    "file too large",
    "os error 27",
    "disk quota exceeded",
    "os error 122",
)
SQLITE_FULL = 13


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or an exception it was raised from) says the disk or a size limit is full."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _ERRNOS:
            return True
        if isinstance(current, sqlite3.Error) and getattr(current, "sqlite_errorcode", None) == SQLITE_FULL:
            return True
        if any(phrase in str(current).lower() for phrase in _PHRASES):
            return True
        current = current.__cause__ or current.__context__
    return False


def full_disk_message(index_dir: Path, path: str = "") -> str:
    what = f"写入 {path} 时" if path else ""
    return (
        f"磁盘空间不足：{what}索引 {index_dir} 无法再写入。已完成的文档不受影响；"
        "请清理磁盘空间后重新运行同一命令（assistant ingest），未完成的文档会自动补齐"
    )


@contextmanager
def writing(index_dir: Path, path: str = "") -> Iterator[None]:
    """Raise :class:`IndexError_` with :func:`full_disk_message` when a write in the block meets a full disk."""
    try:
        yield
    except Exception as exc:
        if is_disk_full(exc) and not str(exc).startswith("磁盘空间不足"):
            raise IndexError_(full_disk_message(index_dir, path)) from exc
        raise
