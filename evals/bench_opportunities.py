"""Benchmark (not a test): recommendation and policy-match latency at 10,000 postings.

    python evals/bench_opportunities.py --index DIR   # an index of corpus/ + the division's plan + the
                                                      # 2022 law (as tests/opportunities build it)

The index's real postings and programs are the templates: 10,000 synthetic postings are made from
them (majors, places, dates, kinds, levels and pay drawn at random, seeded) and put in the service's
item cache, so recommendations score them exactly as they score ingested ones (embedding 10,000
postings would only measure ingestion). Reported: p50 / p95 of

    core     Assistant.recommend over the 10,000 items (profile reading, major matching, scoring)
    api      POST /api/recommend through FastAPI's TestClient (validation, JSON, the core)
    match    POST /api/match (the catalog and the index's clauses; independent of postings)

over a set of profiles cycled ``--rounds`` times, after one warm-up call each (models and catalog
vectors load once, at first use). Timings on a shared 2-core machine are noisy: medians are the
figures to read. Written to evals/summaries/bench-opportunities.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fastapi.testclient import TestClient  # noqa: E402

from assistant.api import create_app  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.opportunities.items import OpportunityItem  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from assistant.understand.profiles import StudentProfile  # noqa: E402

TODAY = dt.date(2026, 12, 2)
PLACES = ["乌鲁木齐市头屯河区", "乌鲁木齐市米东区", "十二师西郊城区", "十二师五一农场", "昌吉市", "石河子市", "阜康市"]
PROFILES = [  # as the API takes them: lists are JSON arrays (the strict request schema)
    {
        "majors": ["汽修"],
        "level": "中职",
        "locations": ["乌鲁木齐附近"],
        "time": "明年春天",
        "wants_apprenticeship": True,
    },
    {"majors": ["电工"], "level": "中职", "locations": ["米东"], "available_from": "下学期", "kinds": ["实习", "学徒"]},
    {"majors": ["厨师"], "level": "技工", "locations": ["十二师"], "available_from": "寒假"},
    {"interests": ["机器人"], "level": "高职", "locations": ["昌吉"]},
    {"majors": ["护理"], "level": "高职", "locations": ["乌鲁木齐附近"], "kinds": ["实习", "培训"]},
    {"majors": ["开挖掘机"], "level": "中职"},  # nothing relates: the items nearest in meaning (a vector search)
]
ENTERPRISES = [
    {"text": "我在五一农场开了个汽修厂，想带几个职校的学徒"},
    {"types": ["产教融合试点企业"], "activities": ["举办职业教育投资"], "location": "十二师西郊城区"},
]


def synthesize(templates: list[OpportunityItem], count: int, seed: int = 13) -> list[OpportunityItem]:
    """``count`` postings varied from the real ones: same fields, random majors / places / dates."""
    rng = random.Random(seed)
    majors = sorted({m for t in templates for m in t.majors})
    postings = [t for t in templates if t.record_type == "posting"]
    out = []
    for n in range(count):
        base = rng.choice(postings)
        start = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(0, 365))
        out.append(
            replace(
                base,
                record_id=f"S{n:05d}",
                chunk_id=f"synthetic-{n}",
                kind=rng.choice(["实习", "全职", "学徒", "培训"]),
                majors=rng.sample(majors, k=rng.randint(1, 2)),
                location=rng.choice(PLACES),
                level=rng.choice(["中职", "高职", "中职及以上", "不限"]),
                apprenticeship=rng.random() < 0.3,
                start=start,
                end=start + dt.timedelta(days=rng.choice([30, 90, 180, 540])),
                deadline=TODAY + dt.timedelta(days=rng.randrange(-60, 200)),
                pay_min=rng.choice([None, 1500, 2500, 4000]),
            )
        )
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(calls: list, rounds: int) -> dict[str, float]:
    for call in calls:  # warm-up: models, catalog vectors, caches
        call()
    times = []
    for _ in range(rounds):
        for call in calls:
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(pct(times, 0.95), 2), "calls": len(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    settings = Settings(index_dir=args.index, corpus_dirs=[REPO / "corpus"], _env_file=None)  # type: ignore[call-arg]
    service = Assistant(settings).load()
    items = synthesize(service.opportunity_items(), args.postings)
    service._items, service._items_version = items, service.index.version  # the synthetic postings, cached
    profiles = [StudentProfile.model_validate(p, context={"today": TODAY}) for p in PROFILES]
    result: dict[str, object] = {"postings": len(items), "date": dt.date.today().isoformat()}
    result["core"] = timed([lambda p=p: service.recommend(p, 10, today=TODAY) for p in profiles], args.rounds)
    with TestClient(create_app(settings, assistant=service)) as client:
        service._items, service._items_version = items, service.index.version
        api = [lambda p=p: client.post("/api/recommend", json={"profile": p}).raise_for_status() for p in PROFILES]
        result["api"] = timed(api, args.rounds)
        match = [lambda e=e: client.post("/api/match", json=e).raise_for_status() for e in ENTERPRISES]
        result["match"] = timed(match, args.rounds)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = REPO / "evals" / "summaries" / "bench-opportunities.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
