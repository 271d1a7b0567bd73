"""Answer-level evaluation on ``evals/answers_gold.jsonl``.

Per question: were all gold facts in the answer (numbers compared through the one normaliser,
text/numbers.py: 百分之八十 is 80%, 二倍 is 2倍), which cited clauses contain a fact
(citation precision), quantities in the answer that no cited clause holds (unsupported
numbers), and for unanswerable questions whether the answer says so. Overall:

- fact accuracy      answerable questions answered with every fact / answerable questions
- fact recall        facts found / facts
- citation precision cited clauses holding a gold fact / cited clauses (answered, answerable)
- unsupported rate   grounded answers with a quantity no cited clause holds / grounded answers
- refusal accuracy   unanswerable questions answered "not in the documents" / unanswerable
- false refusals     answerable questions refused
- slot leads         answers opening with the asked thing (频次：… / 金额或比例：…), and how many of
                     those lines hold a fact of the case (a lead line stating the wrong thing misleads)
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer.types import Answer
from assistant.answer.verify import strip_markers
from assistant.places import scope_of
from assistant.service import Assistant
from assistant.text.numbers import normalize_numerals, quantities


@dataclass(frozen=True)
class AnswerCase:
    id: str
    persona: str
    question: str
    answerable: bool
    facts: list[str]
    doc: str | None
    clause: str | None
    kind: str = ""  # the thing asked (unit, amount, date ...): results are reported per kind


@dataclass
class AnswerResult:
    id: str
    answerable: bool
    grounded: bool
    facts_found: int
    facts_total: int
    cited: int
    cited_with_fact: int
    unsupported: list[str]
    seconds: float
    answer: str
    citations: list[str] = field(default_factory=list)
    kind: str = ""
    route: str = ""
    foreign: list[str] = field(default_factory=list)  # other places' documents cited though the question names none
    lead: str = ""  # the asked-thing sentence the answer opens with ('' when none)
    lead_has_fact: bool = False  # that sentence holds one of the case's facts

    @property
    def correct(self) -> bool:
        if not self.answerable:
            return not self.grounded
        return self.grounded and self.facts_found == self.facts_total


def load_answer_gold(path: Path) -> list[AnswerCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                data = json.loads(line)
                fields = {k: data.get(k) for k in AnswerCase.__dataclass_fields__ if k in data}
                cases.append(AnswerCase(**fields))
            except (json.JSONDecodeError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not an answer case: {exc}") from exc
    return cases


def _squash(text: str) -> str:
    return "".join(text.split())


def _holds(fact: str, text: str) -> bool:
    """The squashed fact is in the squashed text, word for word or with its numbers normalised
    (an answer quoting "80%" states the fact "百分之八十")."""
    return fact in text or normalize_numerals(fact) in normalize_numerals(text)


def score_answer(
    case: AnswerCase, answer: Answer, seconds: float, foreign_docs: frozenset[str] = frozenset()
) -> AnswerResult:
    text = _squash(answer.answer)
    facts = [_squash(f) for f in case.facts]
    found = sum(1 for f in facts if _holds(f, text))
    cited_with_fact = sum(1 for c in answer.citations if any(_holds(f, _squash(c.text)) for f in facts))
    sources = "".join(f"{c.text}{c.clause_path}{c.clause_no}" for c in answer.citations)
    allowed = quantities(sources) | quantities(_squash(sources))
    claims = "".join(strip_markers(s.text) for s in answer.sentences if s.source in {"quote", "slot", "generated"})
    names_a_place = bool(scope_of(case.question).foreign)
    foreign = [] if names_a_place else sorted({c.doc_id for c in answer.citations if c.doc_id in foreign_docs})
    unsupported = sorted(quantities(claims) - allowed) if answer.grounded else []
    lead = next((s.text for s in answer.sentences if s.source == "slot"), "") if answer.grounded else ""
    return AnswerResult(
        id=case.id,
        answerable=case.answerable,
        grounded=answer.grounded,
        facts_found=found,
        facts_total=len(facts),
        cited=len(answer.citations),
        cited_with_fact=cited_with_fact,
        unsupported=unsupported,
        seconds=round(seconds, 3),
        answer=answer.answer,
        citations=[f"{c.doc_id} {c.clause_path}" for c in answer.citations],
        kind=case.kind,
        route=answer.route,
        foreign=foreign,
        lead=lead,
        lead_has_fact=any(_holds(f, _squash(lead)) for f in facts),
    )


def summarize(results: list[AnswerResult]) -> dict[str, Any]:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    answered = [r for r in answerable if r.grounded]
    grounded = [r for r in results if r.grounded]
    cited = sum(r.cited for r in answered)
    times = [r.seconds for r in results]
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "fact_accuracy": round(sum(r.correct for r in answerable) / max(len(answerable), 1), 4),
        "fact_recall": round(sum(r.facts_found for r in answered) / max(sum(r.facts_total for r in answerable), 1), 4),
        "citation_precision": round(sum(r.cited_with_fact for r in answered) / max(cited, 1), 4),
        "unsupported_number_rate": round(sum(bool(r.unsupported) for r in grounded) / max(len(grounded), 1), 4),
        "refusal_accuracy": round(sum(r.correct for r in unanswerable) / max(len(unanswerable), 1), 4),
        "false_refusals": sum(not r.grounded for r in answerable),
        "foreign_quoted": sum(bool(r.foreign) for r in grounded),
        # answers opening with an asked-thing sentence, and how many of those hold a fact of the case
        "slot_leads": sum(bool(r.lead) for r in answered),
        "slot_leads_with_fact": sum(r.lead_has_fact for r in answered),
        "by_kind": _by_kind(results),
        "seconds_p50": round(statistics.median(times), 3) if times else 0.0,
        "seconds_p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 3) if times else 0.0,
    }


def _by_kind(results: list[AnswerResult]) -> dict[str, dict[str, Any]]:
    kinds: dict[str, list[AnswerResult]] = {}
    for r in results:
        kinds.setdefault(r.kind or "-", []).append(r)
    out = {}
    for kind, rows in sorted(kinds.items()):
        answerable = [r for r in rows if r.answerable]
        out[kind] = {
            "answerable": len(answerable),
            "facts_right": sum(r.correct for r in answerable),
            "unanswerable": len(rows) - len(answerable),
            "refused_right": sum(r.correct for r in rows if not r.answerable),
        }
    return out


def evaluate_answers(
    assistant: Assistant, cases: list[AnswerCase], backend: str | None = None
) -> tuple[list[AnswerResult], dict[str, Any]]:
    foreign = frozenset(d.doc_id for d in assistant.load().index.documents() if _is_foreign(d.metadata))
    chat = assistant.chat(backend)
    results = []
    for case in cases:
        started = time.perf_counter()
        answer = chat.answer(case.question)
        results.append(score_answer(case, answer, time.perf_counter() - started, foreign))
    return results, summarize(results)


def _is_foreign(meta: dict[str, Any]) -> bool:
    return meta.get("jurisdiction") in {"city", "province"}


def write_answer_results(results: list[AnswerResult], summary: dict[str, Any], out: Path, backend: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"answers-{backend}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for result in results:
            handle.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
    (out / f"answers-{backend}-summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return path


def format_summary(summary: dict[str, Any], backend: str) -> str:
    return (
        f"backend {backend}: {summary['questions']} questions "
        f"({summary['answerable']} answerable, {summary['unanswerable']} not)\n"
        f"  fact accuracy      {summary['fact_accuracy']:.3f}   (fact recall {summary['fact_recall']:.3f})\n"
        f"  citation precision {summary['citation_precision']:.3f}\n"
        f"  unsupported rate   {summary['unsupported_number_rate']:.3f}\n"
        f"  refusal accuracy   {summary['refusal_accuracy']:.3f}   (answerable refused: {summary['false_refusals']})\n"
        f"  other places' rules quoted though none named: {summary['foreign_quoted']}\n"
        f"  asked-thing lead lines holding a fact: {summary['slot_leads_with_fact']} of {summary['slot_leads']}\n"
        f"  seconds p50 / p95  {summary['seconds_p50']:.3f} / {summary['seconds_p95']:.3f}"
    )
