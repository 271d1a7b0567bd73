"""实习与专业: posting and program search with filters, and recommendations from a student profile."""

from __future__ import annotations

import gradio as gr
from pydantic import ValidationError

from assistant.opportunities.search import OpportunityFilters
from assistant.service import Assistant
from assistant.understand.profiles import OPPORTUNITY_KINDS, STUDENT_LEVELS, StudentProfile, profile_error
from web.render import error_html, info_html, opportunities_html, recommend_result_html

LEVELS = ["不限", *STUDENT_LEVELS]
APPRENTICESHIP = {"无所谓": None, "希望是学徒制": True, "不要学徒制": False}


def build_opportunities_tab(assistant: Assistant) -> None:
    with gr.Tabs(overflow_behavior="wrap"):
        with gr.Tab("搜索岗位和专业"):
            _build_search(assistant)
        with gr.Tab("为我推荐"):
            _build_recommend(assistant)


def _build_search(assistant: Assistant) -> None:
    with gr.Row():
        query = gr.Textbox(label="想找什么", placeholder="例如：汽车维修实习、电工、酒店", scale=3, elem_id="opp-query")
        kinds = gr.CheckboxGroup(list(OPPORTUNITY_KINDS), label="类别", scale=3, elem_id="opp-kinds")
    with gr.Row():
        location = gr.Textbox(label="地点包含", placeholder="例如：米东区", elem_id="opp-location")
        major = gr.Textbox(label="专业包含", placeholder="例如：电气", elem_id="opp-major")
        include_expired = gr.Checkbox(label="包含已过期", elem_id="opp-expired")
    run = gr.Button("搜索", variant="primary", elem_id="opp-search")
    result = gr.HTML(elem_id="opp-result")

    def search(query_: str, kinds_: list[str], location_: str, major_: str, expired: bool) -> str:
        try:
            filters = OpportunityFilters(kind=kinds_, location=location_ or None, major=major_ or None)
            found = assistant.search_opportunities(
                (query_ or "").strip(), filters=filters, top_k=20, include_expired=expired
            )
        except Exception as exc:  # noqa: BLE001 - shown as a short Chinese message
            return error_html(exc)
        shown = found.to_dict()
        return opportunities_html(shown["items"], found.hidden_expired, found.note, found.suggestions)

    gr.on([run.click, query.submit], search, [query, kinds, location, major, include_expired], result)


def _build_recommend(assistant: Assistant) -> None:
    gr.Markdown(
        "填写你的情况，按专业、地点、时间、是否学徒制逐项打分，每条理由标明加减分（截止日期和专业的毕业生去向只显示，不加分）；符合的不多时另列最接近的机会。"
    )
    with gr.Row():
        majors = gr.Textbox(label="所学或想学的专业", placeholder="例如：汽修、电工、厨师、幼师", elem_id="rec-majors")
        interests = gr.Textbox(label="兴趣（可选）", placeholder="例如：新能源、机器人", elem_id="rec-interests")
        level = gr.Dropdown(LEVELS, value="不限", label="层次", elem_id="rec-level")
    with gr.Row():
        locations = gr.Textbox(
            label="愿意去的地点（可选）", placeholder="例如：乌鲁木齐附近、昌吉、米东", elem_id="rec-locations"
        )
        available_from = gr.Textbox(
            label="可开始日期（可选）", placeholder="2027-03-01、明年春天、下学期、寒假", elem_id="rec-from"
        )
        available_to = gr.Textbox(label="可到日期（可选）", placeholder="2027-08-31、明年暑假", elem_id="rec-to")
        apprenticeship = gr.Radio(list(APPRENTICESHIP), value="无所谓", label="学徒制", elem_id="rec-apprentice")
    run = gr.Button("为我推荐", variant="primary", elem_id="rec-run")
    result = gr.HTML(elem_id="rec-result")

    def recommend(
        majors_: str, interests_: str, level_: str, locations_: str, from_: str, to_: str, apprentice: str
    ) -> str:
        if not (majors_ or "").strip() and not (interests_ or "").strip():
            return info_html("请至少填写专业或兴趣。")
        try:
            profile = StudentProfile.model_validate(
                {
                    "majors": majors_ or "",
                    "interests": interests_ or "",
                    "level": None if level_ in ("", "不限", None) else level_,
                    "locations": locations_ or "",
                    "available_from": (from_ or "").strip() or None,
                    "available_to": (to_ or "").strip() or None,
                    "wants_apprenticeship": APPRENTICESHIP.get(apprentice),
                }
            )
            found = assistant.recommend(profile, top_k=10)
        except ValidationError as exc:
            return info_html(f"输入有误，请检查：{profile_error(exc)}")
        except Exception as exc:  # noqa: BLE001 - shown as a short Chinese message
            return error_html(exc)
        return recommend_result_html(found.to_dict())

    run.click(recommend, [majors, interests, level, locations, available_from, available_to, apprenticeship], result)
