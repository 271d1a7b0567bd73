"""Load benchmark (not a test): the real server under concurrent searches and asks, on loopback only.

    OMP_WAIT_POLICY=PASSIVE python evals/bench_load.py [--duration 60] [--search-clients 20] [--askers 4]
                                                       [--min-requests 10000] [--llm extractive|local]

What it does, in order:

1. starts ``assistant serve`` (uvicorn, the API and the web UI, as ``make run``) in a subprocess on
   127.0.0.1 and a free port, over the bundled sample ``corpus/`` (its index is built on the first
   run and kept in ``--index``), a fresh data directory and rate limits off (every client here is
   127.0.0.1: the per-client limits would turn the load into 429s; tests/api/test_guards.py tests them);
2. warms it up (the first answer builds the question reader) and reads its RSS (``/proc/<pid>/status``);
3. runs ``--search-clients`` clients (each alternating ``POST /api/search`` and
   ``POST /api/opportunities/search``) and ``--askers`` clients (``POST /api/ask``) for at least
   ``--duration`` seconds and at least ``--min-requests`` requests (at most ``--max-duration`` s),
   each client sending its next request when the last is answered; every non-200 is an error;
4. reads the RSS again (growth from the warm state) and sends ``capacity + 6`` asks at once to a
   backend whose answers take the LLM gate: the extra ones must be 503 with ``Retry-After``, none a
   500. That backend is ``openai`` pointed at a slow stand-in server in this process (loopback, 3 s
   per answer; allowed per request through ``ASSISTANT_LLM_ALLOWED_BACKENDS``): the gate is one per
   server, and it is the only backend whose default path writes with the model (``local`` answers
   extractively unless the judge gate is configured on).

``--llm local`` serves with the bundled local model loaded (the askers use it; its RSS is in the figures).

Written to ``evals/summaries/load.json``: requests, errors, p50 / p95 / p99 per endpoint, RSS before /
after / peak and growth, the queue step's statuses. The load generator shares the machine's cores with
the server: the figures are the server's under that competition, not its capacity alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HOST = "127.0.0.1"  # loopback only: this script never sends load anywhere else
DEFAULT_INDEX = Path.home() / ".cache" / "policy-assistant" / "bench-load-index"
SEARCHES = [
    "实习补贴",
    "劳动合同试用期",
    "职业技能培训补贴标准",
    "产教融合型企业税费抵免",
    "现代学徒制",
    "校企合作实训基地",
    "职业教育法",
    "十二师 产教融合",
    "教师企业实践",
    "就业见习",
]
OPPORTUNITY_SEARCHES = ["汽车维修实习", "电工", "护理", "新能源", "厨师学徒", "", "乌鲁木齐 全职", "机器人"]
QUESTIONS = [
    "企业招用实习生要注意什么？",
    "职业培训补贴有哪些？",
    "劳动合同的试用期最长多久？",
    "十二师产教融合试点企业投资职业教育能抵免哪些税费？",
    "我是学汽修的中职生，想在乌鲁木齐附近找实习",
    "我们是一家汽修企业，准备和职校搞学徒制，有什么支持？",
]
QUEUE_QUESTION = "劳动合同的试用期最长多久？"  # a policy answer: its writing takes the LLM gate
QUEUE_EXTRA = 6


@dataclass
class Sample:
    endpoint: str
    status: int  # 0: no response (connection error, timeout)
    seconds: float
    error: str = ""


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    rss_peak_kb: int = 0
    rss_timeline: list[tuple[float, int, float]] = field(default_factory=list)  # (s, requests, MB)


# ---- the server ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def rss_kb(pid: int) -> int:
    """Resident set size of ``pid`` from ``/proc/<pid>/status`` (VmRSS, kB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def start_server(args: argparse.Namespace, data_dir: Path, log: Path, stub_url: str) -> tuple[Any, str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE"),
        "ASSISTANT_INDEX_DIR": str(args.index),
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_CORPUS_DIRS": str(REPO / "corpus"),
        "ASSISTANT_LLM_BACKEND": args.llm,
        "ASSISTANT_RATE_ASK_PER_MINUTE": "0",
        "ASSISTANT_RATE_ADMIN_PER_MINUTE": "0",
        "ASSISTANT_RATE_WRITE_PER_MINUTE": "0",
    }
    env |= {
        "ASSISTANT_LLM_ALLOWED_BACKENDS": "openai",
        "ASSISTANT_OPENAI_BASE_URL": stub_url,
        "ASSISTANT_OPENAI_MODEL": "stand-in",
    }
    command = [sys.executable, "-m", "assistant.cli", "serve", "--host", HOST, "--port", str(port)]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + args.start_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(1)
    process.terminate()
    raise RuntimeError(f"the server did not answer within {args.start_timeout} s:\n{log.read_text()[-3000:]}")


# ---- a slow OpenAI-compatible stand-in (the queue step of the extractive run) --------------------


class StandIn:
    """Answers chat completions slowly (one piece every 0.3 s, 10 pieces), counting the calls."""

    def __init__(self) -> None:
        self.calls = 0
        app = FastAPI()

        @app.post("/v1/chat/completions", response_model=None)
        async def completions(request: Request) -> Any:
            self.calls += 1
            body = await request.json()
            base = {"id": "x", "created": 0, "model": body.get("model", "stand-in")}
            if not body.get("stream"):  # the judge: one word
                await asyncio.sleep(0.3)
                message = {"role": "assistant", "content": "是"}
                choice = {"index": 0, "message": message, "finish_reason": "stop"}
                return {**base, "object": "chat.completion", "choices": [choice]}

            async def pieces() -> Any:
                for _ in range(10):
                    await asyncio.sleep(0.3)
                    delta = {"content": "依据规定办理。"}
                    chunk = {**base, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta}]}
                    yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
                yield "data: [DONE]\n\n"

            return StreamingResponse(pieces(), media_type="text/event-stream")

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> StandIn:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(5)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/v1"


# ---- load --------------------------------------------------------------------------------------


async def send(client: httpx.AsyncClient, endpoint: str, body: dict[str, Any], run: Run) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await client.post(endpoint, json=body)
    except httpx.HTTPError as exc:
        run.samples.append(Sample(endpoint, 0, time.perf_counter() - started, f"{type(exc).__name__}: {exc}"))
        return None
    seconds = time.perf_counter() - started
    error = "" if response.status_code == 200 else response.text[:200]
    run.samples.append(Sample(endpoint, response.status_code, seconds, error))
    return response


def cycle(items: list[str], start: int) -> Iterator[str]:
    position = start
    while True:
        yield items[position % len(items)]
        position += 1


async def searcher(number: int, url: str, stop: asyncio.Event, run: Run) -> None:
    policy, postings = cycle(SEARCHES, number), cycle(OPPORTUNITY_SEARCHES, number)
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        turn = number
        while not stop.is_set():
            if turn % 2 == 0:
                await send(client, "/api/search", {"query": next(policy), "top_k": 5}, run)
            else:
                await send(client, "/api/opportunities/search", {"query": next(postings), "top_k": 10}, run)
            turn += 1


async def asker(number: int, url: str, stop: asyncio.Event, run: Run) -> None:
    questions = cycle(QUESTIONS, number)
    async with httpx.AsyncClient(base_url=url, timeout=300) as client:
        while not stop.is_set():
            await send(client, "/api/ask", {"question": next(questions)}, run)


async def watch(args: argparse.Namespace, pid: int, stop: asyncio.Event, run: Run, started: float) -> None:
    shown = started
    while True:
        await asyncio.sleep(1)
        elapsed = time.monotonic() - started
        run.rss_peak_kb = max(run.rss_peak_kb, rss_kb(pid))
        enough = elapsed >= args.duration and len(run.samples) >= args.min_requests
        if enough or elapsed >= args.max_duration:
            stop.set()
            return
        if time.monotonic() - shown >= 30:
            shown = time.monotonic()
            rss = rss_kb(pid) / 1024
            run.rss_timeline.append((round(elapsed), len(run.samples), round(rss, 1)))
            print(f"  {elapsed:5.0f} s  {len(run.samples):6d} requests  RSS {rss:.0f} MB", file=sys.stderr)


async def load(args: argparse.Namespace, url: str, pid: int) -> tuple[Run, float]:
    run, stop = Run(), asyncio.Event()
    started = time.monotonic()
    workers = [searcher(n, url, stop, run) for n in range(args.search_clients)]
    workers += [asker(n, url, stop, run) for n in range(args.askers)]
    await asyncio.gather(watch(args, pid, stop, run, started), *workers)
    return run, time.monotonic() - started


async def fill_queue(url: str, backend: str, capacity: int) -> dict[str, Any]:
    """``capacity + QUEUE_EXTRA`` asks at once: the ones over the gate's capacity must be 503 + Retry-After."""
    run = Run()
    body = {"question": QUEUE_QUESTION, "backend": backend}
    async with httpx.AsyncClient(base_url=url, timeout=600) as client:
        responses = await asyncio.gather(*[send(client, "/api/ask", body, run) for _ in range(capacity + QUEUE_EXTRA)])
    refused = [r for r in responses if r is not None and r.status_code == 503]
    busy = [r for r in refused if r.json().get("error") == "busy" and r.headers.get("retry-after", "").isdigit()]
    return {
        "sent": capacity + QUEUE_EXTRA,
        "capacity": capacity,
        "statuses": dict(Counter(s.status for s in run.samples)),
        "errors_503": dict(Counter(r.json().get("error", "?") for r in refused)),
        "busy_with_retry_after": len(busy),
        "server_errors_other_than_503": sum(1 for s in run.samples if s.status >= 500 and s.status != 503),
        "no_response": sum(1 for s in run.samples if s.status == 0),
        "answered_latency_ms": _percentiles([s.seconds for s in run.samples if s.status == 200]),
    }


# ---- report ------------------------------------------------------------------------------------


def _percentiles(seconds: list[float]) -> dict[str, float]:
    if len(seconds) < 2:
        return {"p50": round(seconds[0] * 1000, 1)} if seconds else {}
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return {name: round(cuts[at] * 1000, 1) for name, at in (("p50", 49), ("p95", 94), ("p99", 98))}


def summarize(run: Run) -> dict[str, Any]:
    endpoints: dict[str, Any] = {}
    for endpoint in sorted({s.endpoint for s in run.samples}):
        mine = [s for s in run.samples if s.endpoint == endpoint]
        ok = [s.seconds for s in mine if s.status == 200]
        endpoints[endpoint] = {
            "requests": len(mine),
            "errors": sum(1 for s in mine if s.status != 200),
            "statuses": dict(Counter(s.status for s in mine)),
            "latency_ms": _percentiles(ok),
            "max_ms": round(max(ok) * 1000, 1) if ok else None,
        }
    return endpoints


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load at least (default 60)")
    parser.add_argument("--min-requests", type=int, default=10_000, help="requests at least (default 10,000)")
    parser.add_argument("--max-duration", type=float, default=900, help="seconds of load at most (default 900)")
    parser.add_argument("--search-clients", type=int, default=20)
    parser.add_argument("--askers", type=int, default=4)
    parser.add_argument("--llm", choices=["extractive", "local"], default="extractive")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index of corpus/ (built when empty)")
    parser.add_argument("--start-timeout", type=float, default=1200, help="seconds for start-up and indexing")
    parser.add_argument("--out", type=Path, default=REPO / "evals" / "summaries" / "load.json")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.index.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="bench-load-data-"))
    log = data_dir / "server.log"
    with StandIn() as stand_in:
        process, url = start_server(args, data_dir, log, stand_in.url)
        try:
            with httpx.Client(base_url=url, timeout=600) as client:  # warm-up: the first answer reads its examples
                for question in QUESTIONS[:2]:
                    client.post("/api/ask", json={"question": question}).raise_for_status()
                client.post("/api/search", json={"query": "实习"}).raise_for_status()
                client.post("/api/opportunities/search", json={"query": "电工"}).raise_for_status()
                capacity = _gate_capacity()
            rss_before = rss_kb(process.pid)
            print(f"server pid {process.pid} at {url}, RSS {rss_before / 1024:.0f} MB; loading", file=sys.stderr)
            run, seconds = asyncio.run(load(args, url, process.pid))
            rss_after = rss_kb(process.pid)
            calls_before = stand_in.calls
            queue = asyncio.run(fill_queue(url, "openai", capacity))
            queue["stand_in_llm_calls"] = stand_in.calls - calls_before
        finally:
            process.terminate()
            process.wait(30)
    errors = sum(1 for s in run.samples if s.status != 200)
    summary = {
        "config": {
            "search_clients": args.search_clients,
            "askers": args.askers,
            "llm": args.llm,
            "min_seconds": args.duration,
            "min_requests": args.min_requests,
            "cpus": os.cpu_count(),
            "server": "assistant serve (uvicorn, API + web UI), rate limits off, loopback",
            "malloc_arena_max": os.environ.get("MALLOC_ARENA_MAX", "glibc default"),
        },
        "seconds": round(seconds, 1),
        "requests": len(run.samples),
        "requests_per_second": round(len(run.samples) / seconds, 1),
        "errors": errors,
        "error_examples": sorted({f"{s.endpoint} {s.status} {s.error[:120]}" for s in run.samples if s.error})[:5],
        "endpoints": summarize(run),
        "rss_mb": {
            "before": round(rss_before / 1024, 1),
            "after": round(rss_after / 1024, 1),
            "peak": round(run.rss_peak_kb / 1024, 1),
            "growth_percent": round((rss_after - rss_before) / rss_before * 100, 2),
            "after_at_least_10000_requests": len(run.samples) >= 10_000,
            "timeline_s_requests_mb": run.rss_timeline,
        },
        "llm_queue_full": {"backend": "openai (the stand-in)", **queue},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    shutil.rmtree(data_dir, ignore_errors=True)
    ok = errors == 0 and queue["server_errors_other_than_503"] == 0 and queue["busy_with_retry_after"] > 0
    return 0 if ok else 1


def _gate_capacity() -> int:
    """LLM calls at once plus requests waiting, as the server reads them (its defaults unless set here)."""
    from assistant.config import Settings

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return settings.llm_max_concurrency + settings.llm_max_queue


if __name__ == "__main__":
    raise SystemExit(main())
