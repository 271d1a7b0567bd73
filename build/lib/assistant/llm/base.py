"""What the answerer needs of an LLM, and the gate that bounds how many requests use it.

Two abilities, both optional in use:
- ``judge(question, passages)``: log-odds that each passage answers the question;
- ``stream(system, user, max_tokens)``: generated text, piece by piece.
The ``extractive`` backend is no LLM at all (``None``), always available.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from assistant.errors import LLMBusy, LLMUnavailable

_END = object()


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

    def _enter(self) -> Callable[[], None]:
        """Take a place and a slot (or raise LLMBusy); returns the release, safe to call twice."""
        if not self._admitted.acquire(blocking=False):
            raise LLMBusy(f"the LLM is busy ({self.capacity} requests running or waiting); retry shortly")
        if not self._slots.acquire(timeout=self.timeout):
            self._admitted.release()
            raise LLMBusy(f"waited {self.timeout:.0f} s for the LLM; retry shortly", retry_after=30)
        lock = threading.Lock()
        held = [True]

        def release() -> None:
            with lock:
                if not held[0]:
                    return
                held[0] = False
            self._slots.release()
            self._admitted.release()

        return release

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold a slot for a block of code that does not yield (a judge call)."""
        release = self._enter()
        try:
            yield
        finally:
            release()

    def stream(self, produce: Callable[[], Iterator[str]]) -> Iterator[str]:
        """The pieces of ``produce()``, generated in a worker thread that holds the slot.

        The caller's generator never holds the slot across its ``yield``: when it is closed
        (the client went away and the edge closed the stream) the slot is released at once and
        the worker stops at its next piece; when it is merely abandoned, the slot is released
        as soon as the generation ends, not when the generator is garbage-collected.
        """
        release = self._enter()
        pieces: queue.Queue[object] = queue.Queue()
        stop = threading.Event()

        def work() -> None:
            source = produce()
            try:
                for piece in source:
                    if stop.is_set():
                        break
                    pieces.put(piece)
                pieces.put(_END)
            except Exception as exc:  # noqa: BLE001 - handed to the reader, raised there
                pieces.put(exc)
            finally:
                release()
                close = getattr(source, "close", None)
                if close is not None:
                    close()

        threading.Thread(target=work, name="llm-stream", daemon=True).start()
        try:
            while True:
                try:
                    item = pieces.get(timeout=self.timeout)
                except queue.Empty:
                    raise LLMUnavailable(f"the LLM sent nothing for {self.timeout:.0f} s") from None
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                assert isinstance(item, str)
                yield item
        finally:
            stop.set()
            release()
