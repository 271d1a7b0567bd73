"""One posting or program as the opportunity features see it, read from its chunk's metadata."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.types import MetaValue, StoredChunk

# the lines of a record's text (assistant/ingest/render.py) that say what a posting or program is about
_ABOUT_LINE = re.compile(r"^(?:对口专业|岗位说明|专业介绍|合作企业|可获证书)：(.*)$", re.M)
_PAY_LINE = re.compile(r"^待遇：(.+)$", re.MULTILINE)
_CONTACT_LINE = re.compile(r"^联系方式：(.+)$", re.MULTILINE)  # the line ingest/render.py writes
_TUITION_LINE = re.compile(r"^学费：(.+)$", re.MULTILINE)  # a program's (ingest/render.py)
_REQUIREMENTS_LINE = re.compile(r"^岗位要求：(.+)$", re.MULTILINE)  # a posting's (ingest/render.py)


@dataclass
class OpportunityItem:
    """A posting (实习/全职/学徒/培训) or a program (专业)."""

    record_id: str
    doc_id: str
    chunk_id: str
    record_type: str  # posting | program
    kind: str  # 实习 / 全职 / 学徒 / 培训 (postings and 培训-level programs) / 专业 (programs)
    title: str
    enterprise: str
    school: str
    location: str
    majors: list[str]
    level: str
    apprenticeship: bool
    pay: str = ""
    pay_min: int | None = None
    pay_max: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    deadline: dt.date | None = None
    text: str = ""
    score: float = 0.0
    metadata: dict[str, MetaValue] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def about(self) -> str:
        """What the item is about: its title, enterprise or school, and the lines of its text that
        describe the work or the program (not who may apply, pay, dates or contacts: "初中及以上文化
        程度" in a requirement says nothing about what a student interested in 初中 wants)."""
        lines = (m.group(1) for m in _ABOUT_LINE.finditer(self.text))
        return "\n".join([self.title, self.enterprise, self.school, *lines])

    @functools.cached_property
    def contact(self) -> str:
        """How to reach the enterprise or school (the record's 联系方式), "" when it gives none."""
        found = _CONTACT_LINE.search(self.text)
        return found.group(1).strip() if found else ""

    @functools.cached_property
    def tuition(self) -> str:
        """What a program costs (the record's 学费), "" when it says nothing."""
        found = _TUITION_LINE.search(self.text)
        return found.group(1).strip() if found else ""

    @functools.cached_property
    def requirements(self) -> str:
        """Whom a posting takes (the record's 岗位要求), "" for a program or none said."""
        found = _REQUIREMENTS_LINE.search(self.text)
        return found.group(1).strip().rstrip("。；;") if found else ""  # said inside a line, the line's stop ends it

    @property
    def certificates(self) -> str:
        """The certificates a program or a training leads to (the catalog's 可获证书, kept in the metadata), "" for
        a posting or none said."""
        return str(self.metadata.get("certificates") or "")

    @property
    def duration(self) -> str:
        """How long a program runs (the record's 学制, kept in the metadata), "" for a posting or none said."""
        return str(self.metadata.get("duration") or "")

    def expired(self, today: dt.date) -> bool:
        """Past its deadline (or, without one, past its end date). Programs never expire."""
        last = self.deadline or self.end
        return self.record_type == "posting" and last is not None and last < today

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "doc_id": self.doc_id,
            "chunk_id": self.chunk_id,
            "record_type": self.record_type,
            "kind": self.kind,
            "title": self.title,
            "enterprise": self.enterprise,
            "school": self.school,
            "location": self.location,
            "majors": self.majors,
            "level": self.level,
            "apprenticeship": self.apprenticeship,
            "pay": self.pay,
            "pay_min": self.pay_min,
            "pay_max": self.pay_max,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "deadline": _iso(self.deadline),
            "contact": self.contact,
            "tuition": self.tuition,
            "duration": self.duration,
            "certificates": self.certificates,
            "requirements": self.requirements,
            "score": round(self.score, 6),
            "text": self.text,
        }


def is_opportunity(meta: dict[str, MetaValue]) -> bool:
    return meta.get("record_type") in ("posting", "program")


def item_from_chunk(chunk: StoredChunk, score: float = 0.0) -> OpportunityItem:
    meta = chunk.metadata
    posting = meta.get("record_type") == "posting"
    pay = _PAY_LINE.search(chunk.text)
    return OpportunityItem(
        record_id=str(meta.get("record_id", "")),
        doc_id=chunk.doc_id,
        chunk_id=chunk.chunk_id,
        record_type=str(meta.get("record_type")),
        kind=str(meta.get("posting_kind")) if posting else _program_kind(meta),
        title=_title(meta, posting),
        enterprise=str(meta.get("enterprise", "")),
        school="" if posting else str(meta.get("school", "")),
        location=str(meta.get("location", "")),
        majors=[m for m in str(meta.get("majors", "")).split("、") if m],
        level=str(meta.get("level", "")),
        apprenticeship=bool(meta.get("apprenticeship", False)),
        pay=pay.group(1).strip() if pay else "",
        pay_min=_pay(meta.get("pay_min")),
        pay_max=_pay(meta.get("pay_max")),
        start=_date(meta.get("start")),
        end=_date(meta.get("end")),
        deadline=_date(meta.get("deadline")),
        text=chunk.text,
        score=score,
        metadata=meta,
    )


def _program_kind(meta: dict[str, MetaValue]) -> str:
    """A program of level 培训 is a training course (培训), the others a major one enrols in (专业)."""
    return "培训" if str(meta.get("level", "")) == "培训" else "专业"


def _title(meta: dict[str, MetaValue], posting: bool) -> str:
    if posting:
        heading = str(meta.get("heading", ""))
        return heading.removesuffix(f"（{meta.get('enterprise', '')}）") or str(meta.get("record_id", ""))
    return str(meta.get("program_name", ""))


def _pay(value: MetaValue | None) -> int | None:
    return int(value) if isinstance(value, int | float) and value >= 0 else None


def _date(value: MetaValue | None) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""
