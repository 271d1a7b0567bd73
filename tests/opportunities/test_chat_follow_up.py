"""The chat on the opportunity index: a follow-up pointing at one listed item (第一个怎么联系？)."""

from __future__ import annotations

import pytest

from assistant.types import Turn

pytestmark = pytest.mark.slow


def test_the_chat_answers_a_follow_up_about_a_listed_item_with_its_contact(opp) -> None:
    chat = opp.chat("extractive")
    listing = chat.answer("我是学护理的，想在昌吉找实习或者专业")
    assert listing.route == "opportunities" and "【" in listing.answer
    asked = "我是学护理的，想在昌吉找实习或者专业"
    turns = [Turn(role="user", content=asked), Turn(role="assistant", content=listing.answer)]
    item = chat.answer("第一个怎么联系？", turns)
    assert item.route == "opportunities" and item.answer.startswith("上面列出的第1个：")
    assert "联系方式：" in item.answer.split("\n")[0]  # the lead says it (the UI shows the line as a card)
    assert "联系方式：" in item.answer and len(item.opportunities) == 1 and item.citations
    assert item.opportunities[0]["contact"] and item.opportunities[0]["contact"] in item.answer


def test_either_of_two_kinds_asked_lists_both(opp) -> None:
    """ "学徒或者培训": 培训 alone names the kind too (it read only 学徒 and left the cooking course out)."""
    answer = opp.chat("extractive").answer("有没有厨师相关的学徒或者培训")
    assert answer.profile["kinds"] == ["学徒", "培训"]
    assert {"学徒", "培训"} <= {o["kind"] for o in answer.opportunities}
