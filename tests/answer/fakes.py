"""A fake LLM at the LLM boundary: implements the real interface (judge + stream)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


class FakeLLM:
    """Scripted LLM: ``judge`` returns ``judge_score`` for every passage, ``stream`` yields
    ``reply`` in small pieces and records its prompts."""

    name = "fake"

    def __init__(self, reply: str = "", judge_score: float = 3.0):
        self.reply = reply
        self.judge_score = judge_score
        self.prompts: list[str] = []
        self.judged: list[str] = []

    def judge(self, question: str, passages: Sequence[str]) -> list[float]:
        self.judged.extend(passages)
        return [self.judge_score for _ in passages]

    def stream(self, system: str, user: str, max_tokens: int = 256) -> Iterator[str]:
        self.prompts.append(user)
        for start in range(0, len(self.reply), 4):
            yield self.reply[start : start + 4]
