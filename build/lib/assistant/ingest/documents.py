"""One file -> its document and chunks: the ingestion stages up to (not including) embedding.

policy file  -> load -> clean -> document metadata -> clause tree -> chunks
record file  -> read rows -> validate -> one chunk per good row (bad rows reported)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import UnsupportedFormat
from assistant.ingest.chunking import chunk_policy
from assistant.ingest.clauses import parse_clauses
from assistant.ingest.cleaning import CleanText, clean_text, normalize_date
from assistant.ingest.docmeta import (
    DOC_TYPES,
    find_doc_number,
    infer_doc_type,
    infer_in_force,
    infer_jurisdiction,
    split_doc_number,
)
from assistant.ingest.limits import Limits, check_chunk_count, check_file_size, check_text_length
from assistant.ingest.loaders import POLICY_SUFFIXES, load_policy_file
from assistant.ingest.records import RECORD_SUFFIXES, RowError, load_records
from assistant.ingest.render import chunk_record
from assistant.types import Chunk, Kind, SourceDocument

SUPPORTED_SUFFIXES = POLICY_SUFFIXES | RECORD_SUFFIXES
_RECORD_TITLES = {"program": "专业目录", "posting": "实习与招聘信息", "faq": "常见问题"}


@dataclass
class ParsedFile:
    doc: SourceDocument
    chunks: list[Chunk]
    row_errors: list[RowError] = field(default_factory=list)


def doc_id_for(path: Path) -> str:
    """A document's id: its file name without extension, spaces folded."""
    return re.sub(r"\s+", "_", path.stem.strip())


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_supported(path: Path) -> None:
    """Raise :class:`UnsupportedFormat` unless the loaders handle ``path``'s extension."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(
            path, f"不支持的文件类型 {suffix or '（无扩展名）'}，支持：{'、'.join(sorted(SUPPORTED_SUFFIXES))}"
        )


def parse_file(path: Path, limits: Limits | None = None) -> ParsedFile:
    """Run the stages for one file; raises an IngestError naming the file when it cannot."""
    limits = limits or Limits()
    check_supported(path)
    check_file_size(path, limits)
    parsed = _parse_records(path) if path.suffix.lower() in RECORD_SUFFIXES else _parse_policy(path, limits)
    check_chunk_count(path, len(parsed.chunks), limits)
    return parsed


def _parse_policy(path: Path, limits: Limits) -> ParsedFile:
    loaded = load_policy_file(path, limits)
    check_text_length(path, len(loaded.text), limits)
    cleaned = clean_text(loaded.text, loaded.fmt)
    meta = {**loaded.metadata, **cleaned.metadata}
    title = meta.get("title") or _first_line_title(cleaned) or path.stem
    issuer = meta.get("issuer", "")
    doc_number, internal_number = split_doc_number(meta.get("doc_number", ""))
    doc_number = doc_number or find_doc_number(cleaned.lines)
    internal_number = internal_number or meta.get("index_code", "")
    doc_type = meta.get("doc_type", "")
    if doc_type not in DOC_TYPES:
        doc_type = infer_doc_type(title, issuer, doc_number)
    level, region = infer_jurisdiction(title, issuer)
    in_force = meta.get("in_force", "").lower() not in {"false", "no", "否"} and infer_in_force(
        meta.get("note", ""), meta.get("date_note", "")
    )
    doc = SourceDocument(
        doc_id=doc_id_for(path),
        path=str(path),
        kind=Kind.policy,
        title=title,
        file_hash=file_hash(path.read_bytes()),
        issuer=issuer,
        doc_number=doc_number,
        date=normalize_date(meta.get("date", "")),
        doc_type=doc_type,
        jurisdiction=meta.get("jurisdiction", level),
        region=meta.get("region", region),
        in_force=in_force,
        extra={
            "source": meta.get("source", ""),
            "internal_number": internal_number,
            "encoding": loaded.encoding,
            "format": loaded.fmt,
        },
    )
    return ParsedFile(doc, chunk_policy(parse_clauses(cleaned.lines), doc))


def _first_line_title(cleaned: CleanText) -> str:
    return cleaned.lines[0].text[:60] if cleaned.lines else ""


def _parse_records(path: Path) -> ParsedFile:
    batch = load_records(path)
    kind = Kind(batch.kind.value)
    doc = SourceDocument(
        doc_id=doc_id_for(path),
        path=str(path),
        kind=kind,
        title=batch.title or _RECORD_TITLES[kind.value],
        file_hash=file_hash(path.read_bytes()),
        doc_type="record",
    )
    chunks = [chunk_record(row, line, doc) for line, row in batch.rows]
    return ParsedFile(doc, chunks, batch.errors)
