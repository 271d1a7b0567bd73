"""The last clause of a message: where a message that first describes a situation asks."""

from __future__ import annotations

from assistant.understand.understander import last_clause


def test_the_last_clause_keeps_its_question_mark() -> None:
    assert last_clause("我们是104团的一家棉花加工厂，明年想跟职校搞订单班，有什么政策？") == "有什么政策？"
    two = "员工要走的话得提前几天打招呼？还在试用期的呢？"
    assert last_clause(two) == two  # a question mark ends a question, not a clause
    assert last_clause("实习生一个月能拿多少钱") == "实习生一个月能拿多少钱"
