"""A follow-up about one item of a listing the chat just gave ("第一个怎么联系？", "最后那个啥时候截止？"), or
about all of them ("学费多少", "怎么联系": :func:`last_listing`).

The chat's opportunity answers list one item per line, in the form ``opportunity_listing._line``
writes (【实习】title — enterprise（place），…). A short message naming a position in that list
(第一个, 第2条, 最后一个: the numeral read by ``cn2an``) means that item, not a new question: it was
taken as small talk and answered with what the assistant can do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.types import Turn

# a follow-up is short; a longer message naming 第一个 is a question of its own (第一个问题是…)
MAX_FOLLOW_UP_CHARS = 30
_POSITION = re.compile(
    r"第\s*(?P<n>[一二三四五六七八九十两\d]{1,3})\s*(?:个|条|项|家|所|行|种)|(?P<last>最后(?:一个|那个|一条|那条))"
)
ITEM_LEAD = "上面列出的第{n}个："  # the lead of an answer about one listed item (not a listing to point into)
PAST_END = "上面只列出了{count}个机会，没有第{n}个。"
ALL_LISTED_LEAD = "上面列出的{count}个机会的{field}如下："  # a follow-up asking what all of them state
DATES = "dates"  # when the listed items run (a follow-up asking 什么时候开始 or 多久)
FIELD_LABELS = {
    "money": "待遇或费用",
    "contact": "联系方式",
    "certificates": "可获证书",
    "requirements": "要求",
    DATES: "时间",
}
_OWN = (ITEM_LEAD.split("{")[0], PAST_END.split("{")[0])  # this module's answers: passed over, not counted
_LOOK_BACK = 3  # other assistant turns searched for the listing
# a listed line as the listing writes it: 【kind】title — who（place）…; a graduate row's title ends in its level
# (【毕业生状况】护理（高职）— 昌吉职业技术学院：…, platform_listing.py)
_LISTED = re.compile(r"^【(?P<kind>[^】]+)】(?P<title>.+?)(?: —|(?<=）)—) (?P<rest>.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Listed:
    """One line of the listing the message points at."""

    n: int  # its position, from 1
    count: int  # how many were listed
    kind: str = ""
    title: str = ""
    rest: str = ""  # who, where and the rest of the line

    @property
    def found(self) -> bool:
        return bool(self.title)


def pointed_at(message: str, history: list[Turn]) -> Listed | None:
    """The listed item a short follow-up points at by its position; ``Listed`` without a title when
    the position is past the end of the list; None when the message points at no listing."""
    if len(message) > MAX_FOLLOW_UP_CHARS:
        return None
    position = _POSITION.search(message)
    answers = [t.content for t in reversed(history) if t.role == "assistant" and not t.content.startswith(_OWN)]
    listings = (list(_LISTED.finditer(a)) for a in answers[:_LOOK_BACK])
    lines = next((found for found in listings if found), [])
    if position is None or not lines:
        return None
    n = len(lines) if position.group("last") else _number(position.group("n"))
    if not 1 <= n <= len(lines):
        return Listed(n, len(lines))
    line = lines[n - 1]
    return Listed(n, len(lines), line.group("kind"), line.group("title").strip(), line.group("rest"))


def last_listing(history: list[Turn]) -> list[Listed]:
    """Every line of the listing the chat gave last (within ``_LOOK_BACK`` answers), in order; [] when none."""
    answers = [t.content for t in reversed(history) if t.role == "assistant" and not t.content.startswith(_OWN)]
    for answer in answers[:_LOOK_BACK]:
        lines = list(_LISTED.finditer(answer))
        if lines:
            return [
                Listed(n, len(lines), m.group("kind"), m.group("title").strip(), m.group("rest"))
                for n, m in enumerate(lines, start=1)
            ]
    return []


def _number(text: str) -> int:
    import cn2an

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return 0
