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


def test_platform_logins_and_writes_are_rate_limited(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(rate_admin_per_minute=3, rate_write_per_minute=2)
    wrong = {"username": "nobody", "password": "not-the-password"}
    statuses = [client.post("/api/platform/login", json=wrong).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]  # password guessing, as token guessing
    from assistant.api.ratelimit import default_rules

    write = next(rule for rule in default_rules(1, 1, 1) if rule.name == "write")
    for method, path in (
        ("POST", "/api/platform/records"),
        ("PUT", "/api/platform/records/TD1"),
        ("DELETE", "/api/platform/records/TD1"),
        ("POST", "/api/platform/review/TD1/approve"),
        ("POST", "/api/platform/review/TD1/return"),
        ("POST", "/api/profiles/student"),
        ("PUT", "/api/profiles/me/enterprise"),
        ("DELETE", "/api/profiles/me"),
    ):
        assert write.matches(method, path, {}), path
    assert not write.matches("POST", "/api/platform/search", {})
    assert not write.matches("POST", "/api/platform/login", {})


@pytest.fixture()
def ui_client(tmp_path: Path, assistant_factory):  # type: ignore[no-untyped-def]
    """The real app with the real Gradio UI mounted (what ``assistant serve`` runs), small upload limit."""
    from web.app import mount_ui

    assistant = assistant_factory(
        tmp_path / "index",
        data_dir=tmp_path / "data",
        admin_token=TOKEN,
        max_file_bytes=50_000,
        rate_write_per_minute=3,
    )
    with TestClient(create_app(assistant.settings, assistant=assistant, ui=mount_ui)) as client:
        yield client


def test_the_ui_upload_route_is_bounded_per_request_not_only_per_file(ui_client: TestClient) -> None:
    upload = "/ui/gradio_api/upload"
    small = ui_client.post(upload, files=[("files", ("a.txt", b"a" * 1000, "text/plain"))])
    assert small.status_code == 200, small.text  # the admin tab's uploads still work (no token: Gradio's route)
    # three files each under the per-file limit Gradio checks: together over it, refused from the headers
    three = [("files", (f"{i}.txt", b"a" * 45_000, "text/plain")) for i in range(3)]
    refused = ui_client.post(upload, files=three)
    assert refused.status_code == 413 and refused.json()["error"] == "too_large", refused.text
    assert "上限 115,536 字节" in refused.json()["detail"]  # 50,000 + 64 KiB of form overhead

    def chunked():  # no Content-Length: nothing to decide from, refused
        yield b"--x\r\n"

    length_required = ui_client.post(
        upload, content=chunked(), headers={"content-type": "multipart/form-data; boundary=x"}
    )
    assert length_required.status_code == 411 and length_required.json()["error"] == "length_required"
    # uploads count as writes: 3 a minute here (the refused ones counted too)
    assert ui_client.post(upload, files=[("files", ("b.txt", b"b", "text/plain"))]).status_code == 429
