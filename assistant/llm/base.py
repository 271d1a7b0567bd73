"""What the answerer needs of an LLM, and the gate that bounds how many requests use it.

Two abilities, both optional in use:
- ``judge(question, passages)``: log-odds that each passage answers the question;
- ``stream(system, user, max_tokens)``: generated text, piece by piece.
The ``extractive`` backend is no LLM at all (``None``), always available.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from assistant.errors import LLMBusy


class LLM(Protocol):
    name: str

    def judge(self, question: str, passages: Sequence[str]) -> list[float]: ...

    def stream(self, system: str, user: str, max_tokens: int = 256) -> Iterator[str]: ...


class LLMGate:
    """At most ``concurrency`` requests use the LLM at once, at most ``queue`` wait.

    A request beyond that is refused at once with :class:`LLMBusy` (HTTP 503 with
    Retry-After) instead of piling up work the machine cannot hold in memory.
    """

    def __init__(self, concurrency: int = 1, queue: int = 8, timeout: float = 120.0) -> None:
        self._slots = threading.BoundedSemaphore(concurrency)
        self._admitted = threading.BoundedSemaphore(concurrency + queue)
        self.timeout = timeout
        self.capacity = concurrency + queue

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._admitted.acquire(blocking=False):
            raise LLMBusy(f"the LLM is busy ({self.capacity} requests running or waiting); retry shortly")
        try:
            if not self._slots.acquire(timeout=self.timeout):
                raise LLMBusy(f"waited {self.timeout:.0f} s for the LLM; retry shortly", retry_after=30)
            try:
                yield
            finally:
                self._slots.release()
        finally:
            self._admitted.release()
