"""Which platform records a chat message asks for: the kind the understanding read, narrowed by the place,
the year and the major the message names (each dropped, and said, when nothing meets it); or the yearly
supply-and-demand report of a year and a region. The answer's wording is platform_listing.py's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.answer.platform_listing import MAX_LISTED, YEARLY_KINDS, by_outcome, platform_answer, report_answer
from assistant.answer.types import Answer
from assistant.places import places_in
from assistant.platform.records import KIND_LABELS, PlatformKind, record_majors, record_text
from assistant.platform.search import PlatformFilters, PlatformRecord
from assistant.records import ProgramLevel
from assistant.text.tokenize import nominal_words
from assistant.understand.majors import MajorMatcher
from assistant.understand.query import Query
from assistant.understand.reader import recruited_trades, sought_skills, studied_subjects
from assistant.understand.timewords import named_year
from assistant.understand.vocabulary import vocabulary

if TYPE_CHECKING:
    from assistant.platform.report import SupplyDemandReport


def records_answer(
    query: Query,
    base: Answer,
    kind: PlatformKind,
    search: Callable[[PlatformFilters, int], list[PlatformRecord]],
    majors: MajorMatcher,
) -> Answer:
    """The records of ``kind`` in the place, the year and the major the message names (:func:`narrowed`);
    graduate rows by their outcome within a year (:func:`by_outcome`: "哪个专业就业率高")."""
    records, dropped, kept = narrowed(query, kind, search, majors)
    if kind is PlatformKind.graduates:
        records = by_outcome(records)
    return platform_answer(base, kind, records, dropped, kept)


def narrowed(
    query: Query,
    kind: PlatformKind,
    search: Callable[[PlatformFilters, int], list[PlatformRecord]],
    majors: MajorMatcher,
    newest: bool = False,
) -> tuple[list[PlatformRecord], list[str], list[str]]:
    """The records of ``kind`` in the place, the year and the major the message names, newest first; a
    narrowing nothing meets is dropped (the place first, then the year: the same major elsewhere or in another
    year says more). Returns the records, the narrowings dropped and the ones kept (as said: 专业：护理).
    ``newest``: one record per organisation and title, its newest, whatever year the message names (which schools
    train a major, not its years: an employer's 明年夏天 is when they want interns)."""
    every = search(PlatformFilters(kind=[kind]), MAX_LISTED)  # newest first, narrowed here
    # the place the message names, else one the conversation named for the search it refines ("那昌吉的呢？"
    # after "我们厂想招几个学电工的实习生，去哪找": the student reading merged over the messages)
    named = places_in(query.message) or [p for name in query.student.locations[:1] for p in places_in(name)]
    # a year only for the kinds counted per year (人才需求, 毕业生状况): a project runs over years
    year = named_year(query.message, dt.date.today()) if kind in YEARLY_KINDS and not newest else None
    recorded = {m for r in every for m in record_majors(r.record)}  # the records' own majors
    major = next(iter(named_majors(query, recorded, majors)), None)
    # a trade asked who recruits ("有哪些企业在招电焊工"), what the students sought know ("想找个懂兽医的学生") or
    # study ("那有没有学畜牧的"), when it names no major: read in the records' words
    sought = [*recruited_trades(query.message), *sought_skills(query.message), *studied_subjects(query.message)]
    trade = next((t for t in sought if major is None), None)
    # the school level named (中职, 高职), else the one the conversation named: records stating a level (毕业生状况,
    # 人才需求; 不限 meets any)
    level = query.student.level or next(iter(vocabulary().find(vocabulary().levels, query.message)), None)
    level = level if level in _RECORD_LEVELS else None
    narrowing: dict[str, tuple[str | int, str] | None] = {
        "location": (named[0].name, f"地点：{named[0].name}") if named else None,
        "level": (level, f"层次：{level}") if level else None,
        "year": (year, f"年份：{year}年") if year else None,
        "major": (major, f"专业：{major}") if major else None,
        "trade": (trade, f"岗位：{trade}") if trade else None,
    }
    wanted = {key: value for key, value in narrowing.items() if value is not None}
    dropped: list[str] = []
    while True:
        own = ("trade", "level")  # narrowed here, not by the platform's filters
        filters = PlatformFilters(kind=[kind], **{key: value for key, (value, _) in wanted.items() if key not in own})
        records = [
            r
            for r in every
            if filters.matches(r)
            and ("trade" not in wanted or _of_trade(r, str(trade)))
            and ("level" not in wanted or _of_level(r, str(level)))
        ]
        if records or not wanted:
            break
        dropped.append(wanted.pop(next(iter(wanted)))[1])
    if newest:  # the first of each
        first: dict[tuple[str, str], PlatformRecord] = {}
        for record in records:
            first.setdefault((record.org, record.title), record)
        records = list(first.values())
    return records, dropped, [label for _, label in wanted.values()]


# the school levels records state (platform/records.py: 学历层次), the catalog's program levels
_RECORD_LEVELS = frozenset(level.value for level in ProgramLevel)


def _of_level(item: PlatformRecord, level: str) -> bool:
    """Whether a record is of the school ``level``: its level, or 不限 (any)."""
    stated = str(getattr(item.record, "level", "") or "")
    return stated in (level, "不限")


def _of_trade(item: PlatformRecord, trade: str) -> bool:
    """Whether a record is about ``trade``: its text says it, or it names a major or an occupation the trade's words
    hold (焊工 in 电焊工)."""
    rec = item.record
    named = [*record_majors(rec), str(getattr(rec, "occupation", "") or "")]
    return trade in record_text(rec) or any(len(n) >= 2 and n in trade for n in named)


def named_majors(query: Query, recorded: set[str], majors: MajorMatcher) -> list[str]:
    """The majors a platform message names: catalog majors and their everyday names (汽修), else a word of
    the message that a few of the ``recorded`` majors contain (汽车 in 新能源汽车技术; not 技术, which most
    majors' names share and which names none of them) and no kind's name holds."""
    named = majors.in_text(query.message)
    if named:
        return named
    words = dict.fromkeys([*query.topic, *nominal_words(query.message)])
    # a word of a kind's own name says which records, not whose (服务 of "技术服务需求", in 技术服务与合作资源)
    words = {w: None for w in words if not any(w in label for label in KIND_LABELS.values())}
    few = max(1, len(recorded) // 3)
    found = [w for w in words if len(w) >= 2 and 0 < sum(w in m for m in recorded) <= few]
    # none named now: the major the conversation named for the search this message refines ("那昌吉的呢？", "有高职
    # 的吗" after "我们厂想招几个学电工的实习生": read over the messages, the latest winning)
    return found or list(query.student.majors)


def yearly_report_answer(
    query: Query,
    base: Answer,
    report: Callable[[int, str], SupplyDemandReport],
    majors: MajorMatcher,
    search: Callable[[PlatformFilters, int], list[PlatformRecord]] | None = None,
) -> Answer:
    """The yearly supply-and-demand report of the year named (else this year; the year before when nothing
    is recorded yet), for the place named (else everywhere), with the rows of the majors the message names and
    (with ``search``) where that major's graduates went: "护理专业的毕业生都去哪了" reads as the job market, and
    the graduate rows answer it."""
    # the message's own place and year, else those of the question it follows up ("哪些岗位最缺人" after "今年师里的
    # 人才供需报告在哪看" asks of the division, not of everywhere)
    named = places_in(query.message) or places_in(query.standalone)
    region = named[0].name if named else ""
    today = dt.date.today()
    year = named_year(query.message, today) or named_year(query.standalone, today) or today.year
    found = report(year, region)
    asked_year = None
    if not found.has_data:
        earlier = report(year - 1, region)
        if earlier.has_data:
            found, asked_year = earlier, year
    asked = named_majors(query, {row.major for row in found.majors}, majors)
    outcomes: list[PlatformRecord] = []
    if asked and search is not None:
        rows, _, kept = narrowed(query, PlatformKind.graduates, search, majors, newest=True)
        outcomes = by_outcome(rows) if any(label.startswith("专业：") for label in kept) else []
    return report_answer(base, found, asked_year, asked, outcomes)
