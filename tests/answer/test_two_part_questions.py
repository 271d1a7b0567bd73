"""A question in two parts of which the documents answer one: the other is named, with what is missing."""

from __future__ import annotations


def test_the_part_without_its_value_is_named(policy_assistant) -> None:
    answer = policy_assistant.ask("劳动合同期限一年的，试用期最长几个月？试用期工资由哪个部门审批？")
    assert answer.grounded and "二个月" in answer.answer
    assert "关于“试用期工资由哪个部门审批”，现有资料中没有写明具体的牵头单位。" in answer.answer
    assert "关于“试用期最长几个月”" not in answer.answer


def test_a_clause_describing_the_situation_is_no_part(policy_assistant) -> None:
    """ "上班快半年了" was read as a second part asking a duration and said to be unanswered; the asked
    probe reads "去年底厂里招了二十个学徒" as a count and "上个月十五号入职的" as a date, but neither asks."""
    understander = policy_assistant.understander()
    assert understander.understand("去年底厂里招了二十个学徒，上个月十五号入职的，该交多少社保？").parts == ()
    parts = understander.understand("十二师的方案从哪年开始实施，每年要培养多少人？").parts
    assert [part for part, _ in parts] == ["十二师的方案从哪年开始实施", "每年要培养多少人？"]
