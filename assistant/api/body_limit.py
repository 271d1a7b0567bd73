"""Request bodies are limited before they reach a route: 413 with the error body.

``BodyLimit``: the ``/api`` routes (``ASSISTANT_API_MAX_BODY_BYTES``), decided from Content-Length
when it is sent, else while the body streams in.

``UploadLimit``: the mounted UI's file upload route (Gradio's ``/gradio_api/upload``). It takes no
token (Gradio's own route; the admin token is checked by the admin tab's callbacks, after the files
are stored) and Gradio bounds each file (``max_file_size``), not the request: three files of 17 MB
were 51 MB stored for anyone. So the whole request is bounded by ``ASSISTANT_MAX_FILE_BYTES`` plus
the form's own overhead, from its Content-Length, before a byte is read; an upload without one
(chunked) is refused with 411 (browsers always send it). The server stops reading a body at its
Content-Length, so the declared size is the most that can arrive. Uploads also count as writes for
the rate limit (:mod:`assistant.api.ratelimit`).
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

UPLOAD_SUFFIX = "/gradio_api/upload"
FORM_OVERHEAD_BYTES = 64 * 1024  # multipart boundaries and part headers of a few files


class BodyLimit:
    """Pure ASGI middleware: nothing of an oversized body reaches the route."""

    def __init__(self, app: ASGIApp, max_bytes: int, prefix: str = "/api") -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _refuse_size(send, declared, self.max_bytes)
            return
        chunks: list[bytes] = []
        seen = 0
        while True:  # /api bodies are small JSON: read whole (up to the limit), then replay
            message = await receive()
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                await _refuse_size(send, seen, self.max_bytes)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class UploadLimit:
    """Pure ASGI middleware: an upload to the UI is refused from its headers when it is too large."""

    def __init__(self, app: ASGIApp, max_file_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_file_bytes + FORM_OVERHEAD_BYTES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].endswith(UPLOAD_SUFFIX):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is None:
            detail = "上传文件须带 Content-Length（不接受分块传输）"
            await _refuse(send, 411, {"error": "length_required", "detail": detail})
        elif declared > self.max_bytes:
            await _refuse_size(send, declared, self.max_bytes)
        else:
            await self.app(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    declared = dict(scope["headers"]).get(b"content-length")
    return int(declared) if declared is not None and declared.isdigit() else None


async def _refuse_size(send: Send, size: int, limit: int) -> None:
    detail = f"请求内容过大：{size:,} 字节，上限 {limit:,} 字节"
    await _refuse(send, 413, {"error": "too_large", "detail": detail})


async def _refuse(send: Send, status: int, body_: dict[str, str]) -> None:
    body = json.dumps(body_, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
