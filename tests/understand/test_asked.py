"""What is asked is read from the whole message and, with a share, from its last clause (where a message
that first describes a situation asks)."""

from __future__ import annotations

import pytest

from assistant.understand.classify import Scores
from assistant.understand.understander import last_clause


def test_scores_mix_by_share() -> None:
    whole = Scores((("count", 0.6), ("list", 0.3), ("howto", 0.1)), 0.9)
    tail = Scores((("list", 0.7), ("howto", 0.3)), 0.8)
    mixed = whole.mixed(tail, 0.5)
    assert mixed.best == "list" and mixed.share("count") == pytest.approx(0.3)
    assert sum(p for _, p in mixed.labels) == pytest.approx(1.0) and mixed.nearest == 0.9
    assert whole.mixed(tail, 0.0).labels[0] == ("count", 0.6)


def test_the_last_clause_keeps_its_question_mark() -> None:
    assert last_clause("我们是104团的一家棉花加工厂，明年想跟职校搞订单班，有什么政策？") == "有什么政策？"
    two = "员工要走的话得提前几天打招呼？还在试用期的呢？"
    assert last_clause(two) == two  # a question mark ends a question, not a clause
    assert last_clause("实习生一个月能拿多少钱") == "实习生一个月能拿多少钱"
