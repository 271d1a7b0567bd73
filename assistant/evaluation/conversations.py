"""Follow-up evaluation: is a second message read with the first exchange's topic exactly when it leans on it?

Gold: ``evals/conversations_dev.jsonl`` (tuned on) and ``evals/conversations_test.jsonl`` (reported only),
two-turn conversations written by a helper who read the policy texts and the sample corpus, not the code:
the first question and the assistant's answer, the second message, whether it ``carries`` the first
question's topic (an elliptical or anaphoric follow-up: "那昌吉的呢？", "这个找谁申请？") or is a question of
its own ("加班一个月最多能加多少小时？" after an exchange on the probation period), the first question's words
a carried rewrite must ``keep`` and the words it must ``drop`` (filler, or the earlier topic when nothing is
carried). Scored on the rewrite the chat retrieves with (``understand.rewrite.standalone_question``):

- carry accuracy   the message read as a follow-up exactly when it is one
- kept             carried follow-ups whose rewrite holds every ``keep`` word
- leaked           rewrites holding a ``drop`` word the message itself does not say
- right            all three at once
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.types import Turn
from assistant.understand.rewrite import standalone_question


@dataclass(frozen=True)
class ConversationCase:
    id: str
    persona: str
    history: list[Turn]
    message: str
    carries: bool
    keep: list[str] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConversationResult:
    id: str
    persona: str
    message: str
    standalone: str
    carries: bool  # gold
    carried: bool  # read as a follow-up
    missing: list[str]  # keep words the rewrite lacks (carried follow-ups only)
    leaked: list[str]  # drop words the rewrite holds and the message does not

    @property
    def right(self) -> bool:
        return self.carries == self.carried and not self.missing and not self.leaked


def load_conversations(path: Path) -> list[ConversationCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            history = [Turn(role=t["role"], content=t["content"]) for t in data["history"]]
            cases.append(
                ConversationCase(
                    data["id"],
                    data.get("persona", ""),
                    history,
                    data["message"],
                    bool(data["carries"]),
                    list(data.get("keep", [])),
                    list(data.get("drop", [])),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a conversation case: {exc}") from exc
    return cases


def score_conversation(case: ConversationCase) -> ConversationResult:
    standalone = standalone_question(case.message, case.history)
    carried = standalone != case.message.strip()
    missing = [w for w in case.keep if w not in standalone] if case.carries and carried else []
    leaked = [w for w in case.drop if w in standalone and w not in case.message]
    return ConversationResult(case.id, case.persona, case.message, standalone, case.carries, carried, missing, leaked)


def summarize(results: list[ConversationResult]) -> dict[str, Any]:
    follow_ups = [r for r in results if r.carries]
    own = [r for r in results if not r.carries]
    carried_right = [r for r in follow_ups if r.carried]
    n = max(len(results), 1)
    return {
        "conversations": len(results),
        "follow_ups": len(follow_ups),
        "own_questions": len(own),
        "carry_accuracy": round(sum(r.carries == r.carried for r in results) / n, 4),
        "follow_ups_carried": round(len(carried_right) / max(len(follow_ups), 1), 4),
        "own_questions_alone": round(sum(not r.carried for r in own) / max(len(own), 1), 4),
        "kept": round(sum(not r.missing for r in carried_right) / max(len(carried_right), 1), 4),
        "leaked": sum(bool(r.leaked) for r in results),
        "right": round(sum(r.right for r in results) / n, 4),
    }


def run_conversation_eval(gold: Path, out: Path | None = None, summary: Path | None = None) -> dict[str, Any]:
    """Score every case of ``gold``; per-case rows to ``out`` (jsonl) and the summary to ``summary`` when given."""
    results = [score_conversation(case) for case in load_conversations(gold)]
    figures = summarize(results)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            "".join(json.dumps({**asdict(r), "right": r.right}, ensure_ascii=False) + "\n" for r in results),
            encoding="utf-8",
        )
    if summary is not None:
        summary.parent.mkdir(parents=True, exist_ok=True)
        data = {"gold": gold.name, "rewrite": figures}
        summary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return figures


def format_summary(figures: dict[str, Any]) -> str:
    return (
        f"conversations: {figures['conversations']} ({figures['follow_ups']} follow-ups, "
        f"{figures['own_questions']} questions of their own)\n"
        f"  carry accuracy      {figures['carry_accuracy']:.3f}   "
        f"(follow-ups carried {figures['follow_ups_carried']:.3f}, "
        f"own questions alone {figures['own_questions_alone']:.3f})\n"
        f"  topic kept          {figures['kept']:.3f}\n"
        f"  rewrites leaking    {figures['leaked']}\n"
        f"  right               {figures['right']:.3f}\n"
    )
