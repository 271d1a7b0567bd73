"""Opportunity search: hybrid free text over postings and programs, then structured filters.

query -> read it (the same reader as the chat): kind words (实习, 学徒 …) become the kind filter
         when none is given, place words a strong signal (gazetteer relation), major words (汽修,
         厨师 …, via the major catalog) the topic
      -> a topic major: the items of that major, nearest place first; else HybridSearcher with a
         cut-off (an item must contain one of the query's own words)
      -> pay / start / deadline / level filters -> expired hidden (counted) or marked 已截止 -> top_k
      -> nothing relevant: an honest "没有找到相关岗位" with suggestions (the closest catalog majors)

With an empty query every matching record is listed, soonest deadline first. Ties are
broken by record id so the same data and request give the same order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import jieba
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import QueryError
from assistant.filters import SearchFilters
from assistant.opportunities.fit import item_majors, place_reason
from assistant.opportunities.items import OpportunityItem, is_opportunity, item_from_chunk
from assistant.places import places_in
from assistant.records import StrList
from assistant.retrieve.searcher import MAX_TOP_K, HybridSearcher
from assistant.types import Kind, StoredChunk
from assistant.understand.majors import MajorMatcher
from assistant.understand.profiles import OPPORTUNITY_KINDS
from assistant.understand.vocabulary import vocabulary


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
                raise QueryError(
                    f"筛选条件 {pair!r} 须写成 字段=值，字段为 {', '.join(cls.model_fields)} 之一。"
                    f"(filter {pair!r}: expected key=value with key among {', '.join(cls.model_fields)})"
                )
            data[key.strip()] = value.strip()
        try:
            return cls.model_validate(data)
        except ValueError as exc:
            raise QueryError(f"筛选条件有误：{exc}") from exc

    def to_search_filters(self) -> SearchFilters:
        """The part the retrievers apply themselves."""
        # programs hold majors (专业) and training courses (培训-level programs, kind 培训)
        programs, postings = bool({"专业", "培训"} & set(self.kind)), [k for k in self.kind if k != "专业"]
        kinds = [Kind.posting, Kind.program] if not self.kind else []
        kinds += [Kind.posting] if postings else []
        kinds += [Kind.program] if programs else []
        return SearchFilters(
            kind=kinds,
            posting_kind=postings[0] if len(postings) == 1 and not programs else None,  # 培训: kinds checked later
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


NO_MATCH = "没有找到相关岗位"


@dataclass
class OpportunityResults:
    """What a search found, how many expired postings it left out, and (none relevant) what to try."""

    query: str
    items: list[OpportunityItem] = field(default_factory=list)
    hidden_expired: int = 0
    today: dt.date = field(default_factory=dt.date.today)
    note: str = ""
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "count": len(self.items),
            "hidden_expired": self.hidden_expired,
            "today": self.today.isoformat(),
            "note": self.note,
            "suggestions": self.suggestions,
            "items": [{**item.to_dict(), "expired": item.expired(self.today)} for item in self.items],
        }


def search_opportunities(
    searcher: HybridSearcher,
    query: str,
    filters: OpportunityFilters | None = None,
    top_k: int = 10,
    include_expired: bool = False,
    today: dt.date | None = None,
    majors: MajorMatcher | None = None,
) -> OpportunityResults:
    """Postings and programs for ``query`` (may be empty) under ``filters``."""
    if not 1 <= top_k <= MAX_TOP_K:
        raise QueryError(f"top_k：须为 1..{MAX_TOP_K}，收到 {top_k}。(top_k must be 1..{MAX_TOP_K}, got {top_k})")
    filters = filters or OpportunityFilters()
    today = today or dt.date.today()
    reading = read_query(query, majors)
    if reading.kinds and not filters.kind:
        filters = filters.model_copy(update={"kind": reading.kinds})
    candidates = _candidates(searcher, reading, filters, majors)
    results = OpportunityResults(query=query, today=today)
    if reading.topic and not candidates:
        results.note = NO_MATCH
        results.suggestions = majors.closest(reading.topic) if majors else []
    for item in candidates:
        if not filters.matches(item):
            continue
        if item.expired(today) and not include_expired:
            results.hidden_expired += 1
        elif len(results.items) < top_k:
            results.items.append(item)
    return results


_LABEL_KINDS = ("实习", "全职", "学徒", "培训")


@dataclass
class QueryReading:
    """What a search query says: places, kinds, majors, and the rest (the topic words)."""

    places: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    majors: list[str] = field(default_factory=list)
    topic: str = ""


def read_query(query: str, majors: MajorMatcher | None) -> QueryReading:
    """Places (gazetteer), kinds and majors (vocabulary, catalog) named in a search query."""
    words = vocabulary()
    named = places_in(query)
    kinds = words.find(words.kinds, query)
    kinds += [k for k in _LABEL_KINDS if k in query and k not in kinds]  # the label itself: 电工培训
    reading = QueryReading(places=[p.name for p in named], kinds=kinds)
    rest = query
    for place in named:
        for name in place.names:
            rest = rest.replace(name, " ")
    for kind in reading.kinds:
        for word in (kind, *words.kinds[kind]):
            rest = rest.replace(word, " ")
    rest = re.sub(r"[\s,，、。;；]+|(?:的|找|想|有没有|岗位|工作|机会|附近|市|区)", " ", rest).strip()
    reading.topic = rest
    if rest and majors is not None:  # named majors only: dense similarity finds a "closest" even for 飞机驾驶
        reading.majors = majors.in_text(rest) or [c for c in majors.catalog if rest in c]
    return reading


def _candidates(
    searcher: HybridSearcher, reading: QueryReading, filters: OpportunityFilters, majors: MajorMatcher | None
) -> list[OpportunityItem]:
    """Ranked by topic major and place, or hybrid score with a cut-off (free text), or by deadline (browse)."""
    pushed = filters.to_search_filters()
    if reading.majors:
        searcher.index.refresh_if_changed()
        items = [
            item
            for c in searcher.index.all_chunks()
            if is_opportunity(c.metadata) and pushed.matches(c.metadata)
            if set(item_majors(item := item_from_chunk(c), majors, read_courses=True)) & set(reading.majors)
            or reading.topic in item.title  # 新能源汽车维修学徒 for 汽车维修
        ]
        return sorted(items, key=lambda i: (_place_rank(i, reading.places), i.deadline or dt.date.max, i.record_id))
    if reading.topic or reading.places:
        query = " ".join([reading.topic, *reading.places]).strip()
        hits = searcher.search(query, top_k=MAX_TOP_K, filters=pushed)
        items = [item_from_chunk(StoredChunk(h.chunk_id, h.doc_id, h.text, h.metadata), h.score) for h in hits]
        if reading.topic:  # the cut-off: an item must contain every word of the query's topic
            terms = [t for t in jieba.lcut(reading.topic) if len(t.strip()) >= 2]
            items = [i for i in items if all(t in i.text or t in i.title for t in terms)]
        return sorted(items, key=lambda i: (_place_rank(i, reading.places), -round(i.score, 9), i.record_id))
    searcher.index.refresh_if_changed()
    items = [
        item_from_chunk(c)
        for c in searcher.index.all_chunks()
        if is_opportunity(c.metadata) and pushed.matches(c.metadata)
    ]
    return sorted(items, key=lambda i: (i.deadline or dt.date.max, i.record_type, i.record_id))


def _place_rank(item: OpportunityItem, places: list[str]) -> int:
    """How far the item is from the places the query names (0 = there); 0 for all when none is named."""
    if not places:
        return 0
    found = place_reason(item, places)
    return int(found[1]) if found else 0
