"""The opportunities answer: postings and programs as cited lines, each with its reasons (the chat's
opportunities route; a ranking, or a plain list when nothing was read to match on)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from assistant.answer import compose
from assistant.answer.listed_items import DATES
from assistant.answer.types import Answer, AnswerSentence
from assistant.opportunities.fit import LINE_REASONS
from assistant.opportunities.recommend import FEW_FIT_NOTE, NONE_FIT_NOTE
from assistant.records import WORK
from assistant.types import Citation, StoredChunk
from assistant.understand.reader import PROGRAMS

if TYPE_CHECKING:
    from assistant.opportunities.items import OpportunityItem
    from assistant.opportunities.recommend import Recommendation

# the lead of a list of what there is (nothing read to match on, or nothing matched)
BROWSE_LEAD = "以下按地点和报名截止时间列出可参考的{kinds}："
LEVEL_NONE_LEAD = "资料中没有{level}层次的专业，"  # a school level asked of which no program is in the catalog
# perks asked (包吃住): those stating them first; or that none does, and the others
PERKS_LEAD = "以下先列出写明{perks}的{kinds}："
PERKS_NONE_LEAD = "没有找到写明{perks}的{kinds}，以下是其他可参考的{kinds}："
# nothing relates to the student's words: the items are only the nearest in meaning (recommend.py)
MEANING_LEAD = (
    "没有找到与“{words}”相关的专业或机会{tried}，下面是资料里意思最接近的几个，不是同一专业，请看说明是否合适："
)


def opportunity_answer(
    base: Answer,
    recs: list[Recommendation],
    fields: dict[str, object],
    chunk: Callable[[str], StoredChunk | None],
    listed: str = "",
    says: Collection[str] = (),
) -> Answer:
    """The postings and programs as a cited answer: one line each, with its reasons and source.
    ``listed``: the lead of a plain list (nothing was read to match on), instead of a ranking's; ``says``: the
    fields the message asks of them (listed_items.FIELD_LABELS), each line saying them first: ``contact`` how to
    reach them (联系方式), ``money`` how much (待遇 / 费用), ``dates`` when or how long ("什么时候开班", "实习多长时间":
    时间：…至…), ``certificates`` what certificate one obtains ("能考什么证": 可获证书：…), ``requirements`` whom
    they take ("要求高吗": 要求：…, a posting's 岗位要求)."""
    understood = _understood(fields)
    if not recs:
        text = (
            f"{understood}没有找到相符的实习、岗位或专业。可以换个说法（例如写明专业、地点或时间），"
            "或到“实习与专业”页按条件查找。"
        )
        return base.with_(
            answer=text, grounded=False, profile=_json(fields), sentences=[AnswerSentence(text, [], "notice", True)]
        )
    citations: list[Citation] = []
    sentences: list[AnswerSentence] = []
    good = [r for r in recs if r.fits]
    # the nearest ones (a place, time or wish not met) under their own heading, after the good fits
    heading = AnswerSentence(FEW_FIT_NOTE if good else NONE_FIT_NOTE, [], "lead", True)
    for n, rec in enumerate(good + [r for r in recs if not r.fits], start=1):
        stored = chunk(rec.item.chunk_id)
        if stored is None:
            continue
        if not rec.fits and heading not in sentences and good:
            sentences.append(heading)
        citations.append(Citation.of(stored, n=n, quote=stored.text.split("\n")[0], score=rec.score))
        sentences.append(AnswerSentence(compose.with_marker(_line(rec, says), n), [n], "listing", True))
    lead = f"{understood}为你找到以下机会（按匹配程度排序）：" if good else f"{understood}{NONE_FIT_NOTE}"
    if listed:
        lead = understood + listed
    text = lead + "\n" + "\n".join(s.text for s in sentences)
    return base.with_(
        answer=text,
        grounded=bool(sentences),
        citations=citations,
        sentences=[AnswerSentence(lead, [], "lead", True), *sentences],
        opportunities=[r.to_dict() for r in recs],
        profile=_json(fields),
    )


def offered_by(item: OpportunityItem) -> str:
    """Who offers an item as its line says: a posting's enterprise, a program's school (not its partners)."""
    return item.enterprise if item.record_type == "posting" else item.school


_SHOWN_REASONS = 3  # a line's reasons, first three


def period(item: OpportunityItem) -> str:
    """When an item runs, as its line and a follow-up about it say it: 2027-01-05至2027-02-05, 2027-03-01起."""
    if item.start and item.end:
        return f"{item.start.isoformat()}至{item.end.isoformat()}"
    if item.start:
        return f"{item.start.isoformat()}起"
    return f"至{item.end.isoformat()}" if item.end else "资料中没有写明"


def runs(item: OpportunityItem) -> str:
    """When an item runs or how long, as a line says it: a posting's or a training's dates (时间：…至…), a program's
    length of study (学制：3年: it runs for years from each September, no dates of its own)."""
    if item.kind == PROGRAMS:
        return f"学制：{item.duration or '资料中没有写明'}"
    return f"时间：{period(item)}"


def money_of(item: OpportunityItem) -> str:
    """What an item pays or costs, labelled as what it is: a posting's 待遇, a training's or program's 费用."""
    return f"{'待遇' if item.kind in WORK else '费用'}：{item.pay or item.tuition or '资料中没有写明'}"


def _line(rec: Recommendation, says: Collection[str] = ()) -> str:
    item = rec.item
    who = offered_by(item)
    parts = [f"【{item.kind}】{item.title} — {who}（{item.location}）"]
    if "contact" in says:
        parts.append(f"联系方式：{item.contact or '资料中没有写明'}")
    shown = rec.reasons[:_SHOWN_REASONS]
    if DATES in says:
        parts.append(runs(item))
    if "money" in says and not any(r.reason in LINE_REASONS for r in shown):  # a pay or fee the reasons shown say
        parts.append(money_of(item))
    if "certificates" in says:
        parts.append(f"可获证书：{item.certificates or '资料中没有写明'}")
    if "requirements" in says:
        parts.append(f"要求：{item.requirements or '资料中没有写明'}")
    if item.deadline:
        parts.append(f"截止{item.deadline.isoformat()}")
    reasons = "；".join(f"{r.reason}：{r.detail}" for r in shown)
    if reasons:
        parts.append(f"理由：{reasons}")
    return "，".join(parts)


def _understood(fields: dict[str, object]) -> str:
    labels = {"majors": "专业", "interests": "兴趣", "level": "层次", "locations": "地点", "kinds": "类型"}
    said = [
        f"{label}：{'、'.join(v) if isinstance(v, list) else v}" for k, label in labels.items() if (v := fields.get(k))
    ]
    start, end = fields.get("available_from"), fields.get("available_to")
    if isinstance(start, dt.date):
        said.append(f"时间：{start.isoformat()}起" + (f"至{end.isoformat()}" if isinstance(end, dt.date) else ""))
    if fields.get("min_pay"):
        said.append(f"待遇：每月{fields['min_pay']}元以上")
    return f"我理解你的情况是（{'；'.join(said)}），" if said else ""


def _json(fields: dict[str, object]) -> dict[str, object]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}
