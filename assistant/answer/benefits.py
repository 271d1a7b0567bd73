"""A benefits answer: the matcher's result for the enterprise a chat describes (the router sends
"我们搞学徒制能享受哪些补贴" here): every applicable benefit and duty, each cited to its source
clause, verified like any answer."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer import compose
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.answer.verify import verify_sentence
from assistant.opportunities.match import UNVERIFIED

if TYPE_CHECKING:
    from assistant.opportunities.match import BenefitMatch, MatchResult
    from assistant.understand.profiles import EnterpriseProfile

MAX_BENEFITS = 8
_STATUS = {"eligible": "条件已满足", "check": "需进一步确认", "not_yet": "尚不满足"}


def _citation(n: int, benefit: BenefitMatch) -> Citation:
    return replace(benefit.citation, n=n, quote=benefit.amount, score=1.0)


def _line(benefit: BenefitMatch, n: int) -> str:
    return compose.with_marker(_body(benefit), n)


def _body(benefit: BenefitMatch, cited: bool = True) -> str:
    """One benefit as a line. Without its clause in the index (``cited`` False) it is flagged
    原文未收录 and its amount is left out: no clause can check the figure."""
    parts = [benefit.name]
    if benefit.amount and cited:
        parts.append(benefit.amount)
    status = _STATUS.get(benefit.status, "")
    if benefit.conditions_missing:
        status += "，尚缺：" + "、".join(benefit.conditions_missing)
    elif benefit.conditions_unknown:
        status += "，待确认：" + "、".join(benefit.conditions_unknown)
    if benefit.lead_unit:
        status += f"，牵头单位：{benefit.lead_unit}"
    if not cited:
        status = f"{UNVERIFIED}，{status}"
    kind = "义务" if benefit.is_obligation else "支持"
    auto = "（自动识别）" if benefit.automatic else ""
    return f"【{kind}】{'：'.join(parts)}（{status}）{auto}"


# the catalog's supports listed for an enterprise that said nothing of itself (match.overview)
OVERVIEW_LEAD = "贵单位的类型和打算做的事还不清楚，{basis}，企业可以享受的主要支持如下（各项条件待确认）："
# the same, for an enterprise whose stated type or plans no catalog entry is for (match_profile found none)
UNMATCHED_LEAD = "{understood}目录中没有专门针对这些情况的条目，{basis}，企业可以享受的主要支持如下（各项条件待确认）："


def benefit_answer(base: Answer, result: MatchResult, understood: str = "", overview: bool = False) -> Answer | None:
    """The matcher's result as a cited answer, or None when it found nothing to say; ``understood``
    (what was read of the enterprise) opens the lead line; ``overview``: the result lists the catalog's
    supports for an enterprise nothing is known of, or none of whose stated type or plans an entry is
    for (``understood`` then says what was read, and that nothing is specific to it). Entries whose source
    clause is not in the index (a corpus without the full plan) follow the cited ones flagged 原文未收录,
    without a figure; when none is cited the answer is not grounded (the UI says so above it) but still lists
    them."""
    citations: list[Citation] = []
    sentences: list[AnswerSentence] = []
    removed: list[str] = []
    by_chunk: dict[str, int] = {}
    uncited: list[AnswerSentence] = []
    for benefit in result.benefits[:MAX_BENEFITS]:
        if not benefit.citation.chunk_id:  # its clause is not indexed: listed after, flagged, never cited
            uncited.append(AnswerSentence(_body(benefit, cited=False), [], "listing", False))
            continue
        n = by_chunk.get(benefit.citation.chunk_id)
        if n is None:
            n = by_chunk[benefit.citation.chunk_id] = len(citations) + 1
            citations.append(_citation(n, benefit))
        line = _line(benefit, n)
        verdict = verify_sentence(line, {c.n: c for c in citations}, written=False)
        if verdict.ok:  # a catalog line (numbers checked against its clause), not a verbatim quote
            sentences.append(AnswerSentence(line, [n], "listing", True))
        else:
            removed.append(f"{line}（{verdict.reason}）")
    used = {n for s in sentences for n in s.markers}
    citations = [c for c in citations if c.n in used]
    grounded = bool(sentences)
    sentences += uncited
    if result.outside:  # supports left out for the enterprise's place: said after what applies
        sentences.append(AnswerSentence(result.outside, [], "notice", True))
    if not sentences:
        return None
    unit = next((b.lead_unit for b in result.benefits if b.lead_unit), "")
    basis = "根据惠企政策目录和所引条款" if grounded else "根据惠企政策目录（所依据文件的原文未收录，请向牵头单位核实）"
    if overview:
        lead = (UNMATCHED_LEAD if understood else OVERVIEW_LEAD).format(understood=understood, basis=basis)
    else:
        lead = f"{understood}{basis}，与贵单位情况相关的支持措施和义务如下："
    if base.mode is AnswerMode.staff:
        text = compose.staff_text(base.question, sentences, citations, unit)
    else:
        text = lead + "\n" + "\n".join(s.text for s in sentences)
        sentences = [AnswerSentence(lead, [], "lead", True), *sentences]
    return base.with_(
        answer=text, grounded=grounded, citations=citations, sentences=sentences, removed=removed, refer_to=unit
    )


def matched_fields(profile: EnterpriseProfile, result: MatchResult) -> dict[str, object]:
    """An answer's fields for the benefits matched (the UI's table) and the profile they were matched for."""
    return {"benefits": [b.to_dict() for b in result.benefits], "profile": profile.model_dump(mode="json")}


def with_benefits(answer: Answer, benefits: Answer, limit: int = 4) -> Answer:
    """A policy answer followed by the matched benefits (their markers renumbered after its own)."""
    listed = compose.append_listing(answer, benefits, "此外，与贵单位情况相关的支持措施和义务：", limit)
    tail = list(itertools.takewhile(lambda s: s.source == "notice", reversed(benefits.sentences)))
    notes = tail[::-1]  # what the listing ends with (supports left out for the place), kept after it
    if not notes or listed.mode is AnswerMode.staff:
        return listed
    return listed.with_(
        answer="\n".join([listed.answer, *(s.text for s in notes)]), sentences=[*listed.sentences, *notes]
    )
