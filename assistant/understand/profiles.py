"""Who is asking: a student looking for an opportunity, an enterprise looking for its benefits.

Both are pydantic models that reject unknown fields and name the bad field; list fields
accept a list or a ``、``/``，``-separated string, as record files do. Profiles are read from
YAML or JSON files with :func:`load_profile` (CLI) or straight from a request body (API).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import QueryError, validation_message
from assistant.records import StrList
from assistant.understand.reader import read_enterprise


class EnterpriseType(str, Enum):
    pilot = "产教融合试点企业"
    integration = "产教融合型企业"
    state_owned = "国有企业"
    sme = "中小微企业"


class Activity(str, Enum):
    invest = "举办职业教育投资"
    modern_apprenticeship = "现代学徒制"
    new_apprenticeship = "企业新型学徒制"
    internships = "接收学生实习实训"
    training_base = "共建实训基地"
    staff_training = "职工培训"
    research = "研发合作"


OPPORTUNITY_KINDS = ("实习", "全职", "学徒", "培训", "专业")
STUDENT_LEVELS = ("中职", "技工", "高职", "职业本科", "本科")
_LIST_SEP = re.compile(r"[、，,;；|]")


def _split(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in _LIST_SEP.split(value) if part.strip()]
    return value


TypeList = Annotated[list[EnterpriseType], BeforeValidator(_split)]
ActivityList = Annotated[list[Activity], BeforeValidator(_split)]


class StudentProfile(BaseModel):
    """What a student brings and wants."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    majors: StrList = Field(default=[], description="所学或想学的专业, e.g. 汽车运用与维修")
    interests: StrList = Field(default=[], description="兴趣关键词, e.g. 新能源、机器人")
    level: str | None = Field(None, description="中职 / 技工 / 高职 / 职业本科")
    locations: StrList = Field(default=[], description="愿意去的地点 (substring), e.g. 乌鲁木齐、昌吉")
    available_from: dt.date | None = None
    available_to: dt.date | None = None
    wants_apprenticeship: bool | None = Field(None, description="true / false / null (无所谓)")
    kinds: StrList = Field(default=[], description="实习 / 全职 / 学徒 / 培训 / 专业; empty = all")

    @model_validator(mode="after")
    def _check(self) -> StudentProfile:
        if not self.majors and not self.interests:
            raise ValueError("give at least one of majors or interests")
        if self.level is not None and self.level not in STUDENT_LEVELS:
            raise ValueError(f"level must be one of {'/'.join(STUDENT_LEVELS)}, got {self.level!r}")
        bad = [k for k in self.kinds if k not in OPPORTUNITY_KINDS]
        if bad:
            raise ValueError(f"kinds must be among {'/'.join(OPPORTUNITY_KINDS)}, got {bad}")
        if self.available_from and self.available_to and self.available_from > self.available_to:
            raise ValueError(f"available_from {self.available_from} is after available_to {self.available_to}")
        return self


class EnterpriseProfile(BaseModel):
    """An enterprise: its types, place and activities; free text is read for more of them."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    name: str = ""
    types: TypeList = Field(
        default=[], validation_alias=AliasChoices("types", "type"), description="产教融合试点企业 / 产教融合型企业 ..."
    )
    location: str = Field("", description="e.g. 十二师西郊城区, 乌鲁木齐市米东区")
    activities: ActivityList = Field(default=[], description="举办职业教育投资 / 现代学徒制 / 接收学生实习实训 ...")
    text: str = Field("", max_length=2000, description="free text, e.g. 我们是一家汽修企业，准备和职校搞学徒制")

    @model_validator(mode="after")
    def _read_text(self) -> EnterpriseProfile:
        if self.text:
            found = read_enterprise(self.text)
            self.types = _merge(self.types, [EnterpriseType(t) for t in found.types])
            self.activities = _merge(self.activities, [Activity(a) for a in found.activities])
            self.location = self.location or found.location
        if not self.types and not self.activities:
            raise ValueError(
                "give types or activities (or text naming them), e.g. activities: [现代学徒制, 接收学生实习实训]"
            )
        return self


T = TypeVar("T")


def _merge(given: list[T], found: list[T]) -> list[T]:
    return given + [item for item in found if item not in given]


P = TypeVar("P", StudentProfile, EnterpriseProfile)


def load_profile(path: Path, model: type[P]) -> P:
    """Read a YAML or JSON profile file; errors name the file and the field."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read profile: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise QueryError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}: {exc}") from exc
    if not isinstance(data, dict):
        raise QueryError(f"{path}: a profile is a mapping of fields, got {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise QueryError(f"{path}: {profile_error(exc)}") from exc


def profile_error(exc: ValidationError) -> str:
    """``field: problem`` for each error of a profile, joined."""
    return validation_message(exc, whole="(profile)")
