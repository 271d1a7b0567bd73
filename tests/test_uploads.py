"""Uploads through the facade: refused files are never copied, failed copies and deleted documents
leave ``uploads/``, odd paths are per-file errors, and the good files are still ingested."""

from __future__ import annotations

import os
from pathlib import Path

from tests.ingest.test_limits import POLICY
from web.render import ingest_rows


def test_uploads_are_checked_before_they_are_copied(tmp_path: Path, assistant_factory) -> None:
    data = tmp_path / "data"
    assistant = assistant_factory(tmp_path / "index", data_dir=data)
    sent = tmp_path / "sent"
    sent.mkdir()
    (sent / "实习管理办法.txt").write_text(POLICY, encoding="utf-8")
    (sent / "evil.sh").write_text("rm -rf /\n", encoding="utf-8")
    (sent / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    with (sent / "huge.txt").open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)
    cwd = os.getcwd()
    os.chdir(sent)
    try:
        paths = [Path("."), Path(".."), *(sent / n for n in ("evil.sh", "huge.txt", "broken.docx", "实习管理办法.txt"))]
        report = assistant.ingest_uploads(paths)
    finally:
        os.chdir(cwd)

    by_name = {Path(f.path).name or f.path: f for f in report.files}
    assert by_name["实习管理办法.txt"].status == "added"
    failed = {name: f.error for name, f in by_name.items() if f.status == "failed"}
    assert set(failed) == {".", "..", "evil.sh", "huge.txt", "broken.docx"}, failed
    assert "文件名无效" in failed["."] and "文件名无效" in failed[".."]
    assert "不支持的文件类型 .sh" in failed["evil.sh"]
    assert "文件过大：30.0 MB" in failed["huge.txt"]
    assert "已损坏" in failed["broken.docx"]
    shown = ingest_rows(report.files)  # what the admin tab shows: names and Chinese reasons, no server paths
    assert all(str(tmp_path) not in str(cell) for row in shown for cell in row), shown
    assert sorted(p.name for p in (data / "uploads").iterdir()) == ["实习管理办法.txt"]  # nothing else kept

    assistant.delete_document("实习管理办法")
    assert list((data / "uploads").iterdir()) == []
