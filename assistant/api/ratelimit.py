"""Per-client rate limits: a token bucket per (rule, client host), refilled continuously.

Rules (``ASSISTANT_RATE_*_PER_MINUTE``; 0 turns one off):
    ask     POST /api/ask, /api/ask/stream        each answer costs retrieval and maybe the LLM
    admin   any request carrying a bearer token    token guessing: 400 wrong tokens at 1,049/s before;
            or a saved profile's key (X-Profile-Key),
            and POST /api/platform/login          password guessing (each try is an argon2id hash)
    write   POST/PUT/PATCH/DELETE /api/records*,   staff writes re-ingest a file;
            /api/platform/records*, /api/platform/review/*   account writes and reviews;
            /api/profiles/*                       saved profiles (anyone may save one: a row each);
            and the UI's file uploads (Gradio's upload route takes no token: it is bounded in size
            by :class:`assistant.api.body_limit.UploadLimit` and here in rate)
Not seen here: the UI's own callbacks (asks, the admin tab's token, the platform tabs' login) go through
Gradio's queue (one route for every event); they are bounded by its concurrency, and the chat tab's asks
by the ``ask`` rule per client host in the tab itself (web/question_box.py ``AskLimit``, its own buckets).
Over the limit: 429 with ``Retry-After`` (seconds until one token is back) and the error body.
The bucket holds a minute's worth, so a burst of that size passes, then the steady rate.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

Match = Callable[[str, str, dict[bytes, bytes]], bool]
_MAX_CLIENTS = 10_000  # buckets kept per rule; the oldest are dropped beyond that


@dataclass(frozen=True)
class Rule:
    name: str
    per_minute: int
    matches: Match


def _asks(method: str, path: str, headers: dict[bytes, bytes]) -> bool:
    return method == "POST" and path.startswith("/api/ask")


def _presents_credentials(method: str, path: str, headers: dict[bytes, bytes]) -> bool:
    logs_in = method == "POST" and path == "/api/platform/login"
    bearer = headers.get(b"authorization", b"").lower().startswith(b"bearer")
    return logs_in or bearer or b"x-profile-key" in headers


_WRITE_PREFIXES = ("/api/records", "/api/platform/records", "/api/platform/review/", "/api/profiles")


def _writes(method: str, path: str, headers: dict[bytes, bytes]) -> bool:
    writes = path.startswith(_WRITE_PREFIXES) or path.endswith("/gradio_api/upload")  # the admin tab's file uploads
    return method in {"POST", "PUT", "PATCH", "DELETE"} and writes


def default_rules(ask: int, admin: int, write: int) -> list[Rule]:
    return [Rule("ask", ask, _asks), Rule("admin", admin, _presents_credentials), Rule("write", write, _writes)]


class Buckets:
    """Token buckets of one rule, keyed by client."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when a token was taken, else the seconds until one is back."""
        now = self.clock()
        with self._lock:
            tokens, last = self._state.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._state[client] = (tokens - 1 if wait == 0 else tokens, now)
            if len(self._state) > _MAX_CLIENTS:
                self._state.pop(next(iter(self._state)))
        return wait


class RateLimit:
    """Pure ASGI middleware applying :class:`Rule` s to HTTP requests."""

    def __init__(self, app: ASGIApp, rules: list[Rule]) -> None:
        self.app = app
        self.rules = [(rule, Buckets(rule.per_minute)) for rule in rules if rule.per_minute > 0]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.rules:
            headers = dict(scope["headers"])
            client = scope["client"][0] if scope.get("client") else "?"
            for rule, buckets in self.rules:
                if rule.matches(scope["method"], scope["path"], headers):
                    wait = buckets.take(client)
                    if wait > 0:
                        await _refuse(send, rule.name, wait)
                        return
        await self.app(scope, receive, send)


async def _refuse(send: Send, rule: str, wait: float) -> None:
    seconds = max(1, math.ceil(wait))
    body = json.dumps(
        {"error": "rate_limited", "detail": f"请求过于频繁（{rule}），请 {seconds} 秒后再试"}, ensure_ascii=False
    ).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(seconds).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})
