"""Time windows from natural language: 明年春天, 寒假, 2027年3月到8月, 下学期 -> (from, to).

``jionlp`` finds and parses the time expressions; written here is only what a student's window
needs on top of it: a window already past rolls forward a year (a student looks ahead), school
terms jionlp does not know come from the vocabulary (in the year said: 明年寒假 is January 2027, not
the whole year jionlp reads), "3月到8月" extends to the second month, a time from now opens a window
then (一年后有空: jionlp reads the whole next year), a time before which runs from today to it
(春节以前, 3月前), a time ago (一年前毕业) is no window, nor a day of the week (周末: a schedule), and one
day said opens a window (明天就能去). A bare year gives way to a later time (我今年高职二年级，…暑假…); a year
opening a school stage is the asker's status (今年中考没考好), one ending in graduation opens a window
(明年高职毕业, 三月份毕业).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import re
import time
from collections.abc import Iterator
from typing import Any

from assistant.places import gazetteer, jionlp
from assistant.text.tokenize import tagged_words, words_at
from assistant.understand.vocabulary import vocabulary

Window = tuple[dt.date, dt.date | None]
_MONTH_RANGE_END = re.compile(r"^\s*(?:份)?\s*(?:到|至|-|—|~|～)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
# "3月以后", "明年3月毕业": free from then on (one graduating is free after it, not for that month only)
_OPEN_END = re.compile(r"^\s*(?:份)?\s*(?:以后|之后|起|开始|后|(?:就|要)?毕业)")
_OPEN_END_WORD = re.compile(r"(?:以后|之后|起|开始|后)\s*$")
_BARE_MONTH = re.compile(r"(?<![\d年])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?")
_THIS_YEAR = re.compile(r"今年|本年")
# what makes 初三 a day, not a school year: 正月初三, 大年初三, 农历…初三 (a month said before it)
_LUNAR = re.compile(r"月|大年|农历")
_RANGE_START = re.compile(_BARE_MONTH.pattern + r"\s*(?:到|至|-|－|—|～)")  # a bare month opening a range
# a day of the week or a time of day (周末, 星期天下午, 晚上) says when in a week or a day one is free, or when a
# class meets ("周末上课的那种"): a schedule, not a window (jionlp reads 周末 as the coming Sunday alone, and
# every posting then started weeks after the student's "window"). 下周一 is a date: not this.
_PART_OF_DAY = r"(?:早上|上午|中午|下午|晚上|夜里|白天|傍晚)"
_IN_THE_WEEK = re.compile(rf"^(?:(?:这|本|每)?个?(?:周|星期|礼拜)[一二三四五六日天末]{_PART_OF_DAY}?|{_PART_OF_DAY})$")


@functools.lru_cache(maxsize=1024)
def time_window(text: str, today: dt.date) -> Window | None:
    """The window a message names, or None. ``to`` is None for an open end (3月以后).
    Cached: jionlp takes tens of milliseconds, and forms send the same few words again and again."""
    text = _AGO_PHRASE.sub("", _spoken_as_read(text))  # 一年前毕业了: a time ago is no window
    return (
        _from_around(text, today)
        or _from_offset(text, today)
        or _from_before(text, today)
        or _from_jionlp(text, today)
        or _from_school_terms(text, today)
        or _from_relative_month(text, today)
        or _from_bare_month(text, today)
    )


def _spoken_as_read(text: str) -> str:
    """``text`` with its spoken time words (vocabulary ``time_words``: 年后, 过完年) as the words jionlp
    reads, where they are whole words (jieba): the 年后 of "一年后" / "半年后" is not 春节以后."""
    for spoken, read in sorted(vocabulary().time_words.items(), key=lambda pair: -len(pair[0])):
        if spoken not in text:
            continue
        starts, ends = _word_bounds(text)
        pieces, last = [], 0
        for found in re.finditer(re.escape(spoken), text):
            if found.start() in starts and found.end() in ends:
                pieces += [text[last : found.start()], read]
                last = found.end()
        text = "".join([*pieces, text[last:]])
    return text


def _word_bounds(text: str) -> tuple[set[int], set[int]]:
    """Where jieba's words of ``text`` start and end."""
    words = words_at(text)
    return set(words), {at + len(word) for at, word in words.items()}


def named_year(text: str, today: dt.date) -> int | None:
    """The calendar year a message's first time expression lies in (今年, 去年, 2025年, 明年春天), as
    said: not rolled forward (a question about records asks of the past too); None when there is none
    or it spans years."""
    for start, end, _ in _spans(text, today):
        if end is not None:
            return start.year if start.year == end.year else None
    return None


def _from_jionlp(text: str, today: dt.date) -> Window | None:
    for start, end, rest in _spans(text, today):
        said = text[: len(text) - len(rest)]
        if end is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            term = _school_term(rest, start.year, today)  # "明年寒假": jionlp reads the year, not the term
            if term is not None:
                return term
            later = _later_time(rest, today)
            if later is not None:
                return later
            level = _opening_level(rest)
            if level and (level.endswith("毕业") or _OPEN_END.match(rest.lstrip()[len(level) :])):
                return max(start, today), None  # "明年高职毕业", "今年初中毕业": free from then on, like 明年毕业
            if level:
                continue  # "孩子今年中考没考好", "我今年初三": the year of a school stage, the asker's status
        opening = _RANGE_START.search(said)
        relative = _RELATIVE_RANGE_START.search(said)
        # "12月到明年2月", "下个月到明年3月": jionlp reads the second month alone
        first = _month_from(opening.group(1), today) if opening else None
        if relative is not None and first is None:
            first = _relative_month(relative, today)[0]
        if end is not None and first is not None and first <= end:
            return max(first, today), end
        if end is not None and end <= today and _OPEN_END_WORD.search(said):
            if _THIS_YEAR.search(said):
                return today, None  # "今年3月以后" in December: since then, so from now on
            ahead = _coming(_OPEN_END_WORD.sub("", said), today)
            if ahead is not None:
                return ahead, None
        window = _extend(start, end, rest)
        if window[1] == window[0]:
            # one day said (明天就能去, 12月20日有空): free from then, not for that day only (for as long as said)
            window = (start, _lasting_end(start, rest))
        if window[1] is None and start.year == today.year and _THIS_YEAR.search(said):
            return max(start, today), None  # "今年以后": the year is said, an open window from it is not next year's
        if start < today == end:  # "最近一个月有空": jionlp reads the month gone by; one free looks ahead
            return today, today + (end - start)
        return _ahead(window, today)
    return None


def _opening_level(rest: str) -> str:
    """The school stage ``rest`` opens with (vocabulary levels: 中考, 初三, 高职, 大专 ...), the longest; ''."""
    rest = rest.lstrip()
    return max((w for words in vocabulary().levels.values() for w in words if rest.startswith(w)), key=len, default="")


def _later_time(rest: str, today: dt.date) -> Window | None:
    """A time said after a bare year (今年, 明年) that narrows it: "我今年高职二年级，…暑假能去哪实习" says who
    the student is with 今年 and when they are free with 暑假 (jionlp reads them apart; the year alone gave
    the rest of December). None when nothing later is said: the year is then the window."""
    return (
        _from_jionlp(rest, today)
        or _from_school_terms(rest, today)
        or _from_relative_month(rest, today)
        or _from_bare_month(rest, today)
    )


def _month_from(numeral: str, today: dt.date) -> dt.date | None:
    """The first day of the month named by ``numeral`` that has not passed (12 in December: this one)."""
    from assistant.text.numbers import cn_to_int

    month = cn_to_int(numeral)
    if not 1 <= month <= 12:
        return None
    first = dt.date(today.year, month, 1)
    return first if _month_end(today.year, month) >= today else first.replace(year=today.year + 1)


def _coming(day: str, today: dt.date) -> dt.date | None:
    """The next ``day`` (元旦, 春节, 五一) when the one jionlp reads is over: "元旦以后" in December is
    read by jionlp as the past span from 1 January to today, but a student's window looks ahead.
    None when the day has not passed (12月 in December: from today on)."""
    for _, end, _ in _spans(day, today):
        if end is None or end >= today:
            return None
        later = dt.date(today.year + 1, today.month, min(today.day, 28))  # the same words a year on
        for coming, _, _ in _spans(day, later):
            return coming if coming >= today else None
    return None


def _extracted(text: str, base: dt.date) -> list[dict[str, Any]]:
    """jionlp's time expressions of ``text`` read from ``base`` (parsed); none when jionlp cannot read it."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            found = jionlp().ner.extract_time(text, time_base=time.mktime(base.timetuple()), with_parsing=True)
    except Exception:  # noqa: BLE001 - jionlp raises plain Exceptions on odd strings; no expression then
        return []
    return list(found)


def _spans(text: str, today: dt.date) -> Iterator[tuple[dt.date, dt.date | None, str]]:
    """jionlp's time expressions as (start, end or None for an open end, the text after it), in order."""
    found = _extracted(text, today)
    grades = _grade_spans(text)
    # a time word inside a place's name is no time (五一 of 五一农场 read as 1 May: "我在五一农场，想找个实习")
    named = [(a, b) for a, b, _ in gazetteer().named_at(text)]
    for item in found:
        span = item.get("detail", {}).get("time")
        if not isinstance(span, list) or len(span) != 2:
            continue
        at = item.get("offset")
        if at and any(a < at[1] and at[0] < b for a, b in grades) and not _LUNAR.search(str(item.get("text", ""))):
            continue  # 初三 in "孩子初三了" is a school year, not the third day of the lunar year (今年初三: 今年初)
        if at and (any(a < at[1] and at[0] < b for a, b in named) or _names_something(text, at[0], at[1])):
            continue
        if item.get("detail", {}).get("type") == "time_point" and _IN_THE_WEEK.match(str(item.get("text", ""))):
            continue
        start, end = (_date(part) for part in span)
        if start is not None:
            yield start, end, text[item["offset"][1] :] if "offset" in item else ""


_NUMERALS = re.compile(r"[〇零一二三四五六七八九十]+")


def _names_something(text: str, start: int, end: int) -> bool:
    """Whether a bare numeral read as a day (八一, 五一, 十一) is the first part of a name: jieba tags the word right
    after it a noun (八一钢厂, 十一中学; 五一假期 and 五一以后 are times: 假期 is tagged a time word, 以后 a
    place word)."""
    if not _NUMERALS.fullmatch(text[start:end]):
        return False
    at = 0
    for word, flag in tagged_words(text):
        if at == end:
            return flag.startswith("n")
        at += len(word)
        if at > end:
            return False
    return False


def _grade_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says a level word of the vocabulary (初三, 初二: school years that jionlp reads as days)."""
    words = [w for ws in vocabulary().levels.values() for w in ws]
    return [(m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), text)]


def _date(value: object) -> dt.date | None:
    """A date from jionlp's span ends (``inf`` / ``-inf`` for an open end)."""
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _extend(start: dt.date, end: dt.date | None, rest: str) -> tuple[dt.date, dt.date | None]:
    """ "3月到8月": the window ends with the second month; "3月以后": no end."""
    match = _MONTH_RANGE_END.match(rest)
    if match:
        from assistant.text.numbers import cn_to_int

        month = cn_to_int(match.group(1))
        if 1 <= month <= 12:
            year = start.year if month >= start.month else start.year + 1
            return start, _month_end(year, month)
    if _OPEN_END.match(rest) or end is None:
        return start, _lasting_end(start, rest)  # "3月以后，能干半年": for as long as said
    return start, end


# how long one is free, said after the start (明年3月开始，想实习三个月; 下个月起能干半年): not a time from or before
# then (三个月后, 两周以前), nor one of each (每三个月), nor time spent already (学了两年, 干了三年了)
_LASTING_NOT = re.compile(r"^\s*(?:以后|之后|后|以前|之前|前|了)")
_LASTING_CLAUSES = 2  # the clause of the start and the next one ("明年3月开始，想实习三个月")


def _lasting_end(start: dt.date, rest: str) -> dt.date | None:
    """The last day of a window that opens on ``start`` and lasts as long as ``rest`` says; None (an open
    end) when it says no length. jionlp reads the length (time_delta: 半年 -> {year: 0.5})."""
    rest = "，".join(re.split(r"[，,；;。！!？?]", rest)[:_LASTING_CLAUSES])
    if not rest.strip():
        return None
    for item in _extracted(rest, start):
        delta, at = item.get("detail", {}).get("time"), item.get("offset")
        if item.get("type") != "time_delta" or not isinstance(delta, dict) or not at:
            continue
        if _LASTING_NOT.match(rest[at[1] :]) or "了" in rest[: at[0]] or rest[: at[0]].endswith("每"):
            continue
        months = 12 * float(delta.get("year", 0)) + float(delta.get("month", 0))
        days = 7 * float(delta.get("week", 0)) + float(delta.get("day", 0))
        if months + days / 30 < 0.25:  # hours or a day or two: how long a shift is, not a window
            continue
        return _later(start, months, days) - dt.timedelta(days=1)
    return None


def _later(day: dt.date, months: float, days: float = 0.0) -> dt.date:
    """``day`` moved on by calendar months (the same day of the month, or its last: "三个月后" on 4 December is 4
    March), a part month as 30 days (半个月: 15), then ``days``."""
    year, month = _month_on(day, int(months))
    moved = dt.date(year, month, min(day.day, _month_end(year, month).day))
    return moved + dt.timedelta(days=round((months - int(months)) * 30 + days))


# "明年五一前后", "国庆前后", "寒假前后": about a time, two weeks either side of it (jionlp reads 五一前 and drops
# 后: "明年五一前后有空" read as from today to 1 May)
_AROUND = "前后"
_AROUND_DAYS = 14
_AROUND_LONGEST = 62  # about a day, a holiday or a month; "明年前后" says no time to be about


def _from_around(text: str, today: dt.date) -> Window | None:
    if _AROUND not in text:
        return None
    starts, ends = _word_bounds(text)
    for found in re.finditer(_AROUND, text):
        if found.start() not in starts or found.end() not in ends:
            continue
        about = _time_ending(text[: found.start()], today)
        if about is None or (about[1] - about[0]).days > _AROUND_LONGEST:
            continue
        margin = dt.timedelta(days=_AROUND_DAYS)
        return max(today, about[0] - margin), about[1] + margin
    return None


def _time_ending(said: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The time ``said`` ends with (a day, a holiday, a month or a school term), the coming one."""
    for start, end, rest in _spans(said, today):
        if rest.strip() or end is None:
            continue
        if end < today:
            coming = _coming(said, today)  # 国庆 in December: next October's (春节: the lunar date of that year)
            if coming is None:
                return None
            start, end = coming, coming + (end - start)
        return start, end
    term = max((word for word in vocabulary().school_terms if said.rstrip().endswith(word)), key=len, default="")
    window = _school_term(term, today.year, today) if term else None
    return (window[0], window[1]) if window is not None and window[1] is not None else None


def _from_school_terms(text: str, today: dt.date) -> Window | None:
    found = [(text.find(word), word) for word in vocabulary().school_terms if word in text]
    return _school_term(text[min(found)[0] :], today.year, today) if found else None


def _school_term(text: str, year: int, today: dt.date) -> Window | None:
    """The school term ``text`` opens with, in the school year that starts in ``year`` (寒假 and 下学期 in
    the calendar year named: 明年寒假 is January 2027), extended by what follows it (寒假以后: no end;
    寒假到5月), the next one when it is over; None when ``text`` does not open with a term."""
    text = text.lstrip()
    for word, (first, last) in vocabulary().school_terms.items():
        if text.startswith(word):
            start = dt.date.fromisoformat(f"{year}-{first}")
            end = dt.date.fromisoformat(f"{year}-{last}")
            if end < start:  # 上学期 runs into the next year
                end = end.replace(year=end.year + 1)
            return _ahead(_extend(start, end, text[len(word) :]), today)
    return None


# a time from now (一年后, 半年以后, 两个月后, 三周之后): jionlp reads 一年后 as the whole next calendar year
# an amount of time (一年, 半年, 两个月, 三周, 一年半); a month needs 个: "3月" is March, not three months
_AMOUNT = r"(?<![\d年月])(半|\d{1,3}|[一二两三四五六七八九十]+)\s*(个\s*月|个?\s*(?:星期|礼拜)|年|周|天)(半)?"
_OFFSET = re.compile(_AMOUNT + r"\s*(?:以后|之后|后)")
_OFFSET_DAYS = {"星期": 7, "礼拜": 7, "周": 7, "天": 1}


def _from_offset(text: str, today: dt.date) -> Window | None:
    """ "一年后有空": from a year from today on (no end)."""
    match = _OFFSET.search(text)
    if not match:
        return None
    from assistant.text.numbers import cn_to_int

    count = 0.5 if match.group(1) == "半" else float(cn_to_int(match.group(1)))
    count += 0.5 if match.group(3) else 0.0
    unit = match.group(2)[-1] if match.group(2).endswith("月") else match.group(2).lstrip("个 ")
    if unit in ("年", "月"):  # calendar months
        return _later(today, count * (12 if unit == "年" else 1)), None
    return today + dt.timedelta(days=round(count * _OFFSET_DAYS[unit])), None


# "春节以前", "3月之前", "年底前": until then; a time ago (三天前, 一年前, 三个月前) is no window
_BEFORE = re.compile(r"(?:以前|之前|前)")
_AGO = re.compile(_AMOUNT + "$")
_AGO_PHRASE = re.compile(_AMOUNT + r"\s*(?:以前|之前|前)")


def _from_before(text: str, today: dt.date) -> Window | None:
    """ "春节以前有空": from today to the day before; 以前 / 之前 / 前 where jieba starts a word with it, and
    not a word of its dictionary (the 前 of 前往, 前台, 前后), only one its new-word model glued (春节前想: 前想)."""
    if not _BEFORE.search(text):
        return None
    from assistant.text.tokenize import in_dictionary

    words = words_at(text)
    for match in _BEFORE.finditer(text):
        said, word = text[: match.start()], words.get(match.start(), "")
        own = word == match.group() or (word.startswith(match.group()) and not in_dictionary(word))
        if own and said and not _AGO.search(said):
            until = _until(said, today)
            if until is not None and until >= today:
                return today, until
    return None


def _until(said: str, today: dt.date) -> dt.date | None:
    """The last day before the time ``said`` ends with: the day before a day or month to come (春节 in
    December: 2027's; 3月: the coming March), the end of a span running now (年底)."""
    bare = _BARE_MONTH.search(said)
    if bare is not None and bare.end() == len(said):
        first = _month_from(bare.group(1), today)
        return first - dt.timedelta(days=1) if first is not None else None
    relative = _RELATIVE_MONTH.search(said)
    if relative is not None and relative.end() == len(said):
        return _relative_month(relative, today)[0] - dt.timedelta(days=1)
    for start, end, rest in _spans(said, today):
        if rest.strip():
            continue
        if start <= today <= (end or start) and end != start:
            return end
        if start <= today:
            later = dt.date(today.year + 1, today.month, min(today.day, 28))
            start = next((coming for coming, _, _ in _spans(said, later)), start)
        return start - dt.timedelta(days=1)
    return None


# a month named from this one (这个月 / 本月 / 下个月 / 下下个月): jionlp reads none of them alone
_RELATIVE_MONTH = re.compile(r"(下下个|下个|下|这个|这|本)月(?![份底初中])")
_MONTHS_ON = {"这个": 0, "这": 0, "本": 0, "下个": 1, "下": 1, "下下个": 2}


_RELATIVE_RANGE_START = re.compile(_RELATIVE_MONTH.pattern + r"\s*(?:到|至|-|－|—|～)")


def _from_relative_month(text: str, today: dt.date) -> Window | None:
    """ "下个月开始有空" -> from 1 January; "这个月以后" -> from today; "下个月" alone -> that month."""
    match = _RELATIVE_MONTH.search(text)
    if not match:
        return None
    start, end = _relative_month(match, today)
    return _extend(start, end, text[match.end() :])


def _relative_month(match: re.Match[str], today: dt.date) -> Window:
    """The month a relative month word names (the rest of it when it is this one)."""
    year, month = _month_on(today, _MONTHS_ON[match.group(1)])
    return max(dt.date(year, month, 1), today), _month_end(year, month)


def _month_on(today: dt.date, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after today's month."""
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    return year, month + 1


def _from_bare_month(text: str, today: dt.date) -> Window | None:
    match = _BARE_MONTH.search(text)
    if not match:
        return None
    from assistant.text.numbers import cn_to_int

    month = cn_to_int(match.group(1))
    if not 1 <= month <= 12:
        return None
    start = dt.date(today.year, month, 1)
    start, end = _extend(start, _month_end(today.year, month), text[match.end() :])
    if end is None and start <= today <= _month_end(today.year, month):
        return today, None  # "12月以后" said in December: from now on, not from next December
    return _ahead((start, end), today)


def _ahead(window: Window, today: dt.date) -> Window:
    """A window that is over already means the next one (寒假 in December is the coming one); one that
    has begun means what is left of it (今年 on 3 December: from today, not from 1 January, or every
    posting of next year would read as weeks late)."""
    start, end = window
    if (end or start) < today:
        start = start.replace(year=start.year + 1)
        end = end.replace(year=end.year + 1) if end else None
    elif start < today:
        start = today
    if start == end == today:  # 现在 / 马上 / 今天: from now on, not for one day
        end = None
    return start, end


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)
