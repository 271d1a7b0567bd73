"""Typed records: vocational programs, opportunity postings and FAQ entries.

These are the rows of the catalog files in ``corpus/`` (CSV, JSON/JSONL, YAML).
Each model validates one row; :mod:`assistant.ingest.records` reports a bad row
with its file, line and field and keeps the good ones.

List fields accept a list or a string separated by ``、`` ``，`` ``,`` ``;`` or
``|`` so that CSV cells and YAML lists mean the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

_LIST_SEP = re.compile(r"[、，,;；|]")


def _split_list(value: Any) -> Any:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in _LIST_SEP.split(value) if part.strip()]
    return value


def _parse_bool(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in {"是", "有", "yes", "y", "true", "1"}:
            return True
        if text in {"否", "无", "no", "n", "false", "0", ""}:
            return False
    return value


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


StrList = Annotated[list[str], BeforeValidator(_split_list)]
Flag = Annotated[bool, BeforeValidator(_parse_bool)]
OptDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none)]
OptInt = Annotated[int | None, BeforeValidator(_blank_to_none)]


class RecordKind(str, Enum):
    """What a record file holds."""

    program = "program"
    posting = "posting"
    faq = "faq"


class ProgramLevel(str, Enum):
    zhongzhi = "中职"
    jigong = "技工"
    gaozhi = "高职"
    benke = "职业本科"
    peixun = "培训"


class PostingKind(str, Enum):
    internship = "实习"
    fulltime = "全职"
    apprenticeship = "学徒"
    training = "培训"


# the kinds that are work (an opening, labour demand); a training is neither
WORK_KINDS = (PostingKind.internship, PostingKind.fulltime, PostingKind.apprenticeship)
WORK = tuple(kind.value for kind in WORK_KINDS)  # their names as items and profiles write them (实习, 全职, 学徒)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")


class Program(_Record):
    """A vocational program (专业) offered by a school."""

    name: str = Field(min_length=1)
    code: str = Field(min_length=1, description="专业代码")
    school: str = Field(min_length=1)
    level: ProgramLevel
    duration: str = Field(min_length=1, description="学制, e.g. 3年")
    location: str = ""
    description: str = ""
    partner_enterprises: StrList = []
    apprenticeship: Flag = False
    enrollment: OptInt = Field(default=None, ge=0, description="计划招生人数")
    tuition: str = ""
    certificates: StrList = []
    contact: str = ""


class Posting(_Record):
    """An internship, job, apprenticeship or training opening."""

    title: str = Field(min_length=1)
    kind: PostingKind
    enterprise: str = Field(min_length=1)
    location: str = Field(min_length=1)
    majors: StrList = Field(default=[], description="对口专业")
    level: str = Field(default="不限", description="学历要求")
    requirements: str = ""
    description: str = ""
    pay: str = ""
    pay_min: OptInt = Field(default=None, ge=0, description="元/月")
    pay_max: OptInt = Field(default=None, ge=0, description="元/月")
    insurance: str = ""
    positions: OptInt = Field(default=None, ge=1)
    start: OptDate = None
    end: OptDate = None
    deadline: OptDate = None
    published: OptDate = None
    contact: str = ""

    @model_validator(mode="after")
    def _check_ranges(self) -> Posting:
        if self.pay_min is not None and self.pay_max is not None and self.pay_min > self.pay_max:
            raise ValueError(f"pay_min {self.pay_min} is above pay_max {self.pay_max}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class FaqEntry(_Record):
    """A question the staff answer often, with its basis."""

    question: str = Field(min_length=1)
    answer: str = Field(min_length=1)
    category: str = ""
    source: str = Field(default="", description="依据: document and clause")


RECORD_MODELS: dict[RecordKind, type[_Record]] = {
    RecordKind.program: Program,
    RecordKind.posting: Posting,
    RecordKind.faq: FaqEntry,
}
