"""The web UI: one Gradio Blocks app with four tabs, mounted into the FastAPI app at ``/ui``.

Callbacks call the :class:`~assistant.service.Assistant` facade only; the UI holds no
retrieval, prompt or matching logic.
"""

from __future__ import annotations

import gradio as gr
from fastapi import FastAPI

from assistant.config import Settings
from assistant.service import Assistant
from web.admin import build_admin_tab
from web.chat import build_chat_tab
from web.locale import chinese_head
from web.match import build_match_tab
from web.news_tab import build_news_tab
from web.opportunities import build_opportunities_tab
from web.publish_tab import build_publish_tab, build_review_tab
from web.report_tab import build_platform_search_tab, build_report_tab

UI_PATH = "/ui"
TITLE = "政策与机会助手"

CSS = """
.gradio-container { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
.notice-ungrounded { background: #fff4e5; border-left: 4px solid #f59e0b; padding: 8px 12px; margin: 6px 0; }
.msg-error { background: #fdecea; border-left: 4px solid #dc2626; padding: 8px 12px; }
.msg-info { background: #eef6ff; border-left: 4px solid #3b82f6; padding: 8px 12px; }
.cites-title { font-weight: 600; margin: 6px 0; }
details.cite { border: 1px solid #e5e7eb; border-radius: 6px; padding: 6px 10px; margin: 4px 0; }
details.cite summary { cursor: pointer; color: #1d4ed8; }
.cite-meta { color: #4b5563; font-size: 0.9em; margin: 6px 0; }
.cite-text { white-space: pre-wrap; line-height: 1.6; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(280px, 100%), 1fr)); gap: 10px; }
.card { overflow-wrap: anywhere; }
.note { margin: 8px 0; color: #92400e; }
h4.nearest { margin: 14px 0 6px; }
.expired-tag { background: #fee2e2; color: #991b1b; border-radius: 4px; padding: 0 6px; font-size: 0.85em; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 12px; line-height: 1.6; }
.card-title { font-weight: 600; font-size: 1.05em; margin-bottom: 4px; }
.tag { background: #e0f2fe; color: #075985; border-radius: 4px; padding: 0 6px; font-size: 0.85em; }
.deadline { color: #b45309; font-weight: 600; }
.reasons { margin: 4px 0 0 1.2em; color: #166534; }
.summary { margin: 6px 0; }
table.result-table { border-collapse: collapse; width: 100%; }
table.result-table th, table.result-table td { border: 1px solid #e5e7eb; padding: 6px; vertical-align: top; }
table.benefits td:nth-child(2), table.benefits td:nth-child(5) { white-space: nowrap; }
@media (max-width: 480px) {
  table.result-table th, table.result-table td {
    white-space: normal !important; overflow-wrap: anywhere; padding: 4px;
  }
  table.benefits { font-size: 0.9em; }
  /* on a phone a benefit reads as a card: one cell under the other, each with its column's name */
  table.benefits thead { display: none; }
  table.benefits, table.benefits tbody, table.benefits tr, table.benefits td { display: block; width: auto; }
  table.benefits tr { border: 1px solid #e5e7eb; border-radius: 8px; margin-bottom: 8px; padding: 4px 0; }
  table.benefits td { border: none; }
  table.benefits td::before { content: attr(data-label) "："; font-weight: 600; color: #374151; }
}
.question-count { text-align: right; color: #6b7280; font-size: 0.9em; }
/* the question box, its counter and 发送 sit together: no column gap, no padding around the counter, and
   the status line takes no room while it is empty (Gradio's 16 px gaps and 10 px HTML padding left ~60 px) */
#question-col { gap: 0; }
#question-count .html-container { padding: 2px 0 0; }
#question-status .html-container { padding: 0; }
#question-status .msg-info, #question-status .msg-error { margin-top: 6px; }
@media (max-width: 480px) {
  #question-row { gap: 8px; flex-wrap: nowrap; }
  #question-row #send { align-self: stretch; max-height: 80px; }
}
.count-over { color: #b91c1c; font-weight: 600; }
.met { color: #166534; } .missing { color: #b91c1c; } .unknown { color: #92400e; }
.status-eligible { color: #166534; } .status-not_yet { color: #b91c1c; } .status-check { color: #92400e; }
"""

# the app's own icon (served by the API at /favicon.ico), not Gradio's; then Gradio's words in Chinese
HEAD = '<link rel="icon" type="image/svg+xml" href="/favicon.ico">' + chinese_head()

INTRO = (
    "## 政策与机会助手\n"
    "面向学生、企业和工作人员：查政策、问问题、找实习和专业、看企业能享受哪些政策。"
    "回答都来自已收录的政策文件，并注明出处。"
)


def build_ui(assistant: Assistant, settings: Settings) -> gr.Blocks:
    """The Blocks app over ``assistant`` (which may load later: callbacks run after startup)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as blocks:
        gr.Markdown(INTRO)
        with gr.Tabs(overflow_behavior="wrap", elem_id="main-tabs"):  # on a phone every tab stays in sight
            with gr.Tab("智能问答", id="chat", elem_id="tab-chat"):
                build_chat_tab(assistant, settings.rate_ask_per_minute)
            with gr.Tab("政策匹配", id="match", elem_id="tab-match"):
                build_match_tab(assistant)
            with gr.Tab("实习与专业", id="opportunities", elem_id="tab-opportunities"):
                build_opportunities_tab(assistant)
            with gr.Tab("我的新消息", id="news", elem_id="tab-news"):
                build_news_tab(assistant)
            with gr.Tab("供需信息", id="platform", elem_id="tab-platform"):
                build_platform_search_tab(assistant)
            with gr.Tab("供需报告", id="report", elem_id="tab-report"):
                build_report_tab(assistant)
            with gr.Tab("发布", id="publish", elem_id="tab-publish"):
                build_publish_tab(assistant)
            with gr.Tab("审核", id="review", elem_id="tab-review"):
                build_review_tab(assistant)
            with gr.Tab("管理", id="admin", elem_id="tab-admin"):
                build_admin_tab(assistant, settings)
    return blocks


def mount_ui(app: FastAPI, assistant: Assistant, settings: Settings) -> FastAPI:
    """Serve the UI at ``/ui`` inside ``app`` (one process, one loaded Assistant)."""
    blocks = build_ui(assistant, settings)
    blocks.queue(default_concurrency_limit=4)
    return gr.mount_gradio_app(
        app,
        blocks,
        path=UI_PATH,
        css=CSS,
        footer_links=["gradio"],
        show_error=False,
        head=HEAD,
        max_file_size=settings.max_file_bytes,  # Gradio refuses bigger uploads before they are stored
        run_history=False,  # Gradio would keep each run (the admin token typed in 管理 among them) in the browser
    )
