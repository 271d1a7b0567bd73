"""Metadata filters shared by every search: one model, two evaluations.

The store turns the exact fields and the year range into its vector database's filter
(``exact_fields()``); ``matches()`` applies all of it in Python, to BM25 candidates and
after the vector search (in-force, and substring fields such as location or major).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import QueryError
from assistant.types import Kind, MetaValue

_EXACT = ("doc_id", "doc_type", "jurisdiction", "region", "posting_kind", "level", "record_type", "category")
_CONTAINS = ("issuer", "location", "majors", "enterprise", "school", "title")


class SearchFilters(BaseModel):
    """Restrict a search. Empty fields do not filter."""

    model_config = ConfigDict(extra="forbid")

    kind: list[Kind] = Field(default_factory=list, description="policy / program / posting / faq")
    doc_id: str | None = None
    doc_type: str | None = Field(None, description="law / regulation / normative / local_plan / digest / record")
    jurisdiction: str | None = Field(None, description="national / corps / province / city")
    region: str | None = None
    issuer: str | None = Field(None, description="substring of the issuing body")
    year_from: int | None = Field(None, ge=1949, le=2100)
    year_to: int | None = Field(None, ge=1949, le=2100)
    in_force_only: bool = False
    posting_kind: str | None = Field(None, description="实习 / 全职 / 学徒 / 培训")
    location: str | None = Field(None, description="substring, e.g. 乌鲁木齐")
    majors: str | None = Field(None, description="substring of the majors wanted / program name")
    enterprise: str | None = None
    school: str | None = None
    level: str | None = None
    title: str | None = None
    record_type: str | None = None
    category: str | None = None

    @model_validator(mode="after")
    def _check_years(self) -> SearchFilters:
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValueError(f"year_from {self.year_from} is after year_to {self.year_to}")
        return self

    @classmethod
    def from_pairs(cls, pairs: list[str]) -> SearchFilters:
        """Parse CLI ``key=value`` pairs (``kind`` may repeat or be comma-separated)."""
        data: dict[str, Any] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            key = key.strip()
            if not sep or not key:
                raise QueryError(f"筛选条件 {pair!r} 须写成 字段=值。(filter {pair!r} is not key=value)")
            if key not in cls.model_fields:
                raise QueryError(
                    f"没有名为 {key!r} 的筛选字段，可用：{', '.join(cls.model_fields)}。"
                    f"(unknown filter {key!r}; known: {', '.join(cls.model_fields)})"
                )
            if key == "kind":
                data.setdefault("kind", []).extend(v.strip() for v in value.split(",") if v.strip())
            elif key == "in_force_only":
                data[key] = value.strip().lower() in {"1", "true", "yes", "是"}
            else:
                data[key] = value.strip()
        try:
            return cls.model_validate(data)
        except ValueError as exc:
            raise QueryError(f"筛选条件有误：{exc}") from exc

    def is_empty(self) -> bool:
        return self == SearchFilters()

    def matches(self, meta: dict[str, MetaValue]) -> bool:
        """Whether a chunk's metadata passes every filter."""
        if self.kind and meta.get("kind") not in {k.value for k in self.kind}:
            return False
        for name in _EXACT:
            wanted = getattr(self, name)
            if wanted is not None and meta.get(name) != wanted:
                return False
        for name in _CONTAINS:
            wanted = getattr(self, name)
            if wanted is not None and wanted not in str(meta.get(name, "")):
                return False
        year = int(meta.get("year") or 0)
        if self.year_from is not None and year < self.year_from:
            return False
        if self.year_to is not None and year > self.year_to:
            return False
        return not (self.in_force_only and meta.get("in_force") is False)

    def exact_fields(self) -> dict[str, str]:
        """The exact-match fields that are set (the vector store applies these inside its search)."""
        return {name: value for name in _EXACT if (value := getattr(self, name)) is not None}

    def needs_post_filter(self) -> bool:
        """Whether some filters (substrings, booleans) are applied only in Python."""
        return self.in_force_only or any(getattr(self, name) is not None for name in _CONTAINS)
