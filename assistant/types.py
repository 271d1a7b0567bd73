"""Core domain objects shared by every layer: documents, chunks, search hits, citations.

SourceDocument  one ingested file and the metadata all its chunks carry
Chunk           what ingestion produces and the store writes (text, clause path, span, metadata)
StoredChunk     what the store gives back without asking the vector database
SearchHit       one retrieved chunk with its fused score and the retrievers that found it
Citation        one cited clause: answers, benefit matches and the UI all use this one
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Literal

MetaValue = str | int | float | bool


class Kind(str, Enum):
    """What a chunk is about; every search can filter on it."""

    policy = "policy"
    program = "program"
    posting = "posting"
    faq = "faq"


@dataclass
class SourceDocument:
    """One ingested file, with the metadata every chunk of it carries."""

    doc_id: str
    path: str
    kind: Kind
    title: str
    file_hash: str
    issuer: str = ""
    doc_number: str = ""
    date: str = ""
    doc_type: str = ""
    jurisdiction: str = ""  # national | corps | province | city
    region: str = ""
    in_force: bool = True
    extra: dict[str, MetaValue] = field(default_factory=dict)

    def metadata(self) -> dict[str, MetaValue]:
        """Flat metadata shared by all chunks of this document."""
        meta: dict[str, MetaValue] = {
            "doc_id": self.doc_id,
            "kind": self.kind.value,
            "title": self.title,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "date": self.date,
            "year": int(self.date[:4]) if self.date[:4].isdigit() else 0,
            "doc_type": self.doc_type,
            "jurisdiction": self.jurisdiction,
            "region": self.region,
            "in_force": self.in_force,
            "source_path": self.path,
        }
        meta.update(self.extra)
        return meta


@dataclass
class Chunk:
    """A retrievable unit: one clause (or one part of a long clause, or one record).

    The id hashes document, clause path and text only: a clause whose text is unchanged
    keeps its id when an earlier clause of the file changes, and its vector too unless the
    title or context the embedder also reads changed; its metadata (span ...) is then
    updated in place.
    """

    doc_id: str
    text: str
    clause_path: str
    span: tuple[int, int]
    metadata: dict[str, MetaValue]
    chunk_id: str = ""

    def __post_init__(self) -> None:
        if not self.chunk_id:
            self.chunk_id = content_id(self.doc_id, self.clause_path, self.text)


def content_id(*parts: Any) -> str:
    """A stable id from content: same content, same id; any change, a new id."""
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


class Persona(str, Enum):
    """Who is asking, as they said it (the chat's 我是 choice; the gold sets' ``persona``). A hint the
    understanding reads with the words of the message: a business writer's message goes to the enterprise
    benefits, a student's, a parent's or a school's never does (assistant/understand/understander.py)."""

    student = "student"  # a student or a parent
    enterprise = "enterprise"
    school = "school"  # a teacher or a school's staff
    staff = "staff"  # the division's staff, answering the public
    unknown = "unknown"


@dataclass(frozen=True)
class Turn:
    """One earlier message of a conversation."""

    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as the store holds it: text and metadata (no vector)."""

    chunk_id: str
    doc_id: str
    text: str
    metadata: dict[str, MetaValue]


@dataclass
class SearchHit:
    """One retrieved chunk, with where it came from and which retrievers found it."""

    chunk_id: str
    doc_id: str
    title: str
    doc_number: str
    clause_path: str
    clause_no: str
    text: str
    score: float
    retrievers: list[str] = field(default_factory=list)
    jurisdiction: str = ""
    region: str = ""
    metadata: dict[str, MetaValue] = field(default_factory=dict)

    @classmethod
    def from_chunk(cls, chunk: StoredChunk, score: float, retrievers: list[str] | None = None) -> SearchHit:
        meta = chunk.metadata
        return cls(
            chunk_id=chunk.chunk_id,
            doc_id=chunk.doc_id,
            title=str(meta.get("title", "")),
            doc_number=str(meta.get("doc_number", "")),
            clause_path=str(meta.get("clause_path", "")),
            clause_no=str(meta.get("clause_no", "")),
            text=chunk.text,
            score=score,
            retrievers=list(retrievers or []),
            jurisdiction=str(meta.get("jurisdiction", "")),
            region=str(meta.get("region", "")),
            metadata=meta,
        )

    def stored(self) -> StoredChunk:
        return StoredChunk(self.chunk_id, self.doc_id, self.text, self.metadata)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 6)
        return data


@dataclass
class Citation:
    """One cited clause: marker ``[n]`` in an answer points here (``n`` 0 outside answers)."""

    n: int
    chunk_id: str
    doc_id: str
    title: str
    doc_number: str
    clause_path: str
    clause_no: str
    date: str
    text: str  # the full clause text as indexed ("" when the source is not indexed)
    quote: str  # the sentence(s) of the clause relied on
    score: float
    in_force: bool = True

    @classmethod
    def of(cls, chunk: StoredChunk, n: int = 0, quote: str = "", score: float = 0.0) -> Citation:
        meta = chunk.metadata
        return cls(
            n=n,
            chunk_id=chunk.chunk_id,
            doc_id=chunk.doc_id,
            title=str(meta.get("title", "")),
            doc_number=str(meta.get("doc_number", "")),
            clause_path=str(meta.get("clause_path", "")),
            clause_no=str(meta.get("clause_no", "")),
            date=str(meta.get("date", "") or ""),
            text=chunk.text,
            quote=quote,
            score=round(score, 6),
            in_force=meta.get("in_force") is not False,
        )

    def label(self) -> str:
        """e.g. 《十二师深化产教融合的实施方案》 三、（五）16."""
        return f"《{self.title}》{(' ' + self.clause_path) if self.clause_path else ''}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
