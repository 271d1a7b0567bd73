"""The unit a question asks a number of is not what it is about."""

from __future__ import annotations

from assistant.text.units import asked_units, states_asked_unit, without_asked_units


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


def test_a_length_in_another_unit_than_the_one_asked_is_no_lead() -> None:
    """ "职校的学生去企业实习，一天最多干几个小时？" led with "期限：…头3年内应到企业实践6个月以上" (a teacher's
    practice in firms) on the bundled corpus: a question asking 几个小时 is answered by hours, 几天 by 日 or 天."""
    assert not states_asked_unit(
        "期限：新入职的专业教师在入职后的头3年内应到企业实践6个月以上", "实习一天最多干几个小时？"
    )
    assert states_asked_unit("期限：一般每日不得超过一小时", "加班一天最多几个小时")
    assert states_asked_unit("期限：十五日内", "档案几天内要转走？") and states_asked_unit("期限：15个工作日", "几天")
    assert states_asked_unit("期限：三个月", "试用期多长时间？")  # no unit asked: any answers
