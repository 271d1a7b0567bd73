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
from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from assistant.errors import QueryError, field_errors
from assistant.records import StrList
from assistant.understand.reader import EnterpriseReading, read_enterprise, read_places
from assistant.understand.timewords import time_window


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
STUDENT_LEVELS = ("初中", "中职", "技工", "高职", "职业本科", "本科")  # 初中: a pupil choosing a 中职 or 技工 school
_LIST_SEP = re.compile(r"[、，,;；|]")


def _split(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in _LIST_SEP.split(value) if part.strip()]
    return value


TypeList = Annotated[list[EnterpriseType], BeforeValidator(_split)]
ActivityList = Annotated[list[Activity], BeforeValidator(_split)]


class StudentProfile(BaseModel):
    """What a student brings and wants, in the student's own words where that helps.

    ``available_from`` / ``available_to`` take a date or words (明年春天, 下学期, 寒假, 元旦以后);
    ``time`` is one window in words (2027年3月到8月) filling both; a place with 附近 also means its
    neighbours (gazetteer). Words are read by the same reader as the chat; ``today`` comes from the
    validation context (``{"today": date}``), else the clock. Majors stay as written: the
    recommender resolves everyday names (汽修) against the catalog it searches.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    majors: StrList = Field(default=[], description="所学或想学的专业, e.g. 汽车运用与维修、汽修")
    interests: StrList = Field(default=[], description="兴趣关键词, e.g. 新能源、机器人")
    level: str | None = Field(None, description="初中 / 中职 / 技工 / 高职 / 职业本科 / 本科")
    locations: StrList = Field(default=[], description="愿意去的地点, e.g. 乌鲁木齐附近、昌吉")
    available_from: dt.date | None = Field(None, description="可开始参加的时间, e.g. 2027-03-01、下学期、寒假")
    available_to: dt.date | None = Field(None, description="最晚可参加到, e.g. 2027-08-31、明年暑假")
    time: str = Field("", max_length=100, description="可参加时间（一句话）, e.g. 明年春天、2027年3月到8月")
    wants_apprenticeship: bool | None = Field(None, description="true / false / null (无所谓)")
    kinds: StrList = Field(default=[], description="实习 / 全职 / 学徒 / 培训 / 专业; empty = all")
    min_pay: int | None = Field(None, ge=0, description="期望的最低月收入（元），可不填")

    @field_validator("available_from", "available_to", mode="before")
    @classmethod
    def _read_date(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str) or not value.strip() or _ISO_DATE.match(value.strip()):
            return value or None
        window = time_window(value, _today(info))
        if window is None:
            raise ValueError(f"看不懂“{value}”，请写日期（2027-03-01）或说法（明年春天、下学期、寒假）")
        start, end = window
        return start if info.field_name == "available_from" else end or start

    @field_validator("locations", mode="after")
    @classmethod
    def _read_nearby(cls, value: list[str]) -> list[str]:
        out: list[str] = []
        for place in value:
            named = read_places(place) or [place]
            out += [name for name in named if name not in out]
        return out

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> StudentProfile:
        if self.time:
            window = time_window(self.time, _today(info))
            if window is None:
                raise ValueError(f"可参加时间：看不懂“{self.time}”，可写 明年春天、下学期、2027年3月到8月")
            self.available_from = self.available_from or window[0]
            self.available_to = self.available_to or window[1]
        if not self.majors and not self.interests:
            raise ValueError("请至少填写专业或兴趣（majors 或 interests）")
        if self.level is not None and self.level not in STUDENT_LEVELS:
            raise ValueError(f"层次只能是 {'/'.join(STUDENT_LEVELS)}，收到“{self.level}”")
        bad = [k for k in self.kinds if k not in OPPORTUNITY_KINDS]
        if bad:
            raise ValueError(f"机会类型只能是 {'/'.join(OPPORTUNITY_KINDS)}，收到“{'、'.join(bad)}”")
        if self.available_from and self.available_to and self.available_from > self.available_to:
            raise ValueError(f"可开始时间 {self.available_from} 晚于最晚时间 {self.available_to}")
        return self


_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _today(info: ValidationInfo) -> dt.date:
    context = info.context if isinstance(info.context, dict) else {}
    today = context.get("today")
    return today if isinstance(today, dt.date) else dt.date.today()


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
        """The text's words fill types, activities and place. A text naming none of them is kept for
        the dense reader (``Understander.read_enterprise``, run by the matcher's caller), which says
        :data:`NOTHING_TO_MATCH` when it finds none either."""
        if self.text:
            self.add(read_enterprise(self.text))
        elif not self.types and not self.activities:
            raise ValueError(NOTHING_TO_MATCH)
        return self

    def add(self, reading: EnterpriseReading) -> None:
        """What a reading of the text found, after what the fields already say."""
        self.types = _merge(self.types, [EnterpriseType(t) for t in reading.types])
        self.activities = _merge(self.activities, [Activity(a) for a in reading.activities])
        self.location = self.location or reading.location

    @property
    def says_anything(self) -> bool:
        return bool(self.types or self.activities)


NOTHING_TO_MATCH = (
    "请至少填写企业类型或合作事项（types 或 activities），或在 text 中写明，"
    "例如 activities: [现代学徒制, 接收学生实习实训]"
)


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


# the profile fields as the forms name them: errors say which box is wrong, in Chinese
FIELD_LABELS = {
    "majors": "专业",
    "interests": "兴趣",
    "level": "层次",
    "locations": "地点",
    "available_from": "可开始日期",
    "available_to": "可到日期",
    "time": "可参加时间",
    "wants_apprenticeship": "学徒制",
    "kinds": "机会类型",
    "min_pay": "期望收入",
    "types": "企业类型",
    "type": "企业类型",
    "activities": "合作事项",
    "location": "所在地",
    "text": "企业情况",
    "name": "企业名称",
}
_PROBLEMS = {
    "extra_forbidden": "不认识的字段",
    "enum": "不是可选的值",
    "bool_parsing": "请填 是 / 否",
    "bool_type": "请填 是 / 否",
    "date_from_datetime_parsing": "不是日期",
    "date_parsing": "不是日期",
    "string_too_long": "太长",
    "list_type": "应是一个列表",
    "string_type": "应是文字",
}


def profile_error(exc: ValidationError) -> str:
    """``字段：问题`` for each error of a profile, in Chinese, joined (the field named as the form names it)."""
    parts = []
    for err, (path, _) in zip(exc.errors(), field_errors(exc, whole=""), strict=True):
        field = FIELD_LABELS.get(path.split(".")[0], path)
        problem = str(err["msg"]).removeprefix("Value error, ")
        problem = _PROBLEMS.get(str(err["type"]), problem)
        value = err.get("input")
        if err["type"] in _PROBLEMS and isinstance(value, str | int | float):
            problem = f"{problem}（收到“{value}”）"
        parts.append(f"{field}：{problem}" if field else problem)
    return "；".join(parts)
