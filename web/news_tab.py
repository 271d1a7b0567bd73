"""我的新消息: save a student or enterprise profile without an account, then see what is new since the last visit."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

import gradio as gr
from pydantic import ValidationError

from assistant.service import Assistant
from assistant.understand.profiles import EnterpriseProfile, StudentProfile, profile_error
from web.render import benefits_html, error_html, info_html, recommendations_html

KINDS = {"学生": "student", "企业": "enterprise"}


def build_news_tab(assistant: Assistant) -> None:
    gr.Markdown(
        "保存一次你的情况，会得到一个**资料密钥**（只显示一次，请复制保存）。以后凭密钥查看"
        "上次查看以来新发布的、适合你的岗位和专业（学生），或新出台、新修改的适用政策（企业）。无需注册账号。"
    )
    with gr.Accordion("保存我的资料", open=True):
        kind = gr.Radio(list(KINDS), value="学生", label="我是", elem_id="news-kind")
        with gr.Row():
            majors = gr.Textbox(label="专业（学生）", placeholder="例如：汽修、护理", elem_id="news-majors")
            places = gr.Textbox(
                label="愿意去的地点（学生，可选）", placeholder="例如：乌鲁木齐附近", elem_id="news-places"
            )
            time = gr.Textbox(label="可参加时间（学生，可选）", placeholder="例如：明年春天", elem_id="news-time")
        text = gr.Textbox(
            label="企业情况（企业）",
            placeholder="例如：我们是十二师的汽修企业，准备和职校搞学徒制",
            elem_id="news-text",
        )
        save = gr.Button("保存资料", variant="primary", elem_id="news-save")
        saved = gr.HTML(elem_id="news-saved")
        shown_key = gr.Textbox(
            label="资料密钥（只显示这一次，请复制保存）", interactive=False, buttons=["copy"], elem_id="news-new-key"
        )
    with gr.Accordion("看看有什么新的", open=True):
        key = gr.Textbox(label="资料密钥", type="password", placeholder="保存资料时得到的密钥", elem_id="news-key")
        look = gr.Button("查看新消息", variant="primary", elem_id="news-look")
        news = gr.HTML(elem_id="news-result")

    def save_profile(kind_: str, majors_: str, places_: str, time_: str, text_: str) -> tuple[str, str, str]:
        try:
            if KINDS.get(kind_) == "enterprise":
                data = EnterpriseProfile.model_validate({"text": text_ or ""}).model_dump(mode="json")
                _, new_key = assistant.platform.save_profile("enterprise", data)
            else:
                student = StudentProfile.model_validate(
                    {"majors": majors_ or "", "locations": places_ or "", "time": (time_ or "").strip()}
                )
                _, new_key = assistant.platform.save_profile("student", student.model_dump(mode="json"))
        except ValidationError as exc:
            return info_html(f"输入有误，请检查：{profile_error(exc)}"), "", ""
        except Exception as exc:  # noqa: BLE001 - shown as a short Chinese message
            return error_html(exc), "", ""
        done = "已保存。请复制下面的资料密钥，下次凭它查看新消息。"  # the id is inside the key
        done = f'<div class="note saved">{done}</div>'
        return done, new_key, new_key

    def whats_new(key_: str) -> str:
        try:
            found = assistant.profile_news((key_ or "").strip() or None)
        except Exception as exc:  # noqa: BLE001 - shown as a short Chinese message
            return error_html(exc)
        return news_html(found)

    save.click(save_profile, [kind, majors, places, time, text], [saved, shown_key, key])
    gr.on([look.click, key.submit], whats_new, [key], news)


def beijing_time(iso: str) -> str:
    """``2026-12-02T10:57:03+00:00`` -> ``2026-12-02 18:57`` (the time people here read)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso[:16].replace("T", " ")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")


def news_html(news: dict[str, Any]) -> str:
    """What appeared since the last visit: postings with reasons, benefits as a table, platform records."""
    since = beijing_time(str(news.get("since") or ""))
    head = f'<div class="summary">自 {escape(since)}（北京时间）以来，新出现 {int(news.get("count") or 0)} 条</div>'
    if not news.get("count"):
        return head + info_html("上次查看以来没有新的内容。有新的岗位、政策或合作信息发布后再来看看。")
    parts = [head]
    if news.get("postings"):
        parts.append(recommendations_html(news["postings"]))
    if news.get("benefits"):
        parts.append("<h4>新的适用政策</h4>" + benefits_html(news["benefits"]))
    if news.get("records"):
        items = "".join(
            f"<li><span class='tag'>{escape(str(r.get('kind_label', '')))}</span> {escape(str(r.get('title', '')))}"
            f" — {escape(str(r.get('org', '')))}（相关：{escape(str(r.get('why', '')))}）</li>"
            for r in news["records"]
        )
        parts.append(f"<h4>新的供需信息</h4><ul class='records'>{items}</ul>")
    return "".join(parts)
