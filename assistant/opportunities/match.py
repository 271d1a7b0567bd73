"""Policy matching: an enterprise profile -> every benefit and obligation that applies, cited.

catalog entries triggered by the profile's types or activities  (conditions checked)
 + automatic candidates from ingested clauses not in the catalog (marked ``automatic``)
 -> conditions met / missing / unknown, lead unit, citation of the source clause

:func:`profile_from_text` turns a chat message ("我们搞学徒制能享受哪些补贴") into a profile, or None
when it names no enterprise type or activity (whether the chat goes here is the router's decision).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from assistant.opportunities.benefits import BenefitEntry, Category, ClauseOffer, find_candidates
from assistant.places import in_division
from assistant.store.index import Index
from assistant.types import Citation, StoredChunk
from assistant.understand.profiles import EnterpriseProfile

MAX_AUTOMATIC = 8
log = logging.getLogger(__name__)
_STATUS_ORDER = {"eligible": 0, "check": 1, "not_yet": 2}
UNVERIFIED = "原文未收录"
_DUTIES = (Category.obligation, Category.insurance_duty)


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
    verified: bool = True  # the source clause is in the index (else: 原文未收录)

    @property
    def status(self) -> str:
        """eligible: every condition met; check: some unknown; not_yet: some missing."""
        if self.conditions_missing:
            return "not_yet"
        return "check" if self.conditions_unknown else "eligible"

    @property
    def is_obligation(self) -> bool:
        return self.category in _DUTIES

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
            "verified": self.verified,
            "source_note": "" if self.verified else UNVERIFIED,
            "citation": self.citation.to_dict(),
        }


# an enterprise outside the region of some entries ("我们是库尔勒的一家汽修厂，想接收实习生，有什么补贴"): said, not
# left to be guessed from a short list
OUTSIDE_NOTE = "贵单位所在的{location}不在{region}，只在{region}适用的{count}项支持政策未列出（如“{example}”）。"


@dataclass
class MatchResult:
    profile: EnterpriseProfile
    benefits: list[BenefitMatch] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outside: str = ""  # OUTSIDE_NOTE when entries were left out for the enterprise's place

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile.model_dump(mode="json"),
            "count": len(self.benefits),
            "benefits": [b.to_dict() for b in self.benefits],
            "warnings": self.warnings,
            "outside": self.outside,
        }


def profile_from_text(text: str) -> EnterpriseProfile | None:
    """The enterprise profile a free-text message describes in the vocabulary's words, or None when
    it names no type or activity (the chat's dense reader is ``Understander.read_enterprise``)."""
    if not text:
        return None
    try:
        profile = EnterpriseProfile(text=text[:2000])
    except ValidationError:
        return None
    return profile if profile.says_anything else None


def match_profile(index: Index, catalog: list[BenefitEntry], profile: EnterpriseProfile) -> MatchResult:
    """Every catalog entry and automatic candidate that applies to ``profile``."""
    index.refresh_if_changed()
    checked = [(e, _from_entry(index, e, profile)) for e in catalog if _triggered(e, profile)]
    listed = [m for _, m in checked if m is not None]
    # cited ones first (stable: by status, then catalog order); entries whose source is not indexed after
    listed.sort(key=lambda b: (not b.verified, _STATUS_ORDER[b.status]))
    covered = {(e.source.doc_id, e.source.clause_path) for e in catalog}
    warnings = _catalog_warnings(index, catalog)
    # the supports (not duties) the region check left out: said, not left to be guessed from a short list
    left = [e for e, m in checked if m is None and e.category not in _DUTIES]
    return MatchResult(profile, listed + _automatic(index, profile, covered), warnings, _outside(profile, left))


def _outside(profile: EnterpriseProfile, left: list[BenefitEntry]) -> str:
    """:data:`OUTSIDE_NOTE` for the supports ``left`` out because the enterprise is outside their region (what
    :func:`_from_entry` decides); '' when none is."""
    if not left:
        return ""
    return OUTSIDE_NOTE.format(location=profile.location, region=left[0].region, count=len(left), example=left[0].name)


def overview(index: Index, catalog: list[BenefitEntry]) -> MatchResult:
    """Every support the catalog lists, for an enterprise that has said nothing of itself ("有什么补贴吗"): each
    condition left to check (nothing said meets or misses one), cited ones first. No duty: a duty follows from
    what the enterprise does, and nothing is known of that."""
    index.refresh_if_changed()
    profile = EnterpriseProfile.model_construct()  # nothing said: no validation (it asks for one field)
    listed = []
    for entry in catalog:
        found = _from_entry(index, entry, profile)
        if found is None or found.is_obligation:
            continue
        found.conditions_unknown = found.conditions_missing + found.conditions_unknown
        found.conditions_missing = []
        listed.append(found)
    listed.sort(key=lambda b: not b.verified)
    return MatchResult(profile, listed, _catalog_warnings(index, catalog))


def _catalog_warnings(index: Index, catalog: list[BenefitEntry]) -> list[str]:
    """A warning when the catalog is missing, or cites documents the index does not hold."""
    if not catalog:
        log.warning("benefit catalog is empty: not registered with the index (assistant ingest the corpus folder)")
        return ["惠企政策目录未随索引导入，只能列出自动发现的条款；请用 assistant ingest 导入含 benefits/ 的资料目录。"]
    indexed = {d.doc_id for d in index.documents()}
    missing = sorted({e.source.title or e.source.doc_id for e in catalog if e.source.doc_id not in indexed})
    if not missing:
        return []
    log.warning("benefit catalog cites documents not in the index", extra={"documents": missing})
    return [
        f"以下依据文件的原文未收录，相关条目标注“{UNVERIFIED}”并排在后面：" + "、".join(f"《{t}》" for t in missing)
    ]


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
        citation=_citation(chunk, entry.source.doc_id, entry.source.clause_path, entry.source.title),
        verified=chunk is not None,
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


def _citation(chunk: StoredChunk | None, doc_id: str, clause_path: str, title: str = "") -> Citation:
    if chunk is None:  # the source document is not (yet) ingested: the catalog's title, never the raw id
        return Citation(0, "", doc_id, title or "依据文件", "", clause_path, "", "", "", "", 0.0)
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
