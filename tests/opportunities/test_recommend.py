"""Recommendations on the real index: reasons, deadlines, determinism, profile validation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.opportunities.recommend import FEW_FIT_NOTE, ONLY_FEW_NOTE
from assistant.types import Persona, Turn
from assistant.understand.profiles import StudentProfile
from tests.opportunities.conftest import TODAY

pytestmark = pytest.mark.slow

AUTO = StudentProfile(
    majors=["汽车运用与维修"],
    level="中职",
    locations=["乌鲁木齐"],
    wants_apprenticeship=True,
    available_from=dt.date(2027, 3, 1),
    available_to=dt.date(2027, 8, 31),
)


def test_reasons_explain_each_pick(opp) -> None:
    result = opp.recommend(AUTO, top_k=10, today=TODAY)
    by_id = {r.item.record_id: r for r in result.ranked}
    apprentice = by_id["J027"]
    assert [r.reason for r in apprentice.reasons] == ["专业", "地点", "时间", "学徒制", "层次", "截止日期"]
    assert all("（+" in r.text for r in apprentice.reasons[:5])  # each reason shows its sign
    assert apprentice.to_dict()["deadline"] == "2027-01-10"
    assert result.items[0].item.record_id == "J027"  # the only item with every reason
    assert "P004" in by_id and by_id["P004"].item.kind == "专业"
    assert "J014" not in by_id  # 高职 internship: the level forbids a 中职 student (a hard fact)
    early = by_id["J016"]  # full-time job starting 2027-01-04, before the student is free: graded, not dropped
    assert early in result.nearest and any("早于可参加时间" in r.detail and r.score < 0 for r in early.reasons)


def test_nothing_past_its_deadline(opp) -> None:
    later = dt.date(2027, 1, 12)
    ranked = opp.recommend(AUTO, top_k=50, today=later).ranked
    ids = {r.item.record_id for r in ranked}
    assert "J027" not in ids  # closed 2027-01-10
    assert "J001" in ids  # closes 2027-01-15
    for rec in ranked:
        assert rec.item.deadline is None or rec.item.deadline >= later


def test_same_profile_same_list(opp) -> None:
    first = opp.recommend(AUTO, today=TODAY).to_dict()
    second = opp.recommend(AUTO.model_copy(), today=TODAY).to_dict()
    assert first == second
    scores = [r["score"] for r in first["items"]]
    assert scores == sorted(scores, reverse=True)


def test_apprenticeship_not_wanted_is_ranked_lower_and_kinds_exclude(opp) -> None:
    profile = StudentProfile(majors=["建筑工程施工"], level="中职", wants_apprenticeship=False)
    result = opp.recommend(profile, today=TODAY)
    assert result.items and all(r.item.kind != "学徒" for r in result.items)
    assert all(r.item.kind == "学徒" for r in result.nearest if r.item.apprenticeship)
    programs_only = StudentProfile(majors=["护理"], kinds=["专业"])
    programs = opp.recommend(programs_only, today=TODAY).ranked
    assert programs[0].item.record_id == "P013" and all(r.item.kind == "专业" for r in programs)
    trainings = StudentProfile(majors=["护理"], kinds=["培训"])
    ranked = opp.recommend(trainings, today=TODAY).ranked
    assert "P020" in {r.item.record_id for r in ranked} and all(r.item.kind == "培训" for r in ranked)


def test_nothing_of_the_kind_asked_shows_the_nearest_of_other_kinds_not_a_dead_end(opp) -> None:
    """The only logistics internship closed in August: a 高职 logistics student asking for an internship
    got nothing at all; the jobs, apprenticeships and programs of the major come among the nearest, each
    saying it is not the kind asked (a kind asked still excludes whenever anything of it fits)."""
    profile = StudentProfile(majors=["物流"], level="高职", locations=["米东"], kinds=["实习"], time="寒假")
    result = opp.recommend(profile, today=TODAY)
    assert not result.items and result.nearest and "其他类型" in result.note
    for rec in result.nearest:
        assert rec.item.kind != "实习" and not rec.item.expired(TODAY)
        assert rec.reasons[0].text == f"类型：{rec.item.kind}，不是所找的实习（+0）"
    assert "现代物流管理" in result.nearest[0].item.majors
    answer = opp.ask("我是高职学物流的，寒假想在米东找个实习")
    assert answer.opportunities and "不是所找的实习" in answer.answer


def test_interests_match_text(opp) -> None:
    result = opp.recommend(StudentProfile(interests=["机器人"], locations=["昌吉"]), today=TODAY)
    assert {"J013", "J029", "P012"} <= {r.item.record_id for r in result.items}
    assert all(r.reasons[0].reason == "专业" for r in result.ranked)


def test_an_interest_is_matched_on_what_an_item_is_about_not_on_who_may_apply(opp) -> None:
    """低压电工作业培训班 asks for "初中及以上文化程度": that is no match for a student whose message
    says 初中 (a parent: "孩子初中毕业…")."""
    listed = opp.recommend(StudentProfile(interests=["初中"]), today=TODAY).ranked
    assert not any("初中" in r.item.text and "初中" not in r.item.about for r in listed)
    assert any("初中" in i.text for i in opp.opportunity_items())  # the word is there, in a requirement


def test_a_chat_asking_what_programs_there_are_lists_them(opp) -> None:
    """No major, no listed interest: what there is of the kind asked, nearest the place asked."""
    answer = opp.ask("我想在十二师读个中职，有哪些专业可以报？")
    assert answer.route == "opportunities" and answer.grounded and answer.opportunities
    assert "没有读到具体的专业或兴趣" in answer.answer  # a list, not a match, and it says so
    assert all(o["kind"] == "专业" for o in answer.opportunities)
    assert all("十二师" in o["location"] or "十二师" in o.get("school", "") for o in answer.opportunities)


def test_who_the_writer_says_they_are_is_no_interest(opp) -> None:
    """ "我是退伍军人，想学个技术，有没有免费的培训" listed trainings "与“退伍军人”意思相近，不是同一专业" (who the
    writer is, matched by meaning): the free trainings there are, a list and said to be one."""
    answer = opp.ask("我是退伍军人，想学个技术，有没有免费的培训")
    assert answer.route == "opportunities" and answer.opportunities, answer.answer
    assert "退伍军人" not in answer.answer and "没有读到具体的专业或兴趣" in answer.answer
    assert {o["kind"] for o in answer.opportunities} == {"培训"}


def test_what_can_be_done_is_no_interest(opp) -> None:
    """ "有没有周末能干的兼职" listed postings "与“能干”意思相近" (jieba glues 能 and 干 into a noun)."""
    answer = opp.ask("有没有周末能干的兼职")
    assert answer.route == "opportunities" and "能干" not in answer.answer, answer.answer


def test_an_interest_nothing_matches_is_said_and_the_list_is_only_the_nearest(opp) -> None:
    """摄影 is no catalog major and 相关专业 no listed kind, but the route probe is sure (0.9): the answer
    says nothing matches 摄影 and lists the programs there are as the nearest, never as fits (it used to
    quote a policy clause about teachers' qualifications)."""
    answer = opp.ask("我想学摄影，有没有相关专业？")
    assert answer.route == "opportunities" and "没有找到与“摄影”相关的机会" in answer.answer
    assert answer.opportunities and all(o["kind"] == "专业" and not o["fits"] for o in answer.opportunities)


def test_a_trade_jieba_tags_as_a_verb_is_read_when_it_is_what_one_learns(opp) -> None:
    """会计 is tagged ``v`` by jieba: "我是学会计的，想找个实习" read no major or interest and listed internships
    by deadline as if nothing had been said; now 会计 is the interest, no catalog major matches it, and the
    internships are the nearest (a close major by meaning, said as such), none a fit."""
    answer = opp.ask("我是学会计的，想找个实习")
    assert answer.route == "opportunities" and "没有读到具体的专业或兴趣" not in answer.answer
    assert answer.opportunities and not any(o["fits"] for o in answer.opportunities)


def test_work_said_as_work_is_the_kind_asked_not_an_interest(opp) -> None:
    """ "有什么工作" names no kind the vocabulary lists, and 工作 was read as the interest: "我是学电焊的，有什么
    工作" listed 电工作业 trainings as "兴趣相关：工作"; "我是学护理的，有什么工作" listed a 护理 training beside
    the job. 工作 is how only 全职 is said (找工作, 正式工作, 工作机会): the kind asked, in the chat (a policy
    question's 工作时间 routes as before)."""
    from assistant.understand.vocabulary import vocabulary

    assert vocabulary().kind_of_part("工作") == "全职" and vocabulary().kind_of_part("岗位") == ""
    for message in ("我是学护理的，有什么工作", "我是学电焊的，有什么工作"):
        answer = opp.ask(message)
        assert answer.route == "opportunities" and "兴趣相关：工作" not in answer.answer, message
        assert answer.opportunities and all(o["kind"] == "全职" for o in answer.opportunities), message
    assert "没有找到与“电焊”相关" in opp.ask("我是学电焊的，有什么工作").answer
    # nothing said of where or what: the jobs, by place and deadline, saying no major or interest was read
    anything = opp.ask("有什么工作推荐")
    assert {o["kind"] for o in anything.opportunities} == {"全职"} and "没有读到具体的专业或兴趣" in anything.answer


def test_a_major_jieba_tags_as_an_abbreviation_is_read_in_the_chat(opp) -> None:
    """数控 is tagged ``j`` (an abbreviation) by jieba, not ``n``: the chat used to read no major or interest
    in "高职学数控的…" and list any internship by place; now it says nothing relates to 数控 and lists the
    nearest in meaning as such."""
    answer = opp.ask("高职学数控的，下个月开始想找实习，乌鲁木齐附近")
    assert answer.route == "opportunities" and "没有读到具体的专业或兴趣" not in answer.answer
    assert "没有找到与“数控”相关" in answer.answer and answer.opportunities
    assert all(o["kind"] == "实习" and not o["fits"] for o in answer.opportunities)


def test_who_a_message_is_about_is_not_an_interest(opp) -> None:
    """A parent's or an uncle's words name who the message is about (女儿, 外甥) and that they like something
    (感兴趣): jieba tags them as nouns, and the chat said "没有找到与“外甥”相关的专业或机会"."""
    cake = opp.ask("孩子对做蛋糕感兴趣，有相关的学徒吗")
    assert cake.route == "opportunities" and "没有找到与“蛋糕”相关" in cake.answer
    for message in (
        "我外甥喜欢开车，想找个相关的工作",
        "我家闺女想学化妆，有没有培训",
        "女儿喜欢小孩子，想学个相关的专业",
    ):
        answer = opp.ask(message)
        assert answer.route == "opportunities", message
        assert not any(f"{word}”" in answer.answer or f"“{word}" in answer.answer for word in ("外甥", "闺女", "女儿"))
    # who a program is for (女生) is not what is liked either: "有什么专业适合女生" said nothing related to 女生
    girls = opp.ask("有什么专业适合女生")
    assert girls.route == "opportunities" and "女生" not in girls.answer and "interests" not in girls.profile


def test_what_happened_is_not_an_interest(opp) -> None:
    """ "孩子今年中考没考上，想让他学门手艺，师里有什么学校" searched for the interests 没考上、学门、手艺 (jieba
    tags the set phrase 没考上 as nominal; 学门手艺 was no kind): now trainings and programs where asked."""
    answer = opp.ask("孩子今年中考没考上，想让他学门手艺，师里有什么学校")
    assert answer.route == "opportunities" and answer.opportunities
    assert not any(word in answer.answer for word in ("没考上", "学门", "手艺"))
    assert {"培训", "专业"} >= {o["kind"] for o in answer.opportunities}


def test_a_student_going_where_a_business_hires_is_searching(opp) -> None:
    """ "厂里在招学徒，我想去" (a kind, no major, no level) went to the enterprise benefits (a kind alone may be
    what the writer's enterprise runs), and as a search it looked for the interest 厂里: a wish to go says
    who writes, and a workplace said as where is no interest."""
    for message in ("厂里在招学徒，我想去", "寒假想去厂里当学徒"):
        answer = opp.ask(message)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert "厂里" not in answer.answer and {o["kind"] for o in answer.opportunities} == {"学徒"}, message
    # a wish to learn with nothing to search on is no enterprise's question ("我理解贵单位的情况是…职工培训")
    assert opp.ask("我在104团，想学个开挖掘机的技术").route != "benefits"


def test_a_time_alone_lists_what_can_be_attended_then(opp) -> None:
    """ "暑假想找个兼职" (a window, no major, kind or place) listed nothing: now the postings and trainings that
    can be attended in the summer first, each with its time reason; a program (no dates) is none of them."""
    answer = opp.ask("暑假想找个兼职")
    assert answer.route == "opportunities" and answer.opportunities
    assert "按可参加时间和地点列出" in answer.answer
    assert all(o["kind"] != "专业" for o in answer.opportunities)
    assert all(any(r["reason"] == "时间" for r in o["reasons"]) for o in answer.opportunities)
    assert answer.opportunities[0]["fits"] and "在可参加时间内" in answer.answer


def test_a_pay_asked_grades_the_openings_by_it(opp) -> None:
    """ "有没有月薪三千以上的实习" read 月薪 as the interest and listed what is nearest in meaning to it; now the
    internships paying it come first, each saying so, and a pay no internship reaches is said to be unmet."""
    answer = opp.ask("有没有月薪三千以上的实习")
    assert answer.route == "opportunities" and answer.opportunities
    assert "待遇：每月3000元以上" in answer.answer and "月薪" not in answer.answer.splitlines()[0].split("）")[-1]
    assert all(o["kind"] == "实习" for o in answer.opportunities)
    first = answer.opportunities[0]
    assert first["fits"] and any(r["reason"] == "待遇" and "达到期望" in r["detail"] for r in first["reasons"])
    job = opp.ask("乌鲁木齐有没有工资5000以上的工作")  # a least pay asked is a seeker's, even with no major
    assert job.route == "opportunities" and job.opportunities and job.opportunities[0]["fits"]
    assert job.answer.splitlines()[1].count("待遇：") == 1  # said once, among the reasons
    higher = opp.ask("有没有月薪一万以上的实习")
    assert "没有找到待遇达到每月10000元的实习" in higher.answer
    assert higher.opportunities and not any(o["fits"] for o in higher.opportunities)


def test_a_higher_pay_wished_lists_the_best_paid_first(opp) -> None:
    """ "有没有工资高一点的实习" listed internships by place and deadline, as if the pay were not said; 高薪 and
    收入高点 were read as interests ("没有找到与“高薪”相关"). With no figure to grade by, the best paid come first
    (those in or near the places asked before the others), each line saying its pay."""
    answer = opp.ask("有没有工资高一点的实习")
    assert answer.route == "opportunities" and {o["kind"] for o in answer.opportunities} == {"实习"}
    assert "以下按待遇和地点列出" in answer.answer
    tops = [o["pay_max"] or o["pay_min"] or 0 for o in answer.opportunities]
    assert tops == sorted(tops, reverse=True) and tops[0] > 0
    assert all("待遇：" in line for line in answer.answer.splitlines()[1 : 1 + len(tops)])
    for message in ("有没有高薪的学徒", "孩子想找个收入高点的工作，在五家渠"):
        reply = opp.ask(message)
        assert reply.opportunities and "没有找到与" not in reply.answer, message
    near = opp.ask("孩子想找个收入高点的工作，在五家渠").opportunities
    fits = [o["fits"] for o in near]
    assert fits == sorted(fits, reverse=True)  # in or near the place asked first


def test_what_a_kind_pays_is_what_its_openings_pay(opp) -> None:
    """ "学徒一个月能拿多少钱" led with "超过一个月…企业要每月支付二倍工资" (a contract rule's figure): the openings
    of the kind say what it pays. The lead gives how many are open and the lowest and highest monthly pay they
    state, over all of them (each line then says its own)."""
    answer = opp.ask("学徒一个月能拿多少钱")
    assert answer.route == "opportunities" and {o["kind"] for o in answer.opportunities} == {"学徒"}
    assert "二倍工资" not in answer.answer
    postings = [i for i in opp.opportunity_items() if i.kind == "学徒" and i.record_type == "posting"]
    stated = [i for i in postings if not i.expired(dt.date.today()) and (i.pay_min or i.pay_max)]
    low, high = min(i.pay_min or i.pay_max for i in stated), max(i.pay_max or i.pay_min for i in stated)
    assert f"月收入在{low}至{high}元之间" in answer.answer.splitlines()[0]
    assert all("待遇：" in line for line in answer.answer.splitlines()[1 : 1 + len(answer.opportunities)])
    for message in ("我想半工半读", "孩子想边读书边工作，有这样的吗"):  # a kind wished for, asked after naming it
        reply = opp.ask(message)
        assert reply.route == "opportunities" and {o["kind"] for o in reply.opportunities} == {"学徒"}, message
    rule = opp.ask("顶岗实习学生的报酬最低不能低于多少钱？")  # a rule's floor: the policy answer
    assert rule.route == "policy"


def test_what_an_opening_offers_puts_those_stating_it_first(opp) -> None:
    """ "有没有包吃住的实习" listed every internship by place, as if 包吃住 were not said (and 包住 was read as an
    interest): the openings stating lodging and meals come first, each saying so with its pay; one not stating
    them is no good fit. Said bare ("有没有包吃住的"), it is a search for work too."""
    from assistant.opportunities.perks import offered

    answer = opp.ask("有没有包吃住的实习")
    assert answer.route == "opportunities" and "没有找到与" not in answer.answer
    assert "写明提供住宿、餐食的实习" in answer.answer.splitlines()[0]
    items = {i.record_id: i for i in opp.opportunity_items()}
    good = [o for o in answer.opportunities if o["fits"]]
    assert good and all(set(offered(items[o["record_id"]])) >= {"住宿", "餐食"} for o in good)
    assert answer.opportunities[: len(good)] == good  # those stating both first
    meals = opp.ask("学汽修的，想找个管饭的实习")
    assert meals.opportunities and meals.opportunities[0]["fits"]
    assert "餐食" in offered(items[meals.opportunities[0]["record_id"]])
    bare = opp.ask("有没有包吃住的")
    assert bare.route == "opportunities" and bare.opportunities
    for message in ("哪里有管饭的活", "有没有管吃住的活儿"):  # 活 / 活儿: a job, said plainly
        job = opp.ask(message)
        assert job.route == "opportunities" and job.opportunities and "没有找到与" not in job.answer, message
    both = opp.ask("一边上班一边学习可以吗")  # working while studying, asked whether it can be done
    assert both.route == "opportunities" and {o["kind"] for o in both.opportunities} == {"学徒"}


def test_what_an_opening_offers_is_said_first_when_asked_with_a_major(opp) -> None:
    """ "我是学护理的，有没有包住宿的实习" (a major read, no browsing) said nothing of lodging, and "有包吃住的吗？"
    after a search for a 汽修 internship repeated the listing: the reason saying whether it is stated came fourth,
    after the three a line shows. Asked, it is said first on each line, and the lead says what was asked."""
    nursing = opp.ask("我是学护理的，有没有包住宿的实习")
    assert nursing.route == "opportunities" and nursing.opportunities
    assert "提供住宿" in nursing.answer.splitlines()[0]
    lines = [line for line in nursing.answer.splitlines() if line.startswith("【")]
    assert lines and all("理由：待遇：" in line and "写明提供住宿" in line for line in lines)
    repair = opp.ask("我是中职学汽修的，想找个包吃住的实习")
    lines = [line for line in repair.answer.splitlines() if line.startswith("【")]
    assert lines and all(line.split("理由：")[1].startswith(("待遇：", "费用：")) for line in lines)
    assert all("写明提供" in line.split("理由：")[1].split("；专业")[0] for line in lines)


def test_costing_nothing_is_offered_and_a_declined_kind_is_not_listed(opp) -> None:
    """ "孩子没考上高中，有没有免费的职业培训" read 免费 as the interest and found nothing; "有不要钱的培训吗" read
    不要 as declining training and listed work; "我不想当学徒，有实习吗" listed apprenticeships with the internships.
    Costing nothing is offered like lodging (a training's 待遇, a program's 学费 line, said in the reason); a
    declined kind is not listed."""
    from assistant.opportunities.perks import offered

    items = {i.record_id: i for i in opp.opportunity_items()}
    for message in ("孩子没考上高中，有没有免费的职业培训", "有不要钱的培训吗"):
        answer = opp.ask(message)
        assert answer.route == "opportunities" and "没有找到与" not in answer.answer, message
        assert "写明免费的培训" in answer.answer.splitlines()[0], message
        assert {o["kind"] for o in answer.opportunities} == {"培训"}, message
        good = [o for o in answer.opportunities if o["fits"]]
        assert good and all("免费" in offered(items[o["record_id"]]) for o in good), message
    programs = opp.ask("有没有免学费的专业")
    assert programs.opportunities and all(o["kind"] == "专业" for o in programs.opportunities)
    assert "学费：" in programs.answer.splitlines()[1]
    declined = (("我不想当学徒，有实习吗", "实习"), ("不要实习，想找全职", "全职"), ("学徒不考虑，有没有培训", "培训"))
    for message, kind in declined:
        answer = opp.ask(message)
        assert {o["kind"] for o in answer.opportunities} == {kind}, message


def test_a_year_saying_who_the_student_is_leaves_the_window_to_the_term(opp) -> None:
    """ "我今年高职二年级，…暑假能去哪实习" read 今年 as the window (the rest of December)."""
    answer = opp.ask("我今年高职二年级，学机电的，暑假能去哪实习")
    assert answer.route == "opportunities" and "时间：2027-07-01起至2027-08-31" in answer.answer


def test_asking_which_school_teaches_a_major_lists_its_programs(opp) -> None:
    """ "哪些学校有护理专业" went to the platform's yearly report (its probe reads the schools' graduates, 0.71);
    "孩子今年中考没考好，能上什么职校" quoted the rule on hiring teachers. Both ask for programs; an employer
    asking for the schools' graduates still gets the platform's records."""
    nursing = opp.ask("哪些学校有护理专业")
    assert nursing.route == "opportunities" and nursing.opportunities[0]["kind"] == "专业"
    assert nursing.opportunities[0]["title"] == "护理"
    parent = opp.ask("孩子今年中考没考好，能上什么职校")
    assert parent.route == "opportunities" and parent.opportunities
    assert all(o["kind"] == "专业" for o in parent.opportunities)
    assert opp.ask("哪些学校有护理专业的毕业生", persona=Persona.enterprise).route == "platform"
    place = opp.ask("五家渠有什么技校")  # a place said: the programs near it, not the yearly report
    assert place.route == "opportunities" and all(o["kind"] == "专业" for o in place.opportunities)


def test_asking_how_much_says_each_items_pay_or_fee(opp) -> None:
    """ "我想学新能源汽车维修，有培训吗，多少钱" listed the training without its fee; "汽修专业学费多少" listed jobs.
    Asked how much, each line says the pay (待遇) or what the student pays (费用: a training's fee, a program's
    学费); 学费 asks for programs."""
    training = opp.ask("我想学新能源汽车维修，有培训吗，多少钱")
    assert training.route == "opportunities" and "费用：培训费2800元/人" in training.answer
    tuition = opp.ask("汽修专业学费多少")
    assert tuition.opportunities[0]["kind"] == "专业" and "费用：" in tuition.answer.splitlines()[1]
    internship = opp.ask("我是学护理的，想找个实习，一个月给多少钱")
    assert "待遇：实习补贴" in internship.answer


def test_asking_what_programs_to_study_wants_programs(opp) -> None:
    """ "有什么专业可以读" asks for programs (the vocabulary's 什么专业): a parent's question used to get the
    cooking training and the apprenticeship first and the program third."""
    answer = opp.ask("孩子初中毕业，喜欢做饭，有什么专业可以读")
    assert answer.route == "opportunities" and answer.opportunities
    assert answer.opportunities[0]["kind"] == "专业" and answer.opportunities[0]["title"] == "中餐烹饪与营养膳食"


def test_an_opening_word_is_no_interest(opp) -> None:
    """岗位 says the student looks for an opening, not what it is about: "我是学会计的，有什么岗位推荐吗" used to
    list car-repair and robot postings as "兴趣相关：岗位" (会计 is no catalog major here)."""
    answer = opp.ask("我是学会计的，有什么岗位推荐吗？")
    assert answer.route == "opportunities"
    assert not any("岗位" in r["detail"] for o in answer.opportunities for r in o["reasons"])
    assert not answer.grounded or not any(o["fits"] for o in answer.opportunities)


def test_an_opening_is_work_not_a_program(opp) -> None:
    """An opening (岗位) is an internship, a job or an apprenticeship: "昌吉有什么岗位" listed 昌吉's programs and
    trainings beside them. A trade no posting or catalog major has (会计) gets the nearest only, none as a fit."""
    chat = opp.chat("extractive")
    for message, place in (("昌吉有什么岗位", "昌吉市"), ("米东那边有没有空缺的职位", "米东区")):
        answer = chat.answer(message)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert {o["kind"] for o in answer.opportunities} <= {"实习", "全职", "学徒"}, message
        assert place in answer.opportunities[0]["location"], message
    accounting = chat.answer("有没有会计岗位")  # 会计: no posting, no catalog major here
    assert not any(o["fits"] for o in accounting.opportunities)


def test_a_bare_opening_lists_the_openings_not_an_introduction(opp) -> None:
    """ "有没有兼职" got the assistant's introduction (the small-talk probe; an opening counted as no wish) and
    "有什么岗位推荐吗" said nothing fits though every opening may: the openings are listed by place and deadline,
    the answer saying no major or interest was read."""
    chat = opp.chat("extractive")
    for message in ("有没有兼职", "有什么岗位推荐吗"):
        answer = chat.answer(message, persona=Persona.student)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert {o["kind"] for o in answer.opportunities} <= {"实习", "全职", "学徒"}, message
        assert "没有读到具体的专业或兴趣" in answer.answer, message


def test_a_kind_asked_for_with_its_trade_or_its_terms_is_a_search(opp) -> None:
    """ "有没有包吃住的学徒" (a student) was refused as off-topic on the policy route: a kind alone was no search.
    Asked for as what exists, it is. The trade an opening or a kind is of is read though jieba tags it a verb
    (焊工学徒, 会计岗位): "有没有焊工学徒" listed every apprenticeship as if 焊工 were not said."""
    chat = opp.chat("extractive")
    board = chat.answer("有没有包吃住的学徒", persona=Persona.student)
    assert board.route == "opportunities" and {o["kind"] for o in board.opportunities} == {"学徒"}
    welding = chat.answer("有没有焊工学徒", persona=Persona.student)  # no welding here: the nearest only
    assert welding.opportunities and not any(o["fits"] for o in welding.opportunities)


def test_asking_who_recruits_a_kind_is_a_search(opp) -> None:
    """ "有哪些企业在招实习生" (no persona chosen) was answered with a business's duties to its interns, "贵单位"
    and all: asking who recruits a kind is a search for it, and the employer word (企业) is no interest."""
    chat = opp.chat("extractive")
    for message, kind in (("有哪些企业在招实习生", "实习"), ("有没有招学徒的企业", "学徒")):
        answer = chat.answer(message)
        assert answer.route == "opportunities" and "贵单位" not in answer.answer, message
        assert answer.opportunities and {o["kind"] for o in answer.opportunities} == {kind}, message
        assert not any("企业" in r["detail"] for o in answer.opportunities for r in o["reasons"]), message


def test_an_activity_heading_an_opening_is_the_trade_asked(opp) -> None:
    """ "有没有销售的岗位" listed every opening by deadline, saying no major or interest was read: 销售 is a
    verbal noun to jieba (general idf 5.3, below the topic cut) and no title here names it. The activity an
    opening is of is the trade asked, said back when nothing relates to it; 工作 heads one too (设计的工作)."""
    chat = opp.chat("extractive")
    sales = chat.answer("有没有销售的岗位", persona=Persona.student)
    assert sales.route == "opportunities" and "没有读到具体的专业或兴趣" not in sales.answer
    assert any("销售" in r["detail"] for o in sales.opportunities for r in o["reasons"])
    design = chat.answer("有没有设计的工作", persona=Persona.student)
    assert "“设计”" in design.answer and not any(o["fits"] for o in design.opportunities)
    # a plain verb before a kind said in other words says how, not what (好找 of 好找工作: easy to find)
    easy = chat.answer("男生学什么技术好找工作", persona=Persona.student)
    assert "好找" not in easy.answer.splitlines()[0]
    # the verb of a phrase a preposition opens relates its object: 电脑 is liked, 有关 is no trade
    related = chat.answer("想找点跟电脑有关的实习", persona=Persona.student)
    assert related.profile["interests"] == ["电脑"], related.profile


def test_what_a_school_costs_is_its_programs_fees(opp) -> None:
    """A parent's "孩子读中职一年要交多少钱" quoted the double wage owed without a contract (a rule's amount): the
    programs state what attending costs, each line says its 费用, those of the level asked first; "那高职呢？"
    after it asks the same of 高职."""
    chat = opp.chat("extractive")
    for message, level in (("孩子读中职一年要交多少钱", "中职"), ("我想读高职，学费贵吗", "高职")):
        answer = chat.answer(message, persona=Persona.student)
        assert answer.route == "opportunities" and "二倍工资" not in answer.answer, message
        listed = [line for line in answer.answer.splitlines() if line.startswith("【")]
        assert listed and all("费用：" in line for line in listed), message
        assert answer.opportunities[0]["level"] == level, answer.opportunities[0]
    # the same asked of another school right after (alone, 高职多少钱 reads as a rule's amount); a question of its
    # own after it is not a search
    turns = [Turn(role="user", content="孩子读中职一年要交多少钱"), Turn(role="assistant", content="…")]
    other = chat.answer("那高职呢？", turns, persona=Persona.student)
    assert other.route == "opportunities" and other.opportunities[0]["level"] == "高职", other.answer
    assert chat.answer("实习期间受伤了谁负责", turns, persona=Persona.student).route == "policy"


def test_a_cost_asked_is_no_trade(opp) -> None:
    """ "住宿费呢" after a fees listing read 住宿费 as the interest ("没有找到与“住宿费”相关的专业", programs
    "与“住宿费”意思相近" listed): a word holding a perk names what is paid or offered, and a question on what a
    school costs takes no word naming no item as the trade. The listing says which programs state lodging (none
    here)."""
    chat = opp.chat("extractive")
    turns = [Turn(role="user", content="孩子读中职一年要交多少钱"), Turn(role="assistant", content="…")]
    lodging = chat.answer("住宿费呢", turns, persona=Persona.student)
    assert lodging.route == "opportunities" and not lodging.profile.get("interests"), lodging.profile
    assert "住宿费" not in lodging.answer.splitlines()[0] and "没有找到写明提供住宿的专业" in lodging.answer
    # each says its fee, in the line or in the reason on lodging (学费：…；没有写明提供住宿)
    assert all(re.search("(费用|学费)：", line) for line in lodging.answer.splitlines() if line.startswith("【"))
    # a major the catalog names is still the trade of a fee question
    nursing = chat.answer("学护理的学费一年多少", persona=Persona.student)
    assert nursing.profile["majors"] == ["护理"] and nursing.opportunities[0]["title"] == "护理"
    books = chat.answer("读中职书本费贵不贵", persona=Persona.student)
    assert books.route == "opportunities" and not books.profile.get("interests"), books.profile
    # a training's fee is asked of the trainings, each line saying it (a work kind's pay is not a fee)
    training = chat.answer("培训班要交钱吗", persona=Persona.student)
    listed = [line for line in training.answer.splitlines() if line.startswith("【")]
    assert training.route == "opportunities" and listed, training.answer
    assert all(line.startswith("【培训】") and "费用：" in line for line in listed), listed
    assert not training.profile.get("interests"), training.profile  # 交钱 asks a price: no trade
    # after the lodging asked, the trainings' fee is said in the reason on lodging, not lost
    again = chat.answer("培训班要交钱吗", [*turns, Turn(role="user", content="住宿费呢"), turns[1]], Persona.student)
    lines = [line for line in again.answer.splitlines() if line.startswith("【培训】")]
    assert lines and all(re.search("(费用|学费|待遇)：", line) for line in lines), again.answer


def test_the_interest_read_is_said_back(opp) -> None:
    """ "孩子技校学焊工，想找个学徒" read 焊工 as the interest and listed the nearest, but the lead said only
    "层次：技工；类型：学徒", as if the trade had not been heard: what was read says it back."""
    answer = opp.ask("孩子技校学焊工，想找个学徒")
    assert answer.answer.startswith("我理解你的情况是（兴趣：焊工；层次：技工；类型：学徒）")
    assert answer.profile["interests"] == ["焊工"]


def test_work_to_be_had_is_an_opening(opp) -> None:
    """ "暑假有没有短期的活干，我在104团" was refused on the policy route: 活干 is how work is asked for (an
    opening, vocabulary ``openings``), and the summer's openings are listed."""
    answer = opp.ask("暑假有没有短期的活干，我在104团")
    assert answer.route == "opportunities" and answer.opportunities
    assert {o["kind"] for o in answer.opportunities} <= {"实习", "全职", "学徒"}


def test_learning_while_working_is_an_apprenticeship(opp) -> None:
    """ "我想边工作边学习" listed full-time jobs (工作 names 全职): working while learning is how an apprenticeship
    is said (vocabulary ``kinds``)."""
    answer = opp.ask("我想边工作边学习")
    assert answer.route == "opportunities" and answer.opportunities
    assert {o["kind"] for o in answer.opportunities} == {"学徒"}


def test_an_opening_with_a_major_or_a_kind_name_is_still_work(opp) -> None:
    """With a major read, 岗位 and 兼职 still ask for work: "我是学护理的，周末有空，想找个兼职" listed a 护理
    training beside the jobs, and "我是会计专业的，有什么岗位推荐吗" listed programs (专业 in 会计专业 read as
    the kind asked). 周末 is when in the week, no window (no time reason)."""
    work = {"实习", "全职", "学徒"}
    for message in ("我是学护理的，周末有空，想找个兼职", "我是会计专业的，有什么岗位推荐吗", "学汽修的，有没有岗位"):
        answer = opp.ask(message)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert {o["kind"] for o in answer.opportunities} <= work, message
    nurse = opp.ask("我是学护理的，周末有空，想找个兼职")
    assert not any(r["reason"] == "时间" for o in nurse.opportunities for r in o["reasons"])


def test_a_verbal_noun_no_text_uses_is_no_interest(opp) -> None:
    """有空 ("三月以后有空": when, not what) is a verbal noun to jieba; no posting or clause uses it. 直播
    is one too, and a trade the postings name."""
    answer = opp.ask("我是中职会计专业，明年三月以后有空，想找五家渠的实习")
    assert answer.route == "opportunities" and "有空" not in answer.answer
    live = opp.ask("我对直播带货感兴趣，有没有实习")
    assert any("电子商务" in r["detail"] or "直播" in r["detail"] for o in live.opportunities for r in o["reasons"])


def test_a_word_of_the_level_said_is_no_interest(opp) -> None:
    """毕业 in 初中毕业 is part of the level (初中); as an interest it matched every program whose text says
    毕业 ("兴趣相关：毕业"). 毕业生 only the programs' descriptions use: how programs are written."""
    from assistant.answer.outcomes import OUTCOME_REASON  # a program's graduates (its 毕业生去向) say 毕业, rightly

    answer = opp.ask("家里孩子初中毕业，想学修飞机，有什么专业？")
    reasons = [r for o in answer.opportunities for r in o["reasons"] if r["reason"] != OUTCOME_REASON]
    assert answer.route == "opportunities" and "毕业" not in answer.answer.splitlines()[0]
    assert not any("毕业" in r["detail"] for r in reasons)  # no 兴趣相关：毕业
    graduate = opp.ask("我是应届毕业生，对电脑感兴趣，有什么岗位？")
    details = [r["detail"] for o in graduate.opportunities for r in o["reasons"] if r["reason"] != OUTCOME_REASON]
    assert details and not any("毕业" in d for d in details)
    assert any("电脑" in d for d in details)  # a rare interest one posting's work names stays


def test_a_piece_cut_across_a_level_is_no_interest(opp) -> None:
    """jieba cuts "读中职能免学费吗" 读/中/职能/免/学费: 职能 (across 中职 and 能) was the interest and the programs
    were listed as "与“职能”意思相近"."""
    from assistant.answer.chat import straddles

    answer = opp.ask("读中职能免学费吗")
    assert answer.route == "opportunities" and "职能" not in answer.answer
    assert straddles("职能", ["中职"], "读中职能免学费吗") and not straddles("职能", ["中职"], "中职学校的职能是什么")


def test_an_interest_in_everyday_words_finds_the_items_it_names(opp) -> None:
    """汽车 is common in general language (below the topic cut) but names what some items are: "我喜欢汽车"
    used to read nothing and list the programs by place."""
    answer = opp.ask("我喜欢汽车，有什么专业可以读？")
    assert answer.route == "opportunities" and "没有读到" not in answer.answer
    assert answer.opportunities and "汽车" in answer.opportunities[0]["title"]
    assert any("汽车运用与维修" in r["detail"] for r in answer.opportunities[0]["reasons"])


def test_a_junior_high_pupil_gets_the_programs_not_the_postings_for_students(opp) -> None:
    """初中 (a parent asking for a child after 中考): a 中职 program is further study (no −1), an internship
    for 中职 students is not open to the child (a hard fact, like a 高职 posting for a 中职 student)."""
    result = opp.recommend(StudentProfile(majors=["汽修"], level="初中"), top_k=10, today=TODAY)
    listed = {r.item.record_id: r for r in result.ranked}
    assert "P004" in listed and not any(r.reason == "层次" for r in listed["P004"].reasons)
    assert "J001" not in listed  # 汽车机电维修实习生, for 中职 students
    postings = [r.item for r in result.ranked if r.item.record_type == "posting"]
    assert postings and all(i.level in ("", "不限") or "初中" in i.level for i in postings)


@pytest.mark.parametrize("name", ["会计", "焊工", "美容"])
def test_a_major_only_the_dense_model_relates_is_close_never_a_match(opp, name) -> None:
    """No catalog major or everyday name says 会计: the nearest in meaning (电子商务 at 0.904) is 相近, shown
    among the nearest, never 对口 (会计 was listed as "对口：电子商务" and ranked as a good fit)."""
    result = opp.recommend(StudentProfile(majors=[name], level="中职"), top_k=10, today=TODAY)
    majors = [r for rec in result.ranked for r in rec.reasons if r.reason == "专业"]
    # 相近 by a catalog name, or (nothing near enough: 美容) only near in meaning by the items' own text
    assert not result.items and all(r.detail.startswith(("相近专业：", f"与“{name}”意思相近")) for r in majors)
    matcher = opp._majors()
    assert matcher.resolve(name, dense=False) == []


@pytest.mark.parametrize(("word", "expected"), [("汽修", "J001"), ("电工", "J002"), ("厨师", "J030"), ("护士", "J023")])
def test_everyday_major_names_find_their_postings(opp, word, expected) -> None:
    profile = StudentProfile.model_validate({"majors": word, "locations": "乌鲁木齐附近"}, context={"today": TODAY})
    ids = [r.item.record_id for r in opp.recommend(profile, today=TODAY).ranked[:5]]
    assert expected in ids


def test_place_near_urumqi_reaches_the_districts_and_changji(opp) -> None:
    profile = StudentProfile(majors=["护理"], locations=["乌鲁木齐附近"])
    by_id = {r.item.record_id: r for r in opp.recommend(profile, today=TODAY).items}
    assert "J042" in by_id  # 昌吉: a neighbour of 乌鲁木齐


def test_a_major_nothing_relates_to_gets_the_nearest_in_meaning_and_catalog_names_to_try(opp) -> None:
    """开挖掘机: no posting or program names an excavator and no catalog name is close enough to count as
    related. Not a bare dead end: the few items nearest in meaning (the farm-machine ones, by their own
    text), each saying it is not the same major, under the nearest heading; and the catalog majors closest
    in meaning (农业机械使用与维护 first) to try. The same in the API body and in the chat."""
    result = opp.recommend(StudentProfile(majors=["开挖掘机"], level="中职"), top_k=10, today=TODAY)
    assert not result.items and 0 < len(result.nearest) <= 3
    assert all("农业机械使用与维护" in r.item.majors and not r.fits for r in result.nearest)
    assert all(r.reasons[0].text.startswith("专业：与“开挖掘机”意思相近") for r in result.nearest)
    catalog = set(opp._majors().catalog)
    assert len(result.suggestions) == 3 and set(result.suggestions) <= catalog
    assert result.suggestions[0] == "农业机械使用与维护"
    assert all(name in result.note for name in result.suggestions) and "意思最接近" in result.note
    assert result.to_dict()["suggestions"] == result.suggestions
    assert result.to_dict()["unrelated_words"] == "开挖掘机"
    answer = opp.ask("我是中职生，想学开挖掘机，有没有相关的实习？")  # the chat says the same, of the kind asked
    assert answer.route == "opportunities" and "可以试试资料里的这些专业：农业机械使用与维护" in answer.answer
    assert "意思最接近" in answer.answer and answer.opportunities
    assert all(not o["fits"] and o["kind"] == "实习" for o in answer.opportunities)
    # the kind named in the message (专业 with no major: programs) holds for what is shown
    listed = opp.ask("我喜欢唱歌，有什么专业可以读？")
    assert listed.opportunities and all(o["kind"] == "专业" for o in listed.opportunities)


@pytest.mark.parametrize(
    "fields",
    [
        {"majors": ["护理"], "level": "中职", "locations": ["昌吉"], "kinds": ["专业"]},
        {"majors": ["汽修"], "level": "中职", "locations": ["乌鲁木齐"], "kinds": ["实习"]},
        {"majors": ["电工"], "locations": ["五家渠"], "kinds": ["学徒"]},
    ],
)
def test_the_note_promises_a_nearest_list_only_when_there_is_one(opp, fields) -> None:
    result = opp.recommend(StudentProfile(**fields), top_k=10, today=TODAY)
    assert result.ranked, fields
    if "下面" in result.note:
        assert result.nearest, (fields, result.note)
    if result.items and not result.nearest and len(result.items) < 3:
        assert result.note == ONLY_FEW_NOTE


def test_majors_whose_programs_lead_to_one_certificate_are_related(opp) -> None:
    """护理 and 智慧健康养老服务与管理 read far apart as names; both programs lead to 老年照护职业技能等级证书."""
    nurse = StudentProfile(majors=["护理"], level="中职", locations=["昌吉", "乌鲁木齐"], kinds=["专业"])
    by_name = {r.item.title: r for r in opp.recommend(nurse, top_k=10, today=TODAY).ranked}
    care = next(r for title, r in by_name.items() if "智慧健康养老" in title)
    assert any(r.reason == "专业" and "相近专业" in r.text and "老年照护" in r.text for r in care.reasons)
    assert by_name[next(t for t in by_name if t.startswith("护理"))].fits  # the own major still first in line


def test_certificates_relate_majors_in_the_matcher() -> None:
    from assistant.understand.majors import MajorMatcher

    matcher = MajorMatcher(
        ["护理", "智慧健康养老服务与管理", "电子商务"],
        certificates={"护理": ["老年照护证书", "护士执业资格证书"], "智慧健康养老服务与管理": ["老年照护证书"]},
    )
    assert matcher.sharing_certificates({"护理"}) == {"智慧健康养老服务与管理": ["老年照护证书"]}
    assert matcher.sharing_certificates({"电子商务"}) == {} and matcher.sharing_certificates(set()) == {}


def test_a_higher_program_of_the_same_field_is_the_way_on(opp) -> None:
    """A 中职 cook wanting a 高职 got only the 中职 program already attended: no 高职 cooking program exists, and
    the names' dense similarity puts 食品, 养老 and 护理 before 酒店管理. The catalog's codes say 中餐烹饪 (740201)
    and 酒店管理与数字化运营 (540106) are both 旅游大类: a program of the field above the student's level is near."""
    cook = StudentProfile(majors=["厨师"], level="中职", locations=["乌鲁木齐"], kinds=["专业"])
    by_name = {r.item.title: r for r in opp.recommend(cook, top_k=10, today=TODAY).ranked}
    hotel = by_name["酒店管理与数字化运营"]
    assert any(r.text.startswith("专业：相近专业：酒店管理与数字化运营（同属旅游大类）") for r in hotel.reasons)
    # not a posting of the field (a hotel job for a cook), nor a program at the student's level or below
    jobs = StudentProfile(majors=["厨师"], level="中职", locations=["乌鲁木齐"], kinds=["全职", "实习"])
    ranked = opp.recommend(jobs, top_k=10, today=TODAY).ranked
    assert not any("同属" in r.text for rec in ranked if rec.item.kind != "专业" for r in rec.reasons)


def test_the_program_a_student_is_in_is_no_way_on(opp) -> None:
    """A 中职 cook looking for programs got the 中职 cooking programme first (对口 +3 outweighed 不高于你目前的层次 −1),
    the 高职 hotel programme after it. Their own major at their level or below is the program they are in: its major
    match does not count, and the reason says why; a 初中 pupil's own major at 中职 still is the way on."""
    cook = StudentProfile(majors=["厨师"], level="中职", locations=["乌鲁木齐"], kinds=["专业"])
    ranked = opp.recommend(cook, top_k=10, today=TODAY).ranked
    assert ranked[0].item.title == "酒店管理与数字化运营"
    own = next(r for r in ranked if r.item.title == "中餐烹饪与营养膳食")
    assert any(r.reason == "层次" and "就是你所学的专业" in r.text and r.score == -4 for r in own.reasons)
    pupil = StudentProfile(majors=["厨师"], level="初中", locations=["乌鲁木齐"], kinds=["专业"])
    assert opp.recommend(pupil, top_k=10, today=TODAY).ranked[0].item.title == "中餐烹饪与营养膳食"


def test_a_major_said_with_the_word_for_one_is_that_major(opp) -> None:
    """ "我是会计专业的，有什么岗位推荐吗" took 会计专业 (one word to jieba) as the interest, which nothing is near
    enough in meaning, and listed construction apprenticeships as the nearest: the word 专业 says only that 会计 is
    a major; 会计 is near 电子商务 (a close major, not the student's own)."""
    answer = opp.ask("我是会计专业的，有什么岗位推荐吗")
    assert answer.route == "opportunities" and "会计专业" not in answer.answer.splitlines()[0]
    assert answer.opportunities and all("电子商务" in o["reasons"][0]["text"] for o in answer.opportunities[:2])
    reading = opp.ask("我在中职学烹饪，毕业想上个高职，有哪些专业")  # 有哪些专业 asks for programs
    assert reading.opportunities and all(o["kind"] == "专业" for o in reading.opportunities)
    assert any(o["title"] == "酒店管理与数字化运营" for o in reading.opportunities)
    assert not any(o["fits"] for o in reading.opportunities if o["title"] == "中餐烹饪与营养膳食")


def test_the_national_catalog_s_codes_name_a_major_s_field() -> None:
    """The 2021 catalog numbers the same 专业大类 41-59 for 高职专科, 61-79 for 中职, 21-39 for 职业本科."""
    from assistant.understand.majors import MajorMatcher, major_field

    assert major_field("740201") == major_field("540106") == major_field("340101") == "旅游大类"
    assert major_field("660301") == "装备制造大类" and major_field("700206") == "交通运输大类"
    assert major_field("PX-2026-01") == major_field("800101") == major_field("600101") == ""
    matcher = MajorMatcher(
        ["中餐烹饪与营养膳食", "酒店管理与数字化运营", "护理"],
        codes={"中餐烹饪与营养膳食": "740201", "酒店管理与数字化运营": "540106", "护理": "520201"},
    )
    assert matcher.same_field({"中餐烹饪与营养膳食"}) == {"酒店管理与数字化运营": "旅游大类"}
    assert matcher.same_field({"护理"}) == {} and matcher.same_field(set()) == {}


def test_majors_the_catalog_files_in_other_fields_are_not_related_by_their_names_alone(opp) -> None:
    """ "我是学计算机的高职生，寒假想找个实习" listed car-repair internships as 相近专业：新能源汽车技术: the dense
    model reads 大数据技术 and 新能源汽车技术 as close (both …技术); the catalog files them under 电子与信息 and
    装备制造. Majors of one field (机电 / 电气) or without a code (trainings) are still related by meaning."""
    from assistant.understand.majors import MajorMatcher

    matcher = MajorMatcher(
        ["大数据技术", "新能源汽车技术", "机电技术应用", "新能源汽车维修技能培训"],
        codes={"大数据技术": "510205", "新能源汽车技术": "460702", "机电技术应用": "660301"},
    )
    assert matcher.apart("新能源汽车技术", {"大数据技术"})
    assert not matcher.apart("机电技术应用", {"新能源汽车技术"})  # one field: 装备制造大类
    assert not matcher.apart("新能源汽车维修技能培训", {"新能源汽车技术"})  # a training has no code
    assert not matcher.apart("新能源汽车技术", {"新能源汽车维修技能培训"}) and not matcher.apart("大数据技术", set())
    computing = StudentProfile(majors=["计算机"], level="高职", locations=["五家渠"], kinds=["实习"])
    reasons = [r.text for rec in opp.recommend(computing, top_k=10, today=TODAY).ranked for r in rec.reasons]
    assert not any("新能源汽车技术" in text for text in reasons)
    cars = StudentProfile(majors=["新能源汽车技术"], level="高职", kinds=["实习"])
    related = [r.text for rec in opp.recommend(cars, top_k=10, today=TODAY).ranked for r in rec.reasons]
    assert any("相近专业" in text for text in related)  # relations within a field stay


def test_the_guesses_reach_past_the_items_a_hard_fact_excludes(opp) -> None:
    """数控: no item names it, so the items nearest in meaning are shown. Of the 20 nearest chunks the
    kind asked (实习) and the level (中职: no 高职-only posting) left one internship; the guesses are
    read deep enough that the hard facts leave the three a person can compare."""
    profile = StudentProfile(majors=["数控"], level="中职", locations=["乌鲁木齐附近"], kinds=["实习"])
    result = opp.recommend(profile, top_k=10, today=TODAY)
    assert not result.items and len(result.nearest) == 3
    assert all(r.item.kind == "实习" and not r.fits for r in result.nearest)
    assert all(r.reasons[0].text.startswith("专业：与“数控”意思相近") for r in result.nearest)


def test_an_interest_nothing_relates_to_gets_its_guesses_beside_what_the_others_found(opp) -> None:
    """ "喜欢修车、开车": 修车 names 汽车运用与维修; 开车 names no major and no item's text. It used to be
    dropped silently once 修车 found something; now the programs nearest in meaning to it follow the
    good fit, each saying it is only near, and the note says the nearest are listed."""
    profile = StudentProfile(interests=["修车", "开车"], kinds=["专业"])
    result = opp.recommend(profile, top_k=10, today=TODAY)
    assert [r.item.title for r in result.items] == ["汽车运用与维修"]
    guessed = [r for r in result.nearest if r.reasons[0].text.startswith("专业：与“开车”意思相近")]
    assert guessed and all(r.item.kind == "专业" and not r.fits for r in guessed)
    assert "汽车运用与维修" not in [r.item.title for r in result.nearest]
    assert result.note == FEW_FIT_NOTE


def test_a_worker_asking_for_work_in_everyday_words_gets_openings_of_their_trade(opp) -> None:
    """ "我是一名挖掘机司机，有没有活" got the small-talk introduction and "我是电焊工，哪里招人" the lead unit of the
    yearly report (活 and 招人 named no kind); "我会开挖掘机，想找份工作" read 我会 (one word to jieba) as the
    interest. Work asked for in everyday words is a search for openings; a trade the writer says they are is what
    they look for (no welding posting: said, before the nearest), a status (退伍军人) is not."""
    for message, trade in (("我是一名挖掘机司机，有没有活", "挖掘机"), ("我是电焊工，哪里招人", "电焊工")):
        answer = opp.ask(message)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert trade in "、".join(answer.profile.get("interests", [])), (message, answer.profile)
        assert {o["kind"] for o in answer.opportunities} <= {"实习", "全职", "学徒"}, message
    assert "没有找到与“电焊工”相关" in opp.ask("我是电焊工，哪里招人").answer
    suited = opp.ask("有没有适合残疾人的工作")  # whom it should suit, a status: no interest either
    assert suited.route == "opportunities" and "残疾人" not in suited.answer and not suited.profile.get("interests")
    veteran = opp.ask("我是退伍军人，有没有活")
    assert veteran.route == "opportunities" and veteran.opportunities
    assert "退伍军人" not in veteran.answer and not veteran.profile.get("interests")
    digger = opp.ask("我会开挖掘机，想找份工作")
    assert digger.route == "opportunities" and "我会" not in digger.answer, digger.answer


def test_how_long_a_school_takes_is_answered_by_its_programs_length(opp) -> None:
    """ "读技校要几年" quoted the teachers' month a year in a business and "孩子今年中考没考好，上职高还是技校好" a
    rule on enterprises' workshops: the programs answer both, each line with its 学制 when the length is asked, and a
    level the catalog has no program of (技工) is said to be missing before the others."""
    answer = opp.ask("读技校要几年")
    assert answer.route == "opportunities" and answer.opportunities, answer.answer
    assert {o["kind"] for o in answer.opportunities} == {"专业"}
    assert "资料中没有技工层次的专业" in answer.answer and answer.answer.count("学制：") == len(answer.opportunities)
    nursing = opp.ask("学护理要读几年")
    assert nursing.opportunities[0]["title"] == "护理" and "学制：3年" in nursing.answer
    weighed = opp.ask("孩子今年中考没考好，上职高还是技校好")
    assert weighed.route == "opportunities" and {o["kind"] for o in weighed.opportunities} == {"专业"}
    assert opp.ask("学徒期一般几年").route == "policy"
    # what studying there leads to, and two schools compared, likewise (both quoted the rule on teachers' hiring)
    certificates = opp.ask("在职校读书能拿到什么证")
    assert certificates.route == "opportunities" and "可获证书：" in certificates.answer, certificates.answer[:80]
    compared = opp.ask("技校和职高有什么区别")
    assert compared.route == "opportunities" and compared.answer.startswith("我理解你的情况是"), compared.answer[:80]
    assert "区别" not in compared.answer.splitlines()[0]


def test_a_pay_met_is_not_said_unmet_when_a_perk_asked_is_missing(opp) -> None:
    """ "一个月三千的工作有吗，最好包住" was told "没有找到待遇达到每月3000元的全职" over jobs paying 5000-7000 a month
    (none states housing, so none fitted), each line saying its pay twice: the lead says what is missing."""
    answer = opp.ask("一个月三千的工作有吗，最好包住")
    assert answer.route == "opportunities" and answer.opportunities
    assert "没有找到待遇达到" not in answer.answer and "没有找到写明提供住宿的全职" in answer.answer, answer.answer
    line = answer.answer.splitlines()[1]
    assert line.count("5000-7000元/月") <= 1, line
    assert "没有找到待遇达到每月8000元" in opp.ask("有没有月薪八千以上的工作").answer


def test_asking_where_something_is_taught_lists_trainings_and_programs(opp) -> None:
    """ "五家渠有没有学做蛋糕的地方" was refused as out of scope: what is taught near, or that nothing is, answers."""
    for message, interest in (
        ("五家渠有没有学做蛋糕的地方", "蛋糕"),
        ("我家在104团，孩子想学开挖掘机，附近有地方学吗", "挖掘机"),
    ):
        answer = opp.ask(message)
        assert answer.route == "opportunities" and answer.opportunities, message
        assert {o["kind"] for o in answer.opportunities} <= {"培训", "专业"}, message
        assert answer.profile.get("interests") == [interest], (message, answer.profile)


def test_what_ways_there_are_at_a_level_asked_in_everyday_words(opp) -> None:
    """ "娃今年初三，成绩一般，以后能干啥" quoted the part-time employment rule."""
    answer = opp.ask("娃今年初三，成绩一般，以后能干啥")
    assert answer.route == "opportunities" and answer.opportunities and answer.profile.get("level") == "初中"
