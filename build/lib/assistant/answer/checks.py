"""What a question must be before it is answered: not empty, not too long, history bounded.

The messages are for the person asking (Chinese), and say how long is too long: a question is
never cut silently.
"""

from __future__ import annotations

import re

from assistant.errors import QueryError
from assistant.types import Turn

MAX_QUESTION_CHARS = 500
MAX_HISTORY_TURNS = 20
MAX_TURN_CHARS = 2000
_HAN = re.compile(r"[\u4e00-\u9fff]")


def check_input(question: str, history: list[Turn] | None) -> str:
    """The question, stripped; :class:`QueryError` (a Chinese message) when it cannot be asked."""
    question = (question or "").strip()
    if not question:
        raise QueryError("问题是空的，请输入要咨询的问题。(question is empty)", "question")
    if len(question) > MAX_QUESTION_CHARS:
        raise QueryError(
            f"问题有 {len(question)} 个字，超过了 {MAX_QUESTION_CHARS} 字的上限，请精简后再问。"
            f"(question is {len(question)} characters; at most {MAX_QUESTION_CHARS})",
            "question",
        )
    if history and len(history) > MAX_HISTORY_TURNS:
        raise QueryError(
            f"对话历史有 {len(history)} 轮，最多 {MAX_HISTORY_TURNS} 轮，请开始新对话。"
            f"(history has {len(history)} turns; at most {MAX_HISTORY_TURNS})",
            "history",
        )
    for turn in history or []:
        if len(turn.content) > MAX_TURN_CHARS:
            raise QueryError(
                f"对话历史中有一条消息 {len(turn.content)} 个字，最多 {MAX_TURN_CHARS} 字。"
                f"(a history turn is {len(turn.content)} characters; at most {MAX_TURN_CHARS})",
                "history",
            )
    return question


def lacks_chinese(question: str) -> bool:
    """A question with no Chinese at all (the documents and the models here are Chinese)."""
    return not _HAN.search(question)


NOT_CHINESE = "目前只能回答中文提问，请用中文描述你的问题，例如：“企业接收实习生要给学生买保险吗？”"
