"""Rate limits (429 + Retry-After), security headers, CORS closed by default, the favicon."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.api.ratelimit import Buckets

TOKEN = "a-long-enough-admin-token-0123"


@pytest.fixture()
def make_client(tmp_path: Path, assistant_factory):  # type: ignore[no-untyped-def]
    clients = []

    def build(**overrides: object) -> TestClient:
        assistant = assistant_factory(tmp_path / "index", data_dir=tmp_path / "data", admin_token=TOKEN, **overrides)
        client = TestClient(create_app(assistant.settings, assistant=assistant))
        clients.append(client.__enter__())
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


def test_the_bucket_refills_at_its_rate() -> None:
    now = [0.0]
    buckets = Buckets(per_minute=2, clock=lambda: now[0])
    assert buckets.take("a") == 0 and buckets.take("a") == 0
    assert buckets.take("a") == pytest.approx(30.0)  # one token every 30 s
    assert buckets.take("b") == 0  # per client
    now[0] = 30.0
    assert buckets.take("a") == 0


def test_asks_over_the_limit_get_429_with_retry_after(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(rate_ask_per_minute=3)
    statuses = [client.post("/api/ask", json={"question": ""}).status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]
    refused = client.post("/api/ask/stream", json={"question": "实习"})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.json()["error"] == "rate_limited" and "请求过于频繁" in refused.json()["detail"]
    assert client.post("/api/search", json={"query": "实习"}).status_code == 200  # other routes unaffected


def test_token_guessing_is_slowed_down(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(rate_admin_per_minute=5, rate_write_per_minute=0)
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    statuses = [client.delete("/api/records/x", headers=wrong).status_code for _ in range(7)]
    assert statuses[:5] == [403] * 5 and statuses[5:] == [429, 429]


def test_security_headers_and_favicon(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    for path in ("/api/health", "/favicon.ico", "/docs"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert client.get("/favicon.ico").headers["content-type"].startswith("image/svg+xml")


def test_cors_is_closed_by_default_and_follows_the_allowlist(make_client) -> None:  # type: ignore[no-untyped-def]
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    closed = make_client()
    assert (
        "access-control-allow-origin"
        not in closed.get("/api/health", headers={"Origin": "https://evil.example"}).headers
    )
    assert "access-control-allow-origin" not in closed.options("/api/search", headers=preflight).headers
    listed = make_client(cors_origins=["https://platform.example"])
    ok = listed.get("/api/health", headers={"Origin": "https://platform.example"})
    assert ok.headers["access-control-allow-origin"] == "https://platform.example"
    assert (
        "access-control-allow-origin"
        not in listed.get("/api/health", headers={"Origin": "https://evil.example"}).headers
    )


def test_ui_file_uploads_count_as_writes() -> None:
    from assistant.api.ratelimit import default_rules

    write = next(rule for rule in default_rules(1, 1, 1) if rule.name == "write")
    assert write.matches("POST", "/ui/gradio_api/upload", {})
    assert write.matches("DELETE", "/api/records/x", {})
    assert not write.matches("POST", "/api/search", {})
