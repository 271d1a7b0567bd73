"""One place that maps the assistant's exception tree to HTTP statuses and one error body."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.api.redact import redact_paths
from assistant.errors import (
    AssistantError,
    AuthError,
    ConfigError,
    EmbedderUnavailable,
    IndexError_,
    IngestError,
    LLMBusy,
    LLMUnavailable,
    NotFound,
    QueryError,
    TooLarge,
    field_errors,
)

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[AssistantError], int, str]] = [
    (NotFound, 404, "not_found"),
    (QueryError, 422, "invalid_query"),
    (TooLarge, 413, "too_large"),
    (IngestError, 422, "ingest_failed"),
    (IndexError_, 503, "index_unavailable"),
    (EmbedderUnavailable, 503, "model_unavailable"),
    (LLMBusy, 503, "busy"),
    (LLMUnavailable, 503, "llm_unavailable"),
    (ConfigError, 500, "misconfigured"),
    (AssistantError, 500, "assistant_error"),
]


_HTTP_CODES = {400: "invalid_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "not_allowed"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return JSONResponse({"error": code, "detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [
            {"field": field, "problem": problem.removeprefix("Value error, ")}
            for field, problem in field_errors(exc, whole="(body)")
        ]
        return JSONResponse({"error": "invalid_request", "detail": fields}, status_code=422)

    @app.exception_handler(AssistantError)
    async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        if isinstance(exc, AuthError):
            code = "unauthorized" if exc.status == 401 else "forbidden"
            headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
            return JSONResponse({"error": code, "detail": str(exc)}, status_code=exc.status, headers=headers)
        if isinstance(exc, LLMBusy):
            return JSONResponse(
                {"error": "busy", "detail": str(exc)}, status_code=503, headers={"Retry-After": str(exc.retry_after)}
            )
        if isinstance(exc, QueryError) and exc.field:  # the same body as a schema error: which field, what
            detail = [{"field": exc.field, "problem": str(exc)}]
            return JSONResponse({"error": "invalid_request", "detail": detail}, status_code=422)
        for kind, status, code in _STATUS:
            if isinstance(exc, kind):
                if status >= 500:
                    log.error("request failed: %s %s: %s", request.method, request.url.path, exc)
                return JSONResponse({"error": code, "detail": redact_paths(str(exc))}, status_code=status)
        return JSONResponse({"error": "assistant_error", "detail": redact_paths(str(exc))}, status_code=500)
