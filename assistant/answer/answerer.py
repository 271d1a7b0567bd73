"""The answering pipeline, streamed:

question (+ history) -> standalone question -> hybrid search over policies
-> scope (the division's question is not answered from another city) -> sentences scored
by overlap -> answerability gate (+ the LLM judge) -> verbatim quotes with [n] markers
(or, with a stronger model behind ``openai``, written sentences) -> verification
-> token events, then one final event with the verified answer and its citations.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer import compose, evidence, gate
from assistant.answer.benefits import benefit_answer, routes_to_matcher
from assistant.answer.rewrite import standalone_question
from assistant.answer.types import Answer, AnswerEvent, AnswerMode, AnswerSentence, Citation, Turn
from assistant.answer.verify import verify_answer, verify_sentence
from assistant.errors import QueryError
from assistant.llm.base import LLM, LLMGate
from assistant.retrieve.filters import SearchFilters
from assistant.retrieve.searcher import MAX_QUERY_CHARS, HybridSearcher
from assistant.retrieve.types import SearchHit

if TYPE_CHECKING:
    from assistant.opportunities.match import MatchResult

log = logging.getLogger(__name__)

MAX_HISTORY_TURNS = 20
MAX_TURN_CHARS = 2000
_OLD_VERSION = re.compile(r"(?:19|20)\d{2}\s*年?(?:版|的)|旧版|原来的|修订前|修改前")
WRITE_SYSTEM = (
    "你是新疆生产建设兵团第十二师产教融合政策咨询助手。只能依据给出的编号材料回答，"
    "不得添加材料中没有的内容、数字或单位。每句话末尾用[编号]标出依据的材料。回答用简体中文，不超过三句。"
)
WRITE_USER = "材料：\n{context}\n\n问题：{question}\n\n请依据材料回答，每句标注[编号]。"


@dataclass(frozen=True)
class AnswerConfig:
    search_k: int = 8
    evidence_hits: int = 5
    judge_gate: bool = True  # with an LLM: one 是/否 call on the chosen quotes before answering
    judge_chars: int = 150
    max_sentences: int = 3
    write_clauses: int = 4
    refer_overlap: float = 0.3  # a refusal names the top clause's lead unit only when it is on topic
    min_coverage: float = 0.5
    judge_floor: float = -0.3  # log-odds on the chosen quotes; see evals/README.md (answers)


class Answerer:
    """Answers over one searcher with one (optional) LLM."""

    def __init__(
        self,
        searcher: HybridSearcher,
        llm: LLM | None,
        llm_gate: LLMGate | None = None,
        config: AnswerConfig | None = None,
        backend: str = "extractive",
        matcher: Callable[[str], MatchResult | None] | None = None,
    ) -> None:
        self.searcher = searcher
        self.llm = llm
        self.gate = llm_gate or LLMGate()
        self.config = config or AnswerConfig()
        self.backend = backend if llm is not None else "extractive"
        self.matcher = matcher

    def answer(self, question: str, history: list[Turn] | None = None, mode: AnswerMode = AnswerMode.chat) -> Answer:
        final = None
        for event in self.stream(question, history, mode):
            if event.type == "final":
                final = event.answer
        assert final is not None
        return final

    def stream(
        self, question: str, history: list[Turn] | None = None, mode: AnswerMode = AnswerMode.chat
    ) -> Iterator[AnswerEvent]:
        """Token events as the answer is produced, then exactly one final event."""
        _check_input(question, history)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        standalone = standalone_question(question, history)
        if self.matcher is not None and routes_to_matcher(standalone):
            result = self.matcher(standalone)
            routed = None
            if result is not None:
                base = Answer(question, standalone, "", False, mode, "matcher", timings=timings)
                routed = benefit_answer(base, result)
            if routed is not None:
                timings["match"] = timings["total"] = time.perf_counter() - started
                yield from _emit(routed, _pieces(routed.answer))
                return
        hits = self.searcher.search(
            standalone, top_k=self.config.search_k, filters=SearchFilters(kind=["policy", "faq"])
        )
        timings["retrieve"] = time.perf_counter() - started
        in_scope, superseded = self._scope(standalone, hits)
        terms = evidence.question_terms(
            standalone, self.searcher.index.sparse.idf, self.searcher.index.sparse.df, self._contrast(standalone)
        )
        candidates = evidence.collect(in_scope, terms, self.config.evidence_hits)
        asks_quantity = gate.asks_quantity(standalone)
        chosen = evidence.choose(
            evidence.rank(candidates, asks_quantity),
            self.config.max_sentences,
            asks_quantity=asks_quantity,
            unit=gate.asked_unit(standalone),
        )
        verdict = gate.check(standalone, terms, chosen, self.config.min_coverage)
        if verdict.answerable and self.llm is not None and self.config.judge_gate:
            mark = time.perf_counter()
            verdict = self._judge_gate(standalone, chosen)
            timings["judge"] = time.perf_counter() - mark
        base = Answer(
            question=question,
            standalone_question=standalone,
            answer="",
            grounded=False,
            mode=mode,
            backend=self.backend,
            timings=timings,
        )
        if not verdict.answerable:
            related = in_scope if chosen and max(c.overlap for c in chosen) >= self.config.refer_overlap else []
            answer = self._refusal(base, verdict.reason, related, mode)
            timings["total"] = time.perf_counter() - started
            yield from _emit(answer, _pieces(answer.answer))
        else:
            citations, numbers = compose.cite(chosen)
            sentences: list[AnswerSentence] = []
            removed: list[str] = []
            streamed = False
            if self.backend == "openai":
                mark = time.perf_counter()
                sentences, removed, written_citations = yield from self._write(standalone, in_scope, chosen)
                timings["generate"] = time.perf_counter() - mark
                streamed = True
                if sentences:
                    citations = written_citations
            if not sentences:  # the extractive answer: verbatim quotes (also the fallback)
                sentences = [s for s in compose.quote_sentences(chosen, numbers) if _verified(s, citations)]
            answer = self._grounded(base, sentences, removed, citations, hits, superseded, mode)
            timings["total"] = time.perf_counter() - started
            yield from _emit(answer, [] if streamed else _pieces(answer.answer))
            return

    # ---- stages -----------------------------------------------------------------------
    def _scope(self, question: str, hits: list[SearchHit]) -> tuple[list[SearchHit], list[SearchHit]]:
        """Hits that may answer: another place's rules do not answer a question about the
        division, superseded texts yield to the ones in force (kept aside for a notice)."""
        named = self.searcher.structure.named_places(question)
        division = gate.about_division(question)
        wants_old = bool(_OLD_VERSION.search(question))
        kept, superseded = [], []
        for hit in hits:
            local = hit.jurisdiction in {"city", "province"}
            # a question about the division is not answered from another city, even one it names
            # ("宁波规定…，咱们十二师呢？"); otherwise only the places named, when any are
            if local and (division or (named and hit.doc_id not in named)):
                continue
            if hit.metadata.get("in_force") is False and not wants_old:
                superseded.append(hit)
                continue
            kept.append(hit)
        return kept, superseded

    def _contrast(self, question: str) -> str:
        """The part of a division question that quotes another place ("青岛要求…，十二师呢？"):
        context, not the topic ('' when there is none)."""
        if not gate.about_division(question) or not self.searcher.structure.named_places(question):
            return ""
        places = self.searcher.structure.places
        parts = re.split(r"[，,；;。]", question)
        return "，".join(
            p for p in parts if any(n in p for names in places.values() for n in names) and not gate.about_division(p)
        )

    def _judge_gate(self, question: str, chosen: list[evidence.Candidate]) -> gate.GateResult:
        """The LLM as the last gate: do the chosen quotes answer the question? (one short call)"""
        assert self.llm is not None
        quotes = "".join(compose.strip_label(c.text) for c in chosen)[: self.config.judge_chars]
        with self.gate.slot():
            (score,) = self.llm.judge(question, [quotes])
        if score < self.config.judge_floor:
            return gate.GateResult(False, "检索到的条款不能回答这个问题")
        return gate.GateResult(True)

    def _write(
        self, question: str, hits: list[SearchHit], chosen: list[evidence.Candidate]
    ) -> Generator[AnswerEvent, None, tuple[list[AnswerSentence], list[str], list[Citation]]]:
        """A stronger model writes from the numbered clauses; every sentence is verified."""
        assert self.llm is not None
        quotes: dict[str, str] = {}
        for c in chosen:
            quotes[c.hit.chunk_id] = quotes.get(c.hit.chunk_id, "") + c.text
        citations = [
            compose.citation(i + 1, hit, quotes.get(hit.chunk_id, ""))
            for i, hit in enumerate(hits[: self.config.write_clauses])
        ]
        context = "\n".join(f"[{c.n}]《{c.title}》{c.clause_path}：{c.text[:600]}" for c in citations)
        text = ""
        with self.gate.slot():
            for piece in self.llm.stream(WRITE_SYSTEM, WRITE_USER.format(context=context, question=question), 300):
                text += piece
                yield AnswerEvent("token", text=piece)
        kept, removed = verify_answer(text, {c.n: c for c in citations}, written=True)
        return kept, removed, citations

    def _refusal(self, base: Answer, reason: str, hits: list[SearchHit], mode: AnswerMode) -> Answer:
        related = None
        unit = ""
        top = hits[0] if hits else None
        if top is not None and gate.about_division(base.standalone_question):
            unit = str(top.metadata.get("lead_unit", "") or "")
            if unit:
                related = compose.citation(1, top, "")
        base.answer = compose.refusal_text(base.question, reason, unit, related, base.mode)
        base.refer_to = unit
        base.citations = [related] if related else []
        base.sentences = [AnswerSentence(base.answer, [1] if related else [], "notice", True)]
        return base

    def _grounded(
        self,
        base: Answer,
        sentences: list[AnswerSentence],
        removed: list[str],
        citations: list[Citation],
        hits: list[SearchHit],
        superseded: list[SearchHit],
        mode: AnswerMode,
    ) -> Answer:
        used = {n for s in sentences for n in s.markers}
        citations = [c for c in citations if c.n in used]
        if not sentences:
            return self._refusal(base, "检索到的条款未能通过核验", hits, mode)
        notices = _superseded_notices(citations, superseded)
        unit = compose.contact_unit(citations, hits)
        base.grounded = True
        base.citations = citations
        base.sentences = sentences + [AnswerSentence(n, [], "notice", True) for n in notices]
        base.removed = removed
        base.refer_to = unit
        if mode is AnswerMode.staff:
            base.answer = compose.staff_text(base.question, sentences, citations, unit)
        else:
            lead = compose.lead_line(citations)
            base.sentences.insert(0, AnswerSentence(lead, [], "lead", True))
            base.answer = compose.chat_text(lead, sentences, notices)
        return base


def _verified(sentence: AnswerSentence, citations: list[Citation]) -> bool:
    return verify_sentence(sentence.text, {c.n: c for c in citations}, written=False).ok


def _superseded_notices(citations: list[Citation], superseded: list[SearchHit]) -> list[str]:
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


def _pieces(text: str) -> list[str]:
    """The final text in sentence-sized pieces (joined, they are the text exactly)."""
    return [p for p in re.findall(r"[^。；！？\n]*[。；！？\n]?", text) if p]


def _emit(answer: Answer, pieces: list[str]) -> Iterator[AnswerEvent]:
    for piece in pieces:
        yield AnswerEvent("token", text=piece)
    yield AnswerEvent("final", answer=answer)


def _check_input(question: str, history: list[Turn] | None) -> None:
    if not question or not question.strip():
        raise QueryError("question is empty")
    if len(question) > MAX_QUERY_CHARS:
        raise QueryError(f"question is {len(question)} characters; at most {MAX_QUERY_CHARS}")
    if history and len(history) > MAX_HISTORY_TURNS:
        raise QueryError(f"history has {len(history)} turns; at most {MAX_HISTORY_TURNS}")
    for turn in history or []:
        if len(turn.content) > MAX_TURN_CHARS:
            raise QueryError(f"a history turn is {len(turn.content)} characters; at most {MAX_TURN_CHARS}")
