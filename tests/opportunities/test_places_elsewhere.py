"""A place the openings are not in or near is said, not dropped or taken for an interest."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_place_with_nothing_near_it_is_said_before_the_others(opp) -> None:
    """ "我在库尔勒，有没有实习" searched for 库尔勒 as an interest; "想找个离家近的活，我在102团" listed the openings
    as if near. None of the bundled corpus's openings is near either: said, then the others, each with its place."""
    chat = opp.chat("extractive")
    for message, place in (("我在库尔勒，有没有实习", "库尔勒市"), ("想找个离家近的活，我在102团", "102团")):
        answer = chat.answer(message)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert answer.profile["locations"][:1] == [place] and not answer.profile.get("interests"), message
        assert f"资料中没有{place}及附近的" in answer.answer, message
    near = chat.answer("我在昌吉，有没有实习")
    assert near.opportunities and "及附近的" not in near.answer
