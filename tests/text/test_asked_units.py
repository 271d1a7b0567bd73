"""The unit a question asks a number of is not what it is about."""

from __future__ import annotations

from assistant.text.units import asked_units, without_asked_units


def test_the_asked_unit_of_time() -> None:
    assert asked_units("实习生每天最多工作几个小时？") == {"个小时", "小时"}
    assert asked_units("员工要走得提前几天打招呼？") == {"天"}
    assert asked_units("试用期最长几个月？") == {"个月", "月"}
    assert asked_units("几个工作日内办完？") == {"个工作日", "工作日"}
    # a unit named as a topic, or money: nothing asked of a unit of time
    assert asked_units("非全日制用工按小时计酬吗？") == set()
    assert asked_units("补偿多少钱？") == set()


def test_tokens_without_the_asked_unit_keep_the_topic() -> None:
    assert without_asked_units("实习一天能干几个小时", ["实习", "一天", "小时"]) == ["实习", "一天"]
    assert without_asked_units("几个小时", ["小时"]) == ["小时"]  # nothing else left: keep it
