"""What an answer is: text with [n] markers, its verified citations, and stream events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from typing import Any, Literal

from assistant.types import Citation, Turn

__all__ = ["Answer", "AnswerEvent", "AnswerMode", "AnswerSentence", "Citation", "Turn"]


class AnswerMode(str, Enum):
    """How the answer is worded: a chat reply, or a reply to a public inquiry ready to copy."""

    chat = "chat"
    staff = "staff"


@dataclass
class AnswerSentence:
    """One sentence of the answer with the markers it carries and how it was checked."""

    text: str
    markers: list[int]
    # conversation: about the conversation itself ("上面只列出了1个机会"), no claim the documents must back;
    # listing: an item the UI also shows as a card or a table row; record: a platform record only the text shows
    # (the schools' graduate records among an enterprise's benefits, talent_supply.py)
    source: Literal["quote", "slot", "lead", "generated", "notice", "listing", "record", "conversation"]
    verified: bool


@dataclass
class Answer:
    question: str
    standalone_question: str  # the question after multi-turn rewriting (== question when none)
    answer: str  # the full text shown to the user, markers included
    grounded: bool
    mode: AnswerMode
    backend: str
    citations: list[Citation] = field(default_factory=list)
    sentences: list[AnswerSentence] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # sentences dropped by verification, with the reason
    refer_to: str = ""  # responsible unit to contact when the documents do not answer
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    route: str = "policy"  # policy | benefits | opportunities: which capability answered
    asked: str = ""  # the kind of thing the question asks (unit, amount, date ...)
    opportunities: list[dict[str, Any]] = field(default_factory=list)  # postings / programs, with reasons
    benefits: list[dict[str, Any]] = field(default_factory=list)  # matched benefits and duties, with conditions
    profile: dict[str, Any] = field(default_factory=dict)  # what was read of the person (student / enterprise)

    def with_(self, **changes: Any) -> Answer:
        """A new answer with ``changes`` (stages return new answers instead of mutating one)."""
        return replace(self, **changes)

    def with_notice(self, text: str, first: bool = True, **changes: Any) -> Answer:
        """A new answer with the notice ``text`` as a line of its own, first or last (an unverifiable
        sentence of the assistant's: "资料中没有写明…", who to ask, how to search), and ``changes``."""
        notice = AnswerSentence(text, [], "notice", True)
        if first:
            return self.with_(answer=text + "\n" + self.answer, sentences=[notice, *self.sentences], **changes)
        return self.with_(answer=self.answer + "\n" + text, sentences=[*self.sentences, notice], **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mode"] = self.mode.value
        return data


@dataclass
class AnswerEvent:
    """A streaming event: ``token`` text pieces as they come, then exactly one ``final``
    (the verified answer with citations), or one ``error``."""

    type: Literal["token", "final", "error"]
    text: str = ""
    answer: Answer | None = None
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        if self.type == "final" and self.answer is not None:
            return {"type": "final", "answer": self.answer.to_dict()}
        if self.type == "error":
            return {"type": "error", "error": self.error}
        return {"type": "token", "text": self.text}
