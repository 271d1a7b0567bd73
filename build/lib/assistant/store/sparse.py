"""BM25 over Chinese tokens, kept in memory and updated in place as documents change.

Okapi BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
Beyond", 2009) with ``k1=1.2, b=0.75`` and the non-negative idf
``log(1 + (N - df + 0.5) / (df + 0.5))`` (as Lucene). Tokens are persisted in the
catalog with their chunk, so opening an index only reads them back; ingest and delete
add or remove exactly the chunks of the document concerned.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np

from assistant.types import StoredChunk


class SparseIndex:
    """An incremental BM25 index over token lists (thread-safe)."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._lock = threading.RLock()
        self._chunks: list[StoredChunk | None] = []
        self._slot: dict[str, int] = {}
        self._lengths: list[int] = []
        self._terms: list[tuple[str, ...]] = []
        self._postings: dict[str, dict[int, int]] = {}
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._by_doc: dict[str, list[str]] = {}
        self._total_len = 0
        self._lengths_np: np.ndarray | None = None
        self.version = 0  # bumped on every change, so dependents know to refresh

    def __len__(self) -> int:
        return len(self._slot)

    def get(self, chunk_id: str) -> StoredChunk | None:
        slot = self._slot.get(chunk_id)
        return self._chunks[slot] if slot is not None else None

    def df(self, term: str) -> int:
        """How many chunks contain ``term``."""
        with self._lock:
            return len(self._postings.get(term, ()))

    def idf(self, term: str) -> float:
        """BM25 idf of ``term`` in this index (a term never seen gets the highest value)."""
        with self._lock:
            n_docs = len(self._slot)
            df = len(self._postings.get(term, ()))
            return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))

    def chunks_of(self, doc_id: str) -> list[StoredChunk]:
        with self._lock:
            return [c for cid in self._by_doc.get(doc_id, []) if (c := self.get(cid)) is not None]

    def all_chunks(self) -> Iterable[StoredChunk]:
        return (c for c in self._chunks if c is not None)

    def add(self, chunk: StoredChunk, tokens: list[str]) -> None:
        with self._lock:
            if chunk.chunk_id in self._slot:
                self.remove(chunk.chunk_id)
            slot = len(self._chunks)
            self._chunks.append(chunk)
            self._slot[chunk.chunk_id] = slot
            self._lengths.append(len(tokens))
            self._total_len += len(tokens)
            self._by_doc.setdefault(chunk.doc_id, []).append(chunk.chunk_id)
            counts = Counter(tokens)
            self._terms.append(tuple(counts))
            for term, tf in counts.items():
                self._postings.setdefault(term, {})[slot] = tf
                self._arrays.pop(term, None)
            self._lengths_np = None
            self.version += 1

    def remove(self, chunk_id: str) -> None:
        with self._lock:
            slot = self._slot.pop(chunk_id, None)
            if slot is None:
                return
            chunk = self._chunks[slot]
            self._chunks[slot] = None
            self._total_len -= self._lengths[slot]
            self._lengths[slot] = 0
            if chunk is not None:
                ids = self._by_doc.get(chunk.doc_id, [])
                if chunk_id in ids:
                    ids.remove(chunk_id)
                if not ids:
                    self._by_doc.pop(chunk.doc_id, None)
            for term in self._terms[slot]:
                del self._postings[term][slot]
                self._arrays.pop(term, None)
                if not self._postings[term]:
                    del self._postings[term]
            self._terms[slot] = ()
            self._lengths_np = None
            self.version += 1

    def replace_document(self, doc_id: str, chunks: list[StoredChunk], tokens: list[list[str]]) -> None:
        """Make ``doc_id`` hold exactly ``chunks`` (re-adding only what changed)."""
        with self._lock:
            wanted = {c.chunk_id for c in chunks}
            for old in list(self._by_doc.get(doc_id, [])):
                if old not in wanted:
                    self.remove(old)
            for chunk, toks in zip(chunks, tokens):
                current = self.get(chunk.chunk_id)
                if current is None or current.metadata != chunk.metadata:
                    self.add(chunk, toks)

    def remove_document(self, doc_id: str) -> None:
        with self._lock:
            for chunk_id in list(self._by_doc.get(doc_id, [])):
                self.remove(chunk_id)

    def _term_arrays(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        arrays = self._arrays.get(term)
        if arrays is None:
            post = self._postings[term]
            arrays = (
                np.fromiter(post.keys(), dtype=np.int64, count=len(post)),
                np.fromiter(post.values(), dtype=np.float32, count=len(post)),
            )
            self._arrays[term] = arrays
        return arrays

    def search(
        self, tokens: list[str], top_k: int, allowed: Callable[[StoredChunk], bool] | None = None
    ) -> list[tuple[str, float]]:
        """The ``top_k`` best (chunk id, BM25 score) for ``tokens``, restricted to ``allowed``."""
        with self._lock:
            n_docs = len(self._slot)
            terms = [t for t in dict.fromkeys(tokens) if t in self._postings]
            if not n_docs or not terms:
                return []
            if self._lengths_np is None:
                self._lengths_np = np.asarray(self._lengths, dtype=np.float32)
            avgdl = max(self._total_len / n_docs, 1.0)
            scores = np.zeros(len(self._chunks), dtype=np.float32)
            norm = self.k1 * (1 - self.b + self.b * self._lengths_np / avgdl)
            for term in terms:
                ids, tfs = self._term_arrays(term)
                idf = math.log(1 + (n_docs - len(ids) + 0.5) / (len(ids) + 0.5))
                scores[ids] += idf * tfs * (self.k1 + 1) / (tfs + norm[ids])
            return self._top(scores, top_k, allowed)

    def _top(
        self, scores: np.ndarray, top_k: int, allowed: Callable[[StoredChunk], bool] | None
    ) -> list[tuple[str, float]]:
        candidates = np.flatnonzero(scores > 0)
        if allowed is None and len(candidates) > top_k:
            candidates = candidates[np.argpartition(-scores[candidates], top_k)[:top_k]]
        order = candidates[np.argsort(-scores[candidates], kind="stable")]
        out: list[tuple[str, float]] = []
        for slot in order:
            chunk = self._chunks[int(slot)]
            if chunk is None or (allowed is not None and not allowed(chunk)):
                continue
            out.append((chunk.chunk_id, float(scores[slot])))
            if len(out) == top_k:
                break
        return out
