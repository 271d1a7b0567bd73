"""Running evaluations end to end: build (or update) the evaluation indexes, run all variants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.evaluation.cmrc import write_cmrc_corpus
from assistant.evaluation.default_pipeline import build_default_pipeline
from assistant.evaluation.gold import load_retrieval_gold
from assistant.evaluation.retrieval import (
    VariantResult,
    evaluate_variant,
    format_table,
    searcher_variant,
    write_results,
)
from assistant.ingest.pipeline import discover_files
from assistant.retrieve.searcher import SearchMode
from assistant.service import Assistant


def eval_assistant(settings: Settings, index_dir: Path, corpus: list[Path], embedder: Any = None) -> Assistant:
    """An Assistant on its own evaluation index, brought up to date with ``corpus``."""
    assistant = Assistant(settings.model_copy(update={"index_dir": index_dir}), embedder=embedder).load()
    report = assistant.ingest(corpus, prune=True)
    failed = report.summary()["failures"]
    if failed:
        raise RuntimeError(f"evaluation corpus did not ingest cleanly: {failed}")
    return assistant


def run_variants(
    assistant: Assistant, cases: list, files: list[Path] | None, with_rerank: bool, rerank_sample: int = 0
) -> list[VariantResult]:
    """bm25, dense, hybrid (and hybrid+reranker, llamaindex-default) on the same cases.

    A slow reranker (the LLM judge) can be measured on ``rerank_sample`` evenly spaced
    answerable questions; plain hybrid is then reported on the same sample beside it.
    """
    searcher = assistant.searcher
    results = [
        evaluate_variant("bm25", searcher_variant(searcher, SearchMode.bm25, False), cases),
        evaluate_variant("dense", searcher_variant(searcher, SearchMode.dense, False), cases),
        evaluate_variant("hybrid", searcher_variant(searcher, SearchMode.hybrid, False), cases),
    ]
    if with_rerank:
        sample = cases
        if rerank_sample:
            answerable = [c for c in cases if c.answerable]
            step = max(1, len(answerable) // rerank_sample)
            sample = answerable[::step][:rerank_sample]
            results.append(
                evaluate_variant(
                    f"hybrid (sample {len(sample)})", searcher_variant(searcher, SearchMode.hybrid, False), sample
                )
            )
        results.append(
            evaluate_variant(
                f"hybrid+{searcher.reranker.name}" + (f" (sample {len(sample)})" if rerank_sample else ""),
                searcher_variant(searcher, SearchMode.hybrid, True),
                sample,
            )
        )
    if files is not None:
        results.append(
            evaluate_variant("llamaindex-default", build_default_pipeline(files, assistant.index.embedder), cases)
        )
    return results


def run_retrieval_eval(
    settings: Settings,
    gold: Path,
    policies: Path,
    cmrc: Path | None,
    work_dir: Path,
    with_rerank: bool = True,
    with_default: bool = True,
    rerank_sample: int = 0,
    summary: Path | None = None,
) -> dict[str, Any]:
    """All variants on the team's gold set and (when given) on CMRC 2018 trial; results to ``work_dir``,
    the summary also to ``summary`` (``evals/summaries/retrieval.json``: the README tables come from it)."""
    cases = load_retrieval_gold(gold)
    assistant = eval_assistant(settings, work_dir / "index-policies", [policies])
    files = discover_files([policies]) if with_default else None
    team = run_variants(assistant, cases, files, with_rerank, rerank_sample)
    write_results(team, work_dir / "retrieval-team.jsonl")
    print(
        format_table(
            f"team gold set ({gold.name}, {sum(c.answerable for c in cases)} answerable of {len(cases)})", team
        )
    )
    report: dict[str, Any] = {
        "team": {r.name: {**r.metrics, "by_type": r.by_type, "seconds_per_query": r.seconds_per_query} for r in team}
    }
    if cmrc is not None:
        cmrc_cases = write_cmrc_corpus(cmrc, work_dir / "cmrc-corpus")
        cmrc_assistant = eval_assistant(
            settings, work_dir / "index-cmrc", [work_dir / "cmrc-corpus"], embedder=assistant.index.embedder
        )
        outside = run_variants(cmrc_assistant, cmrc_cases, None, with_rerank=False)
        write_results(outside, work_dir / "retrieval-cmrc.jsonl")
        print(format_table(f"CMRC 2018 trial ({len(cmrc_cases)} questions, 256 paragraphs)", outside))
        report["cmrc"] = {r.name: {**r.metrics, "seconds_per_query": r.seconds_per_query} for r in outside}
    for path in [work_dir / "retrieval-summary.json", *([summary] if summary else [])]:
        write_summary(path, report)
    return report


def write_summary(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def run_answer_eval(
    settings: Settings,
    gold: Path,
    policies: Path,
    work_dir: Path,
    backends: list[str],
    summary: Path | None = None,
    routing: Path | None = None,
) -> dict[str, Any]:
    """Each backend on an answer gold set (and the routing messages beside it), over the shared
    policies' evaluation index; the summary also to ``summary`` (the README tables come from it)."""
    from assistant.evaluation.answers import evaluate_answers, format_summary, load_answer_gold, write_answer_results
    from assistant.evaluation.routing import evaluate_routing, load_routing_gold

    cases = load_answer_gold(gold)
    assistant = eval_assistant(settings, work_dir / "index-policies", [policies])
    report: dict[str, Any] = {"gold": gold.name}
    for backend in backends:
        results, measured = evaluate_answers(assistant, cases, backend)
        write_answer_results(results, measured, work_dir, f"{gold.stem}-{backend}")
        print(format_summary(measured, backend))
        report[backend] = measured
    if routing is not None:
        report["routing"] = evaluate_routing(assistant.understander(), load_routing_gold(routing))
        print(f"routing ({routing.name}): accuracy {report['routing']['accuracy']:.3f}")
    if summary is not None:
        write_summary(summary, report)
    return report
