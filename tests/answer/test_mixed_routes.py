"""A message the route probe reads nearly as well as a question about the rules gets the policy answer
first; a listing appended after an answer keeps every marker pointing at its own citation."""

from __future__ import annotations

from assistant.answer.chat import POLICY_MIX_SHARE, asks_rules_too
from assistant.answer.compose import append_listing
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.places import scope_of
from assistant.understand.query import Asked, Query, Route


def query(route: Route, scores: dict[str, float]) -> Query:
    ranked = tuple(sorted(scores.items(), key=lambda p: -p[1]))
    return Query("问", "问", route, Asked.howto, scope_of("问"), route_scores=ranked)


def test_a_close_call_against_the_policy_route_asks_the_rules_too() -> None:
    assert asks_rules_too(query(Route.opportunities, {"opportunities": 0.42, "policy": 0.39, "benefits": 0.19}))
    assert not asks_rules_too(query(Route.opportunities, {"opportunities": 0.62, "policy": 0.12, "benefits": 0.26}))
    share = POLICY_MIX_SHARE * 0.5
    assert asks_rules_too(query(Route.opportunities, {"opportunities": 0.5, "policy": share, "benefits": 0.5 - share}))
    assert not asks_rules_too(query(Route.policy, {"policy": 0.5, "opportunities": 0.4, "benefits": 0.1}))


def citation(n: int, chunk: str) -> Citation:
    return Citation(n, chunk, chunk, chunk, "", "", "", "", "text", "q", 1.0)


def answer(sentences: list[AnswerSentence], citations: list[Citation]) -> Answer:
    text = "\n".join(s.text for s in sentences)
    return Answer("问", "问", text, True, AnswerMode.chat, "extractive", citations=citations, sentences=sentences)


def test_appended_listing_is_renumbered_after_the_answers_own_citations() -> None:
    policy = answer([AnswerSentence("应当参加相关保险[1]。", [1], "quote", True)], [citation(1, "law")])
    postings = answer(
        [
            AnswerSentence("为你找到以下机会：", [], "lead", True),
            AnswerSentence("【实习】护理实习生[1]。", [1], "listing", True),
            AnswerSentence("【实习】药房实习生[2]。", [2], "listing", True),
        ],
        [citation(1, "J1"), citation(2, "J2")],
    )
    mixed = append_listing(policy, postings, "另外：", limit=1)
    assert mixed.answer == "应当参加相关保险[1]。\n另外：\n【实习】护理实习生[2]。"
    assert [(c.n, c.chunk_id) for c in mixed.citations] == [(1, "law"), (2, "J1")]
    assert [s.source for s in mixed.sentences] == ["quote", "lead", "listing"]
    assert mixed.sentences[-1].markers == [2]
    staff = policy.with_(mode=AnswerMode.staff)
    assert append_listing(staff, postings, "另外：", limit=3) is staff


def test_the_nearest_postings_come_under_their_own_heading() -> None:
    import datetime as dt

    from assistant.answer.opportunity_listing import opportunity_answer
    from assistant.opportunities.items import OpportunityItem
    from assistant.opportunities.recommend import FEW_FIT_NOTE, NONE_FIT_NOTE, Recommendation
    from assistant.types import StoredChunk

    def rec(rid: str, fits: bool) -> Recommendation:
        item = OpportunityItem(
            rid,
            "postings",
            rid,
            "posting",
            "实习",
            f"岗位{rid}",
            "某公司",
            "",
            "昌吉市",
            [],
            "",
            False,
            deadline=dt.date(2027, 1, 1),
        )
        return Recommendation(item, 1.0, [], fits=fits)

    def chunk(cid: str) -> StoredChunk:
        return StoredChunk(cid, cid, f"岗位{cid}", {})

    base = Answer("问", "问", "", False, AnswerMode.chat, "recommender")
    mixed = opportunity_answer(base, [rec("J1", True), rec("J2", False)], {}, chunk)
    lines = mixed.answer.split("\n")
    assert lines[1].startswith("【实习】岗位J1") and lines[2] == FEW_FIT_NOTE and lines[3].startswith("【实习】岗位J2")
    none_fit = opportunity_answer(base, [rec("J2", False)], {}, chunk)
    assert none_fit.answer.startswith(NONE_FIT_NOTE) and none_fit.answer.count(NONE_FIT_NOTE) == 1


def test_asked_how_to_reach_them_each_line_says_it_and_a_named_school_comes_first() -> None:

    from assistant.answer.chat import named_first
    from assistant.answer.opportunity_listing import opportunity_answer
    from assistant.opportunities.items import OpportunityItem
    from assistant.opportunities.recommend import Recommendation
    from assistant.types import StoredChunk

    def rec(rid: str, school: str, contact: str) -> Recommendation:
        text = "【专业】护理\n地点：昌吉市" + (f"\n联系方式：{contact}" if contact else "")
        item = OpportunityItem(
            rid, "programs", rid, "program", "专业", "护理", "", school, "昌吉市", ["护理"], "高职", False, text=text
        )
        return Recommendation(item, 1.0, [], fits=True)

    other, named = rec("P1", "某某卫生学校", ""), rec("P2", "昌吉职业技术学院", "zs@example.cn")
    assert named.item.contact == "zs@example.cn" and named.item.to_dict()["contact"] == "zs@example.cn"
    ordered = named_first([other, named], "昌吉职业技术学院的护理专业招生邮箱是多少？")
    assert [r.item.record_id for r in ordered] == ["P2", "P1"]
    base = Answer("问", "问", "", False, AnswerMode.chat, "recommender")
    answer = opportunity_answer(base, ordered, {}, lambda cid: StoredChunk(cid, cid, "护理", {}), says={"contact"})
    lines = answer.answer.split("\n")
    assert "联系方式：zs@example.cn" in lines[1] and "联系方式：资料中没有写明" in lines[2]
    plain = opportunity_answer(base, ordered, {}, lambda cid: StoredChunk(cid, cid, "护理", {}))
    assert "联系方式" not in plain.answer
