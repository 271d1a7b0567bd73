"""The answering pipeline, streamed, wired top to bottom in :meth:`Answerer.stream`:

question (+ history) -> standalone question -> (an enterprise asking what applies to it: the
matcher) -> retrieve -> scope -> select evidence -> decide (+ the LLM judge) -> compose
(verbatim quotes, or written sentences with the ``openai`` backend) -> verify -> finish
-> token events, then one final event with the verified answer and its citations.
The stages are in ``stages.py``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer import compose, evidence, stages
from assistant.answer.benefits import benefit_answer, routes_to_matcher
from assistant.answer.rewrite import standalone_question
from assistant.answer.types import Answer, AnswerEvent, AnswerMode, Turn
from assistant.answer.verify import verify_answer
from assistant.errors import QueryError
from assistant.filters import SearchFilters
from assistant.llm.base import LLM, LLMGate
from assistant.places import scope_of
from assistant.retrieve.searcher import MAX_QUERY_CHARS, HybridSearcher
from assistant.text.sentences import sentence_spans
from assistant.types import Kind, SearchHit

if TYPE_CHECKING:
    from assistant.opportunities.match import MatchResult

log = logging.getLogger(__name__)

MAX_HISTORY_TURNS = 20
MAX_TURN_CHARS = 2000
POLICY_FILTER = SearchFilters(kind=[Kind.policy, Kind.faq])
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
        self.llm_gate = llm_gate or LLMGate()
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
        clock = _Clock()
        standalone = standalone_question(question, history)
        base = Answer(question, standalone, "", False, mode, self.backend, timings=clock.timings)
        routed = self._route(base)
        if routed is not None:
            clock.lap("match")
            yield from _emit(routed.with_(backend="matcher"), _pieces(routed.answer), clock)
            return
        hits = self.searcher.search(standalone, top_k=self.config.search_k, filters=POLICY_FILTER)
        clock.lap("retrieve")
        scoped = stages.scope_hits(standalone, hits, self.searcher.structure.named_places(scope_of(standalone)))
        found = stages.select_evidence(
            standalone, scoped, self.searcher.index, self.config.evidence_hits, self.config.max_sentences
        )
        decision = stages.decide(standalone, found, self.config.min_coverage)
        if decision.answerable and self.llm is not None and self.config.judge_gate:
            decision = self._judge(standalone, found.chosen)
            clock.lap("judge")
        if not decision.answerable:
            on_topic = found.chosen and max(c.overlap for c in found.chosen) >= self.config.refer_overlap
            answer = stages.refuse(base, decision.reason, scoped.kept if on_topic else [])
            yield from _emit(answer, _pieces(answer.answer), clock)
            return
        draft = stages.quote_draft(found.chosen)
        streamed = self.backend == "openai"
        if streamed:
            written = yield from self._write(standalone, scoped.kept, found.chosen)
            clock.lap("generate")
            draft = written if written.sentences else stages.Draft(draft.sentences, draft.citations, written.removed)
        answer = stages.finish(base, draft, hits, scoped.superseded)
        yield from _emit(answer, [] if streamed else _pieces(answer.answer), clock)

    # ---- stages that need the LLM or the matcher ----------------------------------------
    def _route(self, base: Answer) -> Answer | None:
        """An enterprise asking which benefits apply to it: the policy matcher answers."""
        if self.matcher is None or not routes_to_matcher(base.standalone_question):
            return None
        result = self.matcher(base.standalone_question)
        return benefit_answer(base, result) if result is not None else None

    def _judge(self, question: str, chosen: list[evidence.Candidate]) -> stages.Decision:
        """The LLM as the last gate: do the chosen quotes answer the question? (one short call)"""
        assert self.llm is not None
        quotes = "".join(compose.strip_label(c.text) for c in chosen)[: self.config.judge_chars]
        with self.llm_gate.slot():
            (score,) = self.llm.judge(question, [quotes])
        if score < self.config.judge_floor:
            return stages.Decision(False, "检索到的条款不能回答这个问题")
        return stages.Decision(True)

    def _write(
        self, question: str, hits: list[SearchHit], chosen: list[evidence.Candidate]
    ) -> Generator[AnswerEvent, None, stages.Draft]:
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
        with self.llm_gate.slot():
            for piece in self.llm.stream(WRITE_SYSTEM, WRITE_USER.format(context=context, question=question), 300):
                text += piece
                yield AnswerEvent("token", text=piece)
        kept, removed = verify_answer(text, {c.n: c for c in citations}, written=True)
        return stages.Draft(kept, citations, removed)


class _Clock:
    """Seconds per stage, measured from the start of the request."""

    def __init__(self) -> None:
        self.started = self.mark = time.perf_counter()
        self.timings: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = now - self.mark
        self.mark = now

    def total(self) -> None:
        self.timings["total"] = time.perf_counter() - self.started


def _pieces(text: str) -> list[str]:
    """The final text in sentence-sized pieces (joined, they are the text exactly)."""
    cuts = [end for _, end in sentence_spans(text)]
    starts = [0, *cuts]
    return [p for p in (text[a:b] for a, b in zip(starts, [*cuts, len(text)])) if p]


def _emit(answer: Answer, pieces: list[str], clock: _Clock) -> Iterator[AnswerEvent]:
    clock.total()
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
