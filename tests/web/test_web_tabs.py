"""政策匹配, 实习与专业 and 管理 in a real browser, over the real index and the real app."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import ADMIN_TOKEN

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.browser]

NEW_POLICY = """十二师金胡杨技能人才奖励办法（试行）

第一条 为鼓励职业院校学生参加技能竞赛，设立金胡杨技能奖学金。
第二条 在兵团级职业技能竞赛中获得一等奖的学生，一次性奖励八千元，由十二师人力资源和社会保障局发放。
"""


def test_policy_match_lists_benefits_with_amount_conditions_unit_and_clause(page) -> None:
    page.get_by_role("tab", name="政策匹配").click()
    page.locator("#enterprise-types").get_by_label("产教融合试点企业").check()
    page.locator("#enterprise-activities").get_by_label("举办职业教育投资").check()
    page.locator("#match-run").click()
    table = page.locator("#match-result table.benefits")
    table.wait_for()
    row = table.locator("tr", has_text="教育费附加").first
    assert "30%" in row.inner_text() and "已满足" in row.inner_text() and "财政局" in row.inner_text()
    source = row.locator("details.cite")
    assert "十二师深化产教融合的实施方案" in source.locator("summary").inner_text()
    source.locator("summary").click()
    assert "教育费附加" in source.locator(".cite-text").inner_text()


def test_match_table_is_readable_at_390px(page) -> None:
    """On a phone the table wraps inside its own scroll box: the page itself never scrolls sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.get_by_role("tab", name="政策匹配").click()
        page.locator("#enterprise-types").get_by_label("产教融合试点企业").check()
        page.locator("#enterprise-activities").get_by_label("举办职业教育投资").check()
        page.locator("#match-run").click()
        page.locator("#match-result table.benefits").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("#match-result .table-scroll").first.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390
    finally:
        page.set_viewport_size({"width": 1280, "height": 1000})


def test_policy_match_without_a_profile_asks_for_one(page) -> None:
    page.get_by_role("tab", name="政策匹配").click()
    page.locator("#match-run").click()
    page.locator("#match-result").get_by_text("请至少选择一项企业类型或业务").wait_for()


def test_search_postings_with_a_filter_hides_expired_ones(page) -> None:
    page.get_by_role("tab", name="实习与专业").click()
    page.locator("#opp-query textarea").fill("实习")
    page.locator("#opp-kinds").get_by_label("实习").check()
    page.locator("#opp-location textarea").fill("米东区")
    page.locator("#opp-search").click()
    result = page.locator("#opp-result")
    result.locator(".summary").wait_for()
    cards = result.locator(".card")
    assert cards.count() >= 1
    for card in cards.all():
        text = card.inner_text()
        assert "米东区" in text and "报名截止" in text and "实习" in text
    assert "配电运维实习生" in result.inner_text()
    assert "已过报名截止日期" in result.locator(".summary").inner_text()


def test_recommend_for_a_student_shows_reasons_and_deadline(page) -> None:
    page.get_by_role("tab", name="实习与专业").click()
    page.get_by_role("tab", name="为我推荐").click()
    page.locator("#rec-majors textarea").fill("汽修")  # an everyday name, a place with 附近, a time in words
    page.locator("#rec-locations textarea").fill("乌鲁木齐附近")
    page.locator("#rec-from textarea").fill("明年春天")
    page.locator("#rec-run").click()
    first = page.locator("#rec-result .card").first
    first.wait_for()
    assert "专业：对口" in first.locator(".reasons").inner_text() and "（+" in first.locator(".reasons").inner_text()
    assert "汽车" in first.inner_text()


def test_words_nothing_relates_to_show_the_nearest_in_meaning_under_their_heading(page) -> None:
    """开挖掘机: no posting names it; the note says so and offers majors to try, and the few items nearest in
    meaning come under the nearest heading, each card saying it is not the same major."""
    page.get_by_role("tab", name="实习与专业").click()
    page.get_by_role("tab", name="为我推荐").click()
    page.locator("#rec-majors textarea").fill("开挖掘机")
    page.locator("#rec-run").click()
    heading = page.locator("#rec-result h4.nearest")
    heading.wait_for()
    text = page.locator("#rec-result").inner_text()
    assert "没有找到与“开挖掘机”相关的专业或机会" in text and "农业机械使用与维护" in text
    cards = page.locator("#rec-result .card")
    assert 1 <= cards.count() <= 3
    assert all("意思相近" in cards.nth(i).locator(".reasons").inner_text() for i in range(cards.count()))


def test_non_admin_is_refused(page) -> None:
    page.get_by_role("tab", name="管理").click()
    page.locator("#admin-login").click()
    page.locator("#admin-status").get_by_text("请先输入管理令牌").wait_for()
    page.locator("#admin-token input").fill("not-the-token")
    page.locator("#admin-login").click()
    page.locator("#admin-status").get_by_text("管理令牌不正确").wait_for()
    assert not page.locator("#admin-panel").is_visible()
    assert not page.locator("#admin-upload").is_visible()


def test_admin_uploads_a_policy_finds_it_by_search_and_deletes_it(page, served, tmp_path) -> None:
    upload = tmp_path / "div12_skill_award_rules.txt"
    upload.write_text(NEW_POLICY, encoding="utf-8")
    broken = tmp_path / "broken_postings.json"
    broken.write_text("{not json", encoding="utf-8")

    page.get_by_role("tab", name="管理").click()
    page.locator("#admin-token input").fill(ADMIN_TOKEN)
    page.locator("#admin-login").click()
    page.locator("#admin-panel").wait_for()
    page.locator("#admin-files input[type=file]").set_input_files([str(upload), str(broken)])
    expect(page.locator("#admin-files")).to_contain_text("broken_postings")
    page.locator("#admin-upload").click()
    page.locator("#admin-upload-summary").get_by_text("导入完成").wait_for(timeout=180_000)
    expect(page.locator("#admin-upload-summary")).to_contain_text("新增 1 个")
    expect(page.locator("#admin-upload-summary")).to_contain_text("失败 1 个")
    results = page.locator("#admin-upload-results")
    expect(results).to_contain_text("div12_skill_award_rules.txt")
    expect(results).to_contain_text("broken_postings.json")
    expect(results).to_contain_text("JSON")  # the failure's reason is shown
    expect(page.locator("#admin-docs")).to_contain_text("div12_skill_award_rules")

    hits = page.request.post(served.url + "/api/search", data={"query": "技能竞赛一等奖奖励多少钱", "top_k": 3}).json()
    assert hits["items"][0]["doc_id"] == "div12_skill_award_rules" and "八千元" in hits["items"][0]["text"]

    page.locator("#admin-doc-choice input").click()
    page.get_by_role("option", name="div12_skill_award_rules").click()
    page.locator("#admin-delete").click()
    page.locator("#admin-confirm-delete").click()  # deleting asks first
    page.locator("#admin-delete-status").get_by_text("已删除文档").wait_for()
    hits = page.request.post(served.url + "/api/search", data={"query": "技能竞赛一等奖奖励多少钱", "top_k": 3}).json()
    assert all(item["doc_id"] != "div12_skill_award_rules" for item in hits["items"])
