"""Routing evaluation: do persona messages reach the capability they need?

Gold: ``evals/routing_dev.jsonl`` (tuned on) and ``evals/routing_test.jsonl`` (reported only),
one message each with its route (policy / benefits / opportunities) and its writer's persona. Routed from
the words alone (``accuracy``) and with the persona the writer would choose in the chat (``with_persona``).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.types import Persona
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


# the gold sets' personas as the chat's 我是 choice would give them
_CHOSEN = {
    "student": Persona.student,
    "parent": Persona.student,
    "enterprise_hr": Persona.enterprise,
    "business_owner": Persona.enterprise,
    "enterprise": Persona.enterprise,
    "teacher": Persona.school,
    "school": Persona.school,
    "staff": Persona.staff,
}


def chosen_persona(gold_persona: str) -> Persona:
    """The 我是 choice a gold case's writer would make (unknown when the case names none)."""
    return _CHOSEN.get(gold_persona, Persona.unknown)


def evaluate_routing(understander: Understander, cases: list[RoutingCase]) -> dict[str, Any]:
    """Accuracy, per-route recall and the confusions (gold -> routed), from the message's words alone; and
    ``with_persona``: the accuracy when each writer also chose who they are (the chat's 我是)."""
    routed = [(case, understander.understand(case.message).route.value) for case in cases]
    chosen = [understander.understand(c.message, persona=chosen_persona(c.persona)).route.value for c in cases]
    right = [case for case, route in routed if route == case.route]
    per_route = {}
    for route in sorted({c.route for c in cases}):
        gold = [c for c in cases if c.route == route]
        per_route[route] = round(sum(c in right for c in gold) / len(gold), 4)
    confusions = Counter(f"{c.route}->{r}" for c, r in routed if r != c.route)
    return {
        "messages": len(cases),
        "accuracy": round(len(right) / max(len(cases), 1), 4),
        "with_persona": round(sum(r == c.route for c, r in zip(cases, chosen, strict=True)) / max(len(cases), 1), 4),
        "per_route": per_route,
        "confusions": dict(confusions.most_common()),
        "wrong": [{"id": c.id, "message": c.message, "gold": c.route, "routed": r} for c, r in routed if r != c.route],
    }
