"""An employer looking for students to take in is pointed to the schools that train them (the platform's
graduate records, task 13), and to where to post the need."""

from __future__ import annotations

import pytest

from assistant.answer.talent_supply import SCHOOLS_LEAD, SCHOOLS_TOO, TALENT_HINT
from assistant.types import Persona, Turn

pytestmark = pytest.mark.slow


def _records(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("【毕业生状况】")]


def test_asking_where_to_find_interns_gets_the_schools_first(opp) -> None:
    """ "我们厂想招几个职校的实习生，去哪找" got the benefits route led by rule quotes on teachers' recruitment and
    interns' placements; it asks where the students are."""
    answer = opp.chat("extractive").answer("我们厂想招几个职校的实习生，去哪找", persona=Persona.enterprise)
    assert answer.answer.startswith(SCHOOLS_LEAD) and answer.grounded
    records = _records(answer.answer)
    assert records and len({line.split("：")[0] for line in records}) == len(records)  # each school and major once
    assert "联系方式（各校专业目录）：" in answer.answer
    assert answer.benefits  # what the business takes on with them follows (接纳实习学生 …), after the hint
    assert answer.answer.index(TALENT_HINT) < answer.answer.index("与贵单位情况相关的支持措施和义务")
    assert answer.answer.index("【毕业生状况】") < answer.answer.index(TALENT_HINT)


def test_asking_which_school_trains_the_trade_gets_those_schools_first(opp) -> None:
    """ "哪所学校有这个专业" asks for schools (the words a student asks for programs with); it led with the benefits'
    lead units (牵头单位：教育局)."""
    message = "我们是做奶制品的，想找两个学食品加工的实习生，哪所学校有这个专业"
    answer = opp.chat("extractive").answer(message, persona=Persona.enterprise)
    assert answer.answer.startswith(SCHOOLS_LEAD)
    records = _records(answer.answer)
    assert records and all("【毕业生状况】食品智能加工技术（" in line for line in records)


def test_a_trade_named_narrows_the_schools_after_the_business_answer(opp) -> None:
    chat = opp.chat("extractive")
    for message, major in (
        ("我开了家汽修厂，想从职校要几个学徒", "汽车运用与维修"),
        ("我们饭店接收烹饪实习生，实习协议找谁签", "中餐烹饪与营养膳食"),  # a rule asked: the rule first
    ):
        answer = chat.answer(message)
        assert not answer.answer.startswith(SCHOOLS_LEAD) and SCHOOLS_TOO in answer.answer, message
        records = _records(answer.answer.split(SCHOOLS_TOO)[1])
        assert records and all(f"【毕业生状况】{major}（" in line for line in records), message
        assert answer.answer.endswith(TALENT_HINT), message


def test_when_the_interns_are_wanted_narrows_no_school(opp) -> None:
    """明年夏天 is when the hotel wants interns, not a graduation year ("平台上没有符合“年份：2027年”的毕业生状况");
    推荐几个学校 asks for some, not how many ("资料中没有写明具体的数量")."""
    answer = opp.chat("extractive").answer("我们酒店明年夏天要一批实习生，推荐几个学校")
    assert SCHOOLS_TOO in answer.answer and "年份" not in answer.answer and "数量" not in answer.answer
    assert _records(answer.answer.split(SCHOOLS_TOO)[1])


def test_a_training_for_the_workers_or_a_students_search_takes_no_students(opp) -> None:
    """A business training its own workers buys a service; a student looking for an internship is no employer."""
    chat = opp.chat("extractive")
    training = chat.answer("我们汽修厂想给工人搞技能培训，哪个局管")
    assert training.route != "opportunities" and SCHOOLS_TOO not in training.answer
    assert not training.answer.startswith(SCHOOLS_LEAD)
    student = chat.answer("我是中职学汽修的，想找个汽修店实习")
    assert student.route == "opportunities" and TALENT_HINT not in student.answer
    # tried in the browser: the employer's next question, what interns are paid, listed every school again
    from assistant.types import Turn

    history = [Turn(role="user", content="我们厂想招几个职校的实习生，去哪找"), Turn(role="assistant", content="…")]
    pay = chat.answer("实习一般给多少钱", history=history)
    assert SCHOOLS_TOO not in pay.answer and not pay.answer.startswith(SCHOOLS_LEAD)


def test_an_employer_narrowing_the_students_sought_gets_the_schools_of_the_major_said_before(opp) -> None:
    """Tried as an employer: after "我们厂想招几个学电工的实习生，去哪找", "那昌吉的呢？" listed the graduates of any
    major in 昌吉 below a rule, and "有高职的吗" quoted the rule on joint secondary-higher programs before every
    school: the major said before was read from the message alone, the level not at all. A message only narrowing
    the students sought gets the schools first, the major, place and level the conversation said; a question of
    the rules after it ("找哪个部门？") lists no schools again."""
    from assistant.types import Turn

    chat = opp.chat("extractive")
    first = "我们厂想招几个学电工的实习生，去哪找"
    listing = chat.answer(first)
    assert "专业：电气技术应用" in listing.answer
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    # "那104团的呢" quoted a rule on 中高职贯通: jieba cuts 104团 into 104 and 团, and 104 alone named no place
    for narrowing, said in (
        ("那昌吉的呢？", "地点：昌吉市"),
        ("有高职的吗", "层次：高职"),
        ("那104团的呢", "地点：104团"),
    ):
        answer = chat.answer(narrowing, turns)
        assert answer.answer.startswith(SCHOOLS_LEAD), narrowing
        assert said in answer.answer and "专业：电气技术应用" in answer.answer, narrowing
    subsidy = "我们是做棉花加工的企业，想招学徒，有什么补贴？"
    turns = [Turn(role="user", content=subsidy), Turn(role="assistant", content=chat.answer(subsidy).answer)]
    who = chat.answer("找哪个部门？", turns)
    assert SCHOOLS_TOO not in who.answer and not who.answer.startswith(SCHOOLS_LEAD)
    # a business's trade is no student sought: its place named next asks of the supports, not of schools
    trade = "我们是做物流的企业，在五家渠，有什么补贴"
    turns = [Turn(role="user", content=trade), Turn(role="assistant", content=chat.answer(trade).answer)]
    assert not chat.answer("那昌吉的呢", turns).answer.startswith(SCHOOLS_LEAD)


def test_a_business_asking_where_there_is_a_training_gets_the_trainings(opp) -> None:
    """ "我们厂想给员工做电工培训，有没有合适的培训班" was given the duty to fund staff training (a business writer was
    never sent to the catalog): a training is a service it buys, listed when asked for as such; who handles it is
    still the rules' (哪个局管, test above)."""
    chat = opp.chat("extractive")
    answer = chat.answer("我们厂想给员工做电工培训，有没有合适的培训班")
    assert answer.route == "opportunities" and answer.opportunities
    assert {o["kind"] for o in answer.opportunities} == {"培训"}
    assert "电工" in answer.opportunities[0]["title"]


def test_how_to_reach_the_schools_of_the_graduates_listed_is_their_programs_contact(opp) -> None:
    """ "他们的联系方式呢" after an employer's list of schools' graduates was refused (a graduate row states no
    contact, and its line was no listing the follow-up read): each row's school program, with its 联系方式; asked
    by position too ("第一个怎么联系")."""
    from assistant.types import Turn

    chat = opp.chat("extractive")
    first = "我是一家物流公司的人事，今年想招几个仓储方向的应届生"
    rows = chat.answer(first)
    assert rows.route == "platform" and _records(rows.answer), rows.answer
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=rows.answer)]
    contact = chat.answer("他们的联系方式呢", turns)
    assert contact.answer.startswith("上面列出的") and "联系方式如下" in contact.answer.splitlines()[0], contact.answer
    listed = contact.answer.splitlines()[1:]
    assert len(listed) == len(_records(rows.answer)) and all("联系方式：" in line for line in listed)
    assert all(o["kind"] == "专业" and o["contact"] for o in contact.opportunities)
    one = chat.answer("第一个怎么联系", turns)
    assert one.answer.startswith("上面列出的第1个：") and one.opportunities[0]["contact"] in one.answer


def test_a_business_looking_for_students_who_know_a_trade_gets_the_talent_supply(opp) -> None:
    """ "我们是养牛的合作社，想找个懂兽医的学生来帮忙" was refused on the policy route (no kind, no catalog major): the
    schools' graduates, none of veterinary medicine said first; a skill of a catalog major narrows the schools."""
    answer = opp.ask("我们是养牛的合作社，想找个懂兽医的学生来帮忙")
    assert answer.route == "platform" and answer.answer.startswith("平台上没有符合“岗位：兽医”的毕业生状况")
    # narrowed right after ("那有没有学畜牧的" went to the benefit catalog)
    turns = [
        Turn(role="user", content="我们是养牛的合作社，想找个懂兽医的学生来帮忙"),
        Turn(role="assistant", content=answer.answer),
    ]
    narrowed = opp.chat("extractive").answer("那有没有学畜牧的", turns)
    assert narrowed.route == "platform" and "“岗位：畜牧”的毕业生状况" in narrowed.answer.splitlines()[0]
    electric = opp.ask("我们厂想找几个会电工的学生")
    # (the search reads 电工, a catalog major: the schools first, then what the business may claim)
    assert electric.route == "benefits" and "“专业：电气技术应用”的毕业生状况" in electric.answer.splitlines()[1]
    assert opp.ask("我们厂招学生实习有什么补贴").route == "benefits"
    # where to find them is the records, not a rule's lead unit ("牵头单位：教育局" led)
    where = opp.ask("我们厂缺几个懂电的学生，哪里能找到")
    assert where.route == "platform" and where.answer.startswith("信息服务平台上已发布的毕业生状况"), where.answer[:60]
