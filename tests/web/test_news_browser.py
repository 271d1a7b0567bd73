"""我的新消息 in headless Chromium: save a student profile, a posting is published, the next look shows it."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect


def _posting() -> dict[str, str]:
    """Dated when the test runs, not when it is collected: a session crossing midnight made it a day old."""
    today = dt.date.today()
    return {
        "id": "WEBNEWS1",
        "title": "汽车美容与维修实习生",
        "kind": "实习",
        "enterprise": "乌鲁木齐测试汽车服务有限公司",
        "location": "乌鲁木齐市米东区",
        "majors": "汽车运用与维修",
        "level": "中职",
        "start": f"{today.year + 1}-03-01",
        "deadline": "2099-01-31",
        "published": today.isoformat(),
    }


def test_a_saved_student_profile_shows_a_posting_published_since(page, served) -> None:
    page.get_by_role("tab", name="我的新消息").click()
    page.locator("#news-majors textarea, #news-majors input").first.fill("汽修")
    page.locator("#news-places textarea, #news-places input").first.fill("乌鲁木齐附近")
    page.locator("#news-save").click()
    expect(page.locator("#news-new-key textarea, #news-new-key input").first).to_have_value(re.compile("^pk_"))
    page.locator("#news-look").click()  # the key was filled in by saving
    expect(page.locator("#news-result")).to_contain_text("没有新的内容")

    posting = _posting()
    served.assistant.publish_records("posting", [posting])
    try:
        page.locator("#news-look").click()
        card = page.locator("#news-result .card", has_text=posting["title"])
        expect(card).to_be_visible()
        expect(card.locator("ul.reasons")).to_contain_text("专业")
        page.locator("#news-look").click()
        expect(page.locator("#news-result")).to_contain_text("没有新的内容")  # the visit moved the mark
    finally:
        served.assistant.withdraw_record(posting["id"])
