"""管理 → 删除文档: pick a document, confirm, then it is gone (with its uploaded copy).

Two steps, so one click never deletes: 删除文档 asks (naming the document), 确认删除 does it.
Documents of the bundled sample corpus (``Settings.corpus_dirs``) are refused with the reason:
``assistant serve`` ingests them again whenever the index is rebuilt, so they are removed from
the folder and the index pruned on the server instead. Both steps check the token and the
document again: Gradio events can be called without the page.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import gradio as gr

from assistant.auth import check_admin
from assistant.config import Settings
from assistant.ingest.uploads import is_bundled
from assistant.service import Assistant
from web.render import error_html, info_html

BUNDLED_NOTE = "（示例资料，受保护）"
PROTECTED = (
    "《{title}》是随程序提供的示例资料（corpus/ 目录），受保护，不能在网页上删除："
    "重建索引时它会被重新导入。如确需移除，请在服务器上从 corpus/ 目录删除该文件，"
    "再运行 assistant ingest corpus --prune。"
)
ASK = "确定要删除《{title}》（{doc_id}）吗？删除后它不再被检索和引用，上传的文件副本也一并删除，此操作不能撤销。"


def document_source(doc: dict[str, Any], settings: Settings) -> str:
    return "示例资料（受保护）" if is_bundled(doc.get("path", ""), settings.corpus_dirs) else "上传或导入"


def choice_label(doc: dict[str, Any], settings: Settings) -> str:
    note = BUNDLED_NOTE if is_bundled(doc.get("path", ""), settings.corpus_dirs) else ""
    return f"{doc['title']}（{doc['doc_id']}）{note}"


def _find(assistant: Assistant, doc_id: str) -> dict[str, Any] | None:
    return next((d for d in assistant.stats()["docs"] if d["doc_id"] == doc_id), None)


def _refusal(assistant: Assistant, settings: Settings, token: str, doc_id: str | None) -> tuple[str, dict[str, Any]]:
    """(message, document): a message when ``doc_id`` may not be deleted, else the document."""
    check_admin(settings, token)
    doc = _find(assistant, doc_id) if doc_id else None
    if doc is None:
        return info_html("请先选择要删除的文档。"), {}
    if is_bundled(doc.get("path", ""), settings.corpus_dirs):
        return f'<div class="msg-error" role="alert">{escape(PROTECTED.format(title=doc["title"]))}</div>', doc
    return "", doc


def build_delete_section(
    assistant: Assistant,
    settings: Settings,
    token: gr.Textbox,
    docs_table: gr.Dataframe,
    list_docs: Callable[[], tuple[Any, Any]],
) -> gr.Dropdown:
    """The picker, the confirmation and their events (inside the admin panel); ``list_docs`` gives
    the documents table's rows and the picker's choices after a deletion."""
    with gr.Row():
        doc_choice = gr.Dropdown(label="选择要删除的文档", choices=[], scale=4, elem_id="admin-doc-choice")
        delete = gr.Button("删除文档", variant="stop", scale=1, elem_id="admin-delete")
    pending = gr.State("")  # the document the confirmation is about
    with gr.Column(visible=False, elem_id="admin-confirm") as confirm_box:
        question = gr.HTML(elem_id="admin-confirm-text")
        with gr.Row():
            confirm = gr.Button("确认删除", variant="stop", elem_id="admin-confirm-delete")
            cancel = gr.Button("取消", elem_id="admin-cancel-delete")
    status = gr.HTML(elem_id="admin-delete-status")
    hidden = gr.update(visible=False)

    def ask(token_: str, doc_id: str | None) -> tuple[Any, ...]:
        try:
            refusal, doc = _refusal(assistant, settings, token_, doc_id)
        except Exception as exc:  # noqa: BLE001 - refused or failed: a short Chinese message
            return error_html(exc), hidden, "", ""
        if refusal:
            return refusal, hidden, "", ""
        text = ASK.format(title=doc["title"], doc_id=doc["doc_id"])
        return "", gr.update(visible=True), f'<div class="msg-error" role="alert">{escape(text)}</div>', doc["doc_id"]

    def remove(token_: str, doc_id: str) -> tuple[Any, ...]:
        try:
            refusal, doc = _refusal(assistant, settings, token_, doc_id)
            if refusal:
                return refusal, hidden, "", gr.skip(), gr.skip()
            assistant.delete_document(doc_id)
            docs, choices = list_docs()
        except Exception as exc:  # noqa: BLE001
            return error_html(exc), hidden, "", gr.skip(), gr.skip()
        return info_html(f"已删除文档《{doc['title']}》（{doc_id}）。"), hidden, "", docs, choices

    def cancel_delete() -> tuple[Any, ...]:
        return info_html("已取消，没有删除任何文档。"), hidden, ""

    delete.click(ask, [token, doc_choice], [status, confirm_box, question, pending])
    confirm.click(remove, [token, pending], [status, confirm_box, pending, docs_table, doc_choice])
    cancel.click(cancel_delete, None, [status, confirm_box, pending])
    return doc_choice
