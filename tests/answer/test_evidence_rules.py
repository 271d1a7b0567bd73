"""Evidence sentences and the asked unit (no index needed)."""

from __future__ import annotations


def test_an_faq_question_is_its_heading_not_a_quote() -> None:
    from assistant.answer.evidence import QuestionTerms, collect
    from assistant.types import SearchHit

    text = "问：企业接收学生实习，需要承担哪些责任？\n答：接收实习的单位要保障学生参加相关保险并支付劳动报酬。"
    hit = SearchHit("c", "faq", "常见问题", "", "F004", "F004", text, 1.0)
    candidates = collect([hit], QuestionTerms({"实习": 2.0, "责任": 2.0, "保险": 1.0}))
    assert [c.text for c in candidates] == ["答：接收实习的单位要保障学生参加相关保险并支付劳动报酬。"]
    assert candidates[0].matched == {"实习", "责任", "保险"}  # 责任 from the question, at half weight
    assert candidates[0].overlap == (2.0 + 0.5 * 2.0 + 1.0) / 5.0
