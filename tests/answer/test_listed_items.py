"""A follow-up pointing at one item of the listing the chat just gave (第一个怎么联系？)."""

from __future__ import annotations

from assistant.answer.listed_items import pointed_at
from assistant.types import Turn

LISTING = (
    "我理解你的情况是（专业：护理），为你找到以下机会（按匹配程度排序）：\n"
    "【实习】护理临床实习生 — 昌吉仁和综合医院（昌吉市），截止2027-04-30，理由：专业：对口：护理[1]。\n"
    "【专业】护理 — 昌吉职业技术学院（昌吉市），理由：专业：对口：护理[2]。\n"
    "【全职】养老护理员 — 乌鲁木齐康宁颐养中心（乌鲁木齐市水磨沟区），截止2027-01-31[3]。"
)


def history(*answers: str) -> list[Turn]:
    turns = []
    for answer in answers:
        turns += [Turn(role="user", content="问"), Turn(role="assistant", content=answer)]
    return turns


def test_a_position_in_the_last_listing_is_that_item() -> None:
    first = pointed_at("第一个怎么联系？", history(LISTING))
    assert first is not None and first.found and (first.n, first.count, first.kind) == (1, 3, "实习")
    assert first.title == "护理临床实习生" and first.rest.startswith("昌吉仁和综合医院")
    second = pointed_at("第2个学费多少", history(LISTING))
    assert second is not None and (second.kind, second.title) == ("专业", "护理")
    last = pointed_at("最后一个啥时候截止", history(LISTING))
    assert last is not None and last.n == 3 and last.title == "养老护理员"


def test_past_the_end_is_said_and_no_listing_means_no_pointing() -> None:
    past = pointed_at("第十个呢", history(LISTING))
    assert past is not None and not past.found and (past.n, past.count) == (10, 3)
    assert pointed_at("第一个怎么联系？", history("根据《职业教育法》第五十条：……[1]。")) is None
    assert pointed_at("第一个怎么联系？", []) is None
    assert pointed_at("怎么联系？", history(LISTING)) is None  # no position named
    long = "第一个问题：企业投资职业教育，按规定能抵免多少教育费附加，需要什么条件才行？"
    assert pointed_at(long, history(LISTING)) is None  # a question of its own


def test_an_answer_about_one_item_is_passed_over_for_the_listing_before_it() -> None:
    item = "上面列出的第1个：\n【实习】护理临床实习生 — 昌吉仁和综合医院（昌吉市），联系方式：0994-2318847[1]。"
    second = pointed_at("第二个呢", history(LISTING, item, "上面只列出了3个机会，没有第9个。"))
    assert second is not None and second.title == "护理" and second.count == 3
