"""``create_app(settings)``: the FastAPI app; models and index load once, in the lifespan."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, StreamingResponse

from assistant.answer.types import AnswerEvent
from assistant.api.errors import install_error_handlers
from assistant.api.opportunities import router as opportunities_router
from assistant.api.schemas import AskRequest, AskResponse, ErrorBody, Health, SearchRequest, SearchResponse
from assistant.config import LLMBackend, Settings
from assistant.errors import AssistantError
from assistant.service import Assistant


def create_app(
    settings: Settings, assistant: Assistant | None = None, build_index: bool = False, with_ui: bool = True
) -> FastAPI:
    """The app. ``assistant`` may be passed in already loaded (tests share one model).

    ``with_ui`` mounts the Gradio web UI (``web/``) at ``/ui``; ``/`` redirects there.
    """
    service = assistant or Assistant(settings)  # cheap; loaded in the lifespan

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(service.load)
        if build_index:
            await run_in_threadpool(service.ensure_index)
        if settings.llm_backend is not LLMBackend.extractive:
            await run_in_threadpool(service.load_llm)  # once, at start: not on the first question
        app.state.assistant = service
        yield
        if assistant is None:
            service.close()

    app = FastAPI(
        title="政策与机会助手 API",
        version="0.1.0",
        lifespan=lifespan,
        responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    )
    install_error_handlers(app)
    app.include_router(opportunities_router)

    def get_assistant(request: Request) -> Assistant:
        return request.app.state.assistant  # type: ignore[no-any-return]

    @app.get("/api/health", response_model=Health)
    def health(service: Assistant = Depends(get_assistant)) -> Health:
        stats = service.stats()
        return Health(
            status="ok",
            documents=stats["documents"],
            chunks=stats["chunks"],
            embedder=service.index.manifest.embedder,
            reranker=service.searcher.reranker.name,
        )

    @app.post("/api/search", response_model=SearchResponse)
    def search(body: SearchRequest, service: Assistant = Depends(get_assistant)) -> SearchResponse:
        started = time.perf_counter()
        hits = service.search(body.query, top_k=body.top_k, filters=body.filters, mode=body.mode)
        return SearchResponse(
            query=body.query,
            count=len(hits),
            items=[h.to_dict() for h in hits],
            took_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    @app.post("/api/ask", response_model=AskResponse)
    def ask(body: AskRequest, service: Assistant = Depends(get_assistant)) -> AskResponse:
        """A verified answer with clause-level citations (grounded=false: the documents do not answer)."""
        answer = service.ask(body.question, body.turns(), body.mode, body.backend)
        return AskResponse.model_validate(answer.to_dict())

    @app.post(
        "/api/ask/stream",
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}, "description": "token events, then one final event"}},
    )
    def ask_stream(body: AskRequest, service: Assistant = Depends(get_assistant)) -> StreamingResponse:
        """Server-sent events: ``token`` (text as it comes), then one ``final`` (the verified answer
        with citations) or one ``error``. Errors before the first event are plain HTTP errors."""
        events = service.ask_stream(body.question, body.turns(), body.mode, body.backend)
        first = next(events)  # retrieval and judging run here: a busy or bad request fails with its status
        return StreamingResponse(
            _sse(first, events), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui" if with_ui else "/docs")

    if with_ui:
        from web.app import mount_ui

        mount_ui(app, service, settings)
    return app


def _sse(first: AnswerEvent, rest: Iterator[AnswerEvent]) -> Iterator[str]:
    def frame(event: AnswerEvent) -> str:
        return f"event: {event.type}\ndata: {json.dumps(event.to_dict(), ensure_ascii=False)}\n\n"

    yield frame(first)
    try:
        for event in rest:
            yield frame(event)
    except AssistantError as exc:  # mid-stream: the status line is sent already
        yield frame(AnswerEvent("error", error=str(exc)))
