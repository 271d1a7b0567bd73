"""智能问答: streaming chat over ``Assistant.ask_stream`` with footnoted citations and feedback."""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.answer.checks import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS
from assistant.answer.types import Answer, AnswerMode, Turn
from assistant.service import Assistant
from assistant.types import Persona
from web.question_box import BUSY, AskLimit, count_html, count_js, too_long
from web.render import answer_markdown, citations_html, error_html, error_message, info_html

# the 我是 choice: who is asking, read by the understanding with the message's words (an enterprise's "有什么补贴"
# goes to its benefits, a student's or a parent's never does); none chosen: the words alone decide
PERSONAS = {
    "学生或家长": Persona.student,
    "企业": Persona.enterprise,
    "学校老师": Persona.school,
    "工作人员": Persona.staff,
}
# earlier messages sent with a follow-up: all the core takes (it rewrites a follow-up into a standalone question and
# reads what the student said of themselves over the conversation; 6 lost "我是中职学汽修的…" four messages on)
MAX_TURNS = MAX_HISTORY_TURNS
THINKING = "正在查找相关政策条款…"

EXAMPLES = {
    "学生常问": [
        "在企业实习期间，企业要给我买保险、发报酬吗？",
        "中职学生上学要交学费吗？",
        "职业学校的学生可以去哪些企业参加现代学徒制？",
    ],
    "企业常问": [
        "我们是产教融合试点企业，投资举办职业教育能抵免哪些税费？",
        "企业开展现代学徒制培训有什么补贴？",
        "企业接收学生实习要承担哪些责任？",
    ],
    "工作人员常问": [
        "劳动合同法第十四条是怎么规定的？",
        "十二师对职业院校专业课教师到企业实践有什么要求？",
        "十二师推进产教融合的主要目标是什么？",
    ],
}

Outputs = tuple[Any, ...]


def build_chat_tab(assistant: Assistant, asks_per_minute: int = 0) -> None:
    """The tab's components and events (call inside a ``gr.Blocks``). ``asks_per_minute``: the questions a
    client may send per minute (:class:`web.question_box.AskLimit`; 0: no limit)."""
    turns = gr.State([])  # list[Turn]: the conversation as the core sees it (no footnotes)
    last_answer = gr.State(None)  # the Answer being shown, for feedback
    persona = gr.Radio(
        list(PERSONAS),
        value=None,
        label="我是（可不选）",
        info="选了身份，助手会按身份理解问题：选“企业”时，补贴和支持类问题按企业可享受的政策来匹配",
        elem_id="persona",
    )
    chatbot = gr.Chatbot(
        label="对话",
        show_label=False,  # the floating label covered the first line of the chat when it scrolled
        # most of the window, leaving the header and the question box in sight (70 % pushed them off a phone)
        height="55vh",
        buttons=["copy"],
        feedback_options=None,
        elem_id="chatbot",
        placeholder="你好！我可以回答职业教育、产教融合、实习就业等政策问题，每条回答都注明出处。",
    )
    citations = gr.HTML(elem_id="citations")
    # min_width 160 (not 240): at 390 px the box and 发送 stay on one row instead of the button wrapping
    # under the box; the CSS (#question-row in web/app.py) keeps the counter right under the box
    with gr.Row(equal_height=False, elem_id="question-row"):
        with gr.Column(scale=5, min_width=160, elem_id="question-col"):
            # no max_length: the browser would cut a pasted question silently; the counter and
            # the handler say how long is too long instead
            question = gr.Textbox(
                label="你的问题",
                show_label=False,
                placeholder=f"请输入你的问题（不超过 {MAX_QUESTION_CHARS} 字），按回车或点“发送”",
                elem_id="question",
            )
            counter = gr.HTML(count_html(0), elem_id="question-count")
            question_status = gr.HTML(elem_id="question-status")
        send = gr.Button("发送", variant="primary", scale=1, min_width=80, elem_id="send")
    with gr.Row():
        staff = gr.Checkbox(label="生成工作人员答复稿（“您好…”，附依据和联系单位，可复制）", elem_id="staff-mode")
        new_chat = gr.Button("新对话", size="sm", elem_id="new-chat")
    staff_reply = gr.Textbox(
        label="答复稿（点右上角按钮复制）", lines=8, buttons=["copy"], visible=False, elem_id="staff-reply"
    )
    with gr.Row():
        for label, questions in EXAMPLES.items():
            with gr.Column(min_width=220):
                gr.Examples([[q] for q in questions], inputs=[question], label=label)
    with gr.Accordion("这个回答有帮助吗？", open=True):
        with gr.Row():
            comment = gr.Textbox(
                label="补充意见（可选）", placeholder="例如：没有说到补贴标准", scale=4, elem_id="feedback-comment"
            )
            helpful = gr.Button("有帮助", scale=1, elem_id="helpful")
            unhelpful = gr.Button("没帮助", scale=1, elem_id="unhelpful")
        feedback_status = gr.HTML(elem_id="feedback-status")

    answering: set[str] = set()  # sessions with an answer on its way: one at a time per page
    lock = threading.Lock()
    limit = AskLimit(asks_per_minute)

    def respond(
        message: str,
        history: list[dict[str, Any]],
        conv: list[Turn],
        staff_mode: bool,
        who: str | None,
        request: gr.Request,
    ) -> Iterator[Outputs]:
        message = (message or "").strip()
        keep = (gr.skip(),) * 7  # chat, box, turns, answer, citations, staff reply, feedback: as they are
        refusal = info_html("请先输入问题。") if not message else too_long(message)
        if refusal:  # a question over the limit stays in the box, to be shortened: it is never cut
            yield *keep, refusal
            return
        too_often = limit.refusal(request)
        if too_often:  # the question stays in the box, to send again
            yield *keep, too_often
            return
        session = request.session_hash or ""
        with lock:
            busy = session in answering
            answering.add(session)
        if busy:  # the question stays in the box, to send again when the answer is there
            yield *keep, BUSY
            return
        try:
            yield from stream_answer(assistant, message, history, conv, staff_mode, PERSONAS.get(who or ""))
        finally:
            with lock:
                answering.discard(session)

    chat_outputs = [chatbot, question, turns, last_answer, citations, staff_reply, feedback_status, question_status]
    # "multiple": a second send while an answer streams reaches respond, which says why it waits
    # (Gradio's default "once" dropped it without a word)
    gr.on(
        [send.click, question.submit],
        respond,
        [question, chatbot, turns, staff, persona],
        chat_outputs,
        trigger_mode="multiple",
        show_progress_on=[chatbot],
    )
    question.change(None, question, counter, js=count_js(), show_progress="hidden")
    new_chat.click(
        lambda: ([], [], None, "", gr.update(visible=False, value=""), "", ""),
        None,
        [chatbot, turns, last_answer, citations, staff_reply, feedback_status, question_status],
    )

    def give_feedback(is_helpful: bool) -> Any:
        def record(answer: Answer | None, note: str, who: str | None) -> tuple[str, Any]:
            if answer is None:
                return info_html("请先提问，得到回答后再评价。"), gr.skip()
            try:
                assistant.record_feedback(
                    answer, is_helpful, (note or "").strip(), PERSONAS.get(who or "", Persona.unknown)
                )
            except Exception as exc:  # noqa: BLE001
                return error_html(exc), gr.skip()
            return info_html("已记录你的反馈，谢谢！我们会据此改进回答。"), ""

        return record

    helpful.click(give_feedback(True), [last_answer, comment, persona], [feedback_status, comment])
    unhelpful.click(give_feedback(False), [last_answer, comment, persona], [feedback_status, comment])


def stream_answer(
    assistant: Assistant,
    message: str,
    history: list[dict[str, Any]],
    conv: list[Turn],
    staff_mode: bool,
    persona: Persona | None = None,
) -> Iterator[Outputs]:
    """The chat outputs while ``message`` is answered: the bubble grows, then footnotes and the reply.
    ``persona``: the 我是 choice (None: not chosen)."""
    # the person's own words are shown as text: an <img> or <script> in them is not rendered
    history = [*history, {"role": "user", "content": html.escape(message)}, {"role": "assistant", "content": THINKING}]
    yield history, "", conv, None, "", gr.update(visible=False, value=""), "", ""
    skip = (gr.skip(),) * 4  # citations, staff reply, feedback, status
    mode = AnswerMode.staff if staff_mode else AnswerMode.chat
    answer: Answer | None = None
    text = ""
    try:
        events = assistant.ask_stream(message, conv[-MAX_TURNS:], mode, persona=persona or Persona.unknown)
        for event in events:
            if event.type == "token":
                text += event.text
                history[-1] = {"role": "assistant", "content": html.escape(text)}  # documents' words are text
                yield history, gr.skip(), conv, None, *skip
            elif event.type == "final":
                answer = event.answer
            elif event.type == "error":
                history[-1] = {"role": "assistant", "content": f"**回答没有完成**：{html.escape(str(event.error))}"}
                yield history, gr.skip(), conv, None, *skip
                return
    except Exception as exc:  # noqa: BLE001 - shown as a short message, logged in error_message
        history[-1] = {"role": "assistant", "content": f"**{error_message(exc)}**"}
        yield history, gr.skip(), conv, None, *skip
        return
    if answer is None:
        history[-1] = {"role": "assistant", "content": "**回答没有完成，请再试一次。**"}
        yield history, gr.skip(), conv, None, *skip
        return
    history[-1] = {"role": "assistant", "content": answer_markdown(answer)}
    conv = [*conv, Turn("user", message), Turn("assistant", answer.answer)]
    reply = gr.update(visible=answer.mode is AnswerMode.staff, value=answer.answer)
    yield history, gr.skip(), conv, answer, citations_html(answer), reply, "", ""  # a "wait" notice is over
