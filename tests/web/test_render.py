"""Rendering helpers: what the page shows for answers, matches, postings and errors (no browser)."""

from __future__ import annotations

from assistant.answer.types import Answer, AnswerMode, Citation
from assistant.errors import AuthError, ConfigError, LLMBusy, QueryError
from web.render import (
    NOT_GROUNDED,
    answer_markdown,
    benefits_html,
    citations_html,
    error_message,
    opportunities_html,
    recommend_result_html,
    recommendations_html,
)


def _answer(grounded: bool = True, refer_to: str = "") -> Answer:
    citation = Citation(
        n=1,
        chunk_id="c1",
        doc_id="plan",
        title="十二师深化产教融合的实施方案",
        doc_number="师发〔2020〕9号",
        clause_path="三、（五）16.",
        clause_no="16.",
        date="2020-06-01",
        text="按投资额的30%抵免<教育费附加>。",
        quote="按投资额的30%抵免",
        score=1.0,
    )
    return Answer(
        question="能抵免什么？",
        standalone_question="能抵免什么？",
        answer="按投资额的30%抵免[1]。" if grounded else "现有资料中没有找到能回答这个问题的内容。",
        grounded=grounded,
        mode=AnswerMode.chat,
        backend="extractive",
        citations=[citation] if grounded else [],
        refer_to=refer_to,
    )


def test_grounded_answer_has_its_footnotes_once_under_the_chat_with_the_full_clause_escaped() -> None:
    answer = _answer()
    bubble = answer_markdown(answer)
    label, _, rest = bubble.partition("\n\n")
    assert label == "<small>政策条款解答</small>"  # which capability answered, then the answer
    assert rest == "按投资额的30%抵免[1]。"  # the [n] marks only: the footnotes are listed once, below
    html = citations_html(answer)
    assert html.count("《十二师深化产教融合的实施方案》 三、（五）16.") == 1
    assert 'id="cite-1"' in html and "师发〔2020〕9号" in html and "2020-06-01" in html
    assert "<mark>按投资额的30%抵免</mark>" in html and "&lt;教育费附加&gt;" in html and "<教育费附加>" not in html
    assert "notice-ungrounded" not in html


def test_ungrounded_answer_carries_the_notice_and_the_unit() -> None:
    answer = _answer(grounded=False, refer_to="师教育局")
    assert NOT_GROUNDED in answer_markdown(answer) and "师教育局" in answer_markdown(answer)
    html = citations_html(answer)
    assert 'class="notice-ungrounded"' in html and "师教育局" in html


def test_benefit_rows_show_status_amount_conditions_unit_and_source() -> None:
    html = benefits_html(
        [
            {
                "name": "投资抵免",
                "category": "tax_deduction",
                "status": "check",
                "amount": "30%",
                "conditions_met": ["试点企业"],
                "conditions_missing": [],
                "conditions_unknown": ["位于十二师"],
                "lead_unit": "财政局",
                "automatic": True,
                "verified": False,
                "citation": {"title": "某某实施办法", "doc_id": "law_x", "clause_path": "第三条", "text": ""},
            }
        ]
    )
    for shown in ("税费抵免", "需进一步确认", "30%", "已满足：试点企业", "待确认：位于十二师", "财政局", "自动识别"):
        assert shown in html
    assert "《某某实施办法》第三条（原文未收录）" in html and "law_x" not in html  # the title, never the raw id
    assert "没有找到" in benefits_html([]) and "原文未收录：《x》" in benefits_html([], ["原文未收录：《x》"])


def test_postings_and_recommendations_show_deadline_location_and_reasons() -> None:
    item = {"kind": "实习", "title": "配电<运维>", "enterprise": "博远", "location": "米东区", "deadline": "2027-01-20"}
    html = opportunities_html([item], hidden_expired=2)
    assert "找到 1 条" in html and "另有 2 条已过报名截止日期" in html
    assert "报名截止：2027-01-20" in html and "米东区" in html and "配电&lt;运维&gt;" in html
    rec = recommendations_html([{**item, "reasons": [{"reason": "专业对口", "detail": "电气技术应用"}]}])
    assert "专业对口：电气技术应用" in rec and "为你推荐 1 条" in rec
    assert "联系方式" not in html
    reachable = opportunities_html([{**item, "contact": "0991-3318866"}])
    assert '<b>联系方式：</b><span class="contact">0991-3318866</span>' in reachable  # how to apply, on the card
    asked = opportunities_html([{**item, "requirements": "电气技术应用专业在校生"}])
    assert '<b>要求：</b><span class="quoted">电气技术应用专业在校生</span>' in asked  # "要求高吗": whom it takes


def test_a_program_card_names_its_school_and_fee() -> None:
    """A fee asked in the chat ("孩子读中职一年要交多少钱") showed program cards without the fee, each naming its
    partner enterprises as the 单位: a program is offered by its school, its enterprises are partners, its 学费
    is shown."""
    program = {
        "kind": "专业",
        "record_type": "program",
        "title": "现代物流管理",
        "school": "乌鲁木齐职业大学",
        "enterprise": "新疆通达云仓物流有限公司",
        "tuition": "4600元/年",
        "duration": "3年",
        "certificates": "物流管理职业技能等级证书",
    }
    html = opportunities_html([program])
    assert "<b>单位：</b>乌鲁木齐职业大学" in html and "<b>合作企业：</b>新疆通达云仓物流有限公司" in html
    assert "<b>学费：</b>4600元/年" in html
    assert "<b>学制：</b>3年" in html  # "要读几年" asked in the chat: the card says it (the line is not shown)
    assert "<b>可获证书：</b>物流管理职业技能等级证书" in html  # "能考什么证"


def test_recommendations_show_signed_reasons_and_the_nearest_apart() -> None:
    good = {
        "kind": "实习",
        "title": "配电运维实习生",
        "location": "米东区",
        "reasons": [
            {"reason": "专业", "detail": "对口：电气技术应用", "score": 3, "text": "专业：对口：电气技术应用（+3）"}
        ],
    }
    near = {
        "kind": "实习",
        "title": "电工实习",
        "location": "昌吉市",
        "reasons": [
            {
                "reason": "地点",
                "detail": "石河子市，不在意向范围",
                "score": 0,
                "text": "地点：石河子市，不在意向范围（+0）",
            }
        ],
    }
    html = recommend_result_html({"items": [good], "nearest": [near], "note": "符合条件的机会不多"})
    assert "（+3）" in html and "不在意向范围（+0）" in html and "符合条件的机会不多" in html
    assert html.index("最接近的机会") < html.index("电工实习") and html.index("配电运维") < html.index("最接近的机会")
    assert "最接近的机会" not in recommend_result_html({"items": [good], "nearest": [], "note": ""})
    assert "没有找到" in recommend_result_html({"items": [], "nearest": [], "note": "没有找到与你的专业相关的机会"})


def test_expired_items_are_marked_when_shown() -> None:
    html = opportunities_html([{"kind": "实习", "title": "中餐厨房实习生", "deadline": "2026-11-01", "expired": True}])
    assert "已截止" in html
    assert "已截止" not in opportunities_html([{"kind": "实习", "title": "x", "deadline": "2027-11-01"}])
    assert "没有找到相关岗位" in opportunities_html([], note="没有找到相关岗位", suggestions=["电气技术应用"])


def test_errors_become_short_chinese_messages() -> None:
    assert error_message(AuthError("x", status=401)) == "请先输入管理令牌。"
    assert "不正确" in error_message(AuthError("x", status=403))
    assert "管理功能已关闭" in error_message(ConfigError("ASSISTANT_ADMIN_TOKEN is not set"))
    assert "30 秒" in error_message(LLMBusy("busy", retry_after=30))
    assert error_message(QueryError("top_k must be 1..50, got 0")).startswith("输入有误")
    unexpected = error_message(KeyError("boom"))
    assert "boom" not in unexpected and "Traceback" not in unexpected and "系统" in unexpected


def test_ingest_rows_name_the_file_and_reason_without_server_paths() -> None:
    from assistant.ingest.pipeline import FileResult
    from web.render import ingest_rows

    path = "/srv/data/uploads/bad.json"
    failed = FileResult(path=path, status="failed", error=f"{path}: invalid JSON")
    added = FileResult(path="/srv/data/uploads/new.txt", status="added", doc_id="new", chunks=3)
    rows = ingest_rows([failed, added])
    assert rows == [["bad.json", "失败", "", 0, "invalid JSON"], ["new.txt", "新增", "new", 3, ""]]


def test_a_greeting_reply_has_no_route_label_nor_no_basis_notice() -> None:
    from assistant.answer.chat import SMALL_TALK, SMALL_TALK_REPLY

    reply = Answer("你好", "你好", SMALL_TALK_REPLY, False, AnswerMode.chat, "extractive", asked=SMALL_TALK)
    assert answer_markdown(reply) == SMALL_TALK_REPLY and citations_html(reply) == ""


def test_conditions_list_only_what_they_hold() -> None:
    """An empty 尚缺 in red read as a missing condition."""
    from web.render import benefits_html

    met_only = benefits_html([{"name": "培训补贴", "status": "eligible", "conditions_met": ["开展学徒制"]}])
    assert "已满足：开展学徒制" in met_only and "尚缺" not in met_only
    missing = benefits_html([{"name": "抵扣", "status": "not_yet", "conditions_missing": ["列为试点企业"]}])
    assert "尚缺：列为试点企业" in missing and "已满足" not in missing


def test_listed_items_shown_as_cards_are_not_repeated_in_the_bubble() -> None:
    from assistant.answer.types import AnswerSentence

    sentences = [
        AnswerSentence("为你找到以下机会：", [], "lead", True),
        AnswerSentence("【实习】护理实习生[1]。", [1], "listing", True),
    ]
    answer = Answer(
        "问",
        "问",
        "为你找到以下机会：\n【实习】护理实习生[1]。",
        True,
        AnswerMode.chat,
        "recommender",
        sentences=sentences,
        route="opportunities",
        opportunities=[{"title": "护理实习生"}],
    )
    bubble = answer_markdown(answer)
    assert "为你找到以下机会" in bubble and "护理实习生" not in bubble and "共1项，见下方卡片" in bubble


def test_records_only_the_text_shows_stay_in_the_bubble_beside_the_benefits_table() -> None:
    """The schools' graduate records an employer looking for students gets were listing lines, left out of the
    bubble with the benefits the table shows ("共4项" counted three benefits and the record, which no table shows)."""
    from assistant.answer.types import AnswerSentence

    record = "【毕业生状况】汽车运用与维修（中职）— 十二师职业技术学校：2026年毕业82人"
    sentences = [
        AnswerSentence(record, [], "record", True),
        AnswerSentence("此外，与贵单位情况相关的支持措施和义务：", [], "lead", True),
        AnswerSentence("【支持】学徒制培训补贴[1]。", [1], "listing", True),
    ]
    text = "\n".join(s.text for s in sentences)
    answer = Answer("问", "问", text, True, AnswerMode.chat, "matcher", sentences=sentences, route="benefits")
    bubble = answer_markdown(answer.with_(benefits=[{"title": "学徒制培训补贴"}]))
    assert record in bubble and "学徒制培训补贴" not in bubble and "共1项，见下方表格" in bubble


def test_a_reply_about_the_conversation_carries_no_ungrounded_warning() -> None:
    """ "第九个呢" after a one-item listing: said plainly, with no "未在现有政策资料中找到明确依据" (it claims
    nothing of the documents); an ungrounded answer about them keeps the warning."""
    from assistant.answer.types import AnswerSentence

    text = "上面只列出了1个机会，没有第9个。"
    reply = Answer("第九个呢", "第九个呢", text, False, AnswerMode.chat, "recommender", route="opportunities")
    reply = reply.with_(sentences=[AnswerSentence(text, [], "conversation", True)])
    assert NOT_GROUNDED not in answer_markdown(reply) and NOT_GROUNDED not in citations_html(reply)
    assert text in answer_markdown(reply)
    refused = reply.with_(sentences=[AnswerSentence(text, [], "notice", True)])
    # a bare refusal (no quote) has nothing "以下" to take for reference: no warning above it
    assert NOT_GROUNDED not in answer_markdown(refused) and NOT_GROUNDED not in citations_html(refused)
    unit = refused.with_(refer_to="师教育局")
    assert "师教育局" in answer_markdown(unit) and "师教育局" in citations_html(unit)
    related = _answer(grounded=False, refer_to="师教育局")  # related clauses quoted: taken for reference
    assert NOT_GROUNDED in answer_markdown(related) and NOT_GROUNDED in citations_html(related)


def test_a_note_after_the_benefits_stays_after_where_they_are_shown() -> None:
    """ "我们是库尔勒的一家汽修厂…" ends with the supports left out for its place; the bubble said it before "（共1项，
    见下方表格）", as if the note were one of the listed items' lead."""
    from assistant.answer.types import AnswerSentence

    note = "贵单位所在的库尔勒市不在十二师，只在十二师适用的1项支持政策未列出。"
    sentences = [
        AnswerSentence("与贵单位情况相关的支持措施和义务如下：", [], "lead", True),
        AnswerSentence("【义务】接纳实习学生[1]。", [1], "listing", True),
        AnswerSentence(note, [], "notice", True),
    ]
    text = "\n".join(s.text for s in sentences)
    answer = Answer("问", "问", text, True, AnswerMode.chat, "matcher", sentences=sentences, route="benefits")
    bubble = answer_markdown(answer.with_(benefits=[{"title": "接纳实习学生"}]))
    assert bubble.index("共1项，见下方表格") < bubble.index(note) and "接纳实习学生" not in bubble
