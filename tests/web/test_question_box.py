"""The question box: a length counter, a too-long question refused (never cut), a second send while
an answer streams told why it waits."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from assistant.answer.checks import MAX_QUESTION_CHARS
from tests.web.conftest import Served

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.browser]


def test_counter_counts_and_a_long_question_is_refused_with_its_length_not_cut(page) -> None:
    box = page.locator("#question textarea")
    counter = page.locator("#question-count")
    expect(counter).to_have_text(f"0/{MAX_QUESTION_CHARS}")
    box.fill("中职学生上学要交学费吗？")
    expect(counter).to_have_text(f"12/{MAX_QUESTION_CHARS}")

    long_question = "企业接收学生实习" * 65  # 520 characters, as if pasted
    box.fill(long_question)
    assert box.input_value() == long_question  # the browser did not cut it at the limit
    expect(counter).to_contain_text(f"520/{MAX_QUESTION_CHARS}")
    expect(counter).to_contain_text(f"问题有 520 个字，超过了 {MAX_QUESTION_CHARS} 字的上限")

    page.locator("#send").click()
    expect(page.locator("#question-status")).to_contain_text("问题有 520 个字")
    assert box.input_value() == long_question  # still there, to be shortened
    assert page.locator("#chatbot [data-testid='user']").count() == 0  # nothing was asked


@pytest.fixture()
def held_answers(served: Served, monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Answers wait until the test sets the event, so a second send surely comes while one streams."""
    release = threading.Event()
    real = served.assistant.ask_stream

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(timeout=60)
        yield from real(*args, **kwargs)

    monkeypatch.setattr(served.assistant, "ask_stream", held)
    yield release
    release.set()


def test_a_second_send_while_answering_is_refused_with_a_message_and_kept(page, held_answers) -> None:
    box = page.locator("#question textarea")
    box.fill("企业接收学生实习要承担哪些责任？")
    page.locator("#send").click()
    expect(page.locator("#chatbot [data-testid='bot']").last).to_contain_text("正在查找")

    box.fill("中职学生上学要交学费吗？")
    box.press("Enter")  # Enter and the button are one event: neither slips through
    status = page.locator("#question-status")
    expect(status).to_contain_text("上一个问题还在回答中")
    assert box.input_value() == "中职学生上学要交学费吗？"
    page.locator("#send").click()
    expect(status).to_contain_text("上一个问题还在回答中")
    assert page.locator("#chatbot [data-testid='user']").count() == 1

    held_answers.set()
    page.locator("#citations .cites[data-question='企业接收学生实习要承担哪些责任？']").wait_for()
    expect(status).to_have_text("")  # the answer is there: nothing to wait for any more
    page.locator("#send").click()  # the kept question goes now
    page.locator("#citations .cites[data-question='中职学生上学要交学费吗？']").wait_for()
    assert page.locator("#chatbot [data-testid='user']").count() == 2
