"""The core's request models as the API takes them: JSON types are strict, the rules are in the schema.

The core models read record files, CSV cells and CLI pairs, so they coerce: ``"interests": "AAA"``
becomes a list, ``0`` a boolean, ``"10"`` a number. A JSON client gets what the OpenAPI schema says
instead: a boolean is ``true``/``false``, a number is a JSON number, a list is a JSON array, a kind
or level one of its listed values (an enum in the schema). Rules over several fields ("majors or
interests", "types or activities") are an ``anyOf`` in the schema and a Chinese problem when broken.
Every other field and rule is the core model's own (these are subclasses).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from assistant.filters import SearchFilters
from assistant.opportunities.search import OpportunityFilters
from assistant.platform.search import PlatformFilters
from assistant.understand.profiles import (
    OPPORTUNITY_KINDS,
    STUDENT_LEVELS,
    Activity,
    EnterpriseProfile,
    EnterpriseType,
    StudentProfile,
)

MAX_LIST_ITEMS = 20
# C0 control characters but tab and line breaks (what XML, so XLSX, cannot hold), and DEL
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NO_CONTROL_CHARS = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    """A date is ``YYYY-MM-DD`` text (pydantic alone also reads ``0`` or ``"0"`` as 1970-01-01)."""
    if value is None or isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError(f"应为日期（YYYY-MM-DD），收到 {value!r}")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
# read by the core from a date or words; the schema says text (a JSON client sends a string or null)
DateOrWords = Annotated[
    dt.date | None, WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 100}, {"type": "null"}]})
]
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Words = Annotated[list[Word], Field(max_length=MAX_LIST_ITEMS)]
OpportunityKind = Literal[OPPORTUNITY_KINDS]  # type: ignore[valid-type]


def _one_of_nonempty(*fields: tuple[str, str]) -> dict[str, Any]:
    """JSON schema: at least one of ``fields`` is given and not empty (``(name, "array" | "string")``)."""
    size = {"array": "minItems", "string": "minLength"}
    return {
        "anyOf": [{"required": [name], "properties": {name: {size[kind]: 1}}} for name, kind in fields],
    }


def refuse_control_chars(value: Any, path: str) -> None:
    """Raise naming the first string under ``value`` with a control character (a record would
    carry it into every export, and an XLSX cannot hold it)."""
    found = _CONTROL.search(value) if isinstance(value, str) else None
    if found:
        raise ValueError(f"{path}：含有控制字符 {found.group()!r}，请删去")
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        refuse_control_chars(item, f"{path}.{key}")


def _ranges_in_order(model: Any, pairs: tuple[tuple[str, str], ...]) -> None:
    for low, high in pairs:
        a, b = getattr(model, low), getattr(model, high)
        if a is not None and b is not None and a > b:
            raise ValueError(f"{low}（{a}）不能大于 {high}（{b}）")


class StrictSearchFilters(SearchFilters):
    in_force_only: StrictBool = False
    year_from: StrictInt | None = Field(None, ge=1949, le=2100)
    year_to: StrictInt | None = Field(None, ge=1949, le=2100)

    @model_validator(mode="after")
    def _check_years(self) -> StrictSearchFilters:
        _ranges_in_order(self, (("year_from", "year_to"),))
        return self


class StrictOpportunityFilters(OpportunityFilters):
    kind: list[OpportunityKind] = Field(
        default=[], max_length=len(OPPORTUNITY_KINDS), description="专业 = programs; empty = all"
    )
    apprenticeship: StrictBool | None = None
    pay_min: StrictInt | None = Field(None, ge=0, description="元/月: the posting's pay must reach this")
    pay_max: StrictInt | None = Field(None, ge=0, description="元/月: the posting's pay must start at or below this")
    start_from: IsoDate | None = None
    start_to: IsoDate | None = None
    deadline_from: IsoDate | None = Field(None, description="deadline on or after")
    deadline_to: IsoDate | None = Field(None, description="deadline on or before")

    @model_validator(mode="after")
    def _check(self) -> StrictOpportunityFilters:
        pairs = (("pay_min", "pay_max"), ("start_from", "start_to"), ("deadline_from", "deadline_to"))
        _ranges_in_order(self, pairs)
        return self


class StrictPlatformFilters(PlatformFilters):
    year: StrictInt | None = Field(None, ge=2000, le=2100)


class StrictStudentProfile(StudentProfile):
    """A student's profile; at least one major or interest."""

    model_config = ConfigDict(json_schema_extra=_one_of_nonempty(("majors", "array"), ("interests", "array")))

    majors: Words = Field(default=[], description="所学或想学的专业, e.g. 汽车运用与维修、汽修")
    interests: Words = Field(default=[], description="兴趣关键词, e.g. 新能源、机器人")
    # the core's rule checks the level (its 422 names the profile); the schema lists the values
    level: str | None = Field(None, description="层次", json_schema_extra={"enum": [*STUDENT_LEVELS, None]})
    locations: Words = Field(default=[], description="愿意去的地点, e.g. 乌鲁木齐附近、昌吉")
    wants_apprenticeship: StrictBool | None = Field(None, description="true / false / null (无所谓)")
    kinds: list[OpportunityKind] = Field(default=[], max_length=len(OPPORTUNITY_KINDS), description="empty = all")
    min_pay: StrictInt | None = Field(None, ge=0, description="期望的最低月收入（元），可不填")
    available_from: DateOrWords = Field(None, description="可开始参加的时间, e.g. 2027-03-01、下学期、寒假")
    available_to: DateOrWords = Field(None, description="最晚可参加到, e.g. 2027-08-31、明年暑假")

    @field_validator("available_from", "available_to", mode="before")
    @classmethod
    def _date_or_words(cls, value: Any) -> Any:
        if isinstance(value, str) and len(value) > 100:
            raise ValueError(f"最多 100 个字符，收到 {len(value)} 个")
        if value is None or isinstance(value, str):
            return value  # a date or words (明年春天): the core reads them
        raise ValueError(f"应为日期（YYYY-MM-DD）或说法（下学期、明年春天），收到 {value!r}")


class StrictEnterpriseProfile(EnterpriseProfile):
    """An enterprise; its types or activities, or a text naming them."""

    model_config = ConfigDict(
        json_schema_extra=_one_of_nonempty(("types", "array"), ("activities", "array"), ("text", "string"))
    )

    types: list[EnterpriseType] = Field(default=[], max_length=len(EnterpriseType), description="企业类型")
    activities: list[Activity] = Field(default=[], max_length=len(Activity), description="合作事项")

    @model_validator(mode="after")
    def _read_text(self) -> StrictEnterpriseProfile:
        """The core's rule under its name, so it runs once (its problem is in Chinese)."""
        EnterpriseProfile._read_text(self)  # type: ignore[operator]  # after class creation a plain function
        return self
