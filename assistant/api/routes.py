"""The core routes: health, search, ask (JSON and server-sent events)."""

from __future__ import annotations

import time

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from assistant.api.deps import get_assistant
from assistant.api.schemas import AskRequest, AskResponse, Health, SearchRequest, SearchResponse
from assistant.api.sse import ClosingStreamingResponse, sse_frames
from assistant.llm.factory import check_backend_allowed
from assistant.service import Assistant

router = APIRouter(prefix="", tags=["answers and search"])


@router.get("/api/health", response_model=Health)
def health(service: Assistant = Depends(get_assistant)) -> Health:
    stats = service.stats()
    return Health(
        status="ok",
        documents=stats["documents"],
        chunks=stats["chunks"],
        embedder=service.index.manifest.embedder,
        reranker=service.searcher.reranker.name,
    )


@router.post("/api/search", response_model=SearchResponse)
def search(body: SearchRequest, service: Assistant = Depends(get_assistant)) -> SearchResponse:
    started = time.perf_counter()
    hits = service.search(body.query, top_k=body.top_k, filters=body.filters, mode=body.mode)
    return SearchResponse(
        query=body.query,
        count=len(hits),
        items=hits,
        took_ms=round((time.perf_counter() - started) * 1000, 2),
    )


@router.post("/api/ask", response_model=AskResponse)
def ask(body: AskRequest, service: Assistant = Depends(get_assistant)) -> AskResponse:
    """A verified answer with clause-level citations (grounded=false: the documents do not answer)."""
    check_backend_allowed(service.settings, body.backend)
    answer = service.ask(body.question, body.turns(), body.mode, body.backend, body.persona)
    return AskResponse.model_validate(answer.to_dict())


@router.post(
    "/api/ask/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "token events, then one final event"}},
)
def ask_stream(body: AskRequest, service: Assistant = Depends(get_assistant)) -> StreamingResponse:
    """Server-sent events: ``token`` (text as it comes), then one ``final`` (the verified answer
    with citations) or one ``error``. Errors before the first event are plain HTTP errors."""
    check_backend_allowed(service.settings, body.backend)
    events = service.ask_stream(body.question, body.turns(), body.mode, body.backend, body.persona)
    first = next(events)  # retrieval and judging run here: a busy or bad request fails with its status
    return ClosingStreamingResponse(
        sse_frames(first, events), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )
