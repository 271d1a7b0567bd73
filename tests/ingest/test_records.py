"""Record files: validation with file/line/field errors, good rows kept, every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import CorruptFile
from assistant.ingest.documents import parse_file
from assistant.ingest.pipeline import NOT_INDEXED_DIRS
from assistant.ingest.records import load_records
from assistant.records import Posting, RecordKind
from tests.conftest import CORPUS

HEADER = "id,title,kind,enterprise,location,majors,pay_min,pay_max,start,deadline\n"


def test_bad_csv_rows_are_reported_with_line_and_field_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "postings.csv"
    path.write_text(
        HEADER
        + "J1,汽修实习生,实习,天山汽修,乌鲁木齐市,汽车运用与维修、新能源汽车,2000,3000,2027-01-05,2026-12-20\n"
        + "J2,厨师学徒,兼职,丝路酒店,昌吉市,中餐烹饪与营养膳食,,,2027-01-05,2026-12-20\n"
        + "J3,电工,全职,西郊电力,十二师西郊城区,电气技术应用,5000,4000,2027-01-05,2026-12-20\n"
        + "J4,物流助理,实习,陆港物流,乌鲁木齐市,现代物流,,,2027-01-05,2026-13-40\n"
        + "J5,建筑施工员,学徒,兵团建工,十二师104团,建筑工程施工,3000,3500,2027-03-01,2027-02-01\n",
        encoding="utf-8",
    )
    batch = load_records(path)
    assert batch.kind is RecordKind.posting
    assert [row.id for _, row in batch.rows] == ["J1", "J5"]
    assert batch.rows[0][1].majors == ["汽车运用与维修", "新能源汽车"]
    errors = {(e.line, e.field) for e in batch.errors}
    assert (3, "kind") in errors
    assert (4, "(row)") in errors  # pay_min above pay_max
    assert (5, "deadline") in errors
    assert all(e.path == str(path) for e in batch.errors)
    assert "pay_min 5000 is above pay_max 4000" in str(next(e for e in batch.errors if e.line == 4))


def test_record_file_ingests_good_rows_and_reports_bad(tmp_path: Path) -> None:
    path = tmp_path / "programs.yaml"
    path.write_text(
        "programs:\n"
        "  - id: P1\n    name: 电气技术应用\n    code: '660301'\n    school: 十二师职业技术学校\n"
        "    level: 中职\n    duration: 3年\n    apprenticeship: 是\n    partner_enterprises: 西郊电力、天山电气\n"
        "  - id: P2\n    name: 无学制\n    code: '1'\n    school: 某校\n    level: 大专\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [c.metadata["record_id"] for c in parsed.chunks] == ["P1"]
    assert parsed.chunks[0].metadata["apprenticeship"] is True
    assert "电气技术应用" in parsed.chunks[0].text and "西郊电力" in parsed.chunks[0].text
    fields = sorted(e.field for e in parsed.row_errors)
    assert fields == ["duration", "level"]
    assert all(e.line == 10 for e in parsed.row_errors)


def test_json_array_and_jsonl_report_lines(tmp_path: Path) -> None:
    rows = [
        {"id": "F1", "question": "实习有保险吗？", "answer": "应当投保实习责任保险。"},
        {"id": "F2", "question": "", "answer": "空问题"},
    ]
    array = tmp_path / "faq.json"
    array.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    batch = load_records(array)
    assert [r.id for _, r in batch.rows] == ["F1"]
    assert [(e.line, e.field) for e in batch.errors] == [(7, "question")]

    lines = tmp_path / "faq_more.jsonl"
    lines.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n{not json}\n", encoding="utf-8")
    batch = load_records(lines)
    assert [r.id for _, r in batch.rows] == ["F1"]
    assert batch.errors[0].line == 2 and "invalid JSON" in batch.errors[0].message


def test_duplicate_ids_and_unknown_columns_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "faq.yaml"
    path.write_text(
        "faq:\n- {id: F1, question: 问1, answer: 答1}\n- {id: F1, question: 问2, answer: 答2}\n"
        "- {id: F3, question: 问3, answer: 答3, colour: red}\n",
        encoding="utf-8",
    )
    batch = load_records(path)
    assert [r.id for _, r in batch.rows] == ["F1"]
    assert {(e.line, e.field) for e in batch.errors} == {(3, "id"), (4, "colour")}


def test_unknown_record_kind_and_broken_yaml_are_clear_errors(tmp_path: Path) -> None:
    unknown = tmp_path / "data.csv"
    unknown.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CorruptFile, match="programs, postings or faq"):
        load_records(unknown)
    broken = tmp_path / "postings.yaml"
    broken.write_text("postings:\n  - id: J1\n   title: [unclosed\n", encoding="utf-8")
    with pytest.raises(CorruptFile, match=r"postings.yaml.*invalid YAML at line"):
        load_records(broken)


def test_sample_corpus_is_complete_and_valid() -> None:
    kinds: dict[str, list[object]] = {}
    for path in sorted((CORPUS).rglob("*")):
        if path.suffix in {".csv", ".json", ".yaml"} and not NOT_INDEXED_DIRS & set(path.relative_to(CORPUS).parts):
            batch = load_records(path)
            assert batch.errors == [], batch.errors
            kinds.setdefault(batch.kind.value, []).extend(r for _, r in batch.rows)
    programs = [p.name for p in kinds["program"]]  # type: ignore[attr-defined]
    assert len(programs) >= 12
    for major in ["电气技术应用", "机电技术应用", "建筑工程施工", "汽车运用与维修", "中餐烹饪与营养膳食"]:
        assert major in programs
    postings: list[Posting] = kinds["posting"]  # type: ignore[assignment]
    assert len(postings) >= 40
    assert {p.kind.value for p in postings} == {"实习", "全职", "学徒", "培训"}
    places = " ".join(p.location for p in postings)
    assert "乌鲁木齐" in places and "昌吉" in places and "十二师" in places
    import datetime as dt

    assert any(p.deadline and p.deadline < dt.date(2026, 11, 29) for p in postings)
    assert len(kinds["faq"]) >= 8
    digests = list((CORPUS / "policies").glob("*.md"))
    assert len(digests) >= 4
    for digest in digests:
        parsed = parse_file(digest)
        assert parsed.doc.doc_type == "digest" and "依据" in "".join(c.text for c in parsed.chunks)
