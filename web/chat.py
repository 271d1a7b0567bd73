"""智能问答: streaming chat over ``Assistant.ask_stream`` with footnoted citations and feedback."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.answer.types import Answer, AnswerMode, Turn
from assistant.feedback import Persona
from assistant.service import Assistant
from web.render import answer_markdown, citations_html, error_html, error_message, info_html

PERSONAS = {"学生": Persona.student, "企业": Persona.enterprise, "工作人员": Persona.staff}
MAX_QUESTION_CHARS = 500
MAX_TURNS = 6  # earlier messages sent with a follow-up (the core rewrites it into a standalone question)
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


def build_chat_tab(assistant: Assistant) -> None:
    """The tab's components and events (call inside a ``gr.Blocks``)."""
    turns = gr.State([])  # list[Turn]: the conversation as the core sees it (no footnotes)
    last_answer = gr.State(None)  # the Answer being shown, for feedback
    persona = gr.Radio(list(PERSONAS), value="学生", label="我是", elem_id="persona")
    chatbot = gr.Chatbot(
        label="对话",
        height=420,
        buttons=["copy"],
        feedback_options=None,
        elem_id="chatbot",
        placeholder="你好！我可以回答职业教育、产教融合、实习就业等政策问题，每条回答都注明出处。",
    )
    citations = gr.HTML(elem_id="citations")
    with gr.Row():
        question = gr.Textbox(
            show_label=False,
            placeholder="请输入你的问题，按回车或点“发送”",
            max_length=MAX_QUESTION_CHARS,
            scale=5,
            elem_id="question",
        )
        send = gr.Button("发送", variant="primary", scale=1, elem_id="send")
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

    def respond(message: str, history: list[dict[str, Any]], conv: list[Turn], staff_mode: bool) -> Iterator[Outputs]:
        message = (message or "").strip()
        if not message:
            yield history, "", conv, None, info_html("请先输入问题。"), gr.update(), ""
            return
        # the person's own words are shown as text: an <img> or <script> in them is not rendered
        shown = html.escape(message)
        history = [*history, {"role": "user", "content": shown}, {"role": "assistant", "content": THINKING}]
        yield history, "", conv, None, "", gr.update(visible=False, value=""), ""
        mode = AnswerMode.staff if staff_mode else AnswerMode.chat
        answer: Answer | None = None
        text = ""
        try:
            for event in assistant.ask_stream(message, history=conv[-MAX_TURNS:], mode=mode):
                if event.type == "token":
                    text += event.text
                    history[-1] = {"role": "assistant", "content": text}
                    yield history, gr.skip(), conv, None, gr.skip(), gr.skip(), gr.skip()
                elif event.type == "final":
                    answer = event.answer
                elif event.type == "error":
                    history[-1] = {"role": "assistant", "content": f"**回答没有完成**：{event.error}"}
                    yield history, gr.skip(), conv, None, gr.skip(), gr.skip(), gr.skip()
                    return
        except Exception as exc:  # noqa: BLE001 - shown as a short message, logged in error_message
            history[-1] = {"role": "assistant", "content": f"**{error_message(exc)}**"}
            yield history, gr.skip(), conv, None, gr.skip(), gr.skip(), gr.skip()
            return
        if answer is None:
            history[-1] = {"role": "assistant", "content": "**回答没有完成，请再试一次。**"}
            yield history, gr.skip(), conv, None, gr.skip(), gr.skip(), gr.skip()
            return
        history[-1] = {"role": "assistant", "content": answer_markdown(answer)}
        conv = [*conv, Turn("user", message), Turn("assistant", answer.answer)]
        reply = gr.update(visible=answer.mode is AnswerMode.staff, value=answer.answer)
        yield history, gr.skip(), conv, answer, citations_html(answer), reply, ""

    chat_outputs = [chatbot, question, turns, last_answer, citations, staff_reply, feedback_status]
    send.click(respond, [question, chatbot, turns, staff], chat_outputs)
    question.submit(respond, [question, chatbot, turns, staff], chat_outputs)
    new_chat.click(
        lambda: ([], [], None, "", gr.update(visible=False, value=""), ""),
        None,
        [chatbot, turns, last_answer, citations, staff_reply, feedback_status],
    )

    def give_feedback(is_helpful: bool) -> Any:
        def record(answer: Answer | None, note: str, who: str) -> tuple[str, Any]:
            if answer is None:
                return info_html("请先提问，得到回答后再评价。"), gr.skip()
            try:
                assistant.record_feedback(answer, is_helpful, (note or "").strip(), PERSONAS.get(who, Persona.unknown))
            except Exception as exc:  # noqa: BLE001
                return error_html(exc), gr.skip()
            return info_html("已记录你的反馈，谢谢！我们会据此改进回答。"), ""

        return record

    helpful.click(give_feedback(True), [last_answer, comment, persona], [feedback_status, comment])
    unhelpful.click(give_feedback(False), [last_answer, comment, persona], [feedback_status, comment])
