"""An employer looking for students to take in (interns, apprentices, a trade's graduates): the schools that
train them, as the information platform's graduate records say (task 13: 毕业生状况), each school's contact from
its programs in the index, and how to post the need on the platform (人才需求) so the schools see it.

The understanding decides who is such an employer (:attr:`Query.takes_students`); the chat decides the order
(the schools first when the message asks where or from whom to find them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.answer.platform_listing import MAX_RECORDS, by_outcome, platform_answer
from assistant.answer.platform_reply import narrowed
from assistant.answer.types import Answer, AnswerSentence
from assistant.opportunities.items import OpportunityItem
from assistant.platform.records import PlatformKind
from assistant.platform.search import PlatformFilters, PlatformRecord
from assistant.understand.majors import MajorMatcher
from assistant.understand.query import Asked, Query
from assistant.understand.reader import PROGRAMS

# asked where or from whom ("去哪找", "找谁", "哪个学校有", "怎么联系学校"): the schools answer it first
WHERE_FROM = frozenset({Asked.unit, Asked.contact})
EVEN_ODDS = 0.5  # a balanced probe's share past which its label is the likelier reading
SCHOOLS_LEAD = "招实习生、学徒或毕业生，可以直接联系开设相关专业的学校（每校每个专业列最新一年的毕业生情况）。"
# after another answer (what applies to the business): the schools under their own heading
SCHOOLS_TOO = "另外，开设相关专业的学校（每校每个专业列最新一年的毕业生情况）："
TALENT_HINT = (
    "也可以用单位账号在“发布”页登记人才需求（专业、层次、人数、时间、联系方式），审核通过后在“供需信息”页公开，"
    "学校可以看到并与贵单位对接。"
)


def schools_answer(
    query: Query,
    base: Answer,
    search: Callable[[PlatformFilters, int], list[PlatformRecord]],
    items: Callable[[], list[OpportunityItem]],
    majors: MajorMatcher,
) -> Answer | None:
    """The schools training the major the message names (any, when it names none): the newest graduate record of
    each school and program, then how to reach the schools listed; None when the platform holds no graduate
    records (nothing to point at)."""
    records, dropped, kept = narrowed(query, PlatformKind.graduates, search, majors, newest=True)
    if not records:
        return None
    records = by_outcome(records)  # as every listing of graduate rows says it is ordered
    answer = platform_answer(base, PlatformKind.graduates, records, dropped, kept)
    # no card or table shows these beside an enterprise's benefits (the bubble leaves the listing lines out)
    answer = answer.with_(
        sentences=[replace(s, source="record") if s.source == "listing" else s for s in answer.sentences]
    )
    reach = _contacts([r.org for r in records[:MAX_RECORDS]], items())
    if reach:
        answer = answer.with_notice(f"联系方式（各校专业目录）：{reach}。", first=False)
    return answer.with_notice(SCHOOLS_LEAD)


def _contacts(schools: list[str], items: list[OpportunityItem]) -> str:
    """How to reach each school, in the order listed: the contact its programs in the index give (the first
    program stating one)."""
    found: dict[str, str] = {}
    for item in items:
        if item.record_type == "program" and item.school in schools and item.contact:
            found.setdefault(item.school, item.contact)
    return "；".join(f"{school} {found[school]}" for school in dict.fromkeys(schools) if school in found)


def with_schools(answer: Answer, schools: Answer | None) -> Answer:
    """``answer`` (what applies to the business), the schools after it under :data:`SCHOOLS_TOO` with their
    contacts."""
    if schools is None:
        return answer
    kept = [s for s in schools.sentences if s.text != SCHOOLS_LEAD]  # the heading says it instead
    text = "\n".join([SCHOOLS_TOO, *(s.text for s in kept)])
    heading = AnswerSentence(SCHOOLS_TOO, [], "lead", True)
    return answer.with_(answer=answer.answer + "\n" + text, sentences=[*answer.sentences, heading, *kept])


def with_posting_hint(answer: Answer, hint: bool = True) -> Answer:
    """``answer`` and how to post the need on the platform (``hint``; not when the answer already says where to
    publish)."""
    return answer.with_notice(TALENT_HINT, first=False) if hint else answer


def asks_where_to_find(query: Query) -> bool:
    """Asks where or from whom (the asked-kind probe: a unit or a contact) and what the platform's records hold
    rather than a rule (the balanced platform probe past even odds): "我们厂想招几个职校的实习生，去哪找", not
    "我们饭店接收烹饪实习生，实习协议找谁签"; or asks which school by the words a student asks for programs with
    (哪所学校, 什么学校: the programs kind), "…想找两个学食品加工的实习生，哪所学校有这个专业" (it led with the
    benefits' lead units, 牵头单位：教育局)."""
    return query.asked in WHERE_FROM and (query.platform >= EVEN_ODDS or PROGRAMS in query.student.kinds)
