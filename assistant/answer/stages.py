"""The stages of a policy answer, each a function with typed input and output.

    retrieve  -> list[SearchHit]          hybrid search over policies and FAQs (answerer.py)
    scope     -> Scoped                   another place's rules and superseded texts set aside
    select    -> Evidence                 sentences of the top clauses scored against the question
    decide    -> Decision                 the rules, then (with an LLM) one 是/否 judgement
    compose   -> Draft                    verbatim quotes with [n] markers, or written sentences
    verify    -> Draft                    every sentence checked against the clause it cites
    finish    -> Answer                   lead line, notices, staff wording; or a refusal

``answerer.Answerer.stream`` wires them top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from assistant.answer import compose, evidence, gate
from assistant.answer.evidence import Candidate, QuestionTerms
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.answer.verify import verify_sentence
from assistant.places import scope_of
from assistant.types import SearchHit

_OLD_VERSION = re.compile(r"(?:19|20)\d{2}\s*年?(?:版|的)|旧版|原来的|修订前|修改前")


class TermStats(Protocol):
    """What the evidence stage needs of the index: how rare a token is."""

    def idf(self, term: str) -> float: ...

    def df(self, term: str) -> int: ...


@dataclass(frozen=True)
class Scoped:
    """Hits that may answer, and superseded ones kept aside for a notice."""

    kept: list[SearchHit]
    superseded: list[SearchHit]


@dataclass(frozen=True)
class Evidence:
    terms: QuestionTerms
    chosen: list[Candidate]


@dataclass(frozen=True)
class Decision:
    answerable: bool
    reason: str = ""


@dataclass
class Draft:
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def scope_hits(question: str, hits: list[SearchHit], named_docs: set[str]) -> Scoped:
    """Another place's rules do not answer a question about the division (even one it names:
    "宁波规定…，咱们十二师呢？"); otherwise only the places named, when any; superseded texts
    yield to the ones in force unless the question asks for the old version."""
    division = scope_of(question).division
    wants_old = bool(_OLD_VERSION.search(question))
    kept, superseded = [], []
    for hit in hits:
        local = hit.jurisdiction in {"city", "province"}
        if local and (division or (named_docs and hit.doc_id not in named_docs)):
            continue
        if hit.metadata.get("in_force") is False and not wants_old:
            superseded.append(hit)
            continue
        kept.append(hit)
    return Scoped(kept, superseded)


def contrast_part(question: str) -> str:
    """The part of a division question that quotes another place ("青岛要求…，十二师呢？"):
    context, not the topic ('' when there is none)."""
    scope = scope_of(question)
    if not scope.division or not scope.foreign:
        return ""
    parts = re.split(r"[，,；;。]", question)
    return "，".join(p for p in parts if scope_of(p).foreign and not scope_of(p).division)


def select_evidence(question: str, scoped: Scoped, stats: TermStats, hits: int, max_sentences: int) -> Evidence:
    terms = evidence.question_terms(question, stats.idf, stats.df, contrast_part(question))
    candidates = evidence.collect(scoped.kept, terms, hits)
    asks_quantity = gate.asks_quantity(question)
    chosen = evidence.choose(
        evidence.rank(candidates, asks_quantity),
        max_sentences,
        asks_quantity=asks_quantity,
        unit=gate.asked_unit(question),
    )
    return Evidence(terms, chosen)


def decide(question: str, found: Evidence, min_coverage: float) -> Decision:
    verdict = gate.check(question, found.terms, found.chosen, min_coverage)
    return Decision(verdict.answerable, verdict.reason)


def quote_draft(chosen: list[Candidate]) -> Draft:
    """The extractive answer: the chosen sentences verbatim, each verified against its clause."""
    citations, numbers = compose.cite(chosen)
    by_n = {c.n: c for c in citations}
    sentences = [s for s in compose.quote_sentences(chosen, numbers) if verify_sentence(s.text, by_n, written=False).ok]
    return Draft(sentences, citations)


def refuse(base: Answer, reason: str, related_hits: list[SearchHit]) -> Answer:
    """Say plainly that the documents do not answer, and (for the division) who to ask."""
    related = None
    unit = ""
    top = related_hits[0] if related_hits else None
    if top is not None and scope_of(base.standalone_question).division:
        unit = str(top.metadata.get("lead_unit", "") or "")
        if unit:
            related = compose.citation(1, top, "")
    text = compose.refusal_text(base.question, reason, unit, related, base.mode)
    return base.with_(
        answer=text,
        grounded=False,
        refer_to=unit,
        citations=[related] if related else [],
        sentences=[AnswerSentence(text, [1] if related else [], "notice", True)],
    )


def finish(base: Answer, draft: Draft, hits: list[SearchHit], superseded: list[SearchHit]) -> Answer:
    """The grounded answer: only citations a sentence uses, notices, lead line or staff wording."""
    used = {n for s in draft.sentences for n in s.markers}
    citations = [c for c in draft.citations if c.n in used]
    if not draft.sentences:
        return refuse(base, "检索到的条款未能通过核验", hits)
    notices = superseded_notices(citations, superseded)
    unit = compose.contact_unit(citations, hits)
    sentences = draft.sentences + [AnswerSentence(n, [], "notice", True) for n in notices]
    if base.mode is AnswerMode.staff:
        text = compose.staff_text(base.question, draft.sentences, citations, unit)
    else:
        lead = compose.lead_line(citations)
        sentences.insert(0, AnswerSentence(lead, [], "lead", True))
        text = compose.chat_text(lead, draft.sentences, notices)
    return base.with_(
        answer=text, grounded=True, citations=citations, sentences=sentences, removed=draft.removed, refer_to=unit
    )


def superseded_notices(citations: list[Citation], superseded: list[SearchHit]) -> list[str]:
    notices = []
    titles = {_family(c.title): c for c in citations}
    for hit in superseded:
        current = titles.get(_family(hit.title))
        if current is not None:
            old = str(hit.metadata.get("date", "") or "")[:4]
            new = current.date[:4]
            notice = f"注：{old}年版《{hit.title}》已被{new}年修订版取代，以上依据现行有效的版本。"
            if notice not in notices:
                notices.append(notice)
    return notices


def _family(title: str) -> str:
    return re.sub(r"[（(].*?[）)]|\d{4}年?|修订|修正|中华人民共和国", "", title)
