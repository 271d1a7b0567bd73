"""A test-only fault hook: kill the process at a named point of the index write path.

``ASSISTANT_FAULT_KILL_AT=<stage>:<n>`` makes the process send itself ``SIGKILL`` the ``n``-th time
(counted from 1, per process) the write path reaches ``<stage>``. Unset (always, outside tests) it
does nothing. The crash tests use it to stop ingestion at exact points and check that running the
ingestion again reaches the state of a clean run. The stages, in the order one document meets them:

    pending   the catalog row is marked pending; no vector of the document changed yet
    vectors   the document's new vectors are in Chroma; its stale ones are not deleted yet
    stale     its stale vectors are deleted; the catalog (chunk rows + BM25 tokens) is not committed
    commit    the catalog commit is done (the point between one document and the next)
    delete    a removed document's vectors are deleted; its catalog rows are not yet
    swap      (rebuild, restore) the old folder is renamed aside; the new one is not moved in yet

Read here and only here; not a setting (it is never meant for a deployed server).
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV = "ASSISTANT_FAULT_KILL_AT"
STAGES = ("pending", "vectors", "stale", "commit", "delete", "swap")
_reached: Counter[str] = Counter()


def reached(stage: str) -> None:
    """Note that the write path reached ``stage``; die there when ``ASSISTANT_FAULT_KILL_AT`` says so."""
    if stage not in STAGES:
        raise ValueError(f"unknown fault stage {stage!r}; one of {', '.join(STAGES)}")
    spec = os.environ.get(ENV)
    if not spec:
        return
    _reached[stage] += 1
    wanted, _, count = spec.partition(":")
    if wanted == stage and _reached[stage] == int(count or 1):
        os.kill(os.getpid(), signal.SIGKILL)
