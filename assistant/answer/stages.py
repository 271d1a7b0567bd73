"""The stages of a policy answer, each a function with typed input and output.

    retrieve  -> list[SearchHit]          hybrid search over policies and FAQs (answerer.py)
    scope     -> Scoped                   another place's rules and superseded texts set aside
    select    -> Evidence                 sentences of the top clauses scored against the question
    decide    -> Decision                 one calibrated decision over measured signals (decide.py)
    slot      -> Slot                     the asked thing (who leads, how much, when ...) for the lead
    compose   -> Draft                    verbatim quotes with [n] markers, or written sentences
    verify    -> Draft                    every sentence checked against the clause it cites
    finish    -> Answer                   lead line, notices, staff wording; or a refusal

``answerer.Answerer.stream`` wires them top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from assistant.answer import compose, evidence
from assistant.answer.decide import Decision, Signals, decide
from assistant.answer.evidence import Candidate, QuestionTerms
from assistant.answer.slots import (
    SLOT_KINDS,
    SLOT_LABELS,
    Slot,
    find_slot,
    hit_holds,
    holds,
    holds_beyond,
    refers_to_asked,
)
from assistant.answer.subject import names, question_subject, said_elsewhere
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.answer.verify import verify_sentence
from assistant.places import scope_of
from assistant.text.sentences import split_sentences
from assistant.text.units import states_asked_unit
from assistant.types import SearchHit
from assistant.understand.query import Asked, Query
from assistant.understand.topic import is_topic_word
from assistant.understand.understander import CLEAR_LEAD
from assistant.understand.vocabulary import vocabulary

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
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
    dense: dict[tuple[str, int], float] = field(default_factory=dict)  # sentence key -> cosine to the question
    candidates: list[Candidate] = field(default_factory=list)  # every scored sentence of the top clauses
    named: frozenset[str] = frozenset()  # the documents the question names by title (doc ids)
    of_named: list[SearchHit] = field(default_factory=list)  # the retrieved clauses of those documents

    @property
    def quoted(self) -> list[Candidate]:
        """What an extractive answer quotes: the chosen sentences, their clause whole when it fits."""
        return evidence.widen(self.chosen, self.candidates)


class SentenceSimilarity(Protocol):
    """Cosine of the question and each sentence (the dense model; zeros when there is none)."""

    def __call__(self, query: Query, sentences: list[str]) -> list[float]: ...


@dataclass
class Draft:
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def scope_hits(question: str, hits: list[SearchHit], named_docs: set[str]) -> Scoped:
    """Which rules may answer. Another place's rules answer only a question that names that place
    and not the division ("宁波规定…，咱们十二师呢？" is about the division); a question naming no
    place is about the division, the corps and the country. Superseded texts yield to the ones in
    force unless the question asks for the old version."""
    division = scope_of(question).division
    wants_old = bool(_OLD_VERSION.search(question))
    kept, superseded = [], []
    for hit in hits:
        local = hit.jurisdiction in {"city", "province"}
        if local and (division or hit.doc_id not in named_docs):
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


def asked_probabilities(query: Query) -> dict[Asked, float]:
    return {Asked(label): p for label, p in query.asked_scores}


def slot_kind(query: Query, min_share: float = 0.3) -> Asked | None:
    """The kind of value the question asks for, when it asks for one with some confidence."""
    asked = asked_probabilities(query)
    kind = max((k for k in asked if k in SLOT_KINDS), key=lambda k: asked[k], default=None)
    return kind if kind is not None and asked[kind] >= min_share else None


def select_evidence(
    query: Query,
    scoped: Scoped,
    stats: TermStats,
    similarity: SentenceSimilarity,
    hits: int,
    max_sentences: int,
    named: set[str] | frozenset[str] = frozenset(),
) -> Evidence:
    """Sentences of the top in-scope clauses, scored; the best few chosen. ``named``: the documents
    the question names by title (their sentences count a little more)."""
    terms = evidence.question_terms(query.standalone, stats.idf, stats.df, contrast_part(query.standalone))
    candidates = evidence.collect(scoped.kept, terms, hits)
    dense = similarity(query, [c.text for c in candidates])
    by_key = {c.key: sim for c, sim in zip(candidates, dense)}
    ranked = evidence.rank(candidates, asked_probabilities(query), by_key, named=named)
    chosen = evidence.choose(ranked, max_sentences, slot_kind=slot_kind(query))
    of_named = [h for h in scoped.kept if h.doc_id in named]
    return Evidence(terms, chosen, by_key, candidates, frozenset(named), of_named)


def signals(query: Query, scoped: Scoped, found: Evidence, judge: float | None = None) -> Signals:
    """The measured signals the decision weighs (decide.py)."""
    chosen = found.chosen
    topic = [t for t in found.terms.weights if is_topic_word(t)] + found.terms.unknown
    asked = asked_probabilities(query)
    in_scope = scoped.kept[:3]
    # the asked value is looked for where the answer would come from: the top clauses and those of the
    # chosen sentences (the evidence stage reads more hits than three: 至少一人 in the fourth was chosen,
    # and the value read as missing)
    holders = list({h.chunk_id: h for h in [*in_scope, *(c.hit for c in chosen)]}.values())
    missing = sum(p for kind, p in asked.items() if kind in SLOT_KINDS and not any(hit_holds(kind, h) for h in holders))
    years = _YEAR.findall(query.standalone)
    clauses = "".join(h.text + str(h.metadata.get("heading", "")) for h in in_scope)
    best = max((found.dense.get(c.key, 0.0) for c in chosen), default=0.0)
    mean = sum(found.dense.values()) / len(found.dense) if found.dense else best
    return Signals(
        similarity=best,
        contrast=best - mean,
        overlap=max((c.overlap for c in chosen), default=0.0),
        unknown=len(found.terms.unknown) / max(1, len(topic)),
        missing=missing if in_scope else 1.0,
        years=sum(year not in clauses for year in years) / len(years) if years else 0.0,
        off_topic=query.off_topic,
        judge=judge,
    )


def decide_answer(query: Query, found: Evidence, measured: Signals) -> Decision:
    """The calibrated decision (decide.py), except when the asked value is a named document's own date
    (:func:`document_date`: its metadata, or the sentence of a law dating the event asked): that answers,
    whatever the quoted clauses say of other dates."""
    if not found.chosen:
        return Decision(False, 0.0, "没有检索到相关条款")
    kind = slot_kind(query)
    if kind is Asked.date and document_date(query, found) is not None:
        return Decision(True, 1.0)
    return decide(measured, SLOT_LABELS.get(kind, "") if kind else "")


def quote_draft(chosen: list[Candidate], slot: Slot | None = None) -> Draft:
    """The extractive answer: the asked thing first (when found), then the chosen sentences
    verbatim; each verified against the clause it cites."""
    citations, numbers = compose.cite(chosen)
    sentences = compose.quote_sentences(chosen, numbers)
    if slot is not None:
        n = numbers.get(slot.hit.chunk_id)
        if n is None:
            n = len(citations) + 1
            citations.append(compose.citation(n, slot.hit, ""))
        sentences.insert(0, AnswerSentence(compose.with_marker(slot.text, n), [n], "slot", True))
    by_n = {c.n: c for c in citations}
    document = slot is not None and slot.document  # said of the document itself: its date and number back it
    kept = [
        s
        for s in sentences
        if verify_sentence(s.text, by_n, written=False, document=document and s.source == "slot").ok
    ]
    return Draft(kept, citations)


def unanswered_parts(query: Query, scoped: Scoped) -> list[str]:
    """What to say of each part of a two-part question whose value no clause in scope holds (said,
    not skipped): the quotes may well speak of it (违法约定试用期…支付赔偿金) without the figure asked."""
    in_scope = scoped.kept[:3]
    missing = [(part, kind) for part, kind in query.parts if not any(hit_holds(kind, h) for h in in_scope)]
    if len(missing) == len(query.parts):
        return []
    return [f"关于“{part.rstrip('？?')}”，现有资料中没有写明具体的{SLOT_LABELS[kind]}。" for part, kind in missing]


ABSENCE_LEAD = CLEAR_LEAD  # "资料中没有写明具体的X" only when X is at least twice as likely as the next kind


def clearly_asked_value(query: Query) -> Asked | None:
    """The value kind a question asks for, when it clearly does: the most likely asked kind, a value
    kind, and :data:`ABSENCE_LEAD` times as likely as the next. Saying a value is not written needs
    that ("想招几个实习生，有什么政策支持" reads count 0.32 / list 0.31: not a count question;
    "拿地能便宜多少？有具体折扣没？" reads amount 0.41 / yesno 0.18)."""
    ranked = list(query.asked_scores)
    if not ranked:
        return None
    label, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    kind = slot_kind(query)
    return kind if kind is not None and kind.value == label and top >= ABSENCE_LEAD * runner_up else None


def absent_value(query: Query, found: Evidence) -> Asked | None:
    """The value kind the question clearly asks (:func:`clearly_asked_value`) when nothing quoted holds
    one ("顶岗实习学生的报酬最低不能低于多少钱" and the clause says 合理报酬): the answer then says the
    figure is not written and gives the quotes as related rules, as the benefits route does; not
    grounded. A two-part question says it per part instead (:func:`unanswered_parts`). Not for 谁: who
    bears a duty is any subject of a sentence (职业学校应当为实习学生办理…), no shape says it is missing."""
    kind = clearly_asked_value(query)
    if kind is None or kind is Asked.unit or query.parts or not found.chosen:
        return None
    if kind is Asked.date and document_date(query, found) is not None:
        return None  # the document's own date answers it
    # the clauses the answer stands on: a clause quoted only because it holds a value of the kind
    # (evidence.choose's last step; 并处…一倍以上五倍以下的罚款 for a question about pay) does not say it
    merit = {c.hit.chunk_id for c in on_merit(found)}
    quoted = [c for c in found.quoted if c.hit.chunk_id in merit]
    return None if any(holds_beyond(kind, c.text, query.standalone) for c in quoted) else kind


def on_merit(found: Evidence) -> list[Candidate]:
    """The chosen sentences that scored at least ``OTHER_CLAUSE_SHARE`` of the best: not the one
    ``evidence.choose`` adds at half the best score only because it holds a value of the asked kind."""
    best = max((c.score for c in found.chosen), default=0.0)
    return [c for c in found.chosen if c.score >= evidence.OTHER_CLAUSE_SHARE * best]


def related_rules(
    base: Answer, query: Query, found: Evidence, hits: list[SearchHit], scoped: Scoped, refusal: Answer
) -> Answer | None:
    """For a question refused because no clause holds the value it asks ("学徒制补贴标准是多少": the plan grants
    the subsidy by each trade's training cost, with no figure), the chosen quotes on its topic as related
    rules under "资料中没有写明具体的X" (not grounded, as :func:`without_value`), then who to ask when the
    ``refusal`` names a lead unit; None when the question asks no value kind or no quote survives verification,
    or asks how to reach someone (a rule is no phone number: the refusal's who-to-ask is the answer there)."""
    kind = slot_kind(query)
    if kind is None or kind is Asked.contact:
        return None
    answer = finish(base, quote_draft(found.quoted), hits, scoped.superseded)
    if not answer.grounded:
        return None
    answer = without_value(answer, kind)
    if not refusal.refer_to:
        return answer
    return answer.with_notice(
        f"具体{SLOT_LABELS[kind]}可向{refusal.refer_to}咨询。", first=False, refer_to=refusal.refer_to
    )


def without_value(answer: Answer, kind: Asked) -> Answer:
    """A grounded answer that lacks the asked value, said first: not grounded, the quotes kept as related rules."""
    return answer.with_notice(f"资料中没有写明具体的{SLOT_LABELS[kind]}，以下是相关规定：", grounded=False)


# the asked kind's probability a lead line needs (the quotes go on choosing a value of a kind read at 0.3):
# on the dev splits, leads read at 0.3-0.4 held a fact of the case 5 times in 14, at 0.4 and more 55 in 69
LEAD_SHARE = 0.4


def find_answer_slot(query: Query, scoped: Scoped, found: Evidence) -> Slot | None:
    """The asked value from the chosen sentences (what the answer is built on), never from a clause
    the evidence stage passed over: measured on both dev splits, lead lines holding a fact of the case
    47 of 72 -> 51 of 72 (evals/README.md, answers). Stated only when the question clearly asks a
    value of the kind (:data:`LEAD_SHARE`): a wrong first line misleads more than none."""
    kind = slot_kind(query, LEAD_SHARE)
    if kind is None:
        return None
    if kind is Asked.date and (issued := document_date(query, found)) is not None:
        return issued
    if kind is Asked.date and law_events_asked(query, found.of_named):
        return None  # a law's event its retrieved text does not date: any other date would be another event's
    # who bears a liability or a cost is no 牵头单位: the quotes say who (实习单位…依法承担法律责任); a plan task's
    # lead unit answers who leads the task ("实习学生在企业受伤了，谁来负责？" once led with the financing
    # task's 财政局)
    if kind is Asked.unit and query.asks_who_bears:
        return None
    # not from a sentence quoted only because it holds a value of the kind (evidence.choose's last
    # step takes one at half the best score): on the dev splits two such leads stated another rule's figure
    merit = on_merit(found)
    hits = list({c.hit.chunk_id: c.hit for c in merit}.values())  # their clauses, in order
    slot = find_slot(kind, hits, terms=found.terms.weights, within=[c.text for c in merit])
    # an amount by reference to the very thing asked (最低工资: "不得低于…最低工资标准") is no figure of it
    if (
        slot is not None
        and kind is Asked.amount
        and not holds(kind, slot.text)
        and refers_to_asked(slot.text, query.standalone)
    ):
        return None
    # an amount whose piece (with the case it is said of) names no word of the question (or all its parts: 生均拨款 in
    # 生均财政拨款) is another rule's figure
    # ("我是汽修厂的，带了三个学徒，能拿多少补贴" led with the double wage owed without a contract, a sentence on
    # apprentices' contracts; the subsidy's rule names no figure)
    if slot is not None and kind is Asked.amount and not any(names(slot.text, t) for t in found.terms.weights):
        return None
    # a length in another unit than the one asked (几个小时 and a teacher's 6个月 in firms) is another rule's
    if slot is not None and kind is Asked.duration and not states_asked_unit(slot.text, query.standalone):
        return None
    value = next((c for c in merit if slot is not None and c.text == slot.sentence), None)
    if value is not None and said_elsewhere(value, question_subject(query.standalone, found.terms), found.terms, merit):
        return None
    return slot


# a law's or a regulation's text says when it was adopted and each time it was amended (1994年7月5日…通过,
# 2018年…修正); its date is the version's, not when it was first issued: its text answers
_DATED_IN_TEXT = ("law", "regulation")


def document_date(query: Query, found: Evidence) -> Slot | None:
    """When a question asks when a document it names was issued ("师里的产教融合方案是哪年发的", vocabulary
    ``issuing``), that document's own date (and number) from its metadata, cited to the first quoted clause
    of it: the text's years are its tasks' ("2021年,全力推进…" led before); a law or a regulation
    (:data:`_DATED_IN_TEXT`) dates its events in its own text (:func:`law_date`); None otherwise."""
    if not found.named:
        return None
    law = law_date(query, found)
    if law is not None or not any(word in query.standalone for word in vocabulary().issuing):
        return law
    hit = next((c.hit for c in found.chosen if c.hit.doc_id in found.named and c.hit.metadata.get("date")), None)
    if hit is None or hit.metadata.get("doc_type") in _DATED_IN_TEXT:
        return None
    number = compose.number_label(str(hit.metadata.get("doc_number", "") or ""))
    text = f"{SLOT_LABELS[Asked.date]}：《{hit.title}》{number}的日期为{hit.metadata['date']}"
    return Slot(Asked.date, hit, text, document=True)


def law_date(query: Query, found: Evidence) -> Slot | None:
    """When a question asks when a law or a regulation it names was passed, amended or put in force
    ("劳动合同法什么时候开始施行的", "职业教育法是哪一年修订的"; vocabulary ``law_events``), the sentence of that
    text dating the event (本法自2008年1月1日起施行; 2022年4月20日…会议修订), the latest when it happened more
    than once (修正 in 2009 and 2018), read among the retrieved sentences; None when none says it."""
    laws = [h for h in found.of_named if h.metadata.get("doc_type") in _DATED_IN_TEXT]
    asked = law_events_asked(query, laws)
    dated = [
        (hit, sentence)
        for hit in laws
        for sentence in split_sentences(hit.text)
        if _YEAR.search(sentence) and any(event in sentence for event in asked)
    ]
    if not dated:
        return None
    hit, sentence = max(dated, key=lambda pair: max(int(y) for y in _YEAR.findall(pair[1])))
    return Slot(Asked.date, hit, f"{SLOT_LABELS[Asked.date]}：{compose.strip_label(sentence)}", sentence)


def law_events_asked(query: Query, laws: list[SearchHit]) -> list[str]:
    """The dated events of a law (vocabulary ``law_events``: 施行, 修订, 通过) the question asks of the laws it
    names, said outside their titles (the 实施 of 劳动合同法实施条例 is the name's)."""
    if not laws:
        return []  # no law named: 实施 of "…计划是从哪天开始实施的" is no law's event
    titles = {hit.title for hit in laws}
    events = vocabulary().law_events.items()
    return [event for event, said in events if any(_says(query.standalone, word, titles) for word in said)]


def _says(question: str, word: str, titles: set[str]) -> bool:
    """Whether ``question`` says ``word`` outside a title it names (the 实施 of 劳动合同法实施条例 is the name's)."""
    for found in re.finditer(re.escape(word), question):
        start, end = found.span()
        # the word with the two characters on either side it has (a word ending the question has none after)
        around = [part for part in (question[max(0, start - 2) : end], question[start : end + 2]) if part != word]
        if not any(part in title for part in around for title in titles):
            return True
    return False


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


def finish(
    base: Answer, draft: Draft, hits: list[SearchHit], superseded: list[SearchHit], unanswered: list[str] | None = None
) -> Answer:
    """The grounded answer: the asked thing first, only citations a sentence uses, notices (a
    superseded text, a part of the question the documents do not answer: ``unanswered``, said as
    :func:`unanswered_parts` words it), lead line or staff wording."""
    unanswered = unanswered or []
    used = {n for s in draft.sentences for n in s.markers}
    citations = [c for c in draft.citations if c.n in used]
    if not draft.sentences:
        return refuse(base, "检索到的条款未能通过核验", hits)
    notices = superseded_notices(citations, superseded)
    unit = compose.contact_unit(citations, hits)
    notices += unanswered
    sentences = draft.sentences + [AnswerSentence(n, [], "notice", True) for n in notices]
    if base.mode is AnswerMode.staff:
        text = compose.staff_text(base.question, draft.sentences, citations, unit)
    else:
        slots = [s for s in draft.sentences if s.source == "slot"]
        quotes = [s for s in draft.sentences if s.source != "slot"]
        lead = compose.lead_line(citations)
        sentences.insert(len(slots), AnswerSentence(lead, [], "lead", True))
        text = compose.chat_text(lead, quotes, notices, first=slots)
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
