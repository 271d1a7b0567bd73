"""Chinese for Gradio's own words: a small script put into the page's ``<head>``.

Gradio 6.31 picks its language from the browser (``navigator.language``, English when the
browser's language is not one it ships) and ``gr.I18n`` only adds words to that choice; a
browser set to English, or to plain ``zh``, shows Gradio's buttons in English. Many of its
labels (``Copy table data``, ``Fullscreen``, the code box's ``Copy`` and ``Download``) are not
translatable keys at all. So the page rewrites exactly the English strings listed in
``gradio_zh.json`` (text, tooltips, screen-reader labels), whatever the browser's language,
and keeps doing so as components render. Nothing else on the page is touched: an English
string that is not in the list stays as it is, so the browser test that looks for English
words finds it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TRANSLATIONS = Path(__file__).with_name("gradio_zh.json")
ATTRIBUTES = ("aria-label", "title", "placeholder", "data-title")
# what people wrote or documents say is never rewritten, even when it is one of the English words
CONTENT = (
    "textarea, input, script, style, td, th, .body-cell, .prose, .md, .cm-editor, .cites, .html-container, .main-svg"
)

SCRIPT = Path(__file__).with_name("gradio_zh.js")


@cache
def translations() -> tuple[dict[str, str], dict[str, str]]:
    """(exact English text -> Chinese, English label prefix -> Chinese prefix) from ``gradio_zh.json``."""
    data = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    return dict(data["text"]), dict(data["prefixes"])


def chinese_head() -> str:
    """The ``<script>`` that puts Gradio's own words into Chinese (for ``mount_gradio_app(head=...)``)."""
    words, prefixes = translations()
    return (
        "<script>\n"
        + SCRIPT.read_text(encoding="utf-8")
        .replace("__WORDS__", json.dumps(words, ensure_ascii=False))
        .replace("__PREFIXES__", json.dumps(prefixes, ensure_ascii=False))
        .replace("__ATTRS__", json.dumps(list(ATTRIBUTES)))
        .replace("__CONTENT__", json.dumps(CONTENT))
        + "</script>\n"
    )
