"""Units of time in Chinese policy text and in questions about it.

``TIME_UNIT`` is the grammar of a length or period of time after a number (3个月, 十五日, 4小时);
:func:`asked_units` finds the unit a question asks a number of (几个小时, 多少天): the kind of value
asked, not what the question is about, so neither retrieval nor the evidence stage should look for it.
"""

from __future__ import annotations

import re

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
