"""Policy matching: an enterprise profile -> every benefit and obligation that applies, cited.

catalog entries triggered by the profile's types or activities  (conditions checked)
 + automatic candidates from ingested clauses not in the catalog (marked ``automatic``)
 -> conditions met / missing / unknown, lead unit, citation of the source clause

:func:`profile_from_text` turns a chat message ("我们搞学徒制能享受哪些补贴") into a profile, or None
when it names no enterprise type or activity (whether the chat goes here is the router's decision).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from assistant.opportunities.benefits import BenefitEntry, Category, ClauseOffer, find_candidates
from assistant.places import in_division
from assistant.store.index import Index
from assistant.types import Citation, StoredChunk
from assistant.understand.profiles import EnterpriseProfile

MAX_AUTOMATIC = 8
_STATUS_ORDER = {"eligible": 0, "check": 1, "not_yet": 2}


@dataclass
class BenefitMatch:
    id: str
    name: str
    category: Category
    amount: str
    lead_unit: str
    citation: Citation
    automatic: bool = False
    conditions_met: list[str] = field(default_factory=list)
    conditions_missing: list[str] = field(default_factory=list)
    conditions_unknown: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """eligible: every condition met; check: some unknown; not_yet: some missing."""
        if self.conditions_missing:
            return "not_yet"
        return "check" if self.conditions_unknown else "eligible"

    @property
    def is_obligation(self) -> bool:
        return self.category in (Category.obligation, Category.insurance_duty)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category.value,
            "obligation": self.is_obligation,
            "amount": self.amount,
            "status": self.status,
            "conditions_met": self.conditions_met,
            "conditions_missing": self.conditions_missing,
            "conditions_unknown": self.conditions_unknown,
            "lead_unit": self.lead_unit,
            "automatic": self.automatic,
            "citation": self.citation.to_dict(),
        }


@dataclass
class MatchResult:
    profile: EnterpriseProfile
    benefits: list[BenefitMatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile.model_dump(mode="json"),
            "count": len(self.benefits),
            "benefits": [b.to_dict() for b in self.benefits],
        }


def profile_from_text(text: str) -> EnterpriseProfile | None:
    """The enterprise profile a free-text message describes, or None when it names no type or activity."""
    if not text:
        return None
    try:
        return EnterpriseProfile(text=text[:2000])
    except ValidationError:
        return None


def match_profile(index: Index, catalog: list[BenefitEntry], profile: EnterpriseProfile) -> MatchResult:
    """Every catalog entry and automatic candidate that applies to ``profile``."""
    index.refresh_if_changed()
    listed = [m for e in catalog if _triggered(e, profile) and (m := _from_entry(index, e, profile)) is not None]
    listed.sort(key=lambda b: _STATUS_ORDER[b.status])  # stable: catalog order within a status
    covered = {(e.source.doc_id, e.source.clause_path) for e in catalog}
    return MatchResult(profile, listed + _automatic(index, profile, covered))


def _triggered(entry: BenefitEntry, profile: EnterpriseProfile) -> bool:
    return bool(
        set(entry.triggers.types) & set(profile.types) or set(entry.triggers.activities) & set(profile.activities)
    )


def _from_entry(index: Index, entry: BenefitEntry, profile: EnterpriseProfile) -> BenefitMatch | None:
    """The entry checked against the profile; None when the enterprise is outside the entry's region."""
    chunk = _clause(index, entry.source.doc_id, entry.source.clause_path)
    match = BenefitMatch(
        id=entry.id,
        name=entry.name,
        category=entry.category,
        amount=entry.amount,
        lead_unit=entry.lead_unit or (str(chunk.metadata.get("lead_unit", "")) if chunk else ""),
        citation=_citation(chunk, entry.source.doc_id, entry.source.clause_path),
    )
    for condition in entry.conditions:
        if not condition.types and not condition.activities:
            match.conditions_unknown.append(condition.text)
        elif set(condition.types) & set(profile.types) or set(condition.activities) & set(profile.activities):
            match.conditions_met.append(condition.text)
        else:
            match.conditions_missing.append(condition.text)
    if entry.region:
        text = f"企业位于{entry.region}（政策适用范围）"
        where = in_division(profile.location)
        if where == "yes":
            match.conditions_met.append(text)
        elif where == "maybe":
            match.conditions_unknown.append(text)
        else:
            return None
    return match


def _clause(index: Index, doc_id: str, clause_path: str) -> StoredChunk | None:
    chunks = [c for c in index.chunks_of(doc_id) if c.metadata.get("clause_path") == clause_path]
    return chunks[0] if chunks else None


def _citation(chunk: StoredChunk | None, doc_id: str, clause_path: str) -> Citation:
    if chunk is None:  # the source document is not (yet) ingested
        return Citation(0, "", doc_id, "", "", clause_path, "", "", "", "", 0.0)
    return Citation.of(chunk)


def _automatic(index: Index, profile: EnterpriseProfile, covered: set[tuple[str, str]]) -> list[BenefitMatch]:
    found: list[BenefitMatch] = []
    for chunk in sorted(index.all_chunks(), key=lambda c: (_place_rank(c), c.doc_id, c.chunk_id)):
        meta = chunk.metadata
        if meta.get("kind") != "policy" or meta.get("doc_type") == "digest" or meta.get("in_force") is False:
            continue
        if (chunk.doc_id, str(meta.get("clause_path", ""))) in covered or not _applies_in(meta, profile.location):
            continue
        relevant = [
            c
            for c in find_candidates(chunk)
            if set(c.types) & set(profile.types) or set(c.activities) & set(profile.activities)
        ]
        if relevant:
            found.append(_from_candidates(relevant, profile))
        if len(found) >= MAX_AUTOMATIC:
            break
    return found


def _from_candidates(candidates: list[ClauseOffer], profile: EnterpriseProfile) -> BenefitMatch:
    first, chunk = candidates[0], candidates[0].chunk
    meta = chunk.metadata
    path = str(meta.get("clause_path", ""))
    named = sorted({t.value for c in candidates for t in c.types if t in profile.types})
    named += sorted({a.value for c in candidates for a in c.activities if a in profile.activities})
    return BenefitMatch(
        id=f"auto:{chunk.chunk_id}",
        name=f"{meta.get('title', chunk.doc_id)} {meta.get('clause_no', path)}：{first.sentence[:40]}",
        category=first.category,
        amount="、".join(c.amount for c in candidates if c.amount),
        lead_unit=str(meta.get("lead_unit", "")),
        citation=_citation(chunk, chunk.doc_id, path),
        automatic=True,
        conditions_met=[f"条文涉及：{'、'.join(named)}"],
        conditions_unknown=[c.sentence for c in candidates],
    )


def _place_rank(chunk: StoredChunk) -> int:
    return {"corps": 0, "national": 1}.get(str(chunk.metadata.get("jurisdiction", "")), 2)


def _applies_in(meta: dict[str, Any], location: str) -> bool:
    """National texts apply everywhere; the corps' to the division; other places' only there."""
    jurisdiction, region = str(meta.get("jurisdiction", "")), str(meta.get("region", ""))
    if jurisdiction in ("national", ""):
        return True
    if jurisdiction == "corps":
        return in_division(location) != "no"
    place = region.removesuffix("市").removesuffix("省")
    return bool(place) and place in location
