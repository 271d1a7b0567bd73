"""The policy answer, streamed, wired top to bottom in :meth:`Answerer.stream`:

Query (understood) -> retrieve -> scope -> select evidence -> decide (signals, + the LLM judge)
-> the asked slot -> compose (verbatim quotes, or written sentences with the ``openai``
backend) -> verify -> finish -> token events, then one final event with the verified answer.
The stages are in ``stages.py``; routing to the matcher and to opportunities is in ``chat.py``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from assistant.answer import compose, evidence, stages
from assistant.answer.decide import Signals
from assistant.answer.types import Answer, AnswerEvent
from assistant.answer.verify import verify_answer
from assistant.filters import SearchFilters
from assistant.llm.base import LLM, LLMGate
from assistant.retrieve.searcher import HybridSearcher
from assistant.text.instructions import strip_instructions
from assistant.text.sentences import sentence_spans
from assistant.types import Kind, SearchHit
from assistant.understand.query import Query

log = logging.getLogger(__name__)

POLICY_FILTER = SearchFilters(kind=[Kind.policy, Kind.faq])
WRITE_SYSTEM = (
    "你是新疆生产建设兵团第十二师产教融合政策咨询助手。只能依据给出的编号材料回答，"
    "不得添加材料中没有的内容、数字或单位。每句话末尾用[编号]标出依据的材料。回答用简体中文，不超过三句。"
)
WRITE_USER = "材料：\n{context}\n\n问题：{question}\n\n请依据材料回答，每句标注[编号]。"


@dataclass(frozen=True)
class Inspection:
    hits: list[SearchHit]
    scoped: stages.Scoped
    found: stages.Evidence
    signals: Signals


@dataclass(frozen=True)
class AnswerConfig:
    search_k: int = 8
    evidence_hits: int = 5
    # one 是/否 judgement by the local LLM on the chosen quotes as a decision signal: off by default.
    # Measured on the dev split (evals/README.md): one more trap refused of 20, the same facts, at
    # 1-2 s per question on 2 cores; it did not earn its place on the default path.
    judge_gate: bool = False
    judge_chars: int = 150
    max_sentences: int = 3
    write_clauses: int = 4
    refer_overlap: float = 0.3  # a refusal names the top clause's lead unit only when it is on topic


class Answerer:
    """Policy answers over one searcher with one (optional) LLM."""

    def __init__(
        self,
        searcher: HybridSearcher,
        llm: LLM | None,
        similarity: stages.SentenceSimilarity,
        llm_gate: LLMGate | None = None,
        config: AnswerConfig | None = None,
        backend: str = "extractive",
    ) -> None:
        self.searcher = searcher
        self.llm = llm
        self.similarity = similarity
        self.llm_gate = llm_gate or LLMGate()
        self.config = config or AnswerConfig()
        self.backend = backend if llm is not None else "extractive"

    def inspect(self, query: Query, clock: Clock | None = None) -> Inspection:
        """Stages retrieve -> scope -> select -> signals (what the decision weighs)."""
        clock = clock or Clock({})
        hits = self.searcher.search(query.standalone, top_k=self.config.search_k, filters=POLICY_FILTER)
        clock.lap("retrieve")
        scoped = stages.scope_hits(query.standalone, hits, self.searcher.structure.named_places(query.scope))
        named = self.searcher.structure.named_documents(query.standalone)
        found = stages.select_evidence(
            query,
            scoped,
            self.searcher.index,
            self.similarity,
            self.config.evidence_hits,
            self.config.max_sentences,
            named,
        )
        clock.lap("select")
        judge = self._judge(query.standalone, found.chosen) if found.chosen else None
        if judge is not None:
            clock.lap("judge")
        return Inspection(hits, scoped, found, stages.signals(query, scoped, found, judge))

    def answer(self, query: Query, base: Answer) -> Answer:
        """The final answer of :meth:`stream`."""
        final = next(e.answer for e in self.stream(query, base) if e.type == "final")
        assert final is not None
        return final

    def stream(self, query: Query, base: Answer) -> Iterator[AnswerEvent]:
        """Token events as the answer is produced, then exactly one final event."""
        clock = Clock(base.timings)
        seen = self.inspect(query, clock)
        hits, scoped, found = seen.hits, seen.scoped, seen.found
        decision = stages.decide_answer(query, found, seen.signals)
        clock.lap("decide")
        if not decision.answerable:
            on_topic = bool(found.chosen) and max(c.overlap for c in found.chosen) >= self.config.refer_overlap
            answer = stages.refuse(base, decision.reason, scoped.kept if on_topic else [])
            if on_topic and decision.cause == "missing":  # the figure is not written; the rules on it are
                answer = stages.related_rules(base, query, found, hits, scoped, answer) or answer
            yield from emit(answer, pieces(answer.answer), clock)
            return
        draft = stages.quote_draft(found.quoted, stages.find_answer_slot(query, scoped, found))
        streamed = self.backend == "openai"
        if streamed:
            written = yield from self._write(query.standalone, scoped.kept, found.chosen)
            clock.lap("generate")
            draft = written if written.sentences else stages.Draft(draft.sentences, draft.citations, written.removed)
        unanswered = stages.unanswered_parts(query, scoped)
        answer = stages.finish(base, draft, hits, scoped.superseded, unanswered)
        absent = stages.absent_value(query, found)
        if absent is not None and answer.grounded:
            answer = stages.without_value(answer, absent)
        yield from emit(answer, [] if streamed else pieces(answer.answer), clock)

    # ---- stages that need the LLM -----------------------------------------------------------
    def _judge(self, question: str, chosen: list[evidence.Candidate]) -> float | None:
        """The LLM's log-odds that the chosen quotes answer the question (one short call)."""
        if self.llm is None or not self.config.judge_gate or self.backend != "local":
            return None
        quotes = "".join(compose.strip_label(c.text) for c in chosen)[: self.config.judge_chars]
        with self.llm_gate.slot():
            (score,) = self.llm.judge(question, [quotes])
        return score

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
        context = "\n".join(  # a planted instruction never reaches the writing model
            f"[{c.n}]《{c.title}》{c.clause_path}：{strip_instructions(c.text)[:600]}" for c in citations
        )
        text = ""
        llm, user = self.llm, WRITE_USER.format(context=context, question=question)
        for piece in self.llm_gate.stream(lambda: llm.stream(WRITE_SYSTEM, user, 300)):  # slot not held by a yield
            text += piece
            yield AnswerEvent("token", text=piece)
        kept, removed = verify_answer(text, {c.n: c for c in citations}, written=True)
        return stages.Draft(kept, citations, removed)


class Clock:
    """Seconds per stage, measured from the start of the request, into ``timings``."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.started = self.mark = time.perf_counter()
        self.timings = timings

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self.mark, 4)
        self.mark = now

    def total(self) -> None:
        self.timings["total"] = round(time.perf_counter() - self.started, 4)


def pieces(text: str) -> list[str]:
    """The final text in sentence-sized pieces (joined, they are the text exactly)."""
    cuts = [end for _, end in sentence_spans(text)]
    starts = [0, *cuts]
    return [p for p in (text[a:b] for a, b in zip(starts, [*cuts, len(text)])) if p]


def emit(answer: Answer, parts: list[str], clock: Clock) -> Iterator[AnswerEvent]:
    clock.total()
    for part in parts:
        yield AnswerEvent("token", text=part)
    yield AnswerEvent("final", answer=answer)
