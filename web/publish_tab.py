"""发布 (enterprise and school accounts) and 审核 (staff): log in, submit a record, see its status; review.

Every callback authenticates the token again through the facade (``Assistant.platform``): a hidden
panel is not a permission. The handlers are plain functions so tests call them as the page does.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

import gradio as gr
import yaml

from assistant.errors import AssistantError
from assistant.platform.records import PlatformKind
from assistant.platform.store import Submission
from assistant.service import Assistant

KIND_CHOICES = [(k.label, k.value) for k in PlatformKind]
MINE_HEADERS = ["编号", "类型", "标题", "状态", "退回原因", "更新时间"]
QUEUE_HEADERS = ["编号", "类型", "提交账号", "标题", "提交时间", "内容"]
AUDIT_HEADERS = ["时间", "账号", "操作", "记录", "内容"]
ACTION_LABELS = {
    "submit": "提交",
    "edit": "修改",
    "withdraw": "撤回",
    "approve": "通过",
    "return": "退回",
    "login": "登录",
    "account.add": "创建账号",
}
EXAMPLE = """# 人才需求示例（YAML 或 JSON；冒号前是字段名，照写即可，冒号后填内容）
# 不填 id 由系统生成；填本账号已提交记录的 id 即为修改；单位名称自动取本账号
majors: 护理        # 专业（多个用顿号分隔）
occupation: 护士    # 职业或工种（与专业至少填一项）
headcount: 20       # 需求人数
level: 高职         # 学历层次：中职 / 高职 / 职业本科 / 不限
location: 昌吉市    # 工作地点
year: 2026          # 年度
"""


def _error(exc: BaseException) -> str:
    text = str(exc) if isinstance(exc, AssistantError) else "操作失败，请稍后再试。"
    return f'<div class="msg-error" role="alert">{escape(text)}</div>'


def _info(text: str) -> str:
    return f'<div class="msg-info">{escape(text)}</div>'


def _title(sub: Submission) -> str:
    data = sub.data
    return str(data.get("title") or data.get("occupation") or data.get("program") or "、".join(data.get("majors", [])))


def _label(kind: str) -> str:
    return PlatformKind(kind).label


def login_account(assistant: Assistant, username: str, password: str) -> tuple[str, str]:
    """(token, message): the token goes into the page's state, never into a visible field."""
    try:
        account, token = assistant.platform.login(username.strip(), password)
    except AssistantError as exc:
        return "", _error(exc)
    return token, _info(f"已登录：{account.org}（{account.username}）")


def submit_record(assistant: Assistant, token: str, kind: str, text: str) -> str:
    try:
        account = assistant.platform.authenticate(token)
        data = yaml.safe_load(text or "") if not text.strip().startswith("{") else json.loads(text)
        if not isinstance(data, dict):
            return _error(AssistantError("请按“字段: 值”的格式填写一条记录"))
        sub = assistant.platform.save(account, kind, data)
    except (AssistantError, yaml.YAMLError, ValueError) as exc:
        return _error(exc if isinstance(exc, AssistantError) else AssistantError(f"格式有误：{exc}"))
    return _info(f"已提交 {sub.id}（{_label(sub.kind)}），状态：{sub.status.value}。审核通过后即可被检索和匹配。")


def withdraw_record(assistant: Assistant, token: str, record_id: str) -> str:
    try:
        sub = assistant.platform.withdraw(assistant.platform.authenticate(token), record_id.strip())
    except AssistantError as exc:
        return _error(exc)
    return _info(f"{sub.id} 已撤回，不再公开")


def my_rows(assistant: Assistant, token: str) -> list[list[Any]]:
    try:
        account = assistant.platform.authenticate(token)
    except AssistantError:
        return []
    return [
        [s.id, _label(s.kind), _title(s), s.status.value, s.reason, s.updated]
        for s in reversed(assistant.platform.mine(account))
    ]


def queue_rows(assistant: Assistant, token: str) -> tuple[list[list[Any]], str]:
    try:
        queue = assistant.platform.queue(assistant.platform.authenticate(token))
    except AssistantError as exc:
        return [], _error(exc)
    rows = [
        [s.id, _label(s.kind), s.owner, _title(s), s.created, json.dumps(s.data, ensure_ascii=False)] for s in queue
    ]
    return rows, _info(f"待审核 {len(rows)} 条")


def review_record(assistant: Assistant, token: str, record_id: str, approve: bool, reason: str = "") -> str:
    try:
        account = assistant.platform.authenticate(token)
        if approve:
            sub = assistant.platform.approve(account, record_id.strip())
        else:
            sub = assistant.platform.send_back(account, record_id.strip(), reason)
    except AssistantError as exc:
        return _error(exc)
    return _info(f"{sub.id} 已{'发布' if approve else '退回'}")


def audit_rows(assistant: Assistant, token: str) -> list[list[Any]]:
    try:
        entries = assistant.platform.audit(assistant.platform.authenticate(token), limit=200)
    except AssistantError:
        return []
    return [
        [
            e.at,
            e.actor,
            ACTION_LABELS.get(e.action, e.action),
            e.record_id,
            json.dumps(e.detail, ensure_ascii=False)[:300],
        ]
        for e in entries
    ]


def _login_row(assistant: Assistant, prefix: str) -> tuple[gr.State, gr.HTML]:
    token = gr.State("")
    with gr.Row():
        username = gr.Textbox(label="账号", scale=2, elem_id=f"{prefix}-username")
        password = gr.Textbox(label="密码", type="password", scale=2, elem_id=f"{prefix}-password")
        login = gr.Button("登录", scale=1, elem_id=f"{prefix}-login")
    status = gr.HTML(elem_id=f"{prefix}-status")
    login.click(lambda u, p: login_account(assistant, u, p), [username, password], [token, status])
    return token, status


def build_publish_tab(assistant: Assistant) -> None:
    gr.Markdown(
        "企业和学校账号在这里发布人才需求、技术需求、合作资源、合作项目和毕业生情况；提交后由工作人员审核，通过后公开。"
    )
    token, _ = _login_row(assistant, "publish")
    with gr.Row():
        kind = gr.Dropdown(
            label="记录类型",
            choices=KIND_CHOICES,
            value=PlatformKind.talent_demand.value,
            scale=1,
            elem_id="publish-kind",
        )
        text = gr.Code(value=EXAMPLE, language="yaml", label="记录内容（YAML 或 JSON）", elem_id="publish-text")
    submit = gr.Button("提交审核", variant="primary", elem_id="publish-submit")
    result = gr.HTML(elem_id="publish-result")
    gr.Markdown("### 我的记录")
    refresh = gr.Button("刷新", elem_id="publish-refresh")
    mine = gr.Dataframe(headers=MINE_HEADERS, interactive=False, wrap=True, elem_id="publish-mine")
    with gr.Row():
        withdraw_id = gr.Textbox(label="要撤回的记录编号", scale=3, elem_id="publish-withdraw-id")
        withdraw = gr.Button("撤回", variant="stop", scale=1, elem_id="publish-withdraw")
    withdraw_result = gr.HTML(elem_id="publish-withdraw-result")
    withdraw.click(lambda t, i: withdraw_record(assistant, t, i), [token, withdraw_id], withdraw_result).then(
        lambda t: my_rows(assistant, t), token, mine
    )
    submit.click(lambda t, k, x: submit_record(assistant, t, k, x), [token, kind, text], result).then(
        lambda t: my_rows(assistant, t), token, mine
    )
    refresh.click(lambda t: my_rows(assistant, t), token, mine)


def build_review_tab(assistant: Assistant) -> None:
    gr.Markdown(
        "工作人员账号审核企业和学校提交的记录：通过后公开，退回时须写明原因（记录保留，提交方修改后可再次提交）。"
    )
    token, _ = _login_row(assistant, "review")
    load = gr.Button("查看待审核", elem_id="review-load")
    note = gr.HTML(elem_id="review-note")
    queue = gr.Dataframe(headers=QUEUE_HEADERS, interactive=False, wrap=True, elem_id="review-queue")
    with gr.Row():
        record_id = gr.Textbox(label="记录编号", scale=2, elem_id="review-id")
        reason = gr.Textbox(label="退回原因", scale=3, elem_id="review-reason")
        approve = gr.Button("通过", variant="primary", scale=1, elem_id="review-approve")
        send_back = gr.Button("退回", variant="stop", scale=1, elem_id="review-return")
    result = gr.HTML(elem_id="review-result")
    gr.Markdown("### 操作日志")
    audit = gr.Dataframe(headers=AUDIT_HEADERS, interactive=False, wrap=True, elem_id="review-audit")
    load.click(lambda t: queue_rows(assistant, t), token, [queue, note]).then(
        lambda t: audit_rows(assistant, t), token, audit
    )
    approve.click(lambda t, i: review_record(assistant, t, i, True), [token, record_id], result).then(
        lambda t: queue_rows(assistant, t), token, [queue, note]
    )
    send_back.click(lambda t, i, r: review_record(assistant, t, i, False, r), [token, record_id, reason], result).then(
        lambda t: queue_rows(assistant, t), token, [queue, note]
    )
