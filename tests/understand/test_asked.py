"""The last clause of a message: where a message that first describes a situation asks; whether it asks a count."""

from __future__ import annotations

from assistant.understand.understander import asks_a_count, last_clause


def test_the_last_clause_keeps_its_question_mark() -> None:
    assert last_clause("我们是104团的一家棉花加工厂，明年想跟职校搞订单班，有什么政策？") == "有什么政策？"
    two = "员工要走的话得提前几天打招呼？还在试用期的呢？"
    assert last_clause(two) == two  # a question mark ends a question, not a clause
    assert last_clause("实习生一个月能拿多少钱") == "实习生一个月能拿多少钱"


def test_a_few_after_a_wish_is_no_count_asked() -> None:
    """想招几个学厨师的学生 states a plan ("资料中没有写明具体的数量" answered a question nobody asked)."""
    assert not asks_a_count("我在五家渠开了个餐馆，想招几个学厨师的学生")
    assert not asks_a_count("打算带几个徒弟，有补贴吗")
    assert asks_a_count("我们厂50个人得设几个") and asks_a_count("按规定要设几个学徒岗")
    assert asks_a_count("听说要增加专业，计划新开几个？")  # 几 ending its clause asks
    assert asks_a_count("想知道能招几个学徒") and asks_a_count("想招几个实习生，一个能补多少钱")
    # the wish's object may come first ("数量：…共5个专业" led an enterprise's answer); a wish to know still asks
    assert not asks_a_count("我们酒店想从职校招几个实习生")
    assert not asks_a_count("我们公司缺电工，想找职校合作要几个实习生")
    assert asks_a_count("想知道企业一般要设几个学徒岗") and asks_a_count("我想问一下每年要招几个学徒")
    # asking for some (推荐几个学校: "资料中没有写明具体的数量" led the answer), not how many there are
    assert not asks_a_count("我们酒店明年夏天要一批实习生，推荐几个学校") and not asks_a_count("帮我介绍几家企业")
    assert asks_a_count("本地的职校有几所") and asks_a_count("你们能推荐几个？")
