"""The Chinese ``problem`` of a request error, from pydantic's error type and context (one table).

A rule of our own (``value_error``) already speaks Chinese and is passed through; an error type
not listed here keeps pydantic's English message rather than losing it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

_PROBLEMS = {
    "missing": "必填",
    "extra_forbidden": "不认识的字段",
    "json_invalid": "不是有效的 JSON：{error}",
    "json_type": "应为 JSON",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
    "list_type": "应为数组（列表），不能是单个值",
    "string_type": "应为文字（字符串）",
    "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "格式不对",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "too_short": "至少 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "literal_error": "只能是 {expected}",
    "enum": "只能是 {expected}",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为日期（YYYY-MM-DD），不带时间",
    "date_past": "应为过去的日期",
    "date_future": "应为将来的日期",
}
# type errors name what was received: the client sees which value was wrong
_SHOW_INPUT = {"list_type", "string_type", "bool_type", "bool_parsing", "int_type", "int_parsing", "int_from_float"}
_SHOW_INPUT |= {"float_type", "float_parsing", "literal_error", "enum", "date_parsing", "date_type"}


def problem_text(error: Mapping[str, Any]) -> str:
    """``error`` is one item of ``ValidationError.errors()`` (``type``, ``msg``, ``ctx``, ``input``)."""
    kind = str(error.get("type", ""))
    message = str(error.get("msg", ""))
    if kind in {"value_error", "assertion_error"}:
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    template = _PROBLEMS.get(kind)
    if template is None:
        return message
    context = {key: _shown(key, value) for key, value in (error.get("ctx") or {}).items()}
    try:
        problem = template.format(**context)
    except (KeyError, IndexError):
        problem = template.split("{")[0].rstrip() or message
    if kind in _SHOW_INPUT and isinstance(error.get("input"), str | int | float | bool | list):
        problem += f"，收到 {_brief(error['input'])}"
    return problem


def _shown(key: str, value: Any) -> str:
    text = str(value)
    return text.replace(" or ", ", ") if key == "expected" else text


def _brief(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"
