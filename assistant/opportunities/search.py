"""Opportunity search: hybrid free text over postings and programs, then structured filters.

query -> HybridSearcher (kind/location/major/... pushed into BM25 and Chroma) -> items
      -> pay / start / deadline / level filters -> expired hidden (counted) -> top_k

With an empty query every matching record is listed, soonest deadline first. Ties are
broken by record id so the same data and request give the same order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import QueryError
from assistant.filters import SearchFilters
from assistant.opportunities.items import OpportunityItem, is_opportunity, item_from_chunk
from assistant.records import StrList
from assistant.retrieve.searcher import MAX_TOP_K, HybridSearcher
from assistant.types import Kind, StoredChunk
from assistant.understand.profiles import OPPORTUNITY_KINDS


class OpportunityFilters(BaseModel):
    """Structured filters for postings and programs. Empty fields do not filter."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: StrList = Field(default=[], description="实习 / 全职 / 学徒 / 培训 / 专业 (专业 = programs); empty = all")
    location: str | None = Field(None, description="substring, e.g. 米东区")
    major: str | None = Field(None, description="substring of a posting's majors or a program's name")
    level: str | None = Field(None, description="substring of the level, e.g. 中职")
    enterprise: str | None = Field(None, description="substring of the enterprise (partner enterprises for programs)")
    school: str | None = None
    apprenticeship: bool | None = None
    pay_min: int | None = Field(None, ge=0, description="元/月: the posting's pay must reach this")
    pay_max: int | None = Field(None, ge=0, description="元/月: the posting's pay must start at or below this")
    start_from: dt.date | None = None
    start_to: dt.date | None = None
    deadline_from: dt.date | None = Field(None, description="deadline on or after")
    deadline_to: dt.date | None = Field(None, description="deadline on or before")

    @model_validator(mode="after")
    def _check(self) -> OpportunityFilters:
        bad = [k for k in self.kind if k not in OPPORTUNITY_KINDS]
        if bad:
            raise ValueError(f"kind must be among {'/'.join(OPPORTUNITY_KINDS)}, got {bad}")
        for low, high in (("pay_min", "pay_max"), ("start_from", "start_to"), ("deadline_from", "deadline_to")):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                raise ValueError(f"{low} {a} is above {high} {b}")
        return self

    @classmethod
    def from_pairs(cls, pairs: list[str]) -> OpportunityFilters:
        """Parse CLI ``key=value`` pairs."""
        data: dict[str, Any] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or key.strip() not in cls.model_fields:
                raise QueryError(f"filter {pair!r}: expected key=value with key among {', '.join(cls.model_fields)}")
            data[key.strip()] = value.strip()
        try:
            return cls.model_validate(data)
        except ValueError as exc:
            raise QueryError(f"bad filter: {exc}") from exc

    def to_search_filters(self) -> SearchFilters:
        """The part the retrievers apply themselves."""
        programs, postings = "专业" in self.kind, [k for k in self.kind if k != "专业"]
        kinds = [Kind.posting, Kind.program] if not self.kind else []
        kinds += [Kind.posting] if postings else []
        kinds += [Kind.program] if programs else []
        return SearchFilters(
            kind=kinds,
            posting_kind=postings[0] if len(postings) == 1 and not programs else None,
            location=self.location,
            majors=self.major,
            enterprise=self.enterprise,
            school=self.school,
        )

    def matches(self, item: OpportunityItem) -> bool:
        """The filters the retrievers cannot apply (kinds, level, pay and date ranges)."""
        checks = [
            not self.kind or item.kind in self.kind,
            self.level is None or self.level in item.level,
            self.apprenticeship is None or item.apprenticeship == self.apprenticeship,
            self.pay_min is None or (item.pay_max or item.pay_min or -1) >= self.pay_min,
            self.pay_max is None or (item.pay_min is not None and item.pay_min <= self.pay_max),
            _within(item.start, self.start_from, self.start_to),
            _within(item.deadline, self.deadline_from, self.deadline_to),
        ]
        return all(checks)


def _within(value: dt.date | None, low: dt.date | None, high: dt.date | None) -> bool:
    if low is None and high is None:
        return True
    return value is not None and (low is None or value >= low) and (high is None or value <= high)


@dataclass
class OpportunityResults:
    """What a search found, and how many expired postings it left out."""

    query: str
    items: list[OpportunityItem] = field(default_factory=list)
    hidden_expired: int = 0
    today: dt.date = field(default_factory=dt.date.today)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "count": len(self.items),
            "hidden_expired": self.hidden_expired,
            "today": self.today.isoformat(),
            "items": [item.to_dict() for item in self.items],
        }


def search_opportunities(
    searcher: HybridSearcher,
    query: str,
    filters: OpportunityFilters | None = None,
    top_k: int = 10,
    include_expired: bool = False,
    today: dt.date | None = None,
) -> OpportunityResults:
    """Postings and programs for ``query`` (may be empty) under ``filters``."""
    if not 1 <= top_k <= MAX_TOP_K:
        raise QueryError(f"top_k must be 1..{MAX_TOP_K}, got {top_k}")
    filters = filters or OpportunityFilters()
    today = today or dt.date.today()
    candidates = _candidates(searcher, query, filters)
    results = OpportunityResults(query=query, today=today)
    for item in candidates:
        if not filters.matches(item):
            continue
        if item.expired(today) and not include_expired:
            results.hidden_expired += 1
        elif len(results.items) < top_k:
            results.items.append(item)
    return results


def _candidates(searcher: HybridSearcher, query: str, filters: OpportunityFilters) -> list[OpportunityItem]:
    """Ranked by hybrid score (free text) or by deadline (browse), ties by record id."""
    pushed = filters.to_search_filters()
    if query.strip():
        hits = searcher.search(query, top_k=MAX_TOP_K, filters=pushed)
        items = [item_from_chunk(StoredChunk(h.chunk_id, h.doc_id, h.text, h.metadata), h.score) for h in hits]
        return sorted(items, key=lambda i: (-round(i.score, 9), i.record_id))
    searcher.index.refresh_if_changed()
    items = [
        item_from_chunk(c)
        for c in searcher.index.all_chunks()
        if is_opportunity(c.metadata) and pushed.matches(c.metadata)
    ]
    return sorted(items, key=lambda i: (i.deadline or dt.date.max, i.record_type, i.record_id))
