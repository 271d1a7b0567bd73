"""Who a writer says they are, a trade or a status: the probe read on words none of its examples hold."""

from __future__ import annotations

import pytest

from assistant.understand.classify import examples

pytestmark = pytest.mark.slow

# held back from examples.yaml (who_one_is), written with it before the probe was first run
TRADES = (
    "挖掘机司机 电焊工 修车师傅 锅炉工 铲车司机 油漆工 面包师 幼师 保育员 网管 客服 文员 司炉工 养殖工 采棉机手"
    " 烧烤师傅 纺织工 配电工 管道工 数控操作工"
).split()
STATUSES = (
    "下岗职工 退伍老兵 待业人员 高职生 技校生 准大学生 残疾青年 独生子女 困难户 离婚妇女 农村户口 城镇居民 返乡大学生"
    " 刚毕业的学生 全职妈妈 无业人员 老兵 兵团子女 职工家属 个体户"
).split()


def test_the_held_back_words_are_read_as_what_they_are(opp) -> None:
    known = {w for words in examples()["who_one_is"].values() for w in words}
    assert not known & {*TRADES, *STATUSES}
    probe, embed = opp.understander().who, opp.understander().embed
    read = dict(zip([*TRADES, *STATUSES], (probe.scores(v).best for v in embed([*TRADES, *STATUSES]))))
    wrong = [w for w in TRADES if read[w] != "trade"] + [w for w in STATUSES if read[w] != "status"]
    assert not wrong, wrong


def test_a_status_the_writer_says_is_no_interest_a_trade_is(opp) -> None:
    understander = opp.understander()
    assert understander.statuses("我是退伍军人，想学个技术") == ["退伍军人"]
    assert understander.statuses("本人是一名下岗职工，有没有活") == ["下岗职工"]
    assert understander.statuses("我是电焊工，哪里招人") == []
