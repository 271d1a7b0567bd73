"""The question box's notices: how many characters of the limit are used, and why a send waits
(an answer on its way, or too many questions from one client in a minute).

The limit is the core's (:data:`assistant.answer.checks.MAX_QUESTION_CHARS`); the page counts
as the core does (characters of the stripped text), in the browser as the person types, and
the handler checks again. A longer question is refused with its length, never cut.
"""

from __future__ import annotations

import math
from html import escape
from typing import Protocol

from assistant.answer.checks import MAX_QUESTION_CHARS
from assistant.api.ratelimit import Buckets

TOO_LONG = "问题有 {n} 个字，超过了 {max} 字的上限，请精简后再发送（问题仍在输入框中，没有被截断）。"
BUSY = (
    '<div class="msg-info" role="status">上一个问题还在回答中，请等回答完成后再发送；你刚输入的问题仍在输入框中。</div>'
)

TOO_OFTEN = "提问过于频繁，请 {seconds} 秒后再发送（问题仍在输入框中）。"


class _Client(Protocol):
    host: str


class _Request(Protocol):
    @property
    def client(self) -> _Client | None: ...


class AskLimit:
    """The API's ``ask`` rule for the chat tab: the questions one client (its host) may send per minute
    (0: no limit). The UI's events go through Gradio's queue, which the API's middleware never sees."""

    def __init__(self, per_minute: int) -> None:
        self.buckets = Buckets(per_minute) if per_minute > 0 else None

    def refusal(self, request: _Request) -> str:
        """The notice for a send over the limit (empty when it may go): how long to wait."""
        if self.buckets is None:
            return ""
        wait = self.buckets.take(request.client.host if request.client else "?")
        if wait <= 0:
            return ""
        text = TOO_OFTEN.format(seconds=max(1, math.ceil(wait)))
        return f'<div class="msg-info" role="status">{escape(text)}</div>'


def count_html(n: int) -> str:
    """``123/500`` under the box; past the limit in red, with the reason."""
    over = n > MAX_QUESTION_CHARS
    count = f'<span class="{"count-over" if over else "count"}">{n}/{MAX_QUESTION_CHARS}</span>'
    return f'<div class="question-count">{count}</div>' + (too_long_html(n) if over else "")


def too_long_html(n: int) -> str:
    return f'<div class="msg-error" role="alert">{escape(TOO_LONG.format(n=n, max=MAX_QUESTION_CHARS))}</div>'


def too_long(question: str) -> str:
    """The refusal for a question over the limit (empty when it fits)."""
    n = len(question.strip())
    return too_long_html(n) if n > MAX_QUESTION_CHARS else ""


def count_js() -> str:
    """:func:`count_html` in the browser (no round trip per key), for ``question.change(js=...)``."""
    over = too_long_html(10**9).replace(str(10**9), "${n}")
    return (
        "(q) => { const n = [...(q || '').trim()].length; const max = " + str(MAX_QUESTION_CHARS) + ";"
        " const count = `<div class=\"question-count\"><span class=\"${n > max ? 'count-over' : 'count'}\">"
        "${n}/${max}</span></div>`;"
        " return n > max ? count + `" + over + "` : count; }"
    )
