"""Pieces of ``assistant index rebuild``: which files the index recorded, a new index dir beside the
old one, and the swap that replaces the old one only when the new one is whole.

The facade (``Assistant.rebuild_index``) ingests into the new dir with the ordinary pipeline; here is
only what touches the index dirs themselves.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from assistant.store.backup import swap_in
from assistant.store.check import CATALOG_NAME, sqlite_problem
from assistant.store.leftovers import claim, release, settle

log = logging.getLogger(__name__)


def recorded_sources(index_dir: Path) -> list[Path] | None:
    """The source files of the documents the catalog recorded, in path order; None when the catalog is
    missing or damaged (its rows cannot be trusted then)."""
    path = index_dir / CATALOG_NAME
    if not path.is_file() or sqlite_problem(path) is not None:
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            rows = db.execute("SELECT DISTINCT path FROM documents ORDER BY path").fetchall()
    except sqlite3.DatabaseError as exc:
        log.warning("catalog %s unreadable: %s", path, exc)
        return None
    return [Path(row[0]) for row in rows]


def new_index_dir(index_dir: Path) -> Path:
    """An empty folder beside ``index_dir`` (same file system, so the swap is a rename), marked as this
    process's: if the process is killed, the next start removes it (``leftovers.tidy``)."""
    parent = index_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    return claim(Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.rebuild-", dir=parent)))


def replace_index(new: Path, index_dir: Path) -> None:
    """Put the finished index at ``new`` in place of ``index_dir`` (the old one is removed)."""
    release(new)
    swap_in(new, index_dir)
    settle(index_dir)


def discard(new: Path) -> None:
    """Remove an unfinished new index (the old one was never touched)."""
    shutil.rmtree(new, ignore_errors=True)
