"""Answerability: may the chosen evidence be given as the answer, or must we say the
documents do not answer?

Small models refuse when the answer is in context and answer when it is not; the checks
here are about the question and the evidence only:

- **scope**: a question about the division (十二师 ...) is not answered from another
  city's regulation unless it names that city;
- **asked quantity**: a question asking 多少 / 百分之几 / 哪一天 / 几点 / 电话 needs a
  quantity of that kind in the evidence;
- **asked year**: a year named in the question (2026年) must occur in the evidence;
- **topic coverage**: the question's rare topic words must mostly occur in the evidence;
(With an LLM, the answerer adds one 是/否 judgement on the chosen sentences.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.evidence import Candidate, QuestionTerms, says_quantity
from assistant.places import scope_of
from assistant.text.numbers import quantities

_ASK_MONEY = re.compile(
    r"多少(?:钱|元|万|块)|几(?:万|千|百)?元|(?:金额|标准|费用?|工资|补贴|奖励|保费|薪)[^，。？]{0,6}(?:多少|几)"
    r"|多少[^，。？]{0,4}(?:费|钱|工资|补贴|奖金)"
)
_ASK_PERCENT = re.compile(r"百分之几|多少比例|比例是多少|比例[^，。？]{0,4}多少|几成|百分比|多少个?百分点")
_ASK_DATE = re.compile(r"哪一?天|几月几[日号]|什么时候|何时|截止|日期|哪一?年")
_ASK_TIME = re.compile(r"几点|几时")
_ASK_PHONE = re.compile(r"电话|手机|联系方式|热线")
_ASK_NUMBER = re.compile(r"多少|(?<![哪好])几[个年月天次名人家所项条岁倍周]|多长|多久|最低|最高|不少于|不超过")
_ASK_RATE = re.compile(r"按多少|怎么算|如何计算|标准|比例")
# a question asking for the named items of something (哪几家企业, 哪些具体证书, 名单)
_ASK_NAMED = re.compile(
    r"(?:哪几家|哪几个|哪些具体的?|具体(?:有)?哪些)(?P<noun>[\u4e00-\u9fff]{1,4}?)(?:[？?，。]|已|被|是|$)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_MONEY = re.compile(r"\d[\d.,]*\s*(?:元|万元|亿元|块)|[一二三四五六七八九十百千万两]+(?:元|万元|亿元)")
_PERCENT = re.compile(r"%|百分之|成(?![立本绩为])")
_DATE = re.compile(r"\d{1,2}\s*月|[一二三四五六七八九十]+月|\d{4}\s*年|年底|年内|以前|之前|前完成")
_TIME = re.compile(r"\d{1,2}\s*[:：点时]")
_PHONE = re.compile(r"\d{3,4}-?\d{7,8}|1\d{10}")


@dataclass(frozen=True)
class GateResult:
    answerable: bool
    reason: str = ""  # why not, in words a user may read


def asks_quantity(question: str) -> bool:
    return bool(
        _ASK_MONEY.search(question)
        or _ASK_PERCENT.search(question)
        or _ASK_NUMBER.search(question)
        or _ASK_TIME.search(question)
    )


_ASKED_UNIT = re.compile(r"(?:多少|几)(?:个)?(年|月|天|日|人|名|次|倍|小时|周)")


def asked_unit(question: str) -> str:
    """The unit a 多少/几 question asks in (多少年 -> 年), '' when none."""
    match = _ASKED_UNIT.search(question)
    return match.group(1) if match else ""


def lists_items(text: str, noun: str) -> bool:
    """``text`` names several items of ``noun``: "A、B、C等5个专业", "甲企业、乙企业"."""
    word = re.escape(noun[-2:])
    return bool(
        re.search(rf"、[^。；，,]*?等[\d一二三四五六七八九十]*[个家项所种类批]?{word}", text)
        or re.search(rf"{word}、[^。；]*?{word}", text)
    )


def about_division(question: str) -> bool:
    return scope_of(question).division


def check(
    question: str,
    terms: QuestionTerms,
    chosen: list[Candidate],
    min_coverage: float = 0.5,
    min_overlap_unknown: float = 0.8,
) -> GateResult:
    """Whether ``chosen`` answers ``question`` (see the module docstring)."""
    if not chosen or not terms.weights:
        return GateResult(False, "没有检索到相关条款")
    topic_words = [t for t in terms.weights if len(t) >= 2 and not any(t != o and t in o for o in terms.weights)]
    if len(terms.unknown) > len(topic_words) and max(c.overlap for c in chosen) < min_overlap_unknown:
        # most of what the question is about appears in no indexed text (火星, 房价 ...)
        return GateResult(False, f"资料中没有提到“{'、'.join(terms.unknown)}”")
    text = "".join(c.text for c in chosen)
    clause_text = "".join(c.hit.text + str(c.hit.metadata.get("heading", "")) for c in chosen)
    if _ASK_PHONE.search(question) and not _PHONE.search(text):
        return GateResult(False, "资料中没有联系电话")
    rate_ok = _ASK_RATE.search(question) and (_PERCENT.search(text) or "倍" in text)
    if _ASK_MONEY.search(question) and not (_MONEY.search(text) or rate_ok):
        return GateResult(False, "资料中没有具体金额")
    if _ASK_PERCENT.search(question) and not _PERCENT.search(text):
        return GateResult(False, "资料中没有具体比例")
    if _ASK_TIME.search(question) and not _TIME.search(text):
        return GateResult(False, "资料中没有具体时间")
    if _ASK_DATE.search(question) and not _DATE.search(clause_text):
        return GateResult(False, "资料中没有具体日期")
    if _ASK_NUMBER.search(question) and not quantities(text):
        return GateResult(False, "资料中没有具体数字")
    unit = asked_unit(question)
    if unit and not says_quantity(text, unit):
        return GateResult(False, f"资料中没有以“{unit}”计的具体数字")
    named = _ASK_NAMED.search(question)
    if named and not lists_items(text, named.group("noun")):
        return GateResult(False, f"资料中没有具体的{named.group('noun')}名单")
    for year in _YEAR.findall(question):
        if year not in clause_text:
            return GateResult(False, f"资料中没有{year}年的相关内容")
    salient = terms.salient()
    if salient:
        found = {t for c in chosen for t in c.matched}
        heading_or_clause = {t for t in salient if t in clause_text}
        weight = sum(terms.weights[t] for t in salient)
        covered = sum(terms.weights[t] for t in salient if t in found or t in heading_or_clause)
        if covered / weight < min_coverage:
            missing = "、".join(t for t in salient if t not in found and t not in heading_or_clause)
            return GateResult(False, f"资料中没有提到“{missing}”")
    return GateResult(True)
