"""Record files (programs, postings, FAQ) as CSV, JSON, JSONL or YAML -> validated rows.

What a file holds is read from a top-level key (``programs:`` / ``postings:`` / ``faq:``),
else from its name (program/专业, posting/岗位/招聘, faq/问答), else from its columns.
A bad row is reported with file, line and field and skipped; good rows are kept.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.errors import CorruptFile, EmptyDocument, UnsupportedFormat, field_errors
from assistant.ingest.decode import decode_text
from assistant.records import RECORD_MODELS, RecordKind, _Record

RECORD_SUFFIXES = {".csv", ".json", ".jsonl", ".yaml", ".yml"}
_NAME_HINTS = {
    RecordKind.program: ("program", "专业", "catalog"),
    RecordKind.posting: ("posting", "岗位", "招聘", "job", "intern"),
    RecordKind.faq: ("faq", "问答", "qa"),
}
_COLUMN_HINTS = {
    RecordKind.posting: {"enterprise", "kind"},
    RecordKind.program: {"school", "level"},
    RecordKind.faq: {"question", "answer"},
}


@dataclass(frozen=True)
class RowError:
    """One rejected row: where it is and what is wrong with it."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class _BadRow:
    """A row the reader could not even parse into a mapping."""

    message: str


@dataclass
class RecordBatch:
    kind: RecordKind
    rows: list[tuple[int, _Record]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    title: str = ""  # a top-level ``title:`` of a YAML / JSON file, when it has one


def load_records(path: Path) -> RecordBatch:
    """Read and validate every row of a record file."""
    suffix = path.suffix.lower()
    if suffix not in RECORD_SUFFIXES:
        raise UnsupportedFormat(path, f"unsupported record file type {suffix}")
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument(path, "文件是空的")
    text, _ = decode_text(data, path)
    declared, raw_rows = _read_rows(path, suffix, text)
    kind = declared or _kind_from_name(path) or _kind_from_columns(raw_rows)
    if kind is None:
        raise CorruptFile(
            path,
            "cannot tell whether this file holds programs, postings or faq: "
            "use a top-level key (programs/postings/faq) or put the kind in the file name",
        )
    batch = RecordBatch(kind, title=_declared_title(suffix, text))
    model = RECORD_MODELS[kind]
    for line, raw in raw_rows:
        if isinstance(raw, _BadRow):
            batch.errors.append(RowError(str(path), line, "(row)", raw.message))
            continue
        if not isinstance(raw, dict):
            batch.errors.append(RowError(str(path), line, "(row)", f"expected a mapping, got {type(raw).__name__}"))
            continue
        try:
            batch.rows.append((line, model.model_validate(_clean_keys(raw))))
        except ValidationError as exc:
            for where, problem in field_errors(exc, whole="(row)"):
                batch.errors.append(RowError(str(path), line, where, problem))
    _reject_duplicate_ids(path, batch)
    return batch


def _declared_title(suffix: str, text: str) -> str:
    """The file's own ``title:`` (YAML / JSON mapping at the top), else ""."""
    if suffix not in {".json", ".yaml", ".yml"}:
        return ""
    try:
        data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        return ""
    title = data.get("title") if isinstance(data, dict) else None
    return " ".join(title.split()) if isinstance(title, str) else ""


def _clean_keys(raw: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).strip(): v for k, v in raw.items() if k is not None and str(k).strip()}


def _reject_duplicate_ids(path: Path, batch: RecordBatch) -> None:
    seen: dict[str, int] = {}
    kept: list[tuple[int, _Record]] = []
    for line, row in batch.rows:
        if row.id in seen:
            batch.errors.append(
                RowError(str(path), line, "id", f"duplicate id {row.id!r} (first on line {seen[row.id]})")
            )
            continue
        seen[row.id] = line
        kept.append((line, row))
    batch.rows = kept


def _read_rows(path: Path, suffix: str, text: str) -> tuple[RecordKind | None, list[tuple[int, Any]]]:
    if suffix == ".csv":
        return None, _csv_rows(text)
    if suffix == ".jsonl":
        rows = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    rows.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    rows.append((number, _BadRow(f"invalid JSON: {exc.msg}")))
        return None, rows
    if suffix == ".json":
        return _json_rows(path, text)
    return _yaml_rows(path, text)


def _csv_rows(text: str) -> list[tuple[int, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    rows: list[tuple[int, Any]] = []
    for row in reader:
        extra = row.pop(None, None)  # type: ignore[call-overload]
        if extra:
            rows.append((reader.line_num, _BadRow(f"{len(extra)} more cells than the header has columns")))
            continue
        if any((v or "").strip() for v in row.values()):
            rows.append((reader.line_num, {k: v for k, v in row.items() if v not in (None, "")}))
    return rows


def _unwrap(path: Path, data: Any) -> tuple[RecordKind | None, Any]:
    if isinstance(data, dict):
        for kind in RecordKind:
            for key in (kind.value, f"{kind.value}s"):
                if key in data:
                    return kind, data[key]
        raise CorruptFile(
            path, f"expected a list or a top-level key programs/postings/faq, got keys {sorted(data)[:5]}"
        )
    return None, data


def _json_rows(path: Path, text: str) -> tuple[RecordKind | None, list[tuple[int, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptFile(path, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    kind, items = _unwrap(path, data)
    if not isinstance(items, list):
        raise CorruptFile(path, "expected a list of records")
    return kind, list(zip(_json_item_lines(text, len(items)), items))


def _json_item_lines(text: str, count: int) -> list[int]:
    """Line of each item's opening brace, for error messages (best effort)."""
    lines: list[int] = []
    depth = 0
    in_string = escaped = False
    for pos, ch in enumerate(text):
        if in_string:
            escaped = ch == "\\" and not escaped
            if ch == '"' and not escaped:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if ch == "{" and depth in (2, 3) and len(lines) < count:
                lines.append(text.count("\n", 0, pos) + 1)
        elif ch in "]}":
            depth -= 1
    return (lines + [0] * count)[:count]


def _yaml_rows(path: Path, text: str) -> tuple[RecordKind | None, list[tuple[int, Any]]]:
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CorruptFile(path, f"invalid YAML{where}: {getattr(exc, 'problem', exc)}") from exc
    kind, items = _unwrap(path, data)
    if not isinstance(items, list):
        raise CorruptFile(path, "expected a list of records")
    seq = node
    if isinstance(node, yaml.MappingNode):
        seq = next((v for k, v in node.value if k.value in {kind.value, f"{kind.value}s"}), node) if kind else node
    starts = [item.start_mark.line + 1 for item in getattr(seq, "value", [])]
    return kind, list(zip((starts + [0] * len(items))[: len(items)], items))


def _kind_from_name(path: Path) -> RecordKind | None:
    name = path.stem.lower()
    for kind, hints in _NAME_HINTS.items():
        if any(hint in name for hint in hints):
            return kind
    return None


def _kind_from_columns(rows: list[tuple[int, Any]]) -> RecordKind | None:
    keys: set[str] = set()
    for _, row in rows[:5]:
        if isinstance(row, dict):
            keys |= set(row)
    for kind, needed in _COLUMN_HINTS.items():
        if needed <= keys:
            return kind
    return None
