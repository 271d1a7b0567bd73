"""Sentences of Chinese text: the one splitter used by chunking, evidence, matching and streaming.

A sentence ends at 。！？；!?; (closing quotes and brackets stay with it) or at a line break.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;\n]+")
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
_FAQ_QUESTION = re.compile(r"^问[：:]")
_FAQ_ANSWER = re.compile(r"^答[：:]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every sentence of ``text``; together they hold every non-blank character."""
    return [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` with their end punctuation, stripped; pieces without a word dropped."""
    out = []
    for start, end in sentence_spans(text):
        sentence = text[start:end].strip()
        if _WORD.search(sentence):
            out.append(sentence)
    return out


def faq_question_sentences(sentences: list[str]) -> list[bool]:
    """Which sentences belong to an FAQ's question: from one opening 问： up to the one opening 答：
    ("问：需要签劳动合同吗？试用期最长多久？" is two sentences, both asked, neither an answer)."""
    out, asking = [], False
    for sentence in sentences:
        if _FAQ_QUESTION.match(sentence):
            asking = True
        elif _FAQ_ANSWER.match(sentence):
            asking = False
        out.append(asking)
    return out
