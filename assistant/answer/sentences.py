"""Sentences and quantities of Chinese policy text.

Answers are built from whole source sentences, and verification compares the
quantities (numbers, percentages, years, amounts, durations) of an answer sentence with
those of the clauses it cites, so both live here.
"""

from __future__ import annotations

import re

from assistant.ingest.clauses import cn_to_int

# A sentence ends at 。！？； or a line break; closing quotes / brackets stay with it.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*|(?=\n)|$)")
_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
_QUANTITY = re.compile(
    rf"(?:百分之[{_CN_NUM}点]+|\d+(?:[.,]\d+)*\s*%?|(?<![{_CN_NUM}])[{_CN_NUM}]{{1,6}}(?=[年月日天周个次名人元万亿倍成项所家条岁学课小时分]))"
)
_REFERENCE = re.compile(rf"第[{_CN_NUM}\d]+[条款项章节目]")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` with their end punctuation, blank ones dropped."""
    out = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if sentence and re.search(r"[\w\u4e00-\u9fff]", sentence):
            out.append(sentence)
    return out


def _cn_value(text: str) -> str:
    """Chinese numerals as digits: 三十 -> 30, 二〇二〇 -> 2020, 百分之三十 -> 30%."""
    percent = text.startswith("百分之")
    body = text[3:] if percent else text
    if "点" in body:
        whole, _, frac = body.partition("点")
        value = f"{cn_to_int(whole) if whole else 0}.{''.join(str(_DIGITS.get(c, '')) for c in frac)}"
    elif body and all(c in _DIGITS for c in body) and len(body) > 1:  # 二〇二〇: digit by digit
        value = "".join(str(_DIGITS[c]) for c in body)
    else:
        value = str(cn_to_int(body.replace("两", "二")))
    return value + ("%" if percent else "")


def quantities(text: str) -> set[str]:
    """Canonical quantities in ``text``: ``30%``, ``2020``, ``6``, ``1.5%`` ...

    Arabic and Chinese numerals compare equal (百分之三十 == 30%). Clause labels such as
    ``（一）`` or ``16.`` at the start of a sentence are structure, not quantities.
    """
    text = re.sub(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)|[一二三四五六七八九十]+、)", "", text)
    text = _REFERENCE.sub("", text)  # 第十四条, 第二款: references, not quantities
    out = set()
    for match in _QUANTITY.finditer(text):
        token = match.group(0).replace(" ", "").replace(",", "")
        if re.match(rf"[{_CN_NUM}]|百分之", token):
            value = _cn_value(token)
        else:
            value = token
        if value.endswith("%"):
            out.add(value.rstrip("%").rstrip("0").rstrip(".") + "%" if "." in value else value)
        else:
            out.add(value.rstrip("0").rstrip(".") if "." in value else value)
    return out
