"""Request and response bodies of the API. Requests are validated here; responses reuse the core types
(``SearchHit``, ``Citation``, ``AnswerSentence``) where they have the same shape."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from assistant.answer.checks import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS
from assistant.answer.types import AnswerMode, AnswerSentence, Turn
from assistant.api.strict import StrictSearchFilters
from assistant.retrieve.searcher import MAX_QUERY_CHARS, MAX_TOP_K, SearchMode
from assistant.types import Citation, Persona, SearchHit


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, examples=["劳动合同法第十四条"])
    top_k: StrictInt = Field(5, ge=1, le=MAX_TOP_K)
    filters: StrictSearchFilters = Field(default_factory=StrictSearchFilters)
    mode: SearchMode = SearchMode.hybrid


class SearchResponse(BaseModel):
    query: str
    count: int
    items: list[SearchHit]
    took_ms: float


class ListResponse(BaseModel):
    """Every list: how many, then the items."""

    count: int
    items: list[dict[str, Any]]


class OpportunitySearchResponse(ListResponse):
    query: str
    hidden_expired: int = Field(description="postings past their deadline left out (include_expired=false)")
    today: dt.date
    note: str = Field(description="nothing relevant found: what to try instead; else empty")
    suggestions: list[str]


class MatchResponse(BaseModel):
    profile: dict[str, Any] = Field(description="the enterprise as read (types and activities found in the text too)")
    count: int
    benefits: list[dict[str, Any]]
    warnings: list[str]
    outside: str = Field(description="supports left out because the enterprise is outside their region; else empty")


class AccountOut(BaseModel):
    username: str
    role: Literal["enterprise", "school", "staff"]
    org: str
    majors: list[str]
    fields: list[str]
    last_seen: str


class LoginResponse(BaseModel):
    token: str = Field(description="send as Authorization: Bearer <token>")
    account: AccountOut


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

    question: str = Field(
        min_length=1,
        max_length=20 * MAX_QUESTION_CHARS,
        examples=["企业投资职业教育能抵免哪些税费？"],
        description=f"at most {MAX_QUESTION_CHARS} characters (a longer one is refused with its length, not cut)",
    )
    history: list[TurnIn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS)
    mode: AnswerMode = AnswerMode.chat
    backend: Literal["local", "openai", "extractive"] | None = Field(
        None, description="override the configured LLM backend for this request"
    )
    persona: Persona = Field(
        Persona.unknown,
        description="who is asking (student: a student or a parent; school: a teacher or a school): read with the "
        "message's words to send it to the right capability (an enterprise's message to its benefits)",
    )

    def turns(self) -> list[Turn]:
        return [Turn(t.role, t.content) for t in self.history]


class AskResponse(BaseModel):
    question: str
    standalone_question: str
    answer: str
    grounded: bool
    mode: AnswerMode
    backend: str
    citations: list[Citation]
    sentences: list[AnswerSentence]
    removed: list[str]
    refer_to: str
    timings: dict[str, float]
    route: Literal["policy", "benefits", "opportunities", "platform"] = Field(description="which capability answered")
    asked: str = Field(
        "", description="the kind of thing the question asks: unit, amount, date, frequency ...; small_talk: a greeting"
    )
    opportunities: list[dict[str, Any]] = Field(default_factory=list, description="postings / programs with reasons")
    benefits: list[dict[str, Any]] = Field(default_factory=list, description="matched benefits with conditions")
    profile: dict[str, Any] = Field(default_factory=dict, description="what was read of the person asking")
