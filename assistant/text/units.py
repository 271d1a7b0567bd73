"""Units of time in Chinese policy text and in questions about it.

``TIME_UNIT`` is the grammar of a length or period of time after a number (3个月, 十五日, 4小时);
:func:`asked_units` finds the unit a question asks a number of (几个小时, 多少天): the kind of value
asked, not what the question is about, so neither retrieval nor the evidence stage should look for it.
"""

from __future__ import annotations

import re

from assistant.text.numbers import NUMERAL

TIME_UNIT = r"(?:个?月|年|周|天|日|小时|学期|学年|个工作日)"
_ASKED_UNIT = re.compile(rf"(?:几|多少)\s*个?{TIME_UNIT}")


def asked_units(question: str) -> set[str]:
    """The units of time a question asks a number of ("实习一天能干几个小时" -> {"个小时", "小时"}): a
    clause sharing only these with the question ("每日工作不超过四小时") shares no topic with it."""
    units = set()
    for match in _ASKED_UNIT.finditer(question):
        unit = re.sub(r"^(?:几|多少)\s*", "", match.group(0))
        units |= {unit, unit.lstrip("个")}
    return units


def without_asked_units(question: str, tokens: list[str]) -> list[str]:
    """``tokens`` of ``question`` without the asked units (all of them when nothing else is left)."""
    skip = asked_units(question)
    kept = [t for t in tokens if t not in skip]
    return kept or tokens


# the units of one length of time, whatever the word: a question asking 几天 is answered by 三十日 or 15个工作日, not by
# 6个月 (a value of another unit is another rule's: "实习生一天最多干几个小时" led with a teacher's 6个月 in firms)
_FAMILY = {"小时": "hour", "天": "day", "日": "day", "工作日": "day", "周": "week", "月": "month", "年": "year"}
_FAMILY.update({"学年": "year", "学期": "term"})
_NUMBER_OF_UNITS = re.compile(rf"(?:{NUMERAL}|半)+\s*({TIME_UNIT})")  # 半年, 一年半


def _family(unit: str) -> str:
    unit = unit.lstrip("个")
    return _FAMILY.get(unit, _FAMILY.get(unit[-1:], unit))


def states_asked_unit(text: str, question: str) -> bool:
    """Whether ``text`` gives a number of the unit of time ``question`` asks (几个小时 -> 一小时, 4小时); True when
    the question asks none ("多长时间": any unit answers)."""
    asked = {_family(unit) for unit in asked_units(question)}
    return not asked or bool(asked & {_family(m.group(1)) for m in _NUMBER_OF_UNITS.finditer(text)})
