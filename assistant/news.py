"""What is new for a saved profile: postings, platform records and benefits that appeared since its last visit.

"Appeared" is read from the index, not from the record alone: a posting or a policy is new when its
document changed in the index after the visit (``DocRow.updated_at``) and, when the posting carries a
publication date, that date is not before the visit's day (so re-ingesting an edited postings file
does not make its old rows new again). Recommendations and benefits keep the scoring and reasons of
the capabilities that made them; this module only selects the new ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from assistant.opportunities.match import MatchResult
from assistant.opportunities.recommend import RecommendResult
from assistant.platform import Platform
from assistant.platform.store import SavedProfile
from assistant.understand.profiles import EnterpriseProfile, StudentProfile

ChangedAt = Callable[[str], dt.datetime | None]  # doc id -> when its content last changed in the index


def parse_time(value: str) -> dt.datetime | None:
    """An ISO datetime or sqlite's 'YYYY-MM-DD HH:MM:SS' (UTC) as an aware datetime; None when empty or bad."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _appeared_after(doc_id: str, published: Any, since: dt.datetime, changed_at: ChangedAt) -> bool:
    changed = changed_at(doc_id)
    if changed is None or changed <= since:
        return False
    if published:
        try:
            return dt.date.fromisoformat(str(published)[:10]) >= since.date()
        except ValueError:
            return True
    return True


def new_recommendations(result: RecommendResult, since: dt.datetime, changed_at: ChangedAt) -> list[dict[str, Any]]:
    """The recommended postings and programs (good fits first, then the nearest) that appeared since ``since``.
    None when nothing relates to the profile: the few nearest in meaning are a guess, not news for it."""
    if result.unrelated_words:
        return []
    found = []
    for rec in result.ranked:
        item = rec.item
        if _appeared_after(item.doc_id, item.metadata.get("published"), since, changed_at):
            found.append(rec.to_dict())
    return found


def new_benefits(result: MatchResult, since: dt.datetime, changed_at: ChangedAt) -> list[dict[str, Any]]:
    """Matched benefits and duties whose source clause's document appeared or changed since ``since``."""
    return [
        b.to_dict()
        for b in result.benefits
        if b.verified and _appeared_after(b.citation.doc_id, None, since, changed_at)
    ]


def profile_news(
    saved: SavedProfile,
    platform: Platform,
    recommend: Callable[[StudentProfile], RecommendResult],
    match: Callable[[EnterpriseProfile], MatchResult],
    changed_at: ChangedAt,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """What appeared for ``saved`` since its last visit: recommended postings (student) or matched
    benefits (enterprise), and platform records that meet it (the visit is not recorded here)."""
    since = parse_time(saved.last_seen) or dt.datetime.min.replace(tzinfo=dt.UTC)
    news: dict[str, Any] = {"id": saved.id, "kind": saved.kind, "since": saved.last_seen}
    if saved.kind == "student":
        student = StudentProfile.model_validate(saved.data, context={"today": today or dt.date.today()})
        news["postings"] = new_recommendations(recommend(student), since, changed_at)
        news["benefits"] = []
        wanted_majors, wanted_fields, own = student.majors, student.interests, ""
    else:
        enterprise = EnterpriseProfile.model_validate(saved.data)
        news["postings"] = []
        news["benefits"] = new_benefits(match(enterprise), since, changed_at)
        wanted_majors, wanted_fields, own = [], [enterprise.text, enterprise.name], enterprise.name
    wanted_fields = [f for f in wanted_fields if f]
    news["records"] = platform.new_records(saved.last_seen, wanted_majors, wanted_fields, own)
    news["count"] = len(news["postings"]) + len(news["benefits"]) + len(news["records"])
    return news
