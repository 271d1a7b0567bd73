"""The chat on the opportunity index: a follow-up pointing at one listed item (第一个怎么联系？)."""

from __future__ import annotations

import pytest

from assistant.types import Turn

pytestmark = pytest.mark.slow


def test_the_chat_answers_a_follow_up_about_a_listed_item_with_its_contact(opp) -> None:
    chat = opp.chat("extractive")
    listing = chat.answer("我是学护理的，想在昌吉找实习或者专业")
    assert listing.route == "opportunities" and "【" in listing.answer
    asked = "我是学护理的，想在昌吉找实习或者专业"
    turns = [Turn(role="user", content=asked), Turn(role="assistant", content=listing.answer)]
    item = chat.answer("第一个怎么联系？", turns)
    assert item.route == "opportunities" and item.answer.startswith("上面列出的第1个：")
    assert "联系方式：" in item.answer.split("\n")[0]  # the lead says it (the UI shows the line as a card)
    assert "联系方式：" in item.answer and len(item.opportunities) == 1 and item.citations
    assert item.opportunities[0]["contact"] and item.opportunities[0]["contact"] in item.answer


def test_a_follow_up_asking_what_the_listed_items_state_gets_each_one_s(opp) -> None:
    """ "学费多少" right after a list of programs was answered with the law's rule on fees ("资料中没有写明具体的
    金额"), and "第二个怎么联系" after programs found no item (a program's line names its school, not its
    partners): a short follow-up asking a field of the listed items gets each one's, the same items in order; a
    rule's figure asked after it ("违约金多少") is a question of its own."""
    chat = opp.chat("extractive")
    first = "初中毕业能学什么"
    listing = chat.answer(first)
    titles = [o["title"] for o in listing.opportunities]
    assert listing.route == "opportunities" and {o["kind"] for o in listing.opportunities} == {"专业"}
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    fees = chat.answer("学费多少", turns)
    assert fees.route == "opportunities" and [o["title"] for o in fees.opportunities] == titles
    lines = fees.answer.splitlines()[1:]
    assert lines and all("费用：" in line for line in lines)
    second = chat.answer("第二个怎么联系", turns)
    assert second.answer.startswith("上面列出的第2个：") and second.opportunities[0]["title"] == titles[1]
    rule = chat.answer("违约金多少", turns)
    assert rule.route == "policy"


def test_when_a_training_runs_and_what_it_costs_are_said_when_asked(opp) -> None:
    """ "我想报名电工培训，多少钱，什么时候开班？" listed the course with its deadline only, and "第一个培训多长
    时间？" after a listing got its contact: asked when (or how long) and how much, each line says when it runs
    (时间：…至…, from the posting's dates) and its fee; a follow-up about one listed item says both as well."""
    chat = opp.chat("extractive")
    first = "我想报名电工培训，多少钱，什么时候开班？"
    listing = chat.answer(first)
    assert listing.route == "opportunities" and listing.opportunities
    lines = [line for line in listing.answer.splitlines() if line.startswith("【培训】")]
    assert lines and all("时间：" in line and "费用：" in line for line in lines)
    top = listing.opportunities[0]
    assert f"时间：{top['start']}至{top['end']}" in lines[0]
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    item = chat.answer("第一个培训多长时间？", turns)
    lead = item.answer.split("\n")[0]
    assert lead.startswith("上面列出的第1个：") and f"时间：{top['start']}至{top['end']}" in lead and "费用：" in lead
    # a program runs from each September for years: no dates of its own are said
    programs = chat.answer("初中毕业能学什么专业，什么时候开学？")
    assert programs.opportunities and not any(
        "时间：" in line for line in programs.answer.splitlines() if line.startswith("【专业】")
    )


def test_a_refinement_several_messages_on_keeps_what_the_student_said_first(opp) -> None:
    """ "那昌吉有没有？" four messages after "我是中职学汽修的，寒假想找个实习" (包吃住, 工资 and 第一个 asked in
    between) lost the major, the level and the window: only the last three messages were read back (in the
    browser it also carried 工资 and was refused on the policy route). The conversation's messages are, the
    latest winning."""
    chat = opp.chat("extractive")
    turns: list[Turn] = []
    for message in ("我是中职学汽修的，寒假想找个实习", "有包吃住的吗？", "工资多少？", "第一个什么时候开始？"):
        turns += [
            Turn(role="user", content=message),
            Turn(role="assistant", content=chat.answer(message, turns).answer),
        ]
    later = chat.answer("那昌吉有没有？", turns)
    assert later.route == "opportunities"
    assert later.profile["majors"] == ["汽车运用与维修"] and later.profile["level"] == "中职"
    assert later.profile["locations"][0] == "昌吉市" and later.profile["kinds"] == ["实习"]


def test_the_chat_page_sends_the_whole_conversation(opp) -> None:
    """In the browser "那昌吉有没有？" after the same five messages still lost the major: the page sent only the last
    six turns. It sends all the core takes (MAX_HISTORY_TURNS); driven here through the page's own handler."""
    from web.chat import stream_answer

    history: list = []
    conv: list[Turn] = []
    answer = None
    for message in (
        "我是中职学汽修的，寒假想找个实习",
        "有包吃住的吗？",
        "工资多少？",
        "第一个什么时候开始？",
        "那昌吉有没有？",
    ):
        history, _, conv, answer, *_rest = list(stream_answer(opp, message, history, conv, False))[-1]
    assert answer is not None and answer.route == "opportunities"
    assert answer.profile["majors"] == ["汽车运用与维修"] and answer.profile["locations"][0] == "昌吉市"
    assert len(conv) == 10


def test_the_ways_there_are_for_someone_at_a_level_are_of_any_kind_and_go_up(opp) -> None:
    """ "孩子初中毕业了成绩一般，有什么出路" got a subsidy for unemployed graduates, and "中职毕业以后有什么出路"
    (once read) listed the 中职 programs the student has finished first: what there is for someone at a level, of
    any kind, graded as the recommender grades a level (no posting asking a higher one, a program not above it last, one
    above it as fitting as an opening for their own level). 成绩 is no interest."""
    chat = opp.chat("extractive")
    pupil = chat.answer("孩子初中毕业了成绩一般，有什么出路")
    assert pupil.route == "opportunities" and pupil.opportunities and "成绩" not in pupil.answer.splitlines()[0]
    assert all(o["level"] in ("中职", "技工", "不限", "") or o["kind"] == "专业" for o in pupil.opportunities)
    assert any(o["kind"] == "专业" for o in pupil.opportunities)
    leaver = chat.answer("中职毕业以后有什么出路")
    assert leaver.route == "opportunities" and leaver.opportunities
    assert not any(o["kind"] == "专业" and o["level"] == "中职" for o in leaver.opportunities)


def test_either_of_two_kinds_asked_lists_both(opp) -> None:
    """ "学徒或者培训": 培训 alone names the kind too (it read only 学徒 and left the cooking course out)."""
    answer = opp.chat("extractive").answer("有没有厨师相关的学徒或者培训")
    assert answer.profile["kinds"] == ["学徒", "培训"]
    assert {"学徒", "培训"} <= {o["kind"] for o in answer.opportunities}


def test_a_bare_refinement_of_a_search_goes_on_with_it_not_small_talk(opp) -> None:
    """ "有没有全职的" / "昌吉有吗" after a student's search: the small-talk probe read them 0.53 / 0.68 and
    the chat replied with what the assistant does; they name a kind and a place, so the search goes on
    with the earlier major, level and time ("有没有五家渠的" went to the platform's talent demand). A bare
    谢谢 after it is still small talk."""
    from assistant.answer.chat import SMALL_TALK_REPLY

    chat = opp.chat("extractive")
    turns: list[Turn] = []
    for message, kind, place in (
        ("我是中职学电商的，寒假能在五家渠找个实习吗", "实习", "五家渠市"),
        ("有没有全职的", "全职", "五家渠市"),
        ("昌吉有吗", "全职", "昌吉市"),
        ("有没有五家渠的", "全职", "五家渠市"),  # alone, the platform probe reads it as talent demand
    ):
        answer = chat.answer(message, turns)
        assert answer.route == "opportunities" and answer.answer != SMALL_TALK_REPLY, message
        assert answer.profile["majors"] == ["电子商务"] and answer.profile["level"] == "中职", message
        assert answer.profile["kinds"] == [kind] and answer.profile["locations"][0] == place, message
        turns += [Turn(role="user", content=message), Turn(role="assistant", content=answer.answer)]
    assert chat.answer("谢谢", turns).answer == SMALL_TALK_REPLY


def test_a_latin_word_the_documents_never_use_is_said_first_not_dropped_silently(opp) -> None:
    """ "中职生 part-time 可以吗" was answered from its Chinese part alone (a rule on funding), with no word
    that part-time was not read; a Latin word the documents do use (1+X, PLC in a technical need) is read."""
    from assistant.answer.chat import LATIN_NOTICE

    chat = opp.chat("extractive")
    notice = LATIN_NOTICE.format(words="“part-time”")
    events = list(chat.stream("中职生 part-time 可以吗"))
    assert events[0].type == "token" and events[0].text == notice + "\n"
    final = events[-1].answer
    assert final is not None and final.answer.startswith(notice + "\n") and final.sentences[0].text == notice
    assert not chat.answer("1+X证书是什么").answer.startswith("提示：")
    assert chat.answer("我想找个internship，在昌吉").answer.startswith("提示：资料是中文的，问题中的英文“internship”")


def test_a_posting_asked_after_by_name_is_searched_and_its_pay_asked_next_of_those_listed(opp) -> None:
    """ "光伏运维学徒现在还招吗？" was refused on the policy route, and "待遇怎么样" after it too (the rewrite carried
    光伏运维学徒 and the carried words counted as new to the listing): whether a kind is still recruited is a
    search; what the listed items pay is asked of them, whatever topic the conversation carried."""
    chat = opp.chat("extractive")
    first = "光伏运维学徒现在还招吗？"
    listing = chat.answer(first)
    assert listing.route == "opportunities"
    assert any("光伏" in o["title"] for o in listing.opportunities)
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    pay = chat.answer("待遇怎么样", turns)
    assert pay.route == "opportunities" and pay.answer.startswith("上面列出的")
    assert [o["title"] for o in pay.opportunities] == [o["title"] for o in listing.opportunities]
    assert all("待遇：" in line for line in pay.answer.splitlines()[1:] if line.startswith("【"))


def test_how_long_a_listed_program_runs_is_its_length_of_study(opp) -> None:
    """ "要读几年" after a list of programs said "上面列出的1个机会的时间如下" and then nothing (a program has no
    dates of its own): a program runs for its length of study (学制), said on each line and for one item asked."""
    chat = opp.chat("extractive")
    first = "初中毕业能学什么"
    listing = chat.answer(first)
    assert listing.opportunities and {o["kind"] for o in listing.opportunities} == {"专业"}
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    years = chat.answer("要读几年", turns)
    lines = [line for line in years.answer.splitlines() if line.startswith("【专业】")]
    assert lines and all("学制：" in line and "年" in line.split("学制：")[1] for line in lines)
    assert all(o["duration"] and o["duration"] in years.answer for o in years.opportunities)  # the cards' too
    first_one = chat.answer("第一个要读几年", turns)
    assert "学制：" in first_one.answer.splitlines()[0]


def test_the_certificates_listed_programs_lead_to_are_said_when_asked(opp) -> None:
    """ "能考什么证" after "我想学电工，有哪些专业" listed the same programs again, saying nothing of certificates;
    "护理专业毕业能拿什么证书" listed postings first. Each line says its 可获证书 (the catalog's), those stating some
    first, a posting that states none says so; one item asked says them in its lead; the cards carry them."""
    chat = opp.chat("extractive")
    first = "我想学电工，有哪些专业"
    listing = chat.answer(first)
    assert listing.opportunities and "可获证书" not in listing.answer
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    certs = chat.answer("能考什么证", turns)
    lines = [line for line in certs.answer.splitlines() if line.startswith("【")]
    assert certs.answer.startswith("上面列出的") and lines and all("可获证书：" in line for line in lines)
    assert "电工职业技能等级证书" in lines[0] and all(o["certificates"] for o in certs.opportunities)
    assert "可获证书：电工" in chat.answer("第一个能考什么证", turns).answer.splitlines()[0]
    nursing = chat.answer("护理专业毕业能拿什么证书")
    lines = [line for line in nursing.answer.splitlines() if line.startswith("【")]
    assert lines[0].startswith("【专业】护理") and "护士执业资格证书" in lines[0]
    assert all("可获证书：" in line for line in lines)
    # asked with no kind: the programs and trainings, which state theirs (the postings listed first said nothing)
    cars = chat.answer("学汽修能考什么证")
    assert cars.opportunities and {o["kind"] for o in cars.opportunities} <= {"专业", "培训"}
    assert cars.opportunities[0]["title"] == "汽车运用与维修" and cars.opportunities[0]["certificates"]


def test_an_opening_asked_after_programs_is_work_in_the_major_said(opp) -> None:
    """ "毕业以后想留在五家渠工作，有什么岗位" after "孩子想学护理，师里哪个学校有这个专业" listed the programs again
    (the kind 专业 carried over): an opening named now (岗位) is work, for the major said before; kinds of work said
    before still carry ("有没有五家渠的岗位" after a search for internships), and a wish to learn is no work."""
    chat = opp.chat("extractive")
    first = "孩子想学护理，师里哪个学校有这个专业"
    programs = chat.answer(first)
    assert {o["kind"] for o in programs.opportunities} == {"专业"}
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=programs.answer)]
    work = chat.answer("毕业以后想留在五家渠工作，有什么岗位", turns)
    assert work.route == "opportunities" and work.opportunities, work.answer
    kinds = {o["kind"] for o in work.opportunities}
    assert kinds and kinds <= {"实习", "全职", "学徒"}, work.answer
    assert "专业：护理" in work.answer.splitlines()[0]
    first = "我是学护理的，想找个实习"
    internships = chat.answer(first)
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=internships.answer)]
    near = chat.answer("有没有五家渠的岗位", turns)
    assert {o["kind"] for o in near.opportunities} == {"实习"}, near.answer
    # a wish to learn after a search for internships is read as when said alone ("我想学开挖掘机，哪里能学" kept 实习)
    learn = chat.answer("我想学开挖掘机，哪里能学", turns)
    assert learn.route == "opportunities" and "类型：实习" not in learn.answer.splitlines()[0], learn.answer
    alone = chat.answer("我想学开挖掘机，哪里能学")
    assert [o["title"] for o in learn.opportunities] == [o["title"] for o in alone.opportunities], learn.answer


def test_whom_the_listed_postings_take_is_said_when_asked(opp) -> None:
    """ "要求高吗" right after a list of internships listed them again, with nothing on whom they take: each line
    says its posting's 岗位要求 (要求：…); a search asking it says it in each line too."""
    chat = opp.chat("extractive")
    first = "我是学电工的，想找个实习"
    listing = chat.answer(first)
    titles = [o["title"] for o in listing.opportunities]
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    asked = chat.answer("要求高吗", turns)
    assert asked.route == "opportunities" and [o["title"] for o in asked.opportunities] == titles
    assert asked.answer.startswith("上面列出的") and "的要求如下" in asked.answer.splitlines()[0]
    lines = asked.answer.splitlines()[1:]
    assert lines and all("要求：" in line for line in lines), asked.answer
    assert "在校生" in asked.answer and "。，" not in asked.answer  # the postings' own words, their stop dropped
    assert all(o["requirements"] for o in asked.opportunities)  # the cards the UI shows say it too
    search = chat.answer("我是学电工的，想找个实习，有什么条件")
    listed = [line for line in search.answer.splitlines() if line.startswith("【")]
    assert listed and all("要求：" in line for line in listed), search.answer


def test_a_place_asked_after_a_bare_search_or_a_worker_s_goes_on_with_it(opp) -> None:
    """ "昌吉有吗" after "有没有实习" was refused as out of scope (the kind carried, not that it was asked for, so
    the earlier messages sought nobody); after "我是一名挖掘机司机，有没有活" it listed a hospital's internship first
    (the trade the worker said they are was not carried). A status said is still no trade (退伍军人)."""
    chat = opp.chat("extractive")
    for first, interests in (
        ("有没有实习", None),
        ("我是一名挖掘机司机，有没有活", ["挖掘机司机"]),
        ("我是退伍军人，有没有活", None),
    ):
        turns: list[Turn] = []
        answer = chat.answer(first)
        turns += [Turn(role="user", content=first), Turn(role="assistant", content=answer.answer)]
        answer = chat.answer("昌吉有吗", turns)
        assert answer.route == "opportunities" and answer.profile["locations"] == ["昌吉市"], first
        assert answer.profile.get("interests") == interests, (first, answer.profile)


def test_a_worker_s_trade_is_not_carried_to_a_question_of_programs(opp) -> None:
    """In the browser, "读技校要几年" after "我是电焊工，哪里招人" listed programs "与“电焊工”意思相近": a trade
    recruited or worked in is work's, not carried to programs or trainings asked now or carried from before."""
    chat = opp.chat("extractive")
    turns: list[Turn] = []
    for message in ("我是电焊工，哪里招人", "读技校要几年", "昌吉有吗"):
        answer = chat.answer(message, turns)
        turns += [Turn(role="user", content=message), Turn(role="assistant", content=answer.answer)]
    assert answer.route == "opportunities" and not answer.profile.get("interests"), answer.profile
    assert answer.profile["kinds"] == ["专业"] and answer.profile["locations"] == ["昌吉市"]
