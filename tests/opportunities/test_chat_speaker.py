"""The chat and who is writing: an owner offering places is no student looking for one, a school no enterprise."""

from __future__ import annotations

import pytest

from assistant.types import Turn
from assistant.understand.profiles import EnterpriseProfile

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


def test_a_student_saying_what_they_study_is_searched_for_even_when_no_program_teaches_it(opp) -> None:
    """ "学电焊的，寒假能不能去乌鲁木齐附近的厂里干两个月？" was refused on the policy route: no catalog major is
    welding and no kind was said. What one studies, with a time free, is a search; the answer says nothing
    matched 电焊 before the nearest items."""
    chat = opp.chat("extractive")
    answer = chat.answer("学电焊的，寒假能不能去乌鲁木齐附近的厂里干两个月？")
    assert answer.route == "opportunities" and answer.opportunities
    assert "没有找到与“电焊”相关" in answer.answer
    assert chat.answer("我是学会计的，会计证怎么考？").route != "opportunities"


def test_asking_who_recruits_a_trade_is_a_search_for_openings_of_it(opp) -> None:
    """ "石河子有没有招会计的？" was refused ("资料中没有涉及这个问题的内容"): no catalog major is 会计 and no kind was
    said. Asking whether anyone recruits someone of a trade is a search for work openings, the trade said back as
    what was looked for; a business hiring one is still told where to publish."""
    chat = opp.chat("extractive")
    answer = chat.answer("石河子有没有招会计的？")
    assert answer.route == "opportunities" and answer.opportunities
    assert "会计" in answer.profile.get("interests", []) and answer.profile["locations"][0] == "石河子市"
    assert all(o["kind"] in ("实习", "全职", "学徒") for o in answer.opportunities)
    assert chat.answer("我们公司想招三个会计，去哪发布？").route != "opportunities"


def test_the_trade_asked_for_or_studied_earlier_is_still_what_a_refinement_looks_for(opp) -> None:
    """ "那昌吉有没有？" after "石河子有没有招会计的？" (or after "我是学会计的，想找个实习") listed anything in 昌吉,
    "没有读到具体的专业或兴趣": the trade asked who recruits, or what the student said they study, was read from
    the message alone. Said earlier and not replaced, it is still what is looked for; a major said now replaces it."""
    chat = opp.chat("extractive")
    for first in ("石河子有没有招会计的？", "我是学会计的，想找个实习"):
        listing = chat.answer(first)
        turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
        refined = chat.answer("那昌吉有没有？", turns)
        assert refined.route == "opportunities" and "会计" in refined.profile.get("interests", []), first
        assert refined.profile["locations"][0] == "昌吉市" and "没有读到具体的专业或兴趣" not in refined.answer
        nursing = chat.answer("我是学护理的，昌吉有实习吗", turns)
        assert "会计" not in nursing.profile.get("interests", []) and nursing.profile["majors"] == ["护理"]


def test_a_school_asking_about_its_part_gets_the_rules_not_the_enterprise_catalog(opp) -> None:
    """ "我们学校想和企业共建实训基地，有什么补贴" got "我理解贵单位的情况是…" and the enterprise's tax relief (the
    route probe reads the activity, 共建实训基地, the words of an enterprise's question): 4 of 7 school messages
    of mine."""
    chat = opp.chat("extractive")
    for message in ("我们学校想和企业共建实训基地，有什么补贴", "我们学院想给企业员工做培训，能收费吗"):
        answer = chat.answer(message)
        assert answer.route == "policy" and "贵单位" not in answer.answer, message
    assert chat.answer("我们厂想跟职校共建实训基地").route == "benefits"  # the enterprise names the school
    teacher = "我是高职新能源汽车专业的老师，想给学生找明年3月开始的汽车售后实习，乌鲁木齐的就行。"
    assert chat.answer(teacher).route == "opportunities"


def test_a_search_nobody_can_be_recommended_for_is_told_how_to_search(opp) -> None:
    """ "寒假想在米东打个工" names a time and a place, no major, level or kind: answered on the policy route, it
    was only "现有资料中没有找到…". The refusal now says what a search needs (streamed and kept); a policy
    question the probe does not read as a search gets no such line."""
    from assistant.answer.chat import SEARCH_HINT

    chat = opp.chat("extractive")
    events = list(chat.stream("寒假想在米东打个工"))
    final = events[-1].answer
    assert final is not None and final.route == "policy" and not final.grounded
    assert final.answer.endswith("\n" + SEARCH_HINT) and events[-2].text == "\n" + SEARCH_HINT
    other = chat.answer("新冠疫苗在哪里打")
    assert not other.grounded and SEARCH_HINT not in other.answer


def test_an_employer_looking_for_graduates_gets_the_talent_supply(opp) -> None:
    """ "我们公司缺电工，有没有今年毕业的学生可以推荐" went to the benefits (an owner is no student), found no
    enterprise to match and was refused with the student's search hint; "我们厂想招几个焊工，平台上有没有合适
    的毕业生" got the talent demand (other enterprises' needs). Naming graduates, a business gets the platform's
    graduate records, narrowed by the major and year it names; one taking interns still gets its benefits."""
    from assistant.answer.chat import SEARCH_HINT

    chat = opp.chat("extractive")
    answer = chat.answer("我们公司缺电工，有没有今年毕业的学生可以推荐")
    assert answer.route == "platform" and SEARCH_HINT not in answer.answer
    assert "毕业生状况" in answer.answer and "电气技术应用" in answer.answer
    assert "毕业生状况" in chat.answer("我们厂想招几个焊工，平台上有没有合适的毕业生").answer
    assert chat.answer("我们酒店想每年固定接收一批高职酒店专业的实习生").route == "benefits"


@pytest.mark.parametrize("for_enterprise", [False, True])
def test_the_search_hint_is_for_whoever_could_search(for_enterprise: bool) -> None:
    """A refused message the route probe read as a search gets the student's search hint, unless its writer
    speaks for a business (a student's search is not theirs)."""
    from assistant.answer.chat import _looked_like_a_search
    from assistant.places import scope_of
    from assistant.understand.query import Asked, Query, Route
    from assistant.understand.reader import StudentReading

    query = Query(
        "问",
        "问",
        Route.policy,
        Asked.howto,
        scope_of("问"),
        route_scores=(("opportunities", 0.7), ("policy", 0.3)),
        student=StudentReading(majors=["电气技术应用"]),
        for_enterprise=for_enterprise,
    )
    assert _looked_like_a_search(query) is not for_enterprise


def test_a_business_writer_seeking_for_their_own_is_searching_again(opp) -> None:
    """After "我开了个汽修店，想带两个徒弟" every later message was the business's: "那我儿子想学汽修，有什么学校
    推荐" got the enterprise's apprenticeship duties. A message seeking for the writer or their own (想学, 想去)
    ends that; one on the business's matter stays with it."""
    from assistant.types import Turn

    chat = opp.chat("extractive")
    first = "我开了个汽修店，想带两个徒弟"
    history = [Turn(role="user", content=first), Turn(role="assistant", content=chat.answer(first).answer)]
    son = chat.answer("那我儿子想学汽修，有什么学校推荐", history)
    assert son.route == "opportunities" and son.opportunities and "贵单位" not in son.answer
    assert "汽车运用与维修" in son.answer
    assert chat.answer("我们厂想去职校招几个电工", history).route != "opportunities"


def test_a_business_writer_speaking_of_someone_of_theirs_searches_for_them_and_goes_on(opp) -> None:
    """ "我家闺女中专学幼师的，想在乌鲁木齐找个幼儿园实习" after "我们是五家渠的一家电子厂，想跟学校搞订单班" was the
    factory looking for interns (the schools' graduate rows, then a rule on probation pay for "那工资大概多少"): one
    of the writer's own named (我家闺女) is a search for her, and the questions after it go on with it."""
    (first, daughter, lodging), _ = _conversation(
        opp.chat("extractive"),
        "我们是五家渠的一家电子厂，想跟学校搞订单班",
        "我家闺女中专学幼师的，想在乌鲁木齐找个幼儿园实习",
        "有没有管住的",
    )
    assert first.route == "benefits"
    assert daughter.route == "opportunities" and "专业：幼儿保育" in daughter.answer and "贵单位" not in daughter.answer
    assert lodging.route == "opportunities" and "专业：幼儿保育" in lodging.answer, lodging.answer


def test_who_the_writer_chose_to_be_is_read_with_their_words(opp) -> None:
    """The chat's 我是 was only stored with feedback: "有什么补贴" got a clause on the unemployed's training
    subsidy whoever asked. An enterprise (by its choice) gets the catalog's supports and what a match needs; a
    student's or a parent's message never reaches the enterprise catalog; the words count first (a school's words
    under 企业, an owner's under 学生或家长)."""
    from assistant.answer.chat import MATCH_HINT
    from assistant.types import Persona

    chat = opp.chat("extractive")
    understander = opp.understander()
    assert understander.understand("有什么补贴", persona=Persona.enterprise).route.value == "benefits"
    assert understander.understand("有什么补贴", persona=Persona.student).route.value != "benefits"
    enterprise = chat.answer("有什么补贴", persona=Persona.enterprise)
    assert enterprise.answer.endswith("\n" + MATCH_HINT)
    assert MATCH_HINT not in chat.answer("有什么补贴", persona=Persona.student).answer
    school = chat.answer("我们学校想和企业共建实训基地，有什么补贴", persona=Persona.enterprise)
    assert school.route == "policy" and "贵单位" not in school.answer
    assert chat.answer("我开了个汽修店，想带两个徒弟", persona=Persona.student).route == "benefits"


def test_a_business_asking_what_support_there_is_gets_the_catalogs_supports(opp) -> None:
    """ "有什么补贴吗" as 企业 quoted the clause on the unemployed's training subsidy, as if that were what the
    enterprise gets. Nothing said of the enterprise, the catalog's supports are listed (conditions to check, no
    duty), those nearest the question first, then what a match needs; a question about one rule stays a policy
    answer."""
    from assistant.answer.chat import MATCH_HINT
    from assistant.types import Persona

    chat = opp.chat("extractive")
    supports = chat.answer("有什么补贴吗", persona=Persona.enterprise)
    assert supports.route == "benefits" and supports.grounded and supports.answer.endswith("\n" + MATCH_HINT)
    assert supports.benefits and not any(b["obligation"] for b in supports.benefits)
    assert "补贴" in supports.benefits[0]["name"] and all(b["status"] == "check" for b in supports.benefits)
    assert "失业人员" not in supports.answer
    assert chat.answer("有没有补贴", persona=Persona.enterprise).benefits  # the probe reads an amount at 0.32
    tax = chat.answer("我们能享受什么税收优惠", persona=Persona.enterprise)
    assert "税" in tax.benefits[0]["name"]
    one_rule = chat.answer("企业招用失业人员有补贴吗", persona=Persona.enterprise)
    assert not one_rule.answer.startswith("贵单位的类型和打算做的事还不清楚")


def test_a_business_no_catalog_entry_is_for_gets_the_supports_there_are(opp) -> None:
    """ "我们小公司有什么扶持政策吗": 中小微企业 triggers no catalog entry, and the clause the words found
    (公开政策清单) was the whole answer. What was read is said, and that nothing is specific to it, then the
    catalog's supports; one support asked of ("…有社保补贴吗") stays the policy answer."""
    from assistant.types import Persona

    chat = opp.chat("extractive")
    small = chat.answer("我们小公司有什么扶持政策吗", persona=Persona.enterprise)
    assert small.route == "benefits" and small.benefits and small.profile["types"] == ["中小微企业"]
    assert small.answer.startswith("我理解贵单位的情况是（类型：中小微企业），目录中没有专门针对这些情况的条目")
    assert "公开政策清单" not in small.answer
    one = chat.answer("我们是小微企业，招了两个高校毕业生，有社保补贴吗", persona=Persona.enterprise)
    assert one.route == "benefits" and "目录中没有专门针对" not in one.answer


def test_a_business_describing_itself_first_is_asked_by_its_last_clause(opp) -> None:
    """ "我们是做物流的小公司，有什么优惠政策" was refused: read whole, the message asks how to do something (0.19
    over a list, 0.18), and the clause answer found nothing. What is asked is read from the last clause; and a
    business nothing in the catalog is for, whose question the documents do not answer, gets the supports there
    are (with their lead units), not a refusal."""
    from assistant.types import Persona

    chat = opp.chat("extractive")
    for message in ("我们是做物流的小公司，有什么优惠政策", "我们是做物流的小公司，怎么享受优惠政策"):
        answer = chat.answer(message, persona=Persona.enterprise)
        assert answer.route == "benefits" and answer.benefits, message
        assert answer.answer.startswith("我理解贵单位的情况是（类型：中小微企业）"), message
        assert "牵头单位" in answer.answer and "没有找到能回答" not in answer.answer, message


def test_a_business_asking_on_in_its_own_words_keeps_its_topic(opp) -> None:
    """An enterprise's conversation: "补贴大概多少钱" after "我们是一家汽修厂，想带几个学徒" quoted the unemployed's
    training subsidy, and "找哪个部门" answered with the yearly talent supply-and-demand report."""
    from assistant.types import Persona

    messages = ("我们是一家汽修厂，想带几个学徒", "补贴大概多少钱", "找哪个部门")
    (_, amount, unit), _ = _conversation(opp.chat("extractive"), *messages, persona=Persona.enterprise)
    assert "学徒" in amount.standalone_question and "失业人员" not in amount.answer
    assert unit.route != "platform" and unit.answer.startswith("牵头单位：教育局")


def test_a_major_said_earlier_gives_way_to_what_the_message_looks_for(opp) -> None:
    """ "公司员工想考叉车证，有没有培训？" after a search for cooking schools listed the cooking trainings again: the
    major said earlier was merged in and the message's own interest left unread. Its own interest words replace a
    major only said before; a refinement naming none (有包吃住的吗, 那昌吉有没有) keeps it."""
    chat = opp.chat("extractive")
    first = "我想学做饭，有啥学校"
    listing = chat.answer(first)
    assert listing.profile.get("majors") == ["中餐烹饪与营养膳食"]
    turns = [Turn(role="user", content=first), Turn(role="assistant", content=listing.answer)]
    forklift = chat.answer("有没有叉车培训", turns)
    assert "叉车" in forklift.profile.get("interests", []) and not forklift.profile.get("majors")
    assert all("烹" not in o["title"] for o in forklift.opportunities)
    board = chat.answer("有包吃住的吗？", turns)
    assert board.profile.get("majors") == ["中餐烹饪与营养膳食"]


def test_the_matched_benefits_nearest_what_was_asked_come_first(opp) -> None:
    """ "我们企业今年接收了10个实习生，能拿到什么补贴吗" listed three duties of taking interns before the one support
    (the catalog's order: the duty already met first). The lines follow the question's meaning (the dense model),
    as the overview of supports does; the table (``benefits``) holds the same entries in the same order."""
    answer = opp.chat("extractive").answer("我们企业今年接收了10个实习生，能拿到什么补贴吗")
    assert answer.route == "benefits" and answer.benefits
    lines = [line for line in answer.answer.splitlines() if line.startswith("【")]
    assert lines and lines[0].startswith("【支持】")
    assert not answer.benefits[0]["obligation"]
    matched = opp.match(EnterpriseProfile.model_validate(answer.profile))
    assert {b.id for b in matched.benefits} == {b["id"] for b in answer.benefits}  # the same entries, reordered


def test_a_business_asking_on_about_what_was_matched_gets_the_matched_entries(opp) -> None:
    """ "要满足什么条件" after "我们是一家建筑公司，想和职校合作培养电焊工，能享受什么优惠？" went to the policy route
    and quoted the schools' conditions for hiring teachers (职校 and 条件, carried); "需要准备什么材料" quoted the
    plan's craftsmen target. Asking on about what was matched, through follow-ups, is the benefits again: each
    matched entry with its conditions and lead unit, a rule's quotes only when they are of a matched entry's clause."""
    chat = opp.chat("extractive")
    messages = ("我们是一家建筑公司，想和职校合作培养电焊工，能享受什么优惠？", "要满足什么条件", "需要准备什么材料")
    answers, history = _conversation(chat, *messages)
    for message, answer in zip(messages, answers):
        assert answer.route == "benefits" and answer.benefits, message
    conditions = chat.answer("要满足什么条件", history=history[:2])
    assert "专业教师" not in conditions.answer and "待确认" in conditions.answer
    who = chat.answer("找谁申请", history=history)
    assert who.answer.startswith("牵头单位：") and "工匠型人才" not in who.answer
    own = chat.answer("试用期最长多久", history=history)  # a question of its own: the rule
    assert own.route == "policy" and "试用期" in own.answer


def test_a_business_only_describing_its_plans_gets_what_applies_to_it(opp) -> None:
    """ "我们是一家做农机维修的小企业，打算跟职校合作办个订单班" asks nothing: the quotes its words found (the
    information platform's FAQ) came first. A business only describing itself asks what applies to it: the matched
    entries."""
    answer = opp.chat("extractive").answer("我们是一家做农机维修的小企业，打算跟职校合作办个订单班")
    assert answer.route == "benefits" and answer.benefits
    assert answer.answer.startswith("我理解贵单位的情况是") and "信息服务平台" not in answer.answer
    asked = opp.chat("extractive").answer("我们是一家做农机维修的小企业，打算跟职校合作办个订单班，有什么补贴？")
    assert asked.route == "benefits" and asked.benefits  # a question is answered as before


def test_a_business_asking_which_school_offers_a_service_gets_the_platform_s_resources(opp) -> None:
    """ "我们养殖场遇到技术难题，哪个学校能提供技术服务？" was answered "牵头单位：办公室" (the platform's lead unit)
    and the platform FAQ: the platform probe read 0.63, under its cut. A business asking which schools offer something,
    the probe past even odds, is asking for the records: the schools' technical services and resources."""
    answer = opp.chat("extractive").answer("我们养殖场遇到技术难题，哪个学校能提供技术服务？")
    assert answer.route == "platform"
    lines = [line for line in answer.answer.splitlines() if line.startswith("【")]
    assert lines and all(line.startswith("【技术服务与合作资源】") for line in lines)


def test_a_relayed_question_is_answered_as_the_question_itself(opp) -> None:
    """Staff relay what the public asks ("有群众问，…", "我想问一下，…"): the frame is no part of the question (群众
    quoted a clause on 扫除文盲 of 基层群众性自治组织); the answer is the bare question's."""
    for frame in ("有群众问，", "我想问一下，"):
        for question in ("企业投资职业教育能享受什么税收优惠", "实习生每天最多工作几个小时"):
            relayed, bare = opp.ask(frame + question), opp.ask(question)
            assert relayed.route == bare.route and relayed.answer == bare.answer, (frame, question)


def _conversation(chat, *messages: str, **options) -> tuple[list, list[Turn]]:
    """Each message asked after the ones before it: the answers, and the history they make."""
    answers, history = [], []
    for message in messages:
        answer = chat.answer(message, history=list(history), **options)
        answers.append(answer)
        history += [Turn(role="user", content=message), Turn(role="assistant", content=answer.answer)]
    return answers, history


def test_an_amount_of_another_rule_is_no_lead(opp) -> None:
    """ "我是汽修厂的，带了三个学徒，能拿多少补贴" led with "金额或比例：…企业要每月支付二倍工资", the double wage
    owed without a contract (a sentence on apprentices' contracts): the subsidy's rule names no figure, and a figure
    whose piece shares no word of the question is no answer to it."""
    answer = opp.chat("extractive").answer("我是汽修厂的，带了三个学徒，能拿多少补贴")
    assert answer.route == "benefits"
    assert "二倍工资" not in answer.answer.splitlines()[0], answer.answer
    assert "培训补贴" in answer.answer
