"""Benchmark (not a test): the yearly supply-and-demand report over 10,000 postings and 500 programs.

    python evals/bench_report.py [--postings 10000] [--programs 500] [--rounds 7]

Synthetic records (seeded: places, majors, headcounts and publication years cycled) go straight to
``build_report``, the function the CLI, API and UI call after reading the files; the median and the
slowest of ``--rounds`` builds are reported against the issue's 5 s target. Written to
evals/summaries/bench-report.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.platform.report import build_report  # noqa: E402
from assistant.records import Posting, PostingKind, Program, ProgramLevel  # noqa: E402

PLACES = ["乌鲁木齐市米东区", "昌吉市", "十二师104团", "十二师西郊城区", "石河子市"]
TARGET_S = 5.0


def synthetic(postings: int, programs: int) -> tuple[list[Posting], list[Program]]:
    majors = [f"专业{i}" for i in range(60)]
    jobs = [
        Posting(
            id=f"J{i}",
            title="岗位",
            kind=PostingKind.fulltime,
            enterprise=f"企业{i % 300}",
            location=PLACES[i % 5],
            majors=[majors[i % 60]],
            positions=1 + i % 7,
            published=dt.date(2024 + i % 3, 1 + i % 12, 1),
        )
        for i in range(postings)
    ]
    schools = [
        Program(
            id=f"P{i}",
            name=majors[i % 60],
            code="1",
            school=f"学校{i % 20}",
            level=ProgramLevel.gaozhi,
            duration="3年",
            location=PLACES[i % 5],
            enrollment=50,
        )
        for i in range(programs)
    ]
    return jobs, schools


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--programs", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    postings, programs = synthetic(args.postings, args.programs)
    seconds = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        build_report(2026, "十二师", postings, programs, [], [])
        seconds.append(time.perf_counter() - start)
    summary = {
        "postings": args.postings,
        "programs": args.programs,
        "date": dt.date.today().isoformat(),
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
        "rounds": args.rounds,
        "target_s": TARGET_S,
    }
    out = REPO / "evals" / "summaries" / "bench-report.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
