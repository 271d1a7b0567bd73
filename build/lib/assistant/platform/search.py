"""Platform records as one searchable list: the corpus samples plus approved submissions.

Free text matches when every whitespace-separated word occurs in the record's text; structured
filters (kind, place, major, field, year, organisation) narrow it. Only 已发布 submissions and
corpus files are here: pending, returned and withdrawn submissions never are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.places import gazetteer, places_in
from assistant.platform.records import OWNER_FIELD, PlatformKind, record_majors, record_text
from assistant.records import _Record


@dataclass
class PlatformRecord:
    """One searchable record: its kind, the validated row, where it came from and since when it is public."""

    kind: PlatformKind
    record: _Record
    source: str  # a corpus file path, or "submitted:<username>"
    published: str = ""  # ISO date or datetime it became public ("" = unknown)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def org(self) -> str:
        return str(getattr(self.record, OWNER_FIELD[self.kind], ""))

    @property
    def title(self) -> str:
        rec = self.record
        for name in ("title", "occupation", "program"):
            value = getattr(rec, name, "")
            if value:
                return str(value)
        return "、".join(record_majors(rec)) or rec.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "kind_label": self.kind.label,
            "title": self.title,
            "org": self.org,
            "source": self.source,
            "published": self.published,
            "record": self.record.model_dump(mode="json", exclude_none=True),
        }


class PlatformFilters(BaseModel):
    """Structured filters; empty fields do not filter."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: list[PlatformKind] = Field(default=[], description="empty = every kind")
    location: str | None = Field(None, description="a place: 十二师 matches its units, 乌鲁木齐 its districts")
    major: str | None = Field(None, description="substring of a major")
    field: str | None = Field(None, description="substring of a technology field")
    org: str | None = Field(None, description="substring of the enterprise / school")
    year: int | None = Field(None, ge=2000, le=2100)

    def matches(self, item: PlatformRecord) -> bool:
        rec = item.record
        checks = [
            not self.kind or item.kind in self.kind,
            self.location is None or in_region(str(getattr(rec, "location", "")), self.location),
            self.major is None or any(self.major in m or m in self.major for m in record_majors(rec)),
            self.field is None or any(self.field in f for f in getattr(rec, "fields", [])),
            self.org is None or self.org in item.org,
            self.year is None or record_year(rec) == self.year,
        ]
        return all(checks)


def in_region(location: str, region: str) -> bool:
    """Whether ``location`` lies in ``region`` (gazetteer containment; the name itself as a fallback)."""
    if not region or region in location:
        return True
    wanted = gazetteer().lookup(region) or next(iter(places_in(region)), None)
    if wanted is None:
        return False
    return any(gazetteer().within(place, wanted) for place in places_in(location))


def record_year(rec: _Record) -> int | None:
    for name in ("year", "start_year"):
        value = getattr(rec, name, None)
        if isinstance(value, int):
            return value
    published: dt.date | None = getattr(rec, "published", None)
    return published.year if published else None


def search_records(
    items: list[PlatformRecord], query: str = "", filters: PlatformFilters | None = None, top_k: int = 50
) -> list[PlatformRecord]:
    """Records matching every query word and every filter, newest first, then by id."""
    filters = filters or PlatformFilters()
    words = query.split()
    found = [
        item for item in items if filters.matches(item) and all(word in record_text(item.record) for word in words)
    ]
    found.sort(key=lambda i: (i.published, i.id), reverse=True)
    return found[:top_k]
