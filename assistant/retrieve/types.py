"""What a search returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.types import MetaValue


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "chunk_id": self.chunk_id,
            "doc_id": self.doc_id,
            "title": self.title,
            "doc_number": self.doc_number,
            "clause_path": self.clause_path,
            "clause_no": self.clause_no,
            "text": self.text,
            "score": round(self.score, 6),
            "retrievers": self.retrievers,
            "jurisdiction": self.jurisdiction,
            "region": self.region,
            "metadata": self.metadata,
        }
