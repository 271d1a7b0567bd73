"""The LLM gate: a slot is never held across the reader's ``yield``."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from assistant.errors import LLMBusy, LLMUnavailable
from assistant.llm.base import LLMGate


def slow_pieces(n: int, delay: float, done: threading.Event | None = None) -> Iterator[str]:
    try:
        for i in range(n):
            time.sleep(delay)
            yield f"p{i}"
    finally:
        if done is not None:
            done.set()


def test_closing_the_stream_frees_the_slot_at_once() -> None:
    gate = LLMGate(concurrency=1, queue=0, timeout=5)
    stopped = threading.Event()
    stream = gate.stream(lambda: slow_pieces(1000, 0.05, stopped))
    assert next(stream) == "p0"
    with pytest.raises(LLMBusy):  # the slot is taken while the stream runs
        with gate.slot():
            pass
    started = time.perf_counter()
    stream.close()  # what the edge does when the client goes away
    with gate.slot():  # free now: no wait for the generator to be collected
        pass
    assert time.perf_counter() - started < 0.5
    assert stopped.wait(2), "the worker stops at its next piece"


def test_an_abandoned_stream_frees_the_slot_when_the_generation_ends() -> None:
    gate = LLMGate(concurrency=1, queue=0, timeout=5)
    stream = gate.stream(lambda: slow_pieces(5, 0.02))
    assert next(stream) == "p0"  # never read again, never closed, still referenced
    deadline = time.monotonic() + 3
    while True:
        try:
            with gate.slot():
                break
        except LLMBusy:
            assert time.monotonic() < deadline, "slot still held after the generation ended"
            time.sleep(0.05)
    assert stream is not None


def test_pieces_arrive_in_order_and_errors_reach_the_reader() -> None:
    gate = LLMGate(concurrency=1, queue=0, timeout=5)
    assert list(gate.stream(lambda: slow_pieces(4, 0))) == ["p0", "p1", "p2", "p3"]

    def failing() -> Iterator[str]:
        yield "a"
        raise LLMUnavailable("server went away")

    with pytest.raises(LLMUnavailable, match="went away"):
        list(gate.stream(failing))
    with gate.slot():  # released after the failure too
        pass


def test_a_full_gate_refuses_a_stream_before_it_starts() -> None:
    gate = LLMGate(concurrency=1, queue=0, timeout=5)
    with gate.slot():
        with pytest.raises(LLMBusy):
            next(gate.stream(lambda: slow_pieces(1, 0)))
