"""Clause tree -> chunks that stand on their own.

* Every body line of the tree lands in exactly one chunk, in document order; a heading
  without body of its own is carried in its children's clause path (and so is embedded
  and indexed with each of them), never repeated in their text.
* The units people cite (articles, 一、 （一） 1.) are one chunk each (or the balanced parts
  of one, when longer than ``max_chars``). Anything else shorter than ``MIN_CHARS`` (a short
  preamble, a tiny "（1）短语" item, a trailing heading with nothing under it) joins the piece
  before it, or the one after it when it comes first: no orphan fragment whose embedding is
  mostly the document title.
* A document without structure (a web page, an encyclopedia paragraph, a FAQ page) is one
  piece, cut the same way: by sentences (。！？；, line ends preferred) into balanced parts of at
  most ``max_chars``; a sentence longer than that is cut at commas, then by length.
* A part after the first carries the end of the part before it as ``context`` (overlap, at
  most ``CONTEXT_CHARS``): the embedder reads it (see ``store.vectors.embedding_text``); it is
  not part of the chunk's text, so no text is stored or cited twice.
* Plans that name responsible units "（责任单位：A、B，C）" get them as metadata; the
  first one is the lead unit (牵头单位).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.ingest.clauses import Clause
from assistant.ingest.cleaning import Line
from assistant.store.vectors import PREAMBLE
from assistant.text.sentences import sentence_spans
from assistant.types import Chunk, MetaValue, SourceDocument

CHUNKER_VERSION = "clause-4"  # 4: the BM25 tokens leave out the numerals inside clause labels (text/tokenize.py)
MAX_CHARS = 420  # chosen with the clause chunker on the team set; measured again in evals/README.md
MIN_CHARS = 40  # below this a piece that is not a whole cited clause joins a neighbour (evals/README.md)
CONTEXT_CHARS = 80  # overlap read by the embedder on parts after the first
CITED = {"part", "chapter", "section", "article", "cn", "paren_cn", "num"}  # units people cite by label
_SOFT_BREAK = re.compile(r"[，,、：:]")

_UNITS = re.compile(r"[（(]\s*责任单位\s*[:：]\s*([^）)]*)[）)]")
_UNIT_SEP = re.compile(r"[、，,；;]")


@dataclass
class _Piece:
    clause: Clause
    segments: list[Line]
    whole: bool  # a whole cited clause: kept as its own chunk however short

    @property
    def size(self) -> int:
        return sum(len(s.text) for s in self.segments)

    def headings(self) -> list[Line]:
        """Heading lines this piece's clause path stands for (not in its text)."""
        return [c.line for c in self.clause.ancestors() if c.line is not None and c.line not in self.segments]

    def absorb(self, other: _Piece) -> None:
        """Take ``other``'s text, with the headings of its path this piece's path does not carry, in
        source order: a piece that joins another keeps every line it stood for."""
        carried = set(self.headings()) | set(self.segments)
        extra = [h for h in other.headings() if h not in carried] + other.segments
        self.segments = sorted(self.segments + extra, key=lambda ln: ln.start)


def chunk_policy(root: Clause, doc: SourceDocument, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """All chunks of a parsed document, in document order."""
    pieces = _merge_small(_pieces(root))
    base = doc.metadata()
    chunks: list[Chunk] = []
    for piece in pieces:
        meta = {**base, **clause_metadata(piece.clause)}
        parts = split_units(sentence_units(piece.segments, max_chars), max_chars)
        for index, part in enumerate(parts):
            part_meta: dict[str, MetaValue] = {
                **meta,
                "part": index + 1,
                "parts": len(parts),
                "span_start": part[0].start,
                "span_end": part[-1].end,
                "context": _context(parts[index - 1]) if index else "",
            }
            span = (part[0].start, part[-1].end)
            chunks.append(Chunk(doc.doc_id, join_units(part), str(meta["clause_path"]), span, part_meta))
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


def _pieces(root: Clause) -> list[_Piece]:
    """One piece per clause with body text; a last heading with nothing under it is its own text."""
    pieces: list[_Piece] = []
    for node in root.walk():
        if node.lines:
            pieces.append(_Piece(node, list(node.lines), node.style in CITED))
        elif node.line is not None and not node.children:
            pieces.append(_Piece(node, [node.line], False))
    return pieces


def _merge_small(pieces: list[_Piece]) -> list[_Piece]:
    """Pieces under ``MIN_CHARS`` that are not whole cited clauses join the piece before them
    (or after them, when they come first); the joined piece keeps its own clause."""
    out: list[_Piece] = []
    pending: list[_Piece] = []  # small pieces before the first piece that can take them
    for piece in pieces:
        small = not piece.whole and piece.size < MIN_CHARS
        if small and out:
            out[-1].absorb(piece)
        elif small:
            pending.append(piece)
        else:
            for early in pending:
                piece.absorb(early)
            pending = []
            out.append(piece)
    if pending:  # nothing but small pieces: the document is small, keep it whole
        for later in pending[1:]:
            pending[0].absorb(later)
        out.append(pending[0])
    return out


def sentence_units(lines: list[Line], max_chars: int = MAX_CHARS) -> list[Line]:
    """Sentences of ``lines`` with their source offsets; one longer than ``max_chars`` is cut at
    commas, and what is still too long by length."""
    out: list[Line] = []
    for line in lines:
        spans = sentence_spans(line.text) or [(0, len(line.text))]
        for start, end in spans:
            out.extend(_cut_long(Line(line.text[start:end], line.start + start, line.start + end), max_chars))
    return out


def _cut_long(unit: Line, max_chars: int) -> list[Line]:
    if len(unit.text) <= max_chars:
        return [unit]
    cuts = [m.end() for m in _SOFT_BREAK.finditer(unit.text)]
    out: list[Line] = []
    begin = 0
    while len(unit.text) - begin > max_chars:
        soft = [c for c in cuts if begin < c <= begin + max_chars]
        end = soft[-1] if soft and soft[-1] - begin >= max_chars // 2 else begin + max_chars
        out.append(Line(unit.text[begin:end], unit.start + begin, unit.start + end))
        begin = end
    out.append(Line(unit.text[begin:], unit.start + begin, unit.end))
    return out


def split_units(units: list[Line], max_chars: int = MAX_CHARS) -> list[list[Line]]:
    """Consecutive units in the fewest parts of about equal size within ``max_chars``.

    With ``k`` parts (from ``ceil(total / max_chars)`` up), each cut is made at the unit end
    nearest its ideal position (``i * total / k``) that keeps the part within ``max_chars``, a
    line end being preferred to a sentence end within a fifth of a part; a part still shorter
    than ``MIN_CHARS`` then joins its smaller neighbour.
    """
    total = sum(len(u.text) for u in units)
    if total <= max_chars or len(units) < 2:
        return [units]
    ends: list[int] = []
    position = 0
    for unit in units:
        position += len(unit.text)
        ends.append(position)
    count = math.ceil(total / max_chars)
    while True:
        parts = _cut(units, ends, count, max_chars)
        if count >= len(units) or all(_size(p) <= max_chars or len(p) == 1 for p in parts):
            return _join_small_parts(parts)
        count += 1


def _cut(units: list[Line], ends: list[int], count: int, max_chars: int) -> list[list[Line]]:
    target = ends[-1] / count
    cuts: list[int] = []
    for j in range(1, count):
        lowest = cuts[-1] + 1 if cuts else 0
        highest = len(units) - 1 - (count - j)  # leave a unit for each part still to come
        if lowest > highest:
            break
        start = ends[cuts[-1]] if cuts else 0
        fitting = [i for i in range(lowest, highest + 1) if ends[i] - start <= max_chars] or [lowest]
        cuts.append(min(fitting, key=lambda i: _cut_cost(units, ends, i, j * target, target)))
    return [units[a + 1 : b + 1] for a, b in zip([-1, *cuts], [*cuts, len(units) - 1])]


def _size(part: list[Line]) -> int:
    return sum(len(u.text) for u in part)


def _cut_cost(units: list[Line], ends: list[int], i: int, ideal: float, target: float) -> float:
    line_end = units[i + 1].start != units[i].end
    return abs(ends[i] - ideal) - (0.2 * target if line_end else 0.0)


def _join_small_parts(parts: list[list[Line]]) -> list[list[Line]]:
    size = _size
    while len(parts) > 1:
        small = min(range(len(parts)), key=lambda i: size(parts[i]))
        if size(parts[small]) >= MIN_CHARS:
            break
        if small == 0:
            other = 1
        elif small == len(parts) - 1:
            other = small - 1
        else:
            other = small - 1 if size(parts[small - 1]) <= size(parts[small + 1]) else small + 1
        low, high = sorted((small, other))
        parts[low : high + 1] = [parts[low] + parts[high]]
    return parts


def join_units(units: list[Line]) -> str:
    """The text of consecutive units: a line break where the source had one."""
    if not units:
        return ""
    text = units[0].text
    for prev, unit in zip(units, units[1:]):
        text += ("" if unit.start == prev.end else "\n") + unit.text
    return text


def _context(previous: list[Line]) -> str:
    """The end of the part before: its last sentences, at most ``CONTEXT_CHARS``."""
    taken: list[Line] = []
    size = 0
    for unit in reversed(previous):
        if taken and size + len(unit.text) > CONTEXT_CHARS:
            break
        taken.insert(0, unit)
        size += len(unit.text)
    return join_units(taken)[-CONTEXT_CHARS:]


def _dedupe_ids(chunks: list[Chunk]) -> list[Chunk]:
    seen: dict[str, int] = {}
    for chunk in chunks:
        count = seen.get(chunk.chunk_id, 0)
        seen[chunk.chunk_id] = count + 1
        if count:
            chunk.chunk_id = f"{chunk.chunk_id[:28]}{count:04d}"
    return chunks
