"""Words jieba glues that are not what they look like."""

from __future__ import annotations

from assistant.text.tokenize import can_do


def test_the_modal_of_ability_and_a_verb_is_no_noun() -> None:
    """能干 of "有没有周末能干的兼职" was read as what the student likes (jieba tags it a noun): 能 and a verb are
    what can be done; 能源 and 能力 are nouns, and a major holding no 能 is never one."""
    assert can_do("能干") and can_do("能做")
    assert not any(can_do(w) for w in ("能源", "能力", "会计", "电工", "能"))
