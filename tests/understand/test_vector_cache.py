"""The labelled examples' vectors kept on disk beside the index: written whole, by several writers at once."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from assistant.understand.understander import _load_cache, query_embedder


def _fake_model(texts: list[str]) -> list[list[float]]:
    """A stand-in for the e5 query side (the cache is what is tested): one fixed vector per text."""
    return [[float(len(t)), float(sum(map(ord, t)) % 97), 1.0] for t in texts]


def test_writers_at_once_each_leave_a_whole_file(tmp_path: Path) -> None:
    """A server and a CLI command starting on one index both write the cache: no writer fails (a shared
    temporary name once made the second rename raise FileNotFoundError) and the file reads back whole."""
    cache = tmp_path / "understand-examples.npz"
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        embed = query_embedder(_fake_model, cache=cache)
        for round_ in range(15):
            try:
                embed([f"例句{n}-{round_}-{i}" for i in range(12)])
            except BaseException as exc:  # noqa: BLE001 - collected, asserted below
                failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    saved = _load_cache(cache)
    assert len(saved) >= 12 * 15 and all(np.isclose(np.linalg.norm(v), 1.0) for v in saved.values())
    assert [p.name for p in tmp_path.iterdir()] == [cache.name]  # no temporary file left behind
