"""Reranking stage, behind one interface.

* ``none`` (default): fused order as is.
* ``cross-encoder``: a sentence-transformers ``CrossEncoder`` from a local model path
  (for deployments that have a Chinese reranker; none ships in a package here).
* ``llm``: the bundled local LLM as a yes/no relevance judge (see ``assistant.answer``).

A clause the question names by number stays first whatever the reranker says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from assistant.errors import ConfigError
from assistant.types import SearchHit

RERANK_WINDOW = 20

if TYPE_CHECKING:
    from assistant.config import Settings


class Reranker(Protocol):
    name: str

    def rerank(self, query: str, hits: list[SearchHit]) -> list[SearchHit]: ...


class NoReranker:
    name = "none"

    def rerank(self, query: str, hits: list[SearchHit]) -> list[SearchHit]:
        return hits


class ScoreReranker:
    """Reorder the top ``window`` hits by a relevance function of (query, passages)."""

    def __init__(
        self, name: str, score: Callable[[str, Sequence[str]], Sequence[float]], window: int = RERANK_WINDOW
    ) -> None:
        self.name = name
        self._score = score
        self.window = window

    def rerank(self, query: str, hits: list[SearchHit]) -> list[SearchHit]:
        pinned = [h for h in hits if "clause" in h.retrievers]
        rest = [h for h in hits if "clause" not in h.retrievers]
        head, tail = rest[: self.window], rest[self.window :]
        if not head:
            return hits
        scores = self._score(query, [f"{h.title} {h.clause_path}\n{h.text}" for h in head])
        order = sorted(range(len(head)), key=lambda i: (-float(scores[i]), i))
        reranked = []
        for i in order:
            head[i].score = float(scores[i])
            head[i].retrievers = head[i].retrievers + [self.name]
            reranked.append(head[i])
        return pinned + reranked + tail


def cross_encoder_reranker(model_path: str) -> ScoreReranker:
    """A sentence-transformers CrossEncoder loaded from ``model_path`` (local, offline)."""
    from pathlib import Path

    if not model_path or not Path(model_path).exists():
        raise ConfigError(f"ASSISTANT_RERANK_MODEL must be a local cross-encoder path, got {model_path!r}")
    from sentence_transformers import CrossEncoder

    model = CrossEncoder(model_path, device="cpu")

    def score(query: str, passages: Sequence[str]) -> Sequence[float]:
        return [float(s) for s in model.predict([(query, p) for p in passages], show_progress_bar=False)]

    return ScoreReranker("cross-encoder", score)


def build_reranker(
    settings: Settings, judge: Callable[[str, Sequence[str]], Sequence[float]] | None = None
) -> Reranker:
    """The reranker the settings ask for; ``judge`` is the LLM relevance function for ``llm``."""
    from assistant.config import RerankMode

    if settings.rerank is RerankMode.cross_encoder:
        return cross_encoder_reranker(settings.rerank_model)
    if settings.rerank is RerankMode.llm:
        if judge is None:
            raise ConfigError("ASSISTANT_RERANK=llm needs the local LLM backend to be available")
        return ScoreReranker("llm", judge, window=8)
    return NoReranker()
