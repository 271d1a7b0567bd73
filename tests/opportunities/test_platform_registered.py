"""The platform's records travel with the index: a command run from another folder reads the same
graduates, talent demand, postings and programs as one run beside the corpus (issue: the benefit
catalog once silently lost half its entries that way; the platform read the same relative folders)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.platform import Platform
from assistant.platform.loader import ROOTS_FILE, platform_files, recorded_roots
from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.slow


def _elsewhere(index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Platform:
    """A Platform as a command run in an empty folder sees it: the default, relative corpus folder."""
    monkeypatch.chdir(tmp_path)
    settings = Settings(index_dir=index_dir, corpus_dirs=[Path("corpus")], data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    return Platform(settings)


def test_ingestion_registers_the_platform_files_and_the_folders(opp_index_dirs) -> None:
    index_dir = opp_index_dirs[0]
    registered = {p.relative_to(index_dir / "platform").as_posix() for p in platform_files([index_dir])}
    assert registered == {p.relative_to(CORPUS / "platform").as_posix() for p in platform_files([CORPUS])}
    assert CORPUS.resolve() in recorded_roots(index_dir)


def test_the_report_and_the_records_are_the_same_from_any_folder(opp_index_dirs, tmp_path, monkeypatch) -> None:
    beside = Platform(make_settings(tmp_path / "no-index", data_dir=tmp_path / "d0"))  # reads corpus/ directly
    expected_report = beside.report(2026, "昌吉").to_dict()
    expected_ids = sorted(item.id for item in beside.items())
    elsewhere = _elsewhere(opp_index_dirs[0], tmp_path, monkeypatch)
    assert not (tmp_path / "corpus").exists()
    assert sorted(item.id for item in elsewhere.items()) == expected_ids
    report = elsewhere.report(2026, "昌吉").to_dict()
    assert report == expected_report and report["totals"]["demand"] > 0


def test_an_index_without_registration_says_where_it_reads(tmp_path, monkeypatch, caplog) -> None:
    """An index built before registration: the relative corpus folder is not there, and the log says so
    (no silent empty report)."""
    (tmp_path / "index").mkdir()
    elsewhere = _elsewhere(tmp_path / "index", tmp_path, monkeypatch)
    with caplog.at_level(logging.WARNING):
        postings, programs = elsewhere.postings_and_programs()
    assert (postings, programs) == ([], [])
    assert any("corpus folder corpus not found" in r.getMessage() for r in caplog.records)


def test_a_registered_file_broken_later_is_named_and_the_others_read(opp_index_dirs, tmp_path, monkeypatch) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(opp_index_dirs[0] / "platform", index_dir / "platform")
    (index_dir / ROOTS_FILE).write_text("not json", encoding="utf-8")  # an unreadable roots file: corpus folders read
    broken = index_dir / "platform" / "tech_need.yaml"
    broken.write_text("tech_need: [unclosed", encoding="utf-8")
    elsewhere = _elsewhere(index_dir, tmp_path, monkeypatch)
    kinds = {item.kind.value for item in elsewhere.items()}
    assert "graduates" in kinds and "tech_need" not in kinds
    assert [(e.path, e.field) for e in elsewhere.file_errors] == [(str(broken), "(file)")]
