"""``create_app(settings)``: the FastAPI app; models and index load once, in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse, Response

from assistant.api.body_limit import BodyLimit, UploadLimit
from assistant.api.errors import install_error_handlers
from assistant.api.headers import FAVICON_SVG, SecurityHeaders
from assistant.api.opportunities import router as opportunities_router
from assistant.api.platform_routes import router as platform_router
from assistant.api.profile_routes import router as profile_router
from assistant.api.ratelimit import RateLimit, default_rules
from assistant.api.routes import router as core_router
from assistant.api.schemas import ErrorBody
from assistant.config import LLMBackend, Settings
from assistant.service import Assistant

MountUI = Callable[[FastAPI, Assistant, Settings], object]


def create_app(
    settings: Settings, assistant: Assistant | None = None, build_index: bool = False, ui: MountUI | None = None
) -> FastAPI:
    """The app. ``assistant`` may be passed in already loaded (tests share one model).

    ``ui`` mounts a web UI into the app (``web.app.mount_ui``: the Gradio UI at ``/ui``, and
    ``/`` redirects there); without it ``/`` redirects to the API docs.
    """
    service = assistant or Assistant(settings)  # cheap; loaded in the lifespan

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(service.load)
        if build_index:
            await run_in_threadpool(service.ensure_index)
        if settings.llm_backend is not LLMBackend.extractive:
            await run_in_threadpool(service.load_llm)  # once, at start: not on the first question
        await run_in_threadpool(service.understander)  # the message reader's probes too (a few s on a new index)
        app.state.assistant = service
        yield
        if assistant is None:
            service.close()

    app = FastAPI(
        title="政策与机会助手 API",
        version="0.1.0",
        lifespan=lifespan,
        responses={status: {"model": ErrorBody} for status in (413, 422, 429, 503)},
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    app.add_middleware(UploadLimit, max_file_bytes=settings.max_file_bytes)  # the UI's upload route takes no token
    rules = default_rules(settings.rate_ask_per_minute, settings.rate_admin_per_minute, settings.rate_write_per_minute)
    app.add_middleware(RateLimit, rules=rules)
    if settings.cors_origins:  # closed unless listed: no CORS headers for any other origin
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeaders)
    app.include_router(opportunities_router)
    app.include_router(platform_router)
    app.include_router(profile_router)

    app.include_router(core_router)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui" if ui is not None else "/docs")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(FAVICON_SVG, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    if ui is not None:
        ui(app, service, settings)
    return app
