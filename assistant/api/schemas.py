"""Request and response bodies of the API (kept apart from core types)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.retrieve.filters import SearchFilters
from assistant.retrieve.searcher import MAX_QUERY_CHARS, MAX_TOP_K, SearchMode


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, examples=["劳动合同法第十四条"])
    top_k: int = Field(5, ge=1, le=MAX_TOP_K)
    filters: SearchFilters = Field(default_factory=SearchFilters)
    mode: SearchMode = SearchMode.hybrid


class SearchHitOut(BaseModel):
    chunk_id: str
    doc_id: str
    title: str
    doc_number: str
    clause_path: str
    clause_no: str
    text: str
    score: float
    retrievers: list[str]
    jurisdiction: str
    region: str
    metadata: dict[str, Any]


class SearchResponse(BaseModel):
    query: str
    count: int
    items: list[SearchHitOut]
    took_ms: float


class ErrorBody(BaseModel):
    error: str
    detail: Any = None


class Health(BaseModel):
    status: str
    documents: int
    chunks: int
    embedder: str
    reranker: str
