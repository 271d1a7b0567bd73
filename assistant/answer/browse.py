"""What there is in a time window or at a pay, when a student names no major or interest: "暑假想找个兼职",
"寒假想在乌鲁木齐打个工", "有没有月薪四千以上的实习". Each item with a start date is graded by the recommender's own
time and place reasons (assistant/opportunities/fit.py), the best fitting first; an item without dates (a
program) says nothing of a window and is left out, as is one past its deadline. A pay asked for grades by the
recommender's pay reason too."""

from __future__ import annotations

import datetime as dt

from assistant.opportunities.fit import PLACE_SCORE, Reason, pay_reason, place_reason, window_reason
from assistant.opportunities.items import OpportunityItem
from assistant.opportunities.recommend import Recommendation
from assistant.places import Relation

WINDOW_LEAD = "以下按可参加时间和地点列出可参考的{kinds}："
PAY_LEAD = "以下按待遇和地点列出可参考的{kinds}："
PAY_NONE_LEAD = "没有找到待遇达到每月{pay}元的{kinds}，以下是待遇最接近的几个："
PAY_RANGE_LEAD = "目前{where}在招的{kinds}共{count}个，{stated}月收入在{low}至{high}元之间（以各岗位为准）；"
PAY_UNSTATED_LEAD = "目前{where}在招的{kinds}共{count}个，都没有写明具体收入；"
PLACE_NONE_LEAD = "资料中没有{places}及附近的{kinds}，"


def none_near(recs: list[Recommendation], places: list[str], kinds: list[str]) -> str:
    """Said first when none of ``recs`` is in or near the places asked ("我在库尔勒，有没有实习": every one is
    elsewhere); '' otherwise, or when no place was asked."""
    if not places or not recs:
        return ""
    relations = [placed[1] for r in recs if (placed := place_reason(r.item, places)) is not None]
    if not relations or min(relations) <= Relation.near:
        return ""
    return PLACE_NONE_LEAD.format(places="、".join(places), kinds="、".join(kinds) or "机会")


def pay_range_lead(items: list[OpportunityItem], kinds: list[str], places: list[str], today: dt.date) -> str:
    """What the open postings of ``kinds`` pay, over all of them (those in or near ``places`` when some are): how
    many there are, how many state a monthly amount, the lowest and the highest stated ("学徒一个月能拿多少钱":
    the openings answer it, a rule's figure does not); '' when none is open."""
    open_ = [r for r in in_places(items, kinds, places, today) if r.item.record_type == "posting"]
    fitting = [r for r in open_ if r.fits]
    near = fitting or open_
    if not near:
        return ""
    named, where = "、".join(kinds) or "岗位", f"{'、'.join(places)}及附近" if places and fitting else ""
    stated = [r.item for r in near if r.item.pay_min or r.item.pay_max]
    if not stated:
        return PAY_UNSTATED_LEAD.format(where=where, kinds=named, count=len(near))
    low = min(i.pay_min or i.pay_max or 0 for i in stated)
    high = max(i.pay_max or i.pay_min or 0 for i in stated)
    some = "" if len(stated) == len(near) else f"其中{len(stated)}个写明了收入，"
    return PAY_RANGE_LEAD.format(where=where, kinds=named, count=len(near), stated=some, low=low, high=high)


def in_window(
    items: list[OpportunityItem],
    kinds: list[str],
    places: list[str],
    window: tuple[dt.date | None, dt.date | None],
    today: dt.date,
    top_k: int,
    fitting: bool = True,
) -> list[Recommendation]:
    """The ``top_k`` items of ``kinds`` (any, when none) best attended in ``window`` (free from, until; either
    may be open) and nearest ``places``, each with its time (and place) reason. One starting outside the
    window or outside the places asked (or any, when not ``fitting``) is listed among the nearest."""
    recs = []
    placed = _Placed(places)
    for item in items:
        if (kinds and item.kind not in kinds) or item.start is None or item.expired(today):
            continue
        timed = window_reason(item, *window)
        if timed is None:
            continue
        place = placed(item)
        reasons = [place[0], timed] if place else [timed]
        near = place is None or place[1] <= Relation.near
        score = timed.score + (PLACE_SCORE[place[1]] if place else 0.0)
        recs.append(Recommendation(item, score, reasons, fits=fitting and near and timed.score > 0))
    recs.sort(key=lambda r: (-r.score, r.item.deadline or dt.date.max, r.item.title))
    return recs[:top_k]


def in_places(
    items: list[OpportunityItem], kinds: list[str], places: list[str], today: dt.date, fitting: bool = True
) -> list[Recommendation]:
    """Every open item of ``kinds`` (any, when none), nearest ``places`` first, each with its place reason
    (the whole list, for a pay to grade: the few a browse shows may pay the least)."""
    recs = []
    placed = _Placed(places)
    for item in items:
        if (kinds and item.kind not in kinds) or item.expired(today):
            continue
        place = placed(item)
        near = place is None or place[1] <= Relation.near
        score, reasons = (PLACE_SCORE[place[1]], [place[0]]) if place else (0.0, [])
        recs.append(Recommendation(item, score, reasons, fits=fitting and near))
    return recs


def at_pay(recs: list[Recommendation], min_pay: int, top_k: int) -> list[Recommendation]:
    """``recs`` graded by the pay asked for (the recommender's reason: 达到期望 / 低于期望 / 未注明金额), those
    paying it first; one below it, or saying no amount, is listed among the nearest, the best paid first."""
    for rec in recs:
        reason = pay_reason(rec.item, min_pay)
        if reason is not None:
            rec.reasons.append(reason)
            rec.score += reason.score
            rec.fits = rec.fits and reason.score > 0
    recs.sort(key=lambda r: (not r.fits, -r.score, -(r.item.pay_max or r.item.pay_min or 0), r.item.title))
    return recs[:top_k]


def best_paid_first(recs: list[Recommendation], top_k: int) -> list[Recommendation]:
    """``recs`` the best paid first (the upper end a posting states, then its lower end), those in or near the
    places asked before the others (``fits``), those stating no amount last: for a higher pay wished without a
    figure ("有没有工资高一点的实习")."""

    def key(rec: Recommendation) -> tuple[bool, bool, int, int]:
        top = rec.item.pay_max or rec.item.pay_min or 0
        return (not rec.fits, not top, -top, -(rec.item.pay_min or 0))

    return sorted(recs, key=key)[:top_k]


class _Placed:
    """An item's place reason against ``places``, one gazetteer lookup per location."""

    def __init__(self, places: list[str]) -> None:
        self.places = places
        self.seen: dict[str, tuple[Reason, Relation] | None] = {}

    def __call__(self, item: OpportunityItem) -> tuple[Reason, Relation] | None:
        if item.location not in self.seen:
            self.seen[item.location] = place_reason(item, self.places)
        return self.seen[item.location]
