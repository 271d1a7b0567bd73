"""Turn the core's results into what the page shows: Markdown for chat bubbles, HTML for the rest.

Pure functions over the core's types and ``to_dict()`` shapes; every text that came from a
document or a user is HTML-escaped here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from pydantic import ValidationError

from assistant.answer.chat import SMALL_TALK
from assistant.answer.types import Answer, Citation
from assistant.errors import (
    AssistantError,
    AuthError,
    ConfigError,
    IngestError,
    LLMBusy,
    LLMUnavailable,
    QueryError,
    validation_message,
)

log = logging.getLogger(__name__)

NOT_GROUNDED = "未在现有政策资料中找到明确依据，以下内容仅供参考，请以相关部门答复为准。"

KIND_LABELS = {"policy": "政策文件", "program": "专业", "posting": "岗位", "faq": "常见问答"}
DOC_TYPE_LABELS = {
    "law": "法律",
    "regulation": "法规",
    "normative": "规范性文件",
    "local_plan": "地方规划方案",
    "digest": "政策摘编",
    "record": "数据记录",
}

STATUS_LABELS = {
    "added": "新增",
    "updated": "已更新",
    "unchanged": "未变化",
    "removed": "已移除",
    "failed": "失败",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def doc_type_label(doc_type: str) -> str:
    return DOC_TYPE_LABELS.get(doc_type, doc_type or "—")


# ---- errors ---------------------------------------------------------------------------------
def error_message(exc: BaseException) -> str:
    """A short Chinese message for the user; never a traceback (unexpected errors are logged)."""
    if isinstance(exc, AuthError):
        return "请先输入管理令牌。" if exc.status == 401 else "管理令牌不正确，无权进行此操作。"
    if isinstance(exc, ConfigError) and "ADMIN_TOKEN" in str(exc):
        return "服务器未配置可用的管理令牌（ASSISTANT_ADMIN_TOKEN），管理功能已关闭。"
    if isinstance(exc, LLMBusy):
        return f"当前提问的人较多，请约 {exc.retry_after} 秒后再试。"
    if isinstance(exc, LLMUnavailable):
        return "问答模型暂时不可用，请稍后再试或联系管理员。"
    if isinstance(exc, ValidationError):
        return f"输入有误，请检查：{validation_message(exc, whole='输入', sep='；')}"
    if isinstance(exc, QueryError):
        return f"输入有误，请检查：{chinese_part(str(exc))}"
    if isinstance(exc, IngestError):
        return f"文件无法导入：{chinese_part(str(exc))}"
    if isinstance(exc, AssistantError):
        return f"操作没有完成：{chinese_part(str(exc))}"
    log.exception("unexpected error in the web UI", exc_info=exc)
    return "系统出现意外错误，请稍后再试；如果一直出现，请联系管理员。"


_ENGLISH_NOTE = re.compile(r"\s*\([^()\u4e00-\u9fff]*[A-Za-z][^()\u4e00-\u9fff]*\)\s*$")


def chinese_part(message: str) -> str:
    """The core's messages are Chinese with an English note for logs at the end, ``…上限。(question is
    612 characters; at most 500)``: the page shows the Chinese."""
    shorter = _ENGLISH_NOTE.sub("", message)
    return shorter if re.search(r"[\u4e00-\u9fff]", shorter) else message


def error_html(exc: BaseException) -> str:
    return f'<div class="msg-error" role="alert">{escape(error_message(exc))}</div>'


def info_html(text: str) -> str:
    return f'<div class="msg-info">{escape(text)}</div>'


# ---- answers and citations ---------------------------------------------------------------------
ROUTE_LABELS = {
    "policy": "政策条款解答",
    "benefits": "惠企政策匹配",
    "opportunities": "实习、岗位与专业推荐",
    "platform": "信息平台查询",
}


def answer_markdown(answer: Answer) -> str:
    """The chat bubble: which capability answered, a notice when not grounded, the answer (as text:
    nothing in it is HTML) with its [n] marks. The footnotes themselves are shown once, under the
    chat (:func:`citations_html`), where each opens to its clause."""
    if answer.asked == SMALL_TALK:  # a greeting answered with what the assistant does: no label, no notice
        return escape(answer.answer.strip())
    parts: list[str] = [f"<small>{ROUTE_LABELS.get(answer.route, '')}</small>"] if answer.route else []
    if _unbacked(answer):
        parts.append(f"> **注意：{NOT_GROUNDED}**")
    parts.append(escape(_bubble_text(answer)) or "（没有生成回答）")
    if not answer.grounded and answer.refer_to:
        parts.append(f"建议咨询：**{escape(answer.refer_to)}**")
    return "\n\n".join(parts)


def _unbacked(answer: Answer) -> bool:
    """Not grounded, and saying something of the documents: a reply about the conversation itself
    ("上面只列出了1个机会，没有第9个") claims nothing a document must back, and a bare refusal ("现有资料中没有
    找到…", no quote) has nothing "以下" to take for reference, so no warning."""
    if answer.grounded or not answer.sentences:
        return not answer.grounded
    if all(s.source == "conversation" for s in answer.sentences):
        return False
    return bool(answer.citations) or any(s.source != "notice" for s in answer.sentences)


def _bubble_text(answer: Answer) -> str:
    """The answer's text; when the postings or benefits are shown as cards or a table under the chat,
    their listing lines are left out of the bubble (the same items twice made a phone page 4,000 px long)."""
    shown = (answer.route == "opportunities" and answer.opportunities) or (
        answer.route == "benefits" and answer.benefits
    )
    if not shown or not answer.sentences:
        return answer.answer.strip()
    listed = sum(s.source == "listing" for s in answer.sentences)
    if not listed:
        return answer.answer.strip()
    where = "下方卡片" if answer.route == "opportunities" else "下方表格"
    # said where the listing stood: a note after it (supports left out for the place) stays after it
    lines: list[str] = []
    said = False
    for sentence in answer.sentences:
        if sentence.source != "listing":
            lines.append(sentence.text)
        elif not said:
            lines.append(f"（共{listed}项，见{where}）")
            said = True
    return "\n".join(lines).strip()


def citations_html(answer: Answer | None) -> str:
    """Numbered footnotes under the answer; each opens to the full clause with its source."""
    if answer is None or answer.asked == SMALL_TALK:
        return ""
    head = f'<div class="cites" data-question="{escape(answer.question)}">'
    if _unbacked(answer):
        head += f'<div class="notice-ungrounded" role="note">注意：{escape(NOT_GROUNDED)}'
        if answer.refer_to:
            head += f"<br>建议咨询：<b>{escape(answer.refer_to)}</b>"
        head += "</div>"
    elif not answer.grounded and answer.refer_to:  # a bare refusal: who to ask, no reference warning
        head += f'<div class="notice-ungrounded" role="note">建议咨询：<b>{escape(answer.refer_to)}</b></div>'
    extra = ""
    if answer.route == "opportunities" and answer.opportunities:  # good fits, then the nearest under a heading
        fits = [o for o in answer.opportunities if o.get("fits", True)]
        nearest = [o for o in answer.opportunities if not o.get("fits", True)]
        extra = recommend_result_html({"items": fits, "nearest": nearest})
    elif answer.route == "benefits" and answer.benefits:
        extra = '<div class="cites-title">与贵单位相关的政策（条件与依据）</div>' + benefits_html(answer.benefits)
    if not answer.citations:
        return head + extra + "</div>"
    items = "".join(citation_html(c) for c in answer.citations)
    return f'{head}{extra}<div class="cites-title">最新回答的依据（点击查看条款原文）</div>{items}</div>'


def citation_html(citation: Citation) -> str:
    meta = [
        ("文件", f"《{citation.title}》"),
        ("文号", citation.doc_number),
        ("条款", citation.clause_path),
        ("日期", citation.date),
    ]
    rows = "".join(f"<div><b>{k}：</b>{escape(v)}</div>" for k, v in meta if v)
    if not citation.in_force:
        rows += "<div><b>效力：</b>已失效或被新规定替代</div>"
    text = escape(citation.text)
    if citation.quote and escape(citation.quote) in text:
        text = text.replace(escape(citation.quote), f"<mark>{escape(citation.quote)}</mark>", 1)
    return (
        f'<details class="cite" id="cite-{citation.n}"><summary>[{citation.n}] {escape(citation.label())}</summary>'
        f'<div class="cite-meta">{rows}</div><div class="cite-text">{text}</div></details>'
    )


# ---- policy matching ------------------------------------------------------------------------------
CATEGORY_LABELS = {
    "subsidy": "补贴",
    "tax_deduction": "税费抵免",
    "tax_exemption": "税费减免",
    "reward": "奖励",
    "priority_support": "优先支持",
    "financing": "金融支持",
    "land": "用地支持",
    "support": "支持政策",
    "insurance": "保险",
    "insurance_duty": "保险义务",
    "obligation": "应尽义务",
}
MATCH_STATUS = {"eligible": "符合条件", "check": "需进一步确认", "not_yet": "尚不满足"}


def _listing(values: Iterable[Any]) -> str:
    items = [escape(str(v)) for v in values if str(v).strip()]
    return "<br>".join(items) if items else "—"


def _source_html(citation: Mapping[str, Any] | None, verified: bool = True) -> str:
    if not citation:
        return "—"
    title = citation.get("title") or "依据文件"
    label = f"《{title}》{citation.get('clause_path', '')}" + ("" if verified else "（原文未收录）")
    # the same meta rows as a footnote (citation_html): 文号 / 日期, each once
    meta = [("文号", str(citation.get("doc_number") or "")), ("日期", str(citation.get("date") or ""))]
    rows = "".join(f"<div><b>{k}：</b>{escape(v)}</div>" for k, v in meta if v)
    return (
        f'<details class="cite"><summary>{escape(label)}</summary>'
        f'<div class="cite-meta">{rows}</div>'
        f'<div class="cite-text">{escape(str(citation.get("text") or "（该文件尚未导入，暂无原文）"))}</div>'
        "</details>"
    )


def benefits_html(benefits: Sequence[Mapping[str, Any]], warnings: Sequence[str] = ()) -> str:
    """The benefits (and duties) table of a policy match; warnings (e.g. sources not indexed) above it."""
    notes = "".join(f'<div class="note">{escape(w)}</div>' for w in warnings)
    if not benefits:
        return notes + info_html("没有找到与该企业情况对应的政策条款。可以补充企业类型或业务活动后再试。")
    rows = []
    for b in benefits:
        name = escape(str(b.get("name", "")))
        status = MATCH_STATUS.get(str(b.get("status", "")), "")
        if status:
            name += f'<br><span class="status status-{escape(str(b.get("status")))}">{status}</span>'
        if b.get("automatic"):
            name += '<br><span class="tag">自动识别</span>'
        # each line only when it lists something: an empty 尚缺 in red read as a missing condition
        met, missing = b.get("conditions_met") or [], b.get("conditions_missing") or []
        unknown = b.get("conditions_unknown") or []
        conditions = (
            "".join(
                f'<div class="{css}">{label}：{_listing(values)}</div>'
                for css, label, values in (
                    ("met", "已满足", met),
                    ("missing", "尚缺", missing),
                    ("unknown", "待确认", unknown),
                )
                if values
            )
            or "—"
        )
        category = CATEGORY_LABELS.get(str(b.get("category")), str(b.get("category", "")))
        rows.append(
            "<tr>"  # data-label: on a phone each row reads as a card, every cell with its column's name
            f'<td data-label="政策/义务">{name}</td>'
            f'<td data-label="类别">{escape(category)}</td>'
            f'<td data-label="金额或比例">{escape(str(b.get("amount") or "—"))}</td>'
            f'<td data-label="条件">{conditions}</td>'
            f'<td data-label="牵头单位">{escape(str(b.get("lead_unit") or "—"))}</td>'
            f'<td data-label="依据条款">{_source_html(b.get("citation"), bool(b.get("verified", True)))}</td>'
            "</tr>"
        )
    header = "".join(f"<th>{h}</th>" for h in ("政策/义务", "类别", "金额或比例", "条件", "牵头单位", "依据条款"))
    return notes + (
        f'<div class="table-scroll"><table class="result-table benefits"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# ---- opportunities ---------------------------------------------------------------------------------
def opportunity_card(item: Mapping[str, Any], reasons: Sequence[str] = ()) -> str:
    kind = escape(str(item.get("kind", "")))
    # a program is offered by its school; its enterprises are partners (the chat's line says the same)
    program = item.get("record_type") == "program" and bool(item.get("school"))
    org = item.get("school") if program else item.get("enterprise") or item.get("school")
    facts = [
        ("单位", org or ""),
        ("合作企业", item.get("enterprise", "") if program else ""),
        ("地点", item.get("location", "")),
        ("对口专业", "、".join(item.get("majors") or [])),
        ("层次", item.get("level", "")),
        ("待遇", item.get("pay", "")),
        ("学费", item.get("tuition", "")),  # what attending costs, what a fee question asks
        ("时间", " 至 ".join(x for x in (item.get("start"), item.get("end")) if x)),
        ("学制", item.get("duration", "")),  # how long a program runs, what "要读几年" asks
        ("可获证书", item.get("certificates", "")),  # what "能考什么证" asks
    ]
    rows = "".join(f"<div><b>{k}：</b>{escape(str(v))}</div>" for k, v in facts if v)
    if item.get("requirements"):  # a posting's 岗位要求 (what "要求高吗" asks), its own words kept as written (PLC)
        rows += f'<div><b>要求：</b><span class="quoted">{escape(str(item["requirements"]))}</span></div>'
    if item.get("contact"):  # an e-mail or web address is the record's data, kept as written
        rows += f'<div><b>联系方式：</b><span class="contact">{escape(str(item["contact"]))}</span></div>'

    deadline = item.get("deadline") or ""
    deadline_html = (
        f'<div class="deadline">报名截止：{escape(str(deadline))}</div>'
        if deadline
        else '<div class="deadline">长期有效</div>'
    )
    reasons_html = ""
    if reasons:
        reasons_html = '<ul class="reasons">' + "".join(f"<li>{escape(r)}</li>" for r in reasons) + "</ul>"
    expired = '<span class="expired-tag">已截止</span> ' if item.get("expired") else ""
    return (
        f'<div class="card"><div class="card-title">{expired}<span class="tag">{kind}</span> '
        f"{escape(str(item.get('title', '')))}</div>{rows}{deadline_html}{reasons_html}</div>"
    )


def opportunities_html(
    items: Sequence[Mapping[str, Any]], hidden_expired: int = 0, note: str = "", suggestions: Sequence[str] = ()
) -> str:
    if note and not items:
        tip = f"可以试试：{'、'.join(suggestions)}，或换个说法、放宽筛选条件。" if suggestions else "可以换个说法。"
        return info_html(f"{note}。{tip}")
    summary = f"找到 {len(items)} 条"
    if hidden_expired:
        summary += f"；另有 {hidden_expired} 条已过报名截止日期，未显示（可勾选“包含已过期”查看）"
    if not items:
        return info_html(summary + "。可以换个说法或放宽筛选条件。")
    cards = "".join(opportunity_card(item) for item in items)
    return f'<div class="summary">{escape(summary)}</div><div class="cards">{cards}</div>'


def recommendations_html(recommendations: Sequence[Mapping[str, Any]]) -> str:
    """Recommendation dicts: the item's fields (flat or under ``item``) plus ``reasons``."""
    if not recommendations:
        return info_html("暂时没有符合条件的岗位或专业。可以放宽地点、时间或专业后再试。")
    cards = []
    for rec in recommendations:
        item = rec.get("item", rec)
        reasons = [_reason_text(r) for r in rec.get("reasons", [])]
        cards.append(opportunity_card(item, reasons))
    return f'<div class="summary">为你推荐 {len(cards)} 条</div><div class="cards">{"".join(cards)}</div>'


def recommend_result_html(result: Mapping[str, Any]) -> str:
    """A recommendation result: the good fits, a note when few fit, then the nearest under their own heading."""
    items, nearest, note = result.get("items") or [], result.get("nearest") or [], str(result.get("note") or "")
    if not items and not nearest:
        return info_html(note or "暂时没有符合条件的岗位或专业。可以放宽地点、时间或专业后再试。")
    parts = [recommendations_html(items)] if items else []
    if note:
        parts.append(f'<div class="note">{escape(note)}</div>')
    if nearest:
        cards = "".join(opportunity_card(rec, [_reason_text(r) for r in rec.get("reasons", [])]) for rec in nearest)
        parts.append(
            f'<h4 class="nearest">最接近的机会（不完全符合，共 {len(nearest)} 条）</h4><div class="cards">{cards}</div>'
        )
    return "".join(parts)


def _reason_text(reason: Any) -> str:
    """``地点：昌吉市，不在意向范围（+0）``: the signed text when the reason carries one."""
    if isinstance(reason, Mapping):
        if reason.get("text"):
            return str(reason["text"])
        return "：".join(str(reason[k]) for k in ("reason", "detail") if reason.get(k))
    return str(reason)


# ---- admin ------------------------------------------------------------------------------------------
def ingest_rows(results: Iterable[Any]) -> list[list[Any]]:
    """Per-file ingestion results as table rows: 文件, 结果, 文档, 条数, 说明."""
    rows = []
    for r in results:
        note = r.error.removeprefix(f"{r.path}: ") or ("；".join(r.row_errors[:3]) if r.row_errors else "")
        rows.append([r.path.rsplit("/", 1)[-1], STATUS_LABELS.get(r.status, r.status), r.doc_id, r.chunks, note])
    return rows
