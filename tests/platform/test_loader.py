"""Platform record files: the samples validate; bad rows are named by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import CorruptFile
from assistant.platform.loader import load_platform_records, platform_files
from assistant.platform.records import PlatformKind
from tests.conftest import CORPUS


def test_every_sample_file_loads_without_errors() -> None:
    files = platform_files([CORPUS])
    kinds = {}
    for path in files:
        batch = load_platform_records(path)
        assert batch.errors == [], batch.errors
        kinds[batch.kind] = len(batch.rows)
    assert set(kinds) == set(PlatformKind)
    assert kinds[PlatformKind.graduates] >= 30 and kinds[PlatformKind.talent_demand] >= 30


def test_bad_csv_rows_name_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "graduates_2026.csv"
    path.write_text(
        "id,school,program,level,location,year,graduates,employed,employed_in_region\n"
        "G1,甲校,护理,高职,昌吉市,2026,50,40,30\n"
        "G2,甲校,护理,高职,昌吉市,2026,-5,0,0\n"
        "G3,甲校,护理,高职,昌吉市,2026,50,40,45\n",
        encoding="utf-8",
    )
    batch = load_platform_records(path)
    assert [r.id for _, r in batch.rows] == ["G1"]
    errors = {(e.line, e.field) for e in batch.errors}
    assert (3, "graduates") in errors
    assert any(e.line == 4 and "employed_in_region" in e.message for e in batch.errors)
    assert all(e.path == str(path) for e in batch.errors)


def test_yaml_rows_carry_their_line_and_bad_enum_is_named(tmp_path: Path) -> None:
    path = tmp_path / "needs.yaml"
    path.write_text(
        "tech_need:\n"
        "- {id: T1, enterprise: 甲, title: 乙, fields: [自动化], needs: 改造, form: 联合攻关}\n"
        "- id: T2\n  enterprise: 甲\n  title: 丙\n  fields: [自动化]\n  needs: 改造\n  form: 外包\n",
        encoding="utf-8",
    )
    batch = load_platform_records(path)
    assert batch.kind is PlatformKind.tech_need and len(batch.rows) == 1
    (error,) = batch.errors
    assert (error.line, error.field) == (3, "form")


def test_a_file_of_unknown_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "misc.csv"
    path.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(CorruptFile, match="record kind"):
        load_platform_records(path)
