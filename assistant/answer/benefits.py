"""A benefits answer: the matcher's result for the enterprise a chat describes (the router sends
"我们搞学徒制能享受哪些补贴" here): every applicable benefit and duty, each cited to its source
clause, verified like any answer."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer import compose
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.answer.verify import verify_sentence

if TYPE_CHECKING:
    from assistant.opportunities.match import BenefitMatch, MatchResult

MAX_BENEFITS = 8
_STATUS = {"eligible": "条件已满足", "check": "需进一步确认", "not_yet": "尚不满足"}


def _citation(n: int, benefit: BenefitMatch) -> Citation:
    return replace(benefit.citation, n=n, quote=benefit.amount, score=1.0)


def _line(benefit: BenefitMatch, n: int) -> str:
    parts = [benefit.name]
    if benefit.amount:
        parts.append(benefit.amount)
    status = _STATUS.get(benefit.status, "")
    if benefit.conditions_missing:
        status += "，尚缺：" + "、".join(benefit.conditions_missing)
    elif benefit.conditions_unknown:
        status += "，待确认：" + "、".join(benefit.conditions_unknown)
    if benefit.lead_unit:
        status += f"，牵头单位：{benefit.lead_unit}"
    kind = "义务" if benefit.is_obligation else "支持"
    auto = "（自动识别）" if benefit.automatic else ""
    return compose.with_marker(f"【{kind}】{'：'.join(parts)}（{status}）{auto}", n)


def benefit_answer(base: Answer, result: MatchResult, understood: str = "") -> Answer | None:
    """The matcher's result as a cited answer, or None when it found nothing to say; ``understood``
    (what was read of the enterprise) opens the lead line."""
    citations: list[Citation] = []
    sentences: list[AnswerSentence] = []
    removed: list[str] = []
    by_chunk: dict[str, int] = {}
    for benefit in result.benefits[:MAX_BENEFITS]:
        if not benefit.citation.chunk_id:
            continue  # a catalog entry whose clause is not indexed cannot be cited
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
    if not sentences:
        return None
    unit = next((b.lead_unit for b in result.benefits if b.lead_unit), "")
    lead = f"{understood}根据惠企政策目录和所引条款，与贵单位情况相关的支持措施和义务如下："
    if base.mode is AnswerMode.staff:
        text = compose.staff_text(base.question, sentences, citations, unit)
    else:
        text = lead + "\n" + "\n".join(s.text for s in sentences)
        sentences = [AnswerSentence(lead, [], "lead", True), *sentences]
    return base.with_(
        answer=text, grounded=True, citations=citations, sentences=sentences, removed=removed, refer_to=unit
    )


def with_benefits(answer: Answer, benefits: Answer, limit: int = 4) -> Answer:
    """A policy answer followed by the matched benefits (their markers renumbered after its own)."""
    return compose.append_listing(answer, benefits, "此外，与贵单位情况相关的支持措施和义务：", limit)
