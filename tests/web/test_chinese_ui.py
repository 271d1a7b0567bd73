"""No English left where a person reads: every tab, after using it, in a Chinese and an English browser.

Gradio writes some words itself (``Copy message``, ``Fullscreen``, ``Drop File Here``, the chart's
``Zoom in``); :mod:`web.locale` puts them into Chinese. The test reads what is on screen: visible
text, and the tooltips and screen-reader labels of visible elements.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import ADMIN_TOKEN, ARTIFACTS, Served

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.browser]

# names and formats, not words of the interface
ALLOWED = {
    "API",
    "PDF",
    "DOCX",
    "CSV",
    "JSON",
    "JSONL",
    "YAML",
    "Excel",
    "Gradio",
    "Plotly",
    "PNG",
    "png",
    "txt",
    "html",
    "pdf",
    "docx",
    "csv",
    "json",
    "jsonl",
    "yaml",
    "xlsx",
    "ASSISTANT_ADMIN_TOKEN",
    "corpus",
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")

# visible text nodes, and tooltip / label attributes of visible elements (markup stripped); what the
# person types (inputs, the record editor's YAML keys) is theirs, and identifiers in table cells are names
ON_SCREEN = """() => {
  const shown = (e) => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"
      && !e.closest("[aria-hidden=true], .sr-only, .visually-hidden, .hide, .cm-content");
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement, text = n.nodeValue.trim();
    if (!text || !el || el.closest("script, style, textarea") || !shown(el)) continue;
    if (el.closest("td, .body-cell") && /^[a-z0-9_]+$/.test(text)) continue;
    if (el.closest(".contact")) continue;  // a record's e-mail or web address: data, not interface text
    if (el.closest(".quoted")) continue;  // a record's own words (a posting's 要求: 了解PLC编程), kept as written
    out.push(text);
  }
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [data-title]")) {
    if (!shown(el)) continue;
    for (const name of ["title", "aria-label", "placeholder", "data-title"]) {
      const v = el.getAttribute(name);
      if (v) out.push(v.replace(/<[^>]+>/g, " "));
    }
  }
  return out;
}"""


def english_words(texts: list[str]) -> set[str]:
    return {w for text in texts for w in WORD.findall(text) if w not in ALLOWED}


def _use_every_tab(page) -> dict[str, set[str]]:
    """Use each tab as a person would, and collect the English words seen on each."""
    seen: dict[str, set[str]] = {}
    page.locator("#question textarea").fill("企业接收学生实习要承担哪些责任？")
    page.locator("#send").click()
    page.locator("#citations .cites").wait_for()
    page.locator("#chatbot [data-testid='bot']").last.hover()  # shows the copy button and its tooltip
    seen["智能问答"] = english_words(page.evaluate(ON_SCREEN))

    page.get_by_role("tab", name="政策匹配").click()
    page.locator("#enterprise-types").get_by_label("产教融合试点企业").check()
    page.locator("#match-run").click()
    page.locator("#match-result table").wait_for()
    seen["政策匹配"] = english_words(page.evaluate(ON_SCREEN))

    page.get_by_role("tab", name="实习与专业").click()
    page.locator("#opp-search").click()
    page.locator("#opp-result .summary").wait_for()
    seen["实习与专业"] = english_words(page.evaluate(ON_SCREEN))

    page.get_by_role("tab", name="我的新消息").click()
    page.locator("#news-majors textarea").fill("护理")
    page.locator("#news-save").click()
    page.locator("#news-saved .saved").wait_for()
    page.locator("#news-look").click()
    page.locator("#news-result .summary").wait_for()
    seen["我的新消息"] = english_words(page.evaluate(ON_SCREEN))

    page.get_by_role("tab", name="供需信息").click()
    page.locator("#psearch-run").click()
    expect(page.locator("#psearch-results")).to_contain_text("TN00")
    page.locator("#psearch-results").hover()
    seen["供需信息"] = english_words(page.evaluate(ON_SCREEN))

    page.get_by_role("tab", name="供需报告").click()
    page.locator("#report-year input").fill("2026")
    page.locator("#report-run").click()
    page.locator("#report-chart .js-plotly-plot").wait_for()
    page.locator("#report-chart .js-plotly-plot").hover()  # the chart's toolbar
    seen["供需报告"] = english_words(page.evaluate(ON_SCREEN))

    for name in ("发布", "审核"):
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(300)
        seen[name] = english_words(page.evaluate(ON_SCREEN))

    page.get_by_role("tab", name="管理").click()
    page.locator("#admin-token input").fill(ADMIN_TOKEN)
    page.locator("#admin-login").click()
    expect(page.locator("#admin-docs")).to_contain_text("示例资料")
    seen["管理"] = english_words(page.evaluate(ON_SCREEN))
    return seen


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_no_english_words_on_any_tab(browser, served: Served, locale: str) -> None:
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(60_000)
    page = context.new_page()
    try:
        page.goto(served.url + "/ui/")
        page.get_by_role("tab", name="智能问答").wait_for()
        seen = _use_every_tab(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / f"chinese-ui-{locale}.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
    finally:
        context.close()
    left = {tab: sorted(words) for tab, words in seen.items() if words}
    assert not left, f"English on screen with a {locale} browser: {left}"
