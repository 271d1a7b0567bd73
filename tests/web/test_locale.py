"""The page's Chinese for Gradio's own words, and the question box's notices (no browser)."""

from __future__ import annotations

import re

from assistant.answer.checks import MAX_QUESTION_CHARS
from web.locale import chinese_head, translations
from web.question_box import count_html, count_js, too_long
from web.render import chinese_part

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_gradio_word_has_chinese_and_the_script_is_filled_in() -> None:
    words, prefixes = translations()
    assert words["Copy message"] == "复制" and words["Fullscreen"] == "全屏"
    for english, chinese in {**words, **prefixes}.items():
        assert HAN.search(chinese), f"{english!r} -> {chinese!r} is not Chinese"
    head = chinese_head()
    assert head.startswith("<script>") and head.rstrip().endswith("</script>")
    assert "__WORDS__" not in head and "__CONTENT__" not in head and '"Copy table data": "复制表格"' in head


def test_counter_and_the_refusal_name_the_length_and_the_limit() -> None:
    assert count_html(12) == f'<div class="question-count"><span class="count">12/{MAX_QUESTION_CHARS}</span></div>'
    over = count_html(MAX_QUESTION_CHARS + 20)
    assert "count-over" in over and f"问题有 {MAX_QUESTION_CHARS + 20} 个字" in over and "没有被截断" in over
    assert too_long("字" * MAX_QUESTION_CHARS) == ""
    assert f"超过了 {MAX_QUESTION_CHARS} 字的上限" in too_long("字" * (MAX_QUESTION_CHARS + 1))
    assert too_long("  " + "字" * MAX_QUESTION_CHARS + "  ") == ""  # counted as the core counts: stripped
    js = count_js()
    assert js.startswith("(q) =>") and f"const max = {MAX_QUESTION_CHARS};" in js and "${n}" in js


def test_the_cores_english_note_for_logs_is_left_off() -> None:
    message = "问题有 612 个字，超过了 500 字的上限，请精简后再问。(question is 612 characters; at most 500)"
    assert chinese_part(message) == "问题有 612 个字，超过了 500 字的上限，请精简后再问。"
    assert chinese_part("《职业教育法》（2022年修订）") == "《职业教育法》（2022年修订）"
    assert chinese_part("no Chinese at all (x)") == "no Chinese at all (x)"
