"""Chat questions of the kind "我们搞学徒制能享受哪些补贴" are answered by the policy matcher:
every applicable benefit and duty, each cited to its source clause, verified like any answer."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer import compose
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.answer.verify import verify_sentence

if TYPE_CHECKING:
    from assistant.opportunities.match import BenefitMatch, MatchResult

# "which benefits apply to us": a listing question from the enterprise's side, not a lookup of one figure
_LISTING = re.compile(
    r"(?:哪些|什么|哪几|啥)[^，。？?]{0,8}(?:补贴|补助|优惠|政策|支持|扶持|激励|待遇|好处|义务)|能享受|可以享受|可享受|有什么好处"
)
_SELF = re.compile(r"我们|我司|我公司|本公司|本企业|我单位|本单位|我厂|我们企业|我们公司")
_ONE_FIGURE = re.compile(r"多少|几[个年月元万%]|比例|哪一天|什么时候")
MAX_BENEFITS = 8
_STATUS = {"eligible": "条件已满足", "check": "需进一步确认", "not_yet": "尚不满足"}


def routes_to_matcher(question: str) -> bool:
    """An enterprise asking which benefits (and duties) apply to it."""
    return bool(_LISTING.search(question) and _SELF.search(question) and not _ONE_FIGURE.search(question))


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


def benefit_answer(base: Answer, result: MatchResult) -> Answer | None:
    """The matcher's result as a cited answer, or None when it found nothing to say."""
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
        if verdict.ok:
            sentences.append(AnswerSentence(line, [n], "quote", True))
        else:
            removed.append(f"{line}（{verdict.reason}）")
    used = {n for s in sentences for n in s.markers}
    citations = [c for c in citations if c.n in used]
    if not sentences:
        return None
    unit = next((b.lead_unit for b in result.benefits if b.lead_unit), "")
    lead = "根据惠企政策目录和所引条款，与贵单位情况相关的支持措施和义务如下："
    if base.mode is AnswerMode.staff:
        text = compose.staff_text(base.question, sentences, citations, unit)
    else:
        text = lead + "\n" + "\n".join(s.text for s in sentences)
        sentences = [AnswerSentence(lead, [], "lead", True), *sentences]
    return base.with_(
        answer=text, grounded=True, citations=citations, sentences=sentences, removed=removed, refer_to=unit
    )
