"""A full disk, whichever layer meets it, as one clear error.

SQLite says ``database or disk is full`` (``SQLITE_FULL``), Chroma's Rust core ``No space left on
device (os error 28)`` inside its own exception types, Python ``OSError(ENOSPC)``; a file-size limit
(``RLIMIT_FSIZE``, ``EFBIG``) and a quota (``EDQUOT``) end the same way, and so does a write failing
on a file system with almost nothing free. :func:`writing` turns each of them into an
:class:`IndexError_` in Chinese naming the index and the file being written, so the CLI prints one
line and the API one error body. What was committed before stays committed: the catalog marks a
document ``pending`` before its vectors change, so the next run finishes it.
"""

from __future__ import annotations

import errno
import resource
import shutil
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
# Chroma often reports a full disk without its cause ("Error in compaction: Failed to apply logs to the
# metadata segment", measured on a tmpfs with 128-256 KB left, tests/store/test_full_disk.py); a write
# that fails while less than this is free is taken for a full disk. Far more than one document's write
# needs, far less than any disk an index lives on.
LOW_SPACE_BYTES = 16 * 1024 * 1024


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


def low_on_space(index_dir: Path) -> bool:
    """Whether the file system of ``index_dir`` has less than ``LOW_SPACE_BYTES`` free."""
    folder = index_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def disk_full(exc: BaseException, index_dir: Path) -> bool:
    """Whether ``exc``, met writing (or reading: Chroma writes then too) ``index_dir``, is a full disk."""
    return is_disk_full(exc) or low_on_space(index_dir)


def file_size_limit() -> int | None:
    """This process's limit on the size of any file it writes (``ulimit -f``), None when unlimited."""
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft


def full_disk_message(index_dir: Path, path: str = "", limit: int | None = None) -> str:
    what = f"写入 {path} 时" if path else ""
    cause = "磁盘空间不足" if limit is None else f"文件大小超出限制（ulimit -f：{limit} 字节）"
    return (
        f"{cause}：{what}索引 {index_dir} 无法再写入。已完成的文档不受影响；"
        "请腾出空间后重新运行同一命令（assistant ingest），未完成的文档会自动补齐"
    )


@contextmanager
def writing(index_dir: Path, path: str = "") -> Iterator[None]:
    """Raise :class:`IndexError_` with :func:`full_disk_message` when a write in the block meets a full disk."""
    try:
        yield
    except Exception as exc:
        if isinstance(exc, IndexError_) and "无法再写入" in str(exc):
            raise  # said already, by an inner block
        if disk_full(exc, index_dir):
            raise IndexError_(full_disk_message(index_dir, path)) from exc
        limit = file_size_limit()
        if limit is not None and "i/o error" in str(exc).lower():  # SQLite says no more than that then
            raise IndexError_(full_disk_message(index_dir, path, limit)) from exc
        raise
