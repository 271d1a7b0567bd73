"""The API's edges: body size limit (413), the one error body for HTTP errors, no server paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app

TOKEN = "a-long-enough-admin-token-0123"


@pytest.fixture()
def client(tmp_path: Path, assistant_factory):  # type: ignore[no-untyped-def]
    assistant = assistant_factory(
        tmp_path / "index", data_dir=tmp_path / "data", admin_token=TOKEN, api_max_body_bytes=4096
    )
    with TestClient(create_app(assistant.settings, assistant=assistant)) as test_client:
        yield test_client


def test_an_oversized_body_is_413_with_the_error_body(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/search", content=b'{"query": "' + b"a" * 10_000 + b'"}')
    assert response.status_code == 413
    assert response.json()["error"] == "too_large" and "上限 4,096 字节" in response.json()["detail"]

    def chunked():  # no Content-Length: counted as it streams in
        for _ in range(10):
            yield b"x" * 1000

    response = client.post("/api/search", content=chunked(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.post("/api/search", json={"query": "实习"}).status_code == 200  # small bodies pass


def test_http_errors_use_the_error_body(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json()["error"] == "not_found"
    response = client.get("/api/search")
    assert response.status_code == 405 and response.json()["error"] == "not_allowed"
    response = client.post("/api/search", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"] == "invalid_request"


def test_record_responses_never_show_server_paths(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    posting = {"id": "p-1", "title": "电工实习", "kind": "实习", "enterprise": "某公司", "location": "五家渠"}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    published = client.post("/api/records", json={"kind": "posting", "records": [posting]}, headers=auth)
    assert published.status_code == 200, published.text
    assert published.json()["file"] == "staff_postings.jsonl"
    withdrawn = client.delete("/api/records/p-1", headers=auth)
    assert withdrawn.status_code == 200 and str(tmp_path) not in withdrawn.text


def test_unknown_records_are_404_and_admin_statuses_are_documented(client) -> None:  # type: ignore[no-untyped-def]
    response = client.delete("/api/records/no-such-id", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 404 and response.json()["error"] == "not_found"
    paths = client.get("/openapi.json").json()["paths"]
    assert {"401", "403", "404", "413", "429"} <= set(paths["/api/records/{record_id}"]["delete"]["responses"])
    assert {"401", "403", "413", "429"} <= set(paths["/api/records"]["post"]["responses"])


def test_include_expired_must_be_a_boolean(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/opportunities/search", json={"query": "", "include_expired": 0})
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "include_expired"
