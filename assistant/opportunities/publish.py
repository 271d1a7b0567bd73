"""Staff publish, update and withdraw postings and programs without rebuilding the index.

Published records live in JSONL files under ``<data_dir>/records/`` (``staff_postings.jsonl``,
``staff_programs.jsonl``), one record a line. A publish validates the records, merges them by
id into the file (an existing id is updated), rewrites it atomically and ingests that one file:
the incremental pipeline embeds only the rows that changed. Records that came from other
files (``corpus/``) are edited in those files and re-ingested; the API refuses to shadow them.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.errors import NotFound, QueryError, validation_message
from assistant.ingest.pipeline import IngestReport, delete_document, ingest_paths
from assistant.records import RECORD_MODELS, RecordKind, _Record
from assistant.store.index import Index

_FILES = {RecordKind.posting: "staff_postings.jsonl", RecordKind.program: "staff_programs.jsonl"}
_LOCK = threading.Lock()


@dataclass
class PublishResult:
    kind: str
    published: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    file: str = ""
    chunks_added: int = 0
    chunks_removed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def staff_dir(data_dir: Path) -> Path:
    return data_dir / "records"


def publish_records(index: Index, data_dir: Path, kind: RecordKind, rows: list[dict[str, Any]]) -> PublishResult:
    """Validate ``rows`` (all or nothing), merge them into the staff file and ingest it."""
    if kind not in _FILES:
        raise QueryError(f"kind：只能发布岗位（posting）或专业（program），收到 {kind.value!r}")
    if not rows:
        raise QueryError("records：请至少提交一条记录")
    records = _validate(kind, rows)
    path = staff_dir(data_dir) / _FILES[kind]
    with _LOCK:
        _refuse_foreign_ids(index, path, [r.id for r in records])
        current = _read(path)
        current.update({r.id: r.model_dump(mode="json", exclude_none=True) for r in records})
        _write(path, current)
        report = ingest_paths(index, [path])
    return _result(kind, path, report, published=[r.id for r in records])


def withdraw_record(index: Index, data_dir: Path, record_id: str) -> PublishResult:
    """Remove a staff-published record; it leaves search at once."""
    with _LOCK:
        for kind, name in _FILES.items():
            path = staff_dir(data_dir) / name
            current = _read(path)
            if record_id not in current:
                continue
            del current[record_id]
            if current:
                _write(path, current)
                return _result(kind, path, ingest_paths(index, [path]), withdrawn=[record_id])
            path.unlink()
            removed = delete_document(index, path.stem)
            return PublishResult(kind.value, withdrawn=[record_id], file=str(path), chunks_removed=removed.removed)
    owner = _owner(index, record_id)
    if owner:
        raise QueryError(f"record_id：记录 {record_id!r} 来自文件 {owner}，请修改该文件后重新导入")
    raise NotFound(f"record_id：索引中没有编号为 {record_id!r} 的记录")


def _validate(kind: RecordKind, rows: list[dict[str, Any]]) -> list[_Record]:
    model, records, seen = RECORD_MODELS[kind], [], set()
    for number, row in enumerate(rows):
        try:
            record = model.model_validate(row)
        except ValidationError as exc:
            raise QueryError(validation_message(exc, prefix=f"records.{number}.")) from exc
        if record.id in seen:
            raise QueryError(f"records.{number}.id：请求中编号 {record.id!r} 重复")
        seen.add(record.id)
        records.append(record)
    return records


def _refuse_foreign_ids(index: Index, path: Path, ids: list[str]) -> None:
    for chunk in index.all_chunks():
        if chunk.metadata.get("record_id") in ids and chunk.doc_id != path.stem:
            raise QueryError(
                f"id：编号 {chunk.metadata['record_id']!r} 已被文件 {chunk.metadata.get('source_path')} 使用，"
                "请修改该文件或换一个编号"
            )


def _owner(index: Index, record_id: str) -> str:
    for chunk in index.all_chunks():
        if chunk.metadata.get("record_id") == record_id:
            return str(chunk.metadata.get("source_path", chunk.doc_id))
    return ""


def _read(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {str(row["id"]): row for row in rows}


def _write(path: Path, rows: dict[str, dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    text = "".join(json.dumps(rows[key], ensure_ascii=False, sort_keys=True) + "\n" for key in sorted(rows))
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _result(kind: RecordKind, path: Path, report: IngestReport, **ids: list[str]) -> PublishResult:
    failures = report.summary()["failures"]
    if failures:
        raise QueryError(f"文件 {path} 未能导入：{failures}")
    return PublishResult(
        kind.value, file=str(path), chunks_added=report.chunks_added, chunks_removed=report.chunks_removed, **ids
    )
