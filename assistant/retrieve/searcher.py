"""Hybrid search: the retrieval stages wired top to bottom.

question -> normalise -> BM25 (jieba) + dense (Chroma) -> weighted min-max CombSUM (or RRF)
         -> jurisdiction / in-force priors -> named clause first -> rerank -> hits
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

from assistant.errors import QueryError
from assistant.filters import SearchFilters
from assistant.places import scope_of
from assistant.retrieve.dense import DenseRetriever
from assistant.retrieve.fusion import min_max_fusion, rank_by_score, reciprocal_rank_fusion, z_score_fusion
from assistant.retrieve.query_terms import lexical_terms
from assistant.retrieve.rerank import Reranker
from assistant.retrieve.structure import StructureSignals
from assistant.store.index import Index
from assistant.text.normalize import normalize_query
from assistant.types import SearchHit, StoredChunk

log = logging.getLogger(__name__)
MAX_TOP_K = 50
MAX_QUERY_CHARS = 500


class SearchMode(str, Enum):
    hybrid = "hybrid"
    bm25 = "bm25"
    dense = "dense"


class FusionMethod(str, Enum):
    minmax = "minmax"
    zscore = "zscore"
    rrf = "rrf"


@dataclass(frozen=True)
class FusionConfig:
    """Fusion parameters, chosen on the team's gold set and CMRC 2018 (see evals/README.md)."""

    method: FusionMethod = FusionMethod.minmax
    rrf_k: int = 10
    dense_weight: float = 0.75
    sparse_weight: float = 1.0
    candidates: int = 50
    foreign_weight: float = 0.5
    national_weight: float = 1.0
    superseded_weight: float = 0.5


class HybridSearcher:
    """Search one index. Cheap to build; the index and embedder are loaded by the caller."""

    def __init__(self, index: Index, reranker: Reranker, fusion: FusionConfig | None = None) -> None:
        self.index = index
        self.reranker = reranker
        self.fusion = fusion or FusionConfig()
        self.dense = DenseRetriever(index)
        self._structure: StructureSignals | None = None
        self._structure_version = -1

    @property
    def structure(self) -> StructureSignals:
        if self._structure is None or self._structure_version != self.index.version:
            self._structure = StructureSignals(self.index)
            self._structure_version = self.index.version
        return self._structure

    def search(
        self,
        query: str,
        top_k: int = 5,
        filters: SearchFilters | None = None,
        mode: SearchMode = SearchMode.hybrid,
        rerank: bool = True,
    ) -> list[SearchHit]:
        """The ``top_k`` best chunks for ``query`` under ``filters``."""
        if not 1 <= top_k <= MAX_TOP_K:
            raise QueryError(f"top_k：须为 1..{MAX_TOP_K}，收到 {top_k}。(top_k must be 1..{MAX_TOP_K}, got {top_k})")
        text = normalize_query(query)
        if not text:
            raise QueryError("问题是空的，请输入要查找的内容。(query is empty)")
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(
                f"问题有 {len(text)} 个字，超过了 {MAX_QUERY_CHARS} 字的上限，请精简后再查。"
                f"(query is {len(text)} characters; at most {MAX_QUERY_CHARS})"
            )
        filters = filters or SearchFilters()
        self.index.refresh_if_changed()
        rankings = self.retrieve(text, filters, mode, max(self.fusion.candidates, top_k))
        return self.rank(text, rankings, top_k, filters, mode, rerank)

    def retrieve(
        self, text: str, filters: SearchFilters, mode: SearchMode, pool: int
    ) -> dict[str, list[tuple[str, float]]]:
        """The retrievers' own ranked lists (chunk id, score) for a normalised query."""
        rankings: dict[str, list[tuple[str, float]]] = {}
        if mode in (SearchMode.hybrid, SearchMode.bm25):
            allowed = None if filters.is_empty() else (lambda c: filters.matches(c.metadata))
            # 几个小时 asks for a number of hours, 15岁 states one: neither is what the question is about
            tokens = lexical_terms(text)
            rankings["bm25"] = self.index.search_sparse(tokens, pool, allowed)
        if mode in (SearchMode.hybrid, SearchMode.dense):
            rankings["dense"] = self.dense.search(text, pool, filters)
        return rankings

    def rank(
        self,
        text: str,
        rankings: dict[str, list[tuple[str, float]]],
        top_k: int,
        filters: SearchFilters,
        mode: SearchMode = SearchMode.hybrid,
        rerank: bool = True,
    ) -> list[SearchHit]:
        """Fuse the retrievers' lists, apply the structure signals and the reranker: the ``top_k`` hits."""
        scores = self._fuse(rankings, text, mode)
        ranked = rank_by_score(scores)
        clause = (
            []
            if mode is not SearchMode.hybrid
            else [
                c
                for c in self.structure.clause_hits(text, _docs_in_order(ranked, self.index))
                if filters.matches(c.metadata)
            ]
        )
        hits = self._hits(ranked, scores, rankings, clause)
        if rerank and mode is SearchMode.hybrid:
            hits = self.reranker.rerank(text, hits)
        return hits[:top_k]

    def _fuse(self, rankings: dict[str, list[tuple[str, float]]], query: str, mode: SearchMode) -> dict[str, float]:
        if mode is not SearchMode.hybrid:
            (ranking,) = rankings.values()
            return dict(ranking)
        weights = {"dense": self.fusion.dense_weight, "bm25": self.fusion.sparse_weight}
        if self.fusion.method is FusionMethod.rrf:
            fused = reciprocal_rank_fusion(
                {n: [cid for cid, _ in r] for n, r in rankings.items()}, weights, self.fusion.rrf_k
            )
        elif self.fusion.method is FusionMethod.zscore:
            fused = z_score_fusion(rankings, weights)
        else:
            fused = min_max_fusion(rankings, weights)
        named = self.structure.named_places(scope_of(query))
        for cid in fused:
            chunk = self.index.get(cid)
            if chunk is not None:
                fused[cid] *= self.structure.prior(
                    chunk.metadata,
                    query,
                    named,
                    self.fusion.foreign_weight,
                    self.fusion.superseded_weight,
                    self.fusion.national_weight,
                )
        return fused

    def _hits(
        self,
        ranked: list[str],
        scores: dict[str, float],
        rankings: dict[str, list[tuple[str, float]]],
        clause: list[StoredChunk],
    ) -> list[SearchHit]:
        found = {name: {cid for cid, _ in ranking} for name, ranking in rankings.items()}
        top = max(scores.values(), default=0.0)
        hits: list[SearchHit] = []
        seen: set[str] = set()
        for boost, chunk in enumerate(clause):
            hits.append(
                _hit(
                    chunk,
                    top + 1.0 - boost * 1e-3,
                    ["clause"] + sorted(n for n, ids in found.items() if chunk.chunk_id in ids),
                )
            )
            seen.add(chunk.chunk_id)
        for cid in ranked:
            stored = self.index.get(cid)
            if stored is None or cid in seen:
                continue
            hits.append(_hit(stored, scores[cid], sorted(n for n, ids in found.items() if cid in ids)))
        return hits


def _docs_in_order(ranked: list[str], index: Index) -> list[str]:
    docs: list[str] = []
    for cid in ranked:
        chunk = index.get(cid)
        if chunk is not None and chunk.doc_id not in docs:
            docs.append(chunk.doc_id)
    return docs


def _hit(chunk: StoredChunk, score: float, retrievers: list[str]) -> SearchHit:
    return SearchHit.from_chunk(chunk, score, retrievers)
