"""政策匹配: an enterprise profile form -> every benefit and duty that applies (``Assistant.match``)."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.service import Assistant
from assistant.understand.profiles import Activity, EnterpriseProfile, EnterpriseType
from web.render import benefits_html, error_html, info_html

ENTERPRISE_TYPES = [t.value for t in EnterpriseType]
ACTIVITIES = [a.value for a in Activity]


def build_match_tab(assistant: Assistant) -> None:
    gr.Markdown("填写企业情况，列出可享受的政策（补贴、税费抵免、优先支持等）和应尽的义务，每条都附政策原文出处。")
    with gr.Row():
        with gr.Column():
            types = gr.CheckboxGroup(ENTERPRISE_TYPES, label="企业类型（可多选）", elem_id="enterprise-types")
            location = gr.Textbox(
                label="所在地", placeholder="例如：十二师西郊城区、乌鲁木齐市米东区", elem_id="enterprise-location"
            )
        with gr.Column():
            activities = gr.CheckboxGroup(
                ACTIVITIES, label="开展或计划开展的业务（可多选）", elem_id="enterprise-activities"
            )
            text = gr.Textbox(
                label="补充说明（可选）",
                placeholder="例如：我们是一家汽修企业，准备和职校搞学徒制",
                lines=2,
                max_length=2000,
                elem_id="enterprise-text",
            )
    run = gr.Button("查找适用政策", variant="primary", elem_id="match-run")
    result = gr.HTML(elem_id="match-result")

    def match(types_: list[str], location_: str, activities_: list[str], text_: str) -> str:
        if not types_ and not activities_ and not (text_ or "").strip():
            return info_html("请至少选择一项企业类型或业务，或在补充说明里描述企业情况。")
        try:
            profile = EnterpriseProfile.model_validate(
                {"types": types_, "location": location_ or "", "activities": activities_, "text": text_ or ""}
            )
            found = assistant.match(profile)
        except Exception as exc:  # noqa: BLE001 - shown as a short Chinese message
            return error_html(exc)
        benefits: list[dict[str, Any]] = [b.to_dict() for b in found.benefits]
        return benefits_html(benefits, [*found.warnings, *([found.outside] if found.outside else [])])

    run.click(match, [types, location, activities, text], result)
