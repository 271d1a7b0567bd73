"""On a phone (390 px wide): every tab in sight and tappable, tables scroll inside their own box, the
question box, its counter and 发送 together.

Screenshots of each tab at 390 px and at 1280 px are written to ``test-artifacts/web/``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import ARTIFACTS

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.browser]

TABS = ["智能问答", "政策匹配", "实习与专业", "我的新消息", "供需信息", "供需报告", "发布", "审核", "管理"]
PHONE = {"width": 390, "height": 844}


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")


def _no_sideways_scroll(page) -> None:
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [390, 1280])
def test_every_tab_is_in_sight_and_opens(page, width: int) -> None:
    """Gradio's default hid all but two tabs behind a "⋯" menu at 390 px; they wrap onto rows now."""
    page.set_viewport_size({"width": width, "height": 844})
    page.wait_for_timeout(300)  # the tab bar measures itself after a resize
    assert page.locator("#main-tabs .overflow-menu button").filter(visible=True).count() == 0
    for name in TABS:
        tab = page.get_by_role("tab", name=name, exact=True)
        assert tab.is_visible(), f"tab {name} is not in sight at {width} px"
        box = tab.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        tab.click()
        assert tab.get_attribute("aria-selected") == "true"
        _no_sideways_scroll(page)
        _shot(page, f"tab-{name}-{width}px")


def _scrolls_to_its_last_column(page, table_id: str) -> None:
    """The table stays inside the screen and its last column can be scrolled into sight (not clipped)."""
    table = page.locator(f"#{table_id}")
    box = table.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    last = table.locator("thead th").last
    last.scroll_into_view_if_needed()
    header = last.bounding_box()
    assert header is not None and 0 <= header["x"] < PHONE["width"], f"last column of #{table_id} is out of reach"


def test_platform_search_and_admin_tables_scroll_inside_their_box_at_390px(page) -> None:
    from tests.web.conftest import ADMIN_TOKEN

    page.set_viewport_size(PHONE)
    page.get_by_role("tab", name="供需信息").click()
    page.locator("#psearch-run").click()
    expect(page.locator("#psearch-results")).to_contain_text("TN00")
    _scrolls_to_its_last_column(page, "psearch-results")
    _no_sideways_scroll(page)
    _shot(page, "platform-search-390px")

    page.get_by_role("tab", name="管理").click()
    page.locator("#admin-token input").fill(ADMIN_TOKEN)
    page.locator("#admin-login").click()
    expect(page.locator("#admin-docs")).to_contain_text("示例资料")
    _scrolls_to_its_last_column(page, "admin-docs")
    _no_sideways_scroll(page)
    _shot(page, "admin-docs-390px")


def test_search_cards_fit_the_phone(page) -> None:
    page.set_viewport_size(PHONE)
    page.get_by_role("tab", name="实习与专业").click()
    page.locator("#opp-query textarea").fill("实习")
    page.locator("#opp-search").click()
    cards = page.locator("#opp-result .card")
    cards.first.wait_for()
    for card in cards.all()[:5]:
        box = card.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    _no_sideways_scroll(page)
    _shot(page, "opportunities-390px")


@pytest.mark.parametrize("width", [390, 1280])
def test_question_box_counter_and_send_sit_together(page, width: int) -> None:
    """At 390 px the counter sat 27 px under the box and 发送 wrapped 61 px under the counter (Gradio's
    column gaps, the HTML blocks' padding and the empty status line); now the counter is right under
    the box's corner and the button right beside the box, at 390 px as at 1280 px."""
    page.set_viewport_size({"width": width, "height": 844})
    page.wait_for_timeout(300)
    box = page.locator("#question").bounding_box()
    counter = page.locator("#question-count .question-count").bounding_box()
    send = page.locator("#send").bounding_box()
    assert box is not None and counter is not None and send is not None
    box_bottom, box_right = box["y"] + box["height"], box["x"] + box["width"]
    assert 0 <= counter["y"] - box_bottom <= 8, f"counter {counter['y'] - box_bottom:.0f} px under the box"
    assert abs(counter["x"] + counter["width"] - box_right) <= 8  # under the box's right corner
    assert abs(send["y"] - box["y"]) <= 8, f"send {send['y'] - box['y']:.0f} px below the box's top"
    assert 0 <= send["x"] - box_right <= 24  # beside the box, not under it
    assert send["x"] + send["width"] <= width
    assert send["height"] >= 40  # still an easy tap
    _no_sideways_scroll(page)
    _shot(page, f"question-box-{width}px")
