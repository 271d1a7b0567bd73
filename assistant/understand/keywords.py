"""Chinese keyword extraction for enterprise profiles: types, activities and place from free text.

Hand-written because no library knows these policy terms; the lists are small and explicit.
"""

from __future__ import annotations

import re
from enum import Enum


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


_TYPE_PATTERNS: list[tuple[EnterpriseType, re.Pattern[str]]] = [
    (EnterpriseType.pilot, re.compile(r"试点企业|产教融合试点|建设试点")),
    (EnterpriseType.integration, re.compile(r"产教融合型企业|产教融合型")),
    (EnterpriseType.state_owned, re.compile(r"国有企业|国企|国有独资|国有控股|国有资本")),
    (EnterpriseType.sme, re.compile(r"中小微|小微企业|中小企业|小企业|个体")),
]

_ACTIVITY_PATTERNS: list[tuple[Activity, re.Pattern[str]]] = [
    (Activity.invest, re.compile(r"举办职业教育|投资.{0,6}(职业教育|职校|办学)|(职业教育|办学).{0,4}投资|办学|办职校")),
    (Activity.new_apprenticeship, re.compile(r"新型学徒")),
    (Activity.modern_apprenticeship, re.compile(r"现代学徒|(?<!新型)学徒制|招.{0,2}学徒|带徒|学徒培养")),
    (Activity.internships, re.compile(r"实习|接收学生|顶岗|实训生")),
    (Activity.training_base, re.compile(r"实训基地|共建基地|实训中心|培养基地")),
    (Activity.staff_training, re.compile(r"职工培训|员工培训|在岗培训|职工教育|培训职工|培训员工|技能提升")),
    (Activity.research, re.compile(r"研发|协同创新|成果转化|技术攻关|联合攻关")),
]

_BENEFIT_INTENT = re.compile(
    r"补贴|补助|优惠|享受|减免|抵扣|抵免|免征|奖励|扶持|支持政策|政策支持|哪些政策|什么政策|政策|资金|融资|贷款|"
    r"义务|责任|要求|需要做|应当|保险|报酬"
)
_ENTERPRISE_SUBJECT = re.compile(r"企业|公司|我们|我司|本单位|单位|工厂|厂|集团|合作社|门店|店")
_STUDENT_ASKING = re.compile(r"我是.{0,6}(学生|毕业生)|我想(找|去|应聘|报名|申请)|求职|找工作|应聘|报名条件")
_PLACE = re.compile(
    r"十二师[^\s，。,；;、]{0,8}?(?:团|农场|城区)|十二师|西郊城区|[一二三四五六七八九十\d]{2,4}团|"
    r"三坪农场|五一农场|头屯河农场|乌鲁木齐市?[^\s，。,；;、]{0,4}?区|乌鲁木齐|昌吉市?|[\u4e00-\u9fff]{2,3}市"
)


def extract_types(text: str) -> list[EnterpriseType]:
    """Enterprise types named in ``text``, in a fixed order."""
    return [kind for kind, pattern in _TYPE_PATTERNS if pattern.search(text)]


def extract_activities(text: str) -> list[Activity]:
    """Activities named in ``text``, in a fixed order."""
    return [activity for activity, pattern in _ACTIVITY_PATTERNS if pattern.search(text)]


def extract_location(text: str) -> str:
    """The first place named in ``text`` ('' when none)."""
    found = _PLACE.search(text)
    return found.group(0) if found else ""


def asks_about_benefits(text: str) -> bool:
    """Whether ``text`` is an enterprise asking what it gets or owes (not a student or a clause lookup)."""
    if not _BENEFIT_INTENT.search(text) or _STUDENT_ASKING.search(text):
        return False
    return bool(_ENTERPRISE_SUBJECT.search(text) or extract_types(text) or extract_activities(text))
