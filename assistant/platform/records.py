"""Platform record kinds beyond postings and programs (task 13 of the division's plan).

    TalentDemand     人才需求: an enterprise needs N people of a major / occupation, a level, a place, a year
    TechNeed         技术需求 / 项目研发: an enterprise's technology need or R&D project
    SchoolResource   技术服务与合作资源: what a school offers (实训基地, 专业团队, 技术成果, 培训项目)
    CoopProject      校企合作项目: a school-enterprise project (订单班, 现代学徒制, 共建基地, 产业学院)
    GraduateOutcome  毕业生状况: one program's graduates of one year and where they went

Each model validates one row like :mod:`assistant.records` (same list and date conventions,
``extra="forbid"``); :mod:`assistant.platform.loader` reports a bad row with file, line and field.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import Field, model_validator

from assistant.records import OptDate, OptInt, StrList, _Record


class PlatformKind(str, Enum):
    """What a platform record is; the value is the key in files and API bodies."""

    talent_demand = "talent_demand"
    tech_need = "tech_need"
    resource = "resource"
    cooperation = "cooperation"
    graduates = "graduates"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    PlatformKind.talent_demand: "人才需求",
    PlatformKind.tech_need: "技术需求",
    PlatformKind.resource: "技术服务与合作资源",
    PlatformKind.cooperation: "校企合作项目",
    PlatformKind.graduates: "毕业生状况",
}


class NeedForm(str, Enum):
    joint = "联合攻关"
    service = "技术服务"
    training = "培训"


class ResourceKind(str, Enum):
    base = "实训基地"
    team = "专业团队"
    result = "技术成果"
    training = "培训项目"


class CoopForm(str, Enum):
    order_class = "订单班"
    apprenticeship = "现代学徒制"
    base = "共建基地"
    college = "产业学院"


class CoopStatus(str, Enum):
    planned = "筹备中"
    running = "进行中"
    finished = "已结束"


class TalentDemand(_Record):
    """人才需求: headcount of a major (or occupation) an enterprise needs in a year."""

    enterprise: str = Field(min_length=1)
    majors: StrList = Field(default=[], description="专业")
    occupation: str = Field(default="", description="职业/工种")
    headcount: int = Field(ge=1, le=100000, description="需求人数")
    level: str = Field(default="不限", description="学历层次：中职 / 高职 / 职业本科 / 不限")
    location: str = Field(min_length=1)
    year: int = Field(ge=2000, le=2100)
    description: str = ""
    contact: str = ""
    published: OptDate = None

    @model_validator(mode="after")
    def _needs_major_or_occupation(self) -> TalentDemand:
        if not self.majors and not self.occupation:
            raise ValueError("give majors or occupation (专业或职业至少填一项)")
        return self


class TechNeed(_Record):
    """技术需求 / 项目研发: what an enterprise needs solved, and in what form."""

    enterprise: str = Field(min_length=1)
    title: str = Field(min_length=1)
    fields: StrList = Field(min_length=1, description="技术领域")
    majors: StrList = []
    needs: str = Field(min_length=1, description="需求内容")
    form: NeedForm
    location: str = ""
    budget: str = ""
    deadline: OptDate = None
    contact: str = ""
    published: OptDate = None


class SchoolResource(_Record):
    """技术服务与合作资源: a school's base, team, result or training it offers to enterprises."""

    provider: str = Field(min_length=1, description="提供学校")
    kind: ResourceKind
    title: str = Field(min_length=1)
    fields: StrList = Field(default=[], description="服务领域")
    majors: StrList = []
    capacity: OptInt = Field(default=None, ge=0, description="可服务人数/项目数（每年）")
    location: str = ""
    description: str = ""
    contact: str = ""
    published: OptDate = None


class CoopProject(_Record):
    """校企合作项目: who works together, how, on which majors, when."""

    school: str = Field(min_length=1)
    enterprises: StrList = Field(min_length=1)
    title: str = Field(min_length=1)
    form: CoopForm
    majors: StrList = []
    start_year: int = Field(ge=2000, le=2100)
    end_year: OptInt = Field(default=None, ge=2000, le=2100)
    status: CoopStatus = CoopStatus.running
    students: OptInt = Field(default=None, ge=0)
    location: str = ""
    description: str = ""
    published: OptDate = None

    @model_validator(mode="after")
    def _period(self) -> CoopProject:
        if self.end_year is not None and self.end_year < self.start_year:
            raise ValueError(f"end_year {self.end_year} is before start_year {self.start_year}")
        return self


class GraduateOutcome(_Record):
    """毕业生状况: one program's graduates of one year."""

    school: str = Field(min_length=1)
    program: str = Field(min_length=1, description="专业名称")
    level: str = Field(min_length=1)
    location: str = Field(min_length=1)
    year: int = Field(ge=2000, le=2100, description="毕业年份")
    graduates: int = Field(ge=0)
    employed: int = Field(ge=0)
    employed_in_region: int = Field(ge=0, description="在本地区就业人数")
    further_study: int = Field(default=0, ge=0, description="升学人数")
    enrolment: OptInt = Field(default=None, ge=0, description="当年招生人数")
    published: OptDate = None

    @property
    def employed_share(self) -> float | None:
        """The share of the year's graduates in work (None when none graduated)."""
        return self.employed / self.graduates if self.graduates else None

    @model_validator(mode="after")
    def _counts(self) -> GraduateOutcome:
        if self.employed + self.further_study > self.graduates:
            raise ValueError(
                f"employed {self.employed} + further_study {self.further_study} exceed graduates {self.graduates}"
            )
        if self.employed_in_region > self.employed:
            raise ValueError(f"employed_in_region {self.employed_in_region} exceeds employed {self.employed}")
        return self


PLATFORM_MODELS: dict[PlatformKind, type[_Record]] = {
    PlatformKind.talent_demand: TalentDemand,
    PlatformKind.tech_need: TechNeed,
    PlatformKind.resource: SchoolResource,
    PlatformKind.cooperation: CoopProject,
    PlatformKind.graduates: GraduateOutcome,
}

# The field naming the publishing organisation of each kind (an account may only publish its own).
OWNER_FIELD: dict[PlatformKind, str] = {
    PlatformKind.talent_demand: "enterprise",
    PlatformKind.tech_need: "enterprise",
    PlatformKind.resource: "provider",
    PlatformKind.cooperation: "school",
    PlatformKind.graduates: "school",
}


def record_text(record: _Record) -> str:
    """Every text value of a record, for free-text search."""
    parts: list[str] = []
    for value in record.model_dump(mode="json").values():
        if isinstance(value, list):
            parts.extend(str(v) for v in value)
        elif value is not None:
            parts.append(str(value))
    return " ".join(parts)


def record_majors(record: _Record) -> list[str]:
    """The majors a record is about (a graduate row's program counts as its major)."""
    if isinstance(record, GraduateOutcome):
        return [record.program]
    majors: Any = getattr(record, "majors", [])
    return list(majors)


def record_date(record: _Record) -> dt.date | None:
    published: dt.date | None = getattr(record, "published", None)
    return published
