"""Platform record files (CSV / JSON / JSONL / YAML) -> validated rows, bad rows named by file, line, field.

The reading follows :mod:`assistant.ingest.records` (same CSV, JSONL and line-number rules); what a
file holds is read from a top-level key (``talent_demand:``, ``tech_need:`` ...) or, for CSV and
JSONL, from its name (``talent_demand.csv``, ``graduates_2025.csv``).
"""

from __future__ import annotations

import functools
import json
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.errors import CorruptFile, EmptyDocument, IngestError, UnsupportedFormat, field_errors
from assistant.ingest.decode import decode_text
from assistant.ingest.records import RECORD_SUFFIXES, RowError, _clean_keys, _csv_rows, _json_item_lines
from assistant.platform.records import PLATFORM_MODELS, PlatformKind
from assistant.records import _Record

PLATFORM_DIR = "platform"  # the corpus folder holding platform records (not indexed as documents)
log = logging.getLogger(__name__)


@dataclass
class PlatformBatch:
    kind: PlatformKind
    rows: list[tuple[int, _Record]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def platform_files(roots: list[Path]) -> list[Path]:
    """Record files under ``<root>/platform/`` of each corpus folder (README files skipped)."""
    found: list[Path] = []
    for root in roots:
        folder = root / PLATFORM_DIR
        if folder.is_dir():
            found += sorted(
                p
                for p in folder.rglob("*")
                if p.suffix.lower() in RECORD_SUFFIXES and not p.name.lower().startswith("readme")
            )
    return found


def register_platform_files(paths: list[Path], index_dir: Path) -> list[Path]:
    """Copy the platform record files found under ``paths`` (``platform/`` of each folder) into the index
    folder, as ingestion registers the benefit catalog: the platform's sample records (graduates, talent
    demand, cooperation ...) then travel with the index and are found from whatever folder a command runs
    in, not relative to it. The copies keep their path below ``platform/``, so registering a changed file
    again replaces it; a file that cannot be read at all is named in the log and not copied."""
    found = [(root, f) for root in paths if root.is_dir() for f in platform_files([root])]
    found += [(p.parent.parent, p) for p in paths if p.is_file() and p.parent.name == PLATFORM_DIR]
    copied: list[Path] = []
    for root, path in found:
        try:
            load_platform_records(path)
        except IngestError as exc:
            log.warning("platform record file not registered with the index: %s", exc)
            continue
        dest = index_dir / path.relative_to(root)
        if path.resolve() != dest.resolve():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
        copied.append(dest)
    return copied


ROOTS_FILE = "record_roots.json"  # in the index folder: the folders ingested, for the postings and programs


def register_roots(paths: list[Path], index_dir: Path) -> list[Path]:
    """Add the folders among ``paths`` (resolved) to those the index records as ingested: the platform
    reads its postings and programs (report, matching) from the same folders as the index, whatever the
    working folder. Returns every recorded folder."""
    roots = recorded_roots(index_dir)
    roots += [p.resolve() for p in paths if p.is_dir() and p.resolve() not in roots]
    if roots:
        index_dir.mkdir(parents=True, exist_ok=True)
        (index_dir / ROOTS_FILE).write_text(json.dumps([str(r) for r in roots], ensure_ascii=False), encoding="utf-8")
    return roots


def recorded_roots(index_dir: Path) -> list[Path]:
    """The folders :func:`register_roots` recorded; none for an index built before they were recorded."""
    try:
        return [Path(str(p)) for p in json.loads((index_dir / ROOTS_FILE).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError) as exc:
        if (index_dir / ROOTS_FILE).exists():
            log.warning("%s unreadable (%s): the corpus folders are read instead", index_dir / ROOTS_FILE, exc)
        return []


def registered_or_corpus_files(index_dir: Path, corpus_dirs: Iterable[str | Path]) -> list[Path]:
    """The platform record files registered with the index; for an index built before they were
    registered (or none yet), ``platform/`` under the corpus folders, with a warning when they hold any:
    that depends on the working folder when the folders are relative."""
    files = platform_files([index_dir])
    if not files:
        files = platform_files([Path(p).resolve() for p in corpus_dirs])
        if files:
            _warn_unregistered(tuple(str(f) for f in files))
    return files


@functools.cache
def _warn_unregistered(files: tuple[str, ...]) -> None:
    """Said once per process and set of files (the platform reads its files at every search)."""
    log.warning("platform records not registered with the index; read from the corpus folders", extra={"files": files})


def load_platform_records(path: Path) -> PlatformBatch:
    """Read and validate every row of one platform record file."""
    suffix = path.suffix.lower()
    if suffix not in RECORD_SUFFIXES:
        raise UnsupportedFormat(path, f"unsupported record file type {suffix}")
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument(path, "file is empty")
    text, _ = decode_text(data, path)
    kind, raw_rows = _read(path, suffix, text)
    return validate_rows(str(path), kind, raw_rows)


def validate_rows(where: str, kind: PlatformKind, raw_rows: list[tuple[int, Any]]) -> PlatformBatch:
    batch = PlatformBatch(kind)
    model = PLATFORM_MODELS[kind]
    seen: dict[str, int] = {}
    for line, raw in raw_rows:
        if isinstance(raw, str):  # a line that could not be parsed
            batch.errors.append(RowError(where, line, "(row)", raw))
            continue
        if not isinstance(raw, dict):
            batch.errors.append(RowError(where, line, "(row)", f"expected a mapping, got {type(raw).__name__}"))
            continue
        try:
            record = model.model_validate(_clean_keys(raw))
        except ValidationError as exc:
            batch.errors += [RowError(where, line, f, p) for f, p in field_errors(exc, whole="(row)")]
            continue
        if record.id in seen:
            batch.errors.append(
                RowError(where, line, "id", f"duplicate id {record.id!r} (first on line {seen[record.id]})")
            )
            continue
        seen[record.id] = line
        batch.rows.append((line, record))
    return batch


def _kind_from_name(path: Path) -> PlatformKind:
    name = path.stem.lower()
    for kind in PlatformKind:
        if name.startswith(kind.value) or kind.label in path.stem:
            return kind
    raise CorruptFile(
        path, f"cannot tell the record kind: name the file after one of {', '.join(k.value for k in PlatformKind)}"
    )


def _read(path: Path, suffix: str, text: str) -> tuple[PlatformKind, list[tuple[int, Any]]]:
    if suffix == ".csv":
        rows = [(line, row.message if hasattr(row, "message") else row) for line, row in _csv_rows(text)]
        return _kind_from_name(path), rows
    if suffix == ".jsonl":
        out: list[tuple[int, Any]] = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    out.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    out.append((number, f"invalid JSON: {exc.msg}"))
        return _kind_from_name(path), out
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorruptFile(path, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
        kind, items = _unwrap(path, data)
        return kind, list(zip(_json_item_lines(text, len(items)), items))
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CorruptFile(path, f"invalid YAML{f' at line {mark.line + 1}' if mark else ''}") from exc
    kind, items = _unwrap(path, data)
    seq = (
        next((v for k, v in node.value if k.value == kind.value), node) if isinstance(node, yaml.MappingNode) else node
    )
    starts = [item.start_mark.line + 1 for item in getattr(seq, "value", [])]
    return kind, list(zip((starts + [0] * len(items))[: len(items)], items))


def _unwrap(path: Path, data: Any) -> tuple[PlatformKind, list[Any]]:
    if isinstance(data, dict):
        for kind in PlatformKind:
            if kind.value in data:
                items = data[kind.value]
                if not isinstance(items, list):
                    raise CorruptFile(path, f"{kind.value}: expected a list of records")
                return kind, items
        raise CorruptFile(path, f"expected a top-level key among {', '.join(k.value for k in PlatformKind)}")
    if isinstance(data, list):
        return _kind_from_name(path), data
    raise CorruptFile(path, "expected a list of records")
