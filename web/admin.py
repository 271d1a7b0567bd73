"""管理: behind the admin token — upload policy and record files, list and delete documents, read feedback.

Every action checks the token again (``assistant.auth.check_admin``): a hidden panel is not a
permission, and Gradio events can be called without the page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.auth import check_admin
from assistant.config import Settings
from assistant.feedback import cases_to_jsonl
from assistant.ingest.documents import SUPPORTED_SUFFIXES
from assistant.service import Assistant
from web.admin_delete import build_delete_section, choice_label, document_source
from web.chat import PERSONAS
from web.render import STATUS_LABELS, doc_type_label, error_html, error_message, info_html, ingest_rows, kind_label

UPLOAD_HEADERS = ["文件", "结果", "文档", "条数", "说明"]
DOC_HEADERS = ["文档ID", "标题", "类别", "类型", "条数", "来源"]
FEEDBACK_HEADERS = ["编号", "时间", "评价", "身份", "问题", "意见", "有依据"]
FEEDBACK_SHOWN = 200
PERSONA_LABELS = {persona.value: label for label, persona in PERSONAS.items()} | {"unknown": "未填"}


def build_admin_tab(assistant: Assistant, settings: Settings) -> None:
    gr.Markdown("管理功能需要管理令牌（服务器上的 `ASSISTANT_ADMIN_TOKEN`）。")
    with gr.Row():
        token = gr.Textbox(label="管理令牌", type="password", scale=4, elem_id="admin-token")
        login = gr.Button("进入管理", scale=1, elem_id="admin-login")
    status = gr.HTML(elem_id="admin-status")
    with gr.Column(visible=False, elem_id="admin-panel") as panel:
        gr.Markdown(
            "### 导入文件\n"
            "政策文件：txt / md / html / pdf / docx；数据文件（专业、岗位、问答）：csv / json / jsonl / yaml。"
        )
        files = gr.File(
            label="选择文件（可多选）",
            file_count="multiple",
            file_types=sorted(SUPPORTED_SUFFIXES),
            elem_id="admin-files",
        )
        upload = gr.Button("导入", variant="primary", elem_id="admin-upload")
        upload_summary = gr.HTML(elem_id="admin-upload-summary")
        upload_table = gr.Dataframe(headers=UPLOAD_HEADERS, interactive=False, elem_id="admin-upload-results")
        gr.Markdown("### 已收录的文档")
        docs_table = gr.Dataframe(headers=DOC_HEADERS, interactive=False, wrap=True, elem_id="admin-docs")
        doc_choice = build_delete_section(assistant, settings, token, docs_table, lambda: list_docs())
        gr.Markdown("### 用户反馈")
        feedback_table = gr.Dataframe(headers=FEEDBACK_HEADERS, interactive=False, wrap=True, elem_id="admin-feedback")
        with gr.Row():
            refresh = gr.Button("刷新列表", elem_id="admin-refresh")
            export = gr.Button("导出反馈为评测用例（JSONL）", elem_id="admin-export")
        export_file = gr.File(label="导出文件", interactive=False, elem_id="admin-export-file")

    def source(doc: dict[str, Any]) -> str:
        return document_source(doc, settings)

    def list_docs() -> tuple[Any, Any]:
        docs = assistant.stats()["docs"]
        rows = [
            [d["doc_id"], d["title"], kind_label(d["kind"]), doc_type_label(d["doc_type"]), d["chunks"], source(d)]
            for d in docs
        ]
        return rows, gr.update(choices=[(choice_label(d, settings), d["doc_id"]) for d in docs], value=None)

    def listings() -> tuple[Any, Any, Any]:
        doc_rows, choices = list_docs()
        fb_rows = [
            [
                f.id,
                f.created_at,
                "有帮助" if f.helpful else "没帮助",
                PERSONA_LABELS.get(f.persona.value, f.persona.value),
                f.question,
                f.comment,
                "是" if f.grounded else "否",
            ]
            for f in assistant.list_feedback(limit=FEEDBACK_SHOWN)
        ]
        return doc_rows, choices, fb_rows

    def enter(token_: str) -> tuple[Any, ...]:
        try:
            check_admin(settings, token_)
            docs, choices, feedback = listings()
        except Exception as exc:  # noqa: BLE001 - refused or failed: a short Chinese message
            return error_html(exc), gr.update(visible=False), gr.skip(), gr.skip(), gr.skip()
        return info_html("已进入管理。"), gr.update(visible=True), docs, choices, feedback

    listing_outputs = [docs_table, doc_choice, feedback_table]
    gr.on([login.click, token.submit], enter, [token], [status, panel, *listing_outputs])

    def refresh_lists(token_: str) -> tuple[Any, ...]:
        try:
            check_admin(settings, token_)
            return listings()
        except Exception as exc:  # noqa: BLE001
            gr.Warning(error_message(exc))
            return gr.skip(), gr.skip(), gr.skip()

    refresh.click(refresh_lists, [token], listing_outputs)

    def ingest(token_: str, paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
        try:
            check_admin(settings, token_)
            if not paths:
                return info_html("请先选择要导入的文件。"), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            done = [0, 0]  # chunks embedded so far, total chunks to embed

            def on_total(total: int) -> None:
                done[1] = total
                progress((0, total or None), desc="正在向量化并写入索引", unit="段")

            def step(n: int) -> None:
                done[0] += n
                progress((done[0], done[1] or None), desc="正在向量化并写入索引", unit="段")

            progress(0, desc="正在解析文件")
            report = assistant.ingest_uploads([Path(p) for p in paths], progress=step, on_total=on_total)
            docs, choices, feedback = listings()
        except Exception as exc:  # noqa: BLE001
            return error_html(exc), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        counts = "，".join(
            f"{label} {report.count(key)} 个" for key, label in STATUS_LABELS.items() if report.count(key)
        )
        summary = f"导入完成：{counts}；新写入 {report.chunks_added} 段。"
        if report.any_failed:
            summary += f"{report.count('failed')} 个文件未能导入，原因见下表“说明”一栏；其余文件已导入。"
        shown = info_html(summary)
        if report.nothing_ingested:
            shown = f'<div class="msg-error" role="alert">没有文件导入成功（{counts}），原因见下表。</div>'
        return shown, ingest_rows(report.files), docs, choices, feedback

    upload.click(ingest, [token, files], [upload_summary, upload_table, *listing_outputs])

    def export_cases(token_: str) -> Any:
        try:
            check_admin(settings, token_)
            cases = assistant.export_feedback()
        except Exception as exc:  # noqa: BLE001
            gr.Warning(error_message(exc))
            return None
        out = Path(tempfile.mkdtemp(prefix="feedback-")) / "feedback_cases.jsonl"
        out.write_text(cases_to_jsonl(cases), encoding="utf-8")
        return str(out)

    export.click(export_cases, [token], export_file)
