"""Helpers of the fault tests: a tiny corpus in two versions, the CLI in a subprocess, an index read
back whole (catalog rows, BM25 tokens, vector ids, metadata and embeddings) for comparing runs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tests.conftest import REPO, open_index

RULES = (
    "第一条 为了规范学生实习，制定本办法。\n第二条 企业应当为实习生购买实习责任保险。\n"
    "第三条 本办法自发布之日起施行。\n"
)
RULES_CHANGED = RULES.replace("实习责任保险", "实习责任保险和人身意外伤害保险").replace(
    "第一条 为了规范学生实习，", "第一条 为了规范和保障学生实习，"
)
OTHER = "一、总则\n1.学徒制。企业与学校共同培养学徒。\n2.补贴。每培养一名学徒补贴四千元。\n"
GONE = "第一条 实训基地向社会开放。\n第二条 开放时间由学校确定。\n"
NEW = "第一条 教师每五年到企业实践六个月。\n第二条 企业应当安排指导师傅。\n第三条 实践成绩计入考核。\n"

VERSION_A = {"rules.txt": RULES, "other.txt": OTHER, "gone.txt": GONE}
# rules.txt changed (two clauses new, one kept but moved), other.txt unchanged, new.txt added, gone.txt removed
VERSION_B = {"rules.txt": RULES_CHANGED, "other.txt": OTHER, "new.txt": NEW}


def write_docs(folder: Path, files: dict[str, str]) -> Path:
    """Make ``folder`` hold exactly ``files``."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


# ``python -m assistant.cli`` with a limit on the size of any file written (``ulimit -f``) and SIGXFSZ
# ignored, so a write over it fails with EFBIG instead of killing the process
LIMITED = (
    "import resource, runpy, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
    "limit = int(sys.argv.pop(1)); resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)); "
    "sys.argv[0] = 'assistant'; runpy.run_module('assistant.cli', run_name='__main__')"
)


def cli(
    workdir: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    file_size_limit: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """``assistant ARGS`` run in ``workdir`` (paths are recorded relative to it) on ``workdir/index``."""
    command = [sys.executable, "-m", "assistant.cli", *args]
    if file_size_limit is not None:
        command = [sys.executable, "-c", LIMITED, str(file_size_limit), *args]
    return subprocess.run(
        command, cwd=workdir, env=cli_env(workdir, env), capture_output=True, text=True, timeout=timeout
    )


def cli_env(workdir: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """This environment (without a fault of its own) on ``workdir``'s index and data dir, plus ``env``."""
    inherited = {k: v for k, v in os.environ.items() if k != "ASSISTANT_FAULT_KILL_AT"}
    return {
        **inherited,
        "PYTHONPATH": str(REPO),
        "ASSISTANT_INDEX_DIR": str(workdir / "index"),
        "ASSISTANT_DATA_DIR": str(workdir / "data"),
        "ASSISTANT_LLM_BACKEND": "extractive",
        **(env or {}),
    }


def ingest(workdir: Path, **options: Any) -> subprocess.CompletedProcess[str]:
    """The ingestion every fault test runs: ``docs/`` with ``--prune``."""
    return cli(workdir, "ingest", "docs", "--prune", "--json", **options)


def error_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one ``error: ...`` line the CLI printed (none: empty)."""
    return next((line for line in done.stderr.splitlines() if line.startswith("error: ")), "")


@dataclass
class IndexState:
    documents: dict[str, tuple[Any, ...]]  # doc id -> path, kind, title, doc type, hash, status, count, meta
    chunks: dict[str, tuple[Any, ...]]  # chunk id -> doc id, order, text, metadata, BM25 tokens
    vector_ids: list[str]
    vector_metadata: dict[str, dict[str, Any]]
    embeddings: dict[str, np.ndarray]
    sparse_top: list[tuple[str, float]]

    def assert_same(self, clean: IndexState) -> None:
        assert self.documents == clean.documents
        assert self.chunks == clean.chunks
        assert self.vector_ids == clean.vector_ids == sorted(self.chunks)  # no orphan, none missing
        assert self.vector_metadata == clean.vector_metadata
        for chunk_id, vector in clean.embeddings.items():
            np.testing.assert_allclose(self.embeddings[chunk_id], vector, atol=1e-4)
        assert [cid for cid, _ in self.sparse_top] == [cid for cid, _ in clean.sparse_top]
        np.testing.assert_allclose([s for _, s in self.sparse_top], [s for _, s in clean.sparse_top], rtol=1e-5)


def index_state(index_dir: Path, embedder: Any) -> IndexState:
    """Everything the index holds, read back through its own files and interface."""
    with closing(sqlite3.connect(index_dir / "catalog.sqlite3")) as db:
        docs = db.execute(
            "SELECT doc_id, path, kind, title, doc_type, file_hash, status, chunk_count, meta_json FROM documents"
        ).fetchall()
        rows = db.execute("SELECT chunk_id, doc_id, ord, text, meta_json, tokens FROM chunks").fetchall()
    index = open_index(index_dir, embedder)
    try:
        ids = sorted(index.vector_ids())
        vectors = index.raw_vectors(ids) if ids else {}
        from assistant.text.tokenize import tokenize

        return IndexState(
            documents={d[0]: (*d[1:8], json.loads(d[8])) for d in docs},
            chunks={r[0]: (r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows},
            vector_ids=ids,
            vector_metadata=index.vector_metadata(ids) if ids else {},
            embeddings={cid: np.asarray(v) for cid, v in vectors.items()},
            sparse_top=index.search_sparse(tokenize("企业 实习 保险 学徒 补贴"), 20),
        )
    finally:
        index.close()
