"""Routing evaluation: do persona messages reach the capability they need?

Gold: ``evals/routing_dev.jsonl`` (tuned on) and ``evals/routing_test.jsonl`` (reported only),
one message each with its route (policy / benefits / opportunities).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.understand.understander import Understander


@dataclass(frozen=True)
class RoutingCase:
    id: str
    persona: str
    message: str
    route: str


def load_routing_gold(path: Path) -> list[RoutingCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                data = json.loads(line)
                cases.append(RoutingCase(data["id"], data.get("persona", ""), data["message"], data["route"]))
            except (json.JSONDecodeError, KeyError) as exc:
                raise ValueError(f"{path}:{number}: not a routing case: {exc}") from exc
    return cases


def evaluate_routing(understander: Understander, cases: list[RoutingCase]) -> dict[str, Any]:
    """Accuracy, per-route recall and the confusions (gold -> routed)."""
    routed = [(case, understander.understand(case.message).route.value) for case in cases]
    right = [case for case, route in routed if route == case.route]
    per_route = {}
    for route in sorted({c.route for c in cases}):
        gold = [c for c in cases if c.route == route]
        per_route[route] = round(sum(c in right for c in gold) / len(gold), 4)
    confusions = Counter(f"{c.route}->{r}" for c, r in routed if r != c.route)
    return {
        "messages": len(cases),
        "accuracy": round(len(right) / max(len(cases), 1), 4),
        "per_route": per_route,
        "confusions": dict(confusions.most_common()),
        "wrong": [{"id": c.id, "message": c.message, "gold": c.route, "routed": r} for c, r in routed if r != c.route],
    }
