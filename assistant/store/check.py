"""``assistant index check``: every file of the index read back, each problem naming its file.

Checked without loading a model: the manifest parses; each SQLite file (the catalog and, for
embedded Chroma, ``chroma/chroma.sqlite3``) opens and passes ``PRAGMA integrity_check``; the
catalog's chunks and Chroma's embeddings agree in number. A damaged file (not a database, failed
integrity check, unreadable manifest) stops the index from opening; a missing file, a count mismatch
(an ingestion cut short: the next run finishes it) or a file that cannot be read for now (a full
disk cannot hold even a reader's ``-shm`` file) is reported but is no damage. A damaged index is
rebuilt from its sources (``assistant index rebuild``) or restored from a backup.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import IndexError_
from assistant.store.manifest import MANIFEST_NAME, read_manifest

CATALOG_NAME = "catalog.sqlite3"
CHROMA_DB = Path("chroma") / "chroma.sqlite3"


# SQLite result codes that mean the file itself is bad; any other failure to read (SQLITE_IOERR,
# SQLITE_FULL, SQLITE_CANTOPEN: a full disk cannot even hold the reader's -shm file) is not damage.
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


@dataclass(frozen=True)
class Problem:
    file: str
    problem: str
    damaged: bool = True  # False: missing, unreadable for now (full disk, I/O) or counts that differ

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


def sqlite_problem(path: Path) -> Problem | None:
    """The problem of the SQLite file at ``path``, None when it opens and passes ``integrity_check``."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", SQLITE_NOTADB) & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return Problem(str(path), f"SQLite 文件已损坏或不是数据库（{exc}）")
        return Problem(str(path), f"暂时无法读取（{exc}；磁盘已满或读写出错，不是文件损坏）", damaged=False)
    if not result or result[0] != "ok":
        return Problem(str(path), f"SQLite 完整性检查未通过：{result[0] if result else '无结果'}")
    return None


def _count(path: Path, sql: str) -> int | None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return int(db.execute(sql).fetchone()[0])
    except sqlite3.DatabaseError:
        return None


def damaged_files(index_dir: Path, embedded_chroma: bool = True) -> list[Problem]:
    """What is checked when the index opens: files that exist but cannot be read (a missing file or
    a count mismatch is a state ingestion recovers from, so it does not stop a start)."""
    if not (index_dir / MANIFEST_NAME).exists():
        return []  # a new index
    return [p for p in check_index(index_dir, embedded_chroma, counts=False) if p.damaged]


def check_index(index_dir: Path, embedded_chroma: bool = True, counts: bool = True) -> list[Problem]:
    """Problems found in the index at ``index_dir`` (empty: it reads back whole)."""
    if not index_dir.is_dir():
        return [Problem(str(index_dir), "索引目录不存在")]
    problems: list[Problem] = []
    try:
        if read_manifest(index_dir) is None:
            problems.append(Problem(str(index_dir / MANIFEST_NAME), "缺少索引清单文件"))
    except IndexError_ as exc:
        problems.append(Problem(str(index_dir / MANIFEST_NAME), f"索引清单无法读取（{exc.__cause__}）"))
    files = [index_dir / CATALOG_NAME] + ([index_dir / CHROMA_DB] if embedded_chroma else [])
    for path in files:
        if not path.is_file():
            problems.append(Problem(str(path), "文件缺失", damaged=False))
        elif (problem := sqlite_problem(path)) is not None:
            problems.append(problem)
    if counts and not problems and embedded_chroma:
        chunks = _count(index_dir / CATALOG_NAME, "SELECT COUNT(*) FROM chunks")
        vectors = _count(index_dir / CHROMA_DB, "SELECT COUNT(*) FROM embeddings")
        if chunks is not None and vectors is not None and chunks != vectors:
            mismatch = f"向量数 {vectors} 与目录中的段落数 {chunks} 不一致"
            problems.append(Problem(str(index_dir / CHROMA_DB), mismatch, damaged=False))
    return problems
