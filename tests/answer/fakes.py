"""A fake LLM at the LLM boundary: implements the real interface (judge + stream)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence


class FakeLLM:
    """Scripted LLM: ``judge`` returns ``judge_score`` for every passage (or a function of the
    passage), ``stream`` yields ``reply`` in small pieces and records its prompts."""

    name = "fake"

    def __init__(self, reply: str = "", judge_score: float = 3.0, passage_scores: dict[str, float] | None = None):
        self.reply = reply
        self.judge_score = judge_score
        self.passage_scores = passage_scores or {}
        self.prompts: list[str] = []
        self.judged: list[str] = []
        self.release = threading.Event()
        self.release.set()

    def judge(self, question: str, passages: Sequence[str]) -> list[float]:
        self.release.wait(10)
        self.judged.extend(passages)
        return [next((v for k, v in self.passage_scores.items() if k in p), self.judge_score) for p in passages]

    def stream(self, system: str, user: str, max_tokens: int = 256) -> Iterator[str]:
        self.prompts.append(user)
        for start in range(0, len(self.reply), 4):
            yield self.reply[start : start + 4]
