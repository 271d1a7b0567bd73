"""Request and response bodies of the API (kept apart from core types)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.answer.answerer import MAX_HISTORY_TURNS, MAX_TURN_CHARS
from assistant.answer.types import AnswerMode, Turn
from assistant.filters import SearchFilters
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


class TurnIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(min_length=1, max_length=MAX_TURN_CHARS)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, examples=["企业投资职业教育能抵免哪些税费？"])
    history: list[TurnIn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS)
    mode: AnswerMode = AnswerMode.chat
    backend: Literal["local", "openai", "extractive"] | None = Field(
        None, description="override the configured LLM backend for this request"
    )

    def turns(self) -> list[Turn]:
        return [Turn(t.role, t.content) for t in self.history]


class CitationOut(BaseModel):
    n: int
    chunk_id: str
    doc_id: str
    title: str
    doc_number: str
    clause_path: str
    clause_no: str
    date: str
    text: str
    quote: str
    score: float
    in_force: bool


class SentenceOut(BaseModel):
    text: str
    markers: list[int]
    source: str
    verified: bool


class AskResponse(BaseModel):
    question: str
    standalone_question: str
    answer: str
    grounded: bool
    mode: AnswerMode
    backend: str
    citations: list[CitationOut]
    sentences: list[SentenceOut]
    removed: list[str]
    refer_to: str
    timings: dict[str, float]
