"""Clause tree -> chunks: one chunk per clause that has body text.

* A heading without body is never a chunk; it is carried in its children's clause path.
* A clause longer than ``max_chars`` is split at sentence ends (。；！？) into balanced
  parts; every part after the first starts with the clause heading and "（续）".
* A tiny sub-sub-item ("（1）短语") is merged into the clause before it in the same
  parent; the units people cite (articles, 一、 （一） 1.) are never merged.
* Plans that name responsible units "（责任单位：A、B，C）" get them as metadata; the
  first one is the lead unit (牵头单位).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.ingest.clauses import Clause
from assistant.ingest.cleaning import Line
from assistant.text.sentences import sentence_spans
from assistant.types import Chunk, MetaValue, SourceDocument

CHUNKER_VERSION = "clause-1"
MAX_CHARS = 420
MIN_CHARS = 24
PREAMBLE = "序言"
_MERGEABLE = {"paren_num"}  # sub-sub-items; articles, 一、（一）1. are cited units

_UNITS = re.compile(r"[（(]\s*责任单位\s*[:：]\s*([^）)]*)[）)]")
_UNIT_SEP = re.compile(r"[、，,；;]")


@dataclass
class _Piece:
    clause: Clause
    segments: list[Line]


def chunk_policy(root: Clause, doc: SourceDocument, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """All chunks of a parsed policy, in document order."""
    pieces = [_Piece(node, node.lines) for node in root.walk() if _has_body(node)]
    pieces = _merge_tiny(pieces)
    base = doc.metadata()
    chunks: list[Chunk] = []
    for piece in pieces:
        meta = {**base, **clause_metadata(piece.clause)}
        parts = _split(_sentences(piece.segments), max_chars)
        for index, part in enumerate(parts):
            text = _join(part)
            if index:
                text = f"{piece.clause.heading or PREAMBLE}（续）\n{text}"
            part_meta: dict[str, MetaValue] = {
                **meta,
                "part": index + 1,
                "parts": len(parts),
                "span_start": part[0].start,
                "span_end": part[-1].end,
            }
            chunks.append(Chunk(doc.doc_id, text, str(meta["clause_path"]), (part[0].start, part[-1].end), part_meta))
    return _dedupe_ids(chunks)


def clause_metadata(clause: Clause) -> dict[str, MetaValue]:
    """Where a clause sits in its document, and who is responsible for it."""
    chain = clause.ancestors()
    labelled = [c for c in chain if c.label]
    meta: dict[str, MetaValue] = {
        "clause_path": " > ".join(c.heading for c in chain) or PREAMBLE,
        "clause_no": labelled[-1].label if labelled else PREAMBLE,
        "clause_labels": "|".join(c.label for c in labelled),
        "clause_kind": clause.style if clause.style != "root" else "preamble",
        "clause_num": clause.number,
        "article_no": next((c.number for c in reversed(chain) if c.style == "article"), 0),
        "heading": clause.heading,
    }
    units = responsible_units(" ".join(line.text for line in clause.lines))
    meta["responsible_units"] = "、".join(units)
    meta["lead_unit"] = units[0] if units else ""
    return meta


def responsible_units(text: str) -> list[str]:
    """The units named in "（责任单位：...）", lead unit first."""
    match = _UNITS.search(text)
    if not match:
        return []
    listed = match.group(1).split("。")[0]
    return [unit.strip() for unit in _UNIT_SEP.split(listed) if unit.strip()]


def _has_body(node: Clause) -> bool:
    if node.style == "root":
        return bool(node.lines)
    if node.lines:
        return True
    return not node.children and bool(node.title)  # a last heading with nothing under it


def _merge_tiny(pieces: list[_Piece]) -> list[_Piece]:
    out: list[_Piece] = []
    for piece in pieces:
        size = sum(len(s.text) for s in piece.segments)
        mergeable = piece.clause.style in _MERGEABLE and size < MIN_CHARS
        neighbour = out[-1].clause if out else None
        if (
            mergeable
            and neighbour is not None
            and (neighbour is piece.clause.parent or neighbour.parent is piece.clause.parent)
        ):
            out[-1].segments = out[-1].segments + piece.segments
        else:
            out.append(piece)
    return out


def _sentences(lines: list[Line]) -> list[Line]:
    """Split lines into sentences, keeping source offsets."""
    out: list[Line] = []
    for line in lines:
        for start, end in sentence_spans(line.text):
            out.append(Line(line.text[start:end], line.start + start, line.start + end))
    return out


def _split(sentences: list[Line], max_chars: int) -> list[list[Line]]:
    total = sum(len(s.text) for s in sentences)
    if total <= max_chars:
        return [sentences]
    target = total / math.ceil(total / max_chars)
    parts: list[list[Line]] = [[]]
    size = 0
    for sentence in sentences:
        if parts[-1] and size + len(sentence.text) > target and size >= target * 0.5:
            parts.append([])
            size = 0
        parts[-1].append(sentence)
        size += len(sentence.text)
    return parts


def _join(segments: list[Line]) -> str:
    text = segments[0].text
    for prev, seg in zip(segments, segments[1:]):
        text += ("" if seg.start == prev.end else "\n") + seg.text
    return text


def _dedupe_ids(chunks: list[Chunk]) -> list[Chunk]:
    seen: dict[str, int] = {}
    for chunk in chunks:
        count = seen.get(chunk.chunk_id, 0)
        seen[chunk.chunk_id] = count + 1
        if count:
            chunk.chunk_id = f"{chunk.chunk_id[:28]}{count:04d}"
    return chunks
