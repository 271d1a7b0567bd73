"""Recommendations for a student: every posting and program scored by explicit rules.

Rules (each adds to the score and gives a reason when it holds):

    专业对口  a profile major matches the item's majors (+3) or an interest word is in its text (+1.5)
    地点      the item's location contains a preferred place (+1; other places are left out)
    时间      the posting runs inside the student's available window (+1)
    学徒制    the student wants an apprenticeship and the item is one (+1.5)
    截止日期  deadline still open; closing within 30 days (+0.5)

Excluded: no major/interest match, expired (never recommended past the deadline), a posting
whose level does not fit or that starts outside the available window, places not preferred,
apprenticeships when not wanted.
Sorted by score, then by soonest deadline, then by record id: same profile and data, same list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from assistant.opportunities.items import OpportunityItem, is_opportunity, item_from_chunk
from assistant.store.index import Index
from assistant.understand.profiles import StudentProfile

SOON_DAYS = 30
_LEVEL_RANK = {"中职": 1, "技工": 1, "高职": 2, "职业本科": 3, "本科": 3}


@dataclass
class Reason:
    reason: str  # 专业对口 | 地点 | 时间 | 学徒制 | 截止日期
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "detail": self.detail}


@dataclass
class Recommendation:
    item: OpportunityItem
    score: float
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.item.to_dict(),
            "score": round(self.score, 3),
            "reasons": [r.to_dict() for r in self.reasons],
            "deadline": self.item.deadline.isoformat() if self.item.deadline else "",
        }


def recommend(
    index: Index, profile: StudentProfile, top_k: int = 10, today: dt.date | None = None
) -> list[Recommendation]:
    """The ``top_k`` best postings and programs for ``profile``."""
    today = today or dt.date.today()
    index.refresh_if_changed()
    scored = []
    for chunk in index.all_chunks():
        if is_opportunity(chunk.metadata):
            rec = score_item(item_from_chunk(chunk), profile, today)
            if rec is not None:
                scored.append(rec)
    scored.sort(key=lambda r: (-r.score, r.item.deadline or dt.date.max, r.item.record_id))
    return scored[:top_k]


def score_item(item: OpportunityItem, profile: StudentProfile, today: dt.date) -> Recommendation | None:
    """The item's score and reasons for this profile, or None when it must not be recommended."""
    if item.expired(today) or (profile.kinds and item.kind not in profile.kinds):
        return None
    if not _level_fits(item, profile.level) or not _time_fits(item, profile):
        return None
    if profile.wants_apprenticeship is False and item.kind == "学徒":
        return None
    rec = Recommendation(item, 0.0)
    if not _add_major(rec, profile):
        return None
    if not _add_location(rec, profile):
        return None
    _add_time(rec, profile)
    if profile.wants_apprenticeship and item.apprenticeship:
        rec.score += 1.5
        rec.reasons.append(Reason("学徒制", "现代学徒制/企业新型学徒制项目" if item.kind != "学徒" else item.title))
    _add_deadline(rec, today)
    return rec


def _add_major(rec: Recommendation, profile: StudentProfile) -> bool:
    item = rec.item
    names = item.majors or [item.title]
    hits = [m for m in profile.majors if any(m in n or n in m for n in names)]
    if hits:
        rec.score += 3
        rec.reasons.append(Reason("专业对口", "、".join(hits)))
        return True
    words = [w for w in profile.interests if w in item.text or w in item.title]
    if words:
        rec.score += 1.5
        rec.reasons.append(Reason("专业对口", "兴趣相关：" + "、".join(words)))
        return True
    return False


def _add_location(rec: Recommendation, profile: StudentProfile) -> bool:
    """Preferred places are where the student can go: other places are left out."""
    if not profile.locations:
        return True
    places = [p for p in profile.locations if p in rec.item.location]
    if places:
        rec.score += 1
        rec.reasons.append(Reason("地点", f"{rec.item.location}（{'、'.join(places)}）"))
    return bool(places)


def _add_time(rec: Recommendation, profile: StudentProfile) -> None:
    item = rec.item
    if item.start and (profile.available_from or profile.available_to):
        until = f"至{item.end.isoformat()}" if item.end else "起"
        rec.score += 1
        rec.reasons.append(Reason("时间", f"{item.start.isoformat()}{until}，在可参加时间内"))


def _add_deadline(rec: Recommendation, today: dt.date) -> None:
    deadline = rec.item.deadline
    if deadline is None:
        return
    days = (deadline - today).days
    if days <= SOON_DAYS:
        rec.score += 0.5
    rec.reasons.append(Reason("截止日期", f"{deadline.isoformat()} 截止（还有{days}天）"))


def _level_fits(item: OpportunityItem, level: str | None) -> bool:
    """Postings state what they require (中职 / 高职 / 中职及以上 / 不限); programs are open to choose."""
    if level is None or item.record_type != "posting" or not item.level or "不限" in item.level:
        return True
    wanted = _LEVEL_RANK.get(level, 0)
    needed = next((rank for name, rank in _LEVEL_RANK.items() if item.level.startswith(name)), 0)
    return wanted >= needed if "以上" in item.level else wanted == needed


def _time_fits(item: OpportunityItem, profile: StudentProfile) -> bool:
    """A posting must start within the window (programs have no dates)."""
    if item.start is None:
        return True
    if profile.available_to and item.start > profile.available_to:
        return False
    return not (
        profile.available_from
        and item.start < profile.available_from
        and (item.end or item.start) < profile.available_from
    )
