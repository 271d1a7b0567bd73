"""Domain objects that flow through the stages: documents, clauses, chunks."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

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
    keeps its id (and its vector) when an earlier clause of the file changes; its
    metadata (span ...) is then updated in place.
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
