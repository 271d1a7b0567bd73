"""The chat and who is writing: an owner offering places is no student looking for one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_an_owner_offering_places_gets_what_the_enterprise_may_claim_not_postings(opp) -> None:
    """ "我开了个汽修店，想带两个徒弟" listed apprenticeships for a student (the dense model reads 汽修 and 徒弟,
    the words of a student's search); "想招几个学厨师的学生" was also told "资料中没有写明具体的数量"."""
    chat = opp.chat("extractive")
    for message, activity in (
        ("我开了个汽修店，想带两个徒弟", "学徒制"),
        ("我在五家渠开了个餐馆，想招几个学厨师的学生", "接收学生实习实训"),
        ("我们是做棉花加工的企业，打算接收中职实习生", "接收学生实习实训"),
    ):
        answer = chat.answer(message)
        assert answer.route == "benefits" and not answer.opportunities, message
        assert any(activity in a for a in answer.profile["activities"]), message
        assert "没有写明具体的数量" not in answer.answer, message
    for message in ("我是中职学汽修的，想找个汽修店实习", "我爸开了个饭店，我想学厨师"):
        assert chat.answer(message).route == "opportunities", message
