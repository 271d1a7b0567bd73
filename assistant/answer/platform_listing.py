"""The information platform's published records as a chat answer (route ``platform``).

Task 13 of the division's plan: the platform gathers cooperation projects, enterprises' technical
needs, schools' services and resources, talent demand and graduates' outcomes, and offers search.
A message the route probe sends here ("现在十二师都有哪些校企合作项目在做？") gets the records of the
kind it asks for (the platform-kind probe), narrowed by the place and the major it names; when none
is left, the narrowing is dropped and that is said. One line per record, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.answer.types import Answer, AnswerSentence
from assistant.platform.records import (
    CoopProject,
    GraduateOutcome,
    PlatformKind,
    SchoolResource,
    TalentDemand,
    TechNeed,
)
from assistant.platform.report import NOTES, SupplyDemandReport, major_words
from assistant.platform.search import PlatformRecord

MAX_RECORDS = 8  # listed in the chat
MAX_LISTED = 500  # counted (the platform search's own limit)
YEARLY_KINDS = frozenset({PlatformKind.talent_demand, PlatformKind.graduates})  # records of one year each


def record_line(item: PlatformRecord, today: dt.date) -> str:
    """One record as one line: 【kind】what — who（the facts a person acts on; a past deadline says 已截止）,
    ending with its number (编号 TN001: what the 供需信息 tab and ``assistant platform match`` take)."""
    return f"{_described(item, today)}（编号{item.id}）"


def _described(item: PlatformRecord, today: dt.date) -> str:
    rec = item.record
    head = f"【{item.kind.label}】"
    if isinstance(rec, CoopProject):
        years = f"{rec.start_year}—{rec.end_year}年" if rec.end_year else f"{rec.start_year}年起"
        facts = [rec.form.value, years, rec.status.value]
        facts += [f"学生{rec.students}人"] if rec.students else []
        facts += [rec.location] if rec.location else []
        return f"{head}{rec.title} — {rec.school}与{'、'.join(rec.enterprises)}（{'，'.join(facts)}）"
    if isinstance(rec, TechNeed):
        facts = [rec.form.value, "领域：" + "、".join(rec.fields)]
        facts += [f"预算：{rec.budget}"] if rec.budget else []
        if rec.deadline:
            facts.append(f"{'已于' if rec.deadline < today else ''}{rec.deadline.isoformat()}截止")
        facts += [f"联系方式：{rec.contact}"] if rec.contact else []
        return f"{head}{rec.title} — {rec.enterprise}（{'，'.join(facts)}）：{rec.needs}"
    if isinstance(rec, SchoolResource):
        facts = [rec.kind.value] + (["领域：" + "、".join(rec.fields)] if rec.fields else [])
        facts += [f"服务能力：每年{rec.capacity}（人数或项目数）"] if rec.capacity else []
        facts += [f"联系方式：{rec.contact}"] if rec.contact else []
        return f"{head}{rec.title} — {rec.provider}（{'，'.join(facts)}）"
    if isinstance(rec, TalentDemand):
        what = rec.occupation or "、".join(rec.majors)
        facts = [f"{rec.year}年需要{rec.headcount}人", f"层次：{rec.level}", rec.location]
        facts += [f"联系方式：{rec.contact}"] if rec.contact else []
        return f"{head}{what} — {rec.enterprise}（{'，'.join(facts)}）"
    if isinstance(rec, GraduateOutcome):
        return f"{head}{rec.program}（{rec.level}）— {rec.school}：{outcome_words(rec)}"
    return f"{head}{item.title} — {item.org}"


def outcome_words(rec: GraduateOutcome) -> str:
    """A graduate row's year in words, with the shares a person compares programs on, computed from the row's
    own counts ("就业54人（占65%），其中在本地区35人"; no share of a year nobody graduated in)."""

    def share(part: float | None) -> str:
        return f"（占{round(100 * part)}%）" if part else ""

    studying = rec.further_study / rec.graduates if rec.graduates else None
    return (
        f"{rec.year}年毕业{rec.graduates}人，就业{rec.employed}人{share(rec.employed_share)}，"
        f"其中在本地区{rec.employed_in_region}人，升学{rec.further_study}人{share(studying)}"
    )


def by_outcome(records: list[PlatformRecord]) -> list[PlatformRecord]:
    """Graduate rows newest year first and, within a year, the programs whose graduates found work most often
    first (what a student choosing a major compares); other records as they were."""

    def key(item: PlatformRecord) -> tuple[int, float]:
        rec = item.record
        if not isinstance(rec, GraduateOutcome):
            return (0, 0.0)
        return (-rec.year, -(rec.employed_share or 0.0))

    return sorted(records, key=key)


def platform_answer(
    base: Answer,
    kind: PlatformKind,
    records: list[PlatformRecord],
    dropped: list[str],
    kept: list[str] | None = None,
    today: dt.date | None = None,
) -> Answer:
    """The records (newest first) as an answer, the first :data:`MAX_RECORDS` listed. ``kept``: the
    narrowings the records meet (专业：护理, 年份：2025年), said in the count; ``dropped``: the ones left
    out because nothing met them, said first so the list is not read as meeting them."""
    if not records:
        text = f"信息服务平台上暂时没有已发布的{kind.label}记录。可以到“供需信息”页按条件查找，或稍后再看。"
        return base.with_(answer=text, grounded=False, sentences=[AnswerSentence(text, [], "conversation", True)])
    shown = records[:MAX_RECORDS]
    more = "（最新的在前）"
    if len(records) > len(shown):
        more = f"，下面是最新的{len(shown)}条（全部可到“供需信息”页查看）"
    if kind is PlatformKind.graduates:  # ordered by by_outcome
        more = "（最新一年在前，同一年就业比例高的在前）"
        if len(records) > len(shown):
            more = f"，下面列出{len(shown)}条（最新一年在前，同一年就业比例高的在前；全部可到“供需信息”页查看）"
    which = f"符合“{'、'.join(kept)}”的" if kept else "已发布的"
    lead = f"信息服务平台上{which}{kind.label}共{len(records)}条{more}："
    heads = [f"平台上没有符合“{'、'.join(dropped)}”的{kind.label}，下面是放宽这些条件后的结果。"] if dropped else []
    lines = [record_line(r, today or dt.date.today()) for r in shown]
    sentences = [AnswerSentence(text, [], "conversation", True) for text in [*heads, lead]]
    sentences += [AnswerSentence(line, [], "listing", True) for line in lines]
    return base.with_(answer="\n".join([*heads, lead, *lines]), grounded=True, sentences=sentences)


def report_answer(
    base: Answer,
    report: SupplyDemandReport,
    asked_year: int | None = None,
    named: Sequence[str] = (),
    outcomes: Sequence[PlatformRecord] = (),
) -> Answer:
    """The yearly report's totals, shortages and surpluses per major as an answer (the 供需报告 tab has
    the table, the chart and the downloads). ``asked_year``: the year the message named, when the report
    is of another (nothing recorded that year), said first. ``named``: the majors the message asks about
    ("护理专业出来好不好找工作"), each one's own row said right after the totals (or that none is recorded), then
    ``outcomes``: the graduate rows of the major (where its graduates went, each school's newest year)."""
    where = report.region or "全部地区"
    if not report.has_data:
        text = f"信息服务平台上还没有{report.year}年{where}的岗位、人才需求或毕业生数据，暂时无法汇总供需情况。"
        return base.with_(answer=text, grounded=False, sentences=[AnswerSentence(text, [], "conversation", True)])
    totals = report.totals
    heads = [f"平台上还没有{asked_year}年的供需数据，下面是{report.year}年的。"] if asked_year else []
    gap = f"缺口{totals['gap']}人" if totals["gap"] >= 0 else f"毕业生富余{-totals['gap']}人"
    lead = (
        f"{report.year}年{where}人才供需（信息服务平台汇总）：需求{totals['demand']}人，"
        f"可就业毕业生{totals['supply']}人，{gap}。"
    )
    rows = {row.major: row for row in report.majors}
    lines = [
        f"{major_words(rows[m])}。" if m in rows else f"{m}：平台上没有{report.year}年的需求或毕业生数据。"
        for m in named
    ]
    if outcomes:
        lines += [f"{_described(r, dt.date.today())}。" for r in outcomes[:MAX_RECORDS]]
    lines += [f"缺口最大的专业：{'；'.join(report.shortages)}。"] if report.shortages else []
    lines += [f"毕业生富余的专业：{'；'.join(report.surpluses)}。"] if report.surpluses else []
    lines += [f"算法：{NOTES}完整的表格、图表和下载在“供需报告”页。"]
    sentences = [AnswerSentence(text, [], "conversation", True) for text in [*heads, lead]]
    sentences += [AnswerSentence(line, [], "listing", True) for line in lines]
    return base.with_(answer="\n".join([*heads, lead, *lines]), grounded=True, sentences=sentences)
