"""Chinese numbers: one normaliser for clause numbering, quantities and verification.

Built on ``cn2an`` (Chinese numerals <-> Arabic, 万 / 亿 / decimals / 两 / 百分之), so
``补贴一万二千元`` and ``12000元`` compare equal, ``5万元`` is ``50000``, ``1.5万`` is
``15000``, ``百分之三十`` is ``30%``, ``两年`` is ``2``, ``一倍`` is ``1倍`` (not ``百分之二百``).

What is written by hand is only what ``cn2an`` leaves to its caller: *where* a quantity is in
running policy text (a numeral followed by a unit, a percentage, a multiple), and what is
not one (clause labels such as ``（一）``, references such as ``第十四条``).
"""

from __future__ import annotations

import re
import warnings
from decimal import Decimal, InvalidOperation

_CN_DIGIT = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGIT + "十百千万亿点"
# units a Chinese numeral must be followed by to count as a quantity (统一, 一些 are words)
_UNITS = "年月日天周个次名人元万亿倍成项所家条岁学课小时分期批届类种门级"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# a number as policy text writes it, Arabic or Chinese (3, 1.5, 十五, 二百): the numeral alternation the answer's slot
# shapes and the units of time match on
NUMERAL = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
_QUANTITY = re.compile(
    rf"(?P<pct>百分之(?P<pct_num>[{_CN_ALL}]+|{_ARABIC}))"
    rf"|(?P<ar>{_ARABIC})\s*(?P<ar_mag>[万亿]?)\s*(?P<ar_tail>[%％倍]?)"
    rf"|(?<![{_CN_ALL}])(?P<cn>[{_CN_ALL}]{{1,10}})(?=\s*(?:(?P<cn_tail>[{_UNITS}])|[至到~～\-—－]\s*[{_CN_ALL}\d]))"
)
_REFERENCE = re.compile(rf"第[{_CN_ALL}\d]+[条款项章节目编部]")
_LEADING_LABEL = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)|[一二三四五六七八九十]+、)")


def cn_to_int(text: str) -> int:
    """``十四`` -> 14, ``一百零一`` -> 101, ``14`` -> 14, ``两`` -> 2 (0 when not a number)."""
    value = parse_number(text)
    return int(value) if value is not None else 0


def int_to_cn(number: int) -> str:
    """14 -> ``十四``, 101 -> ``一百零一``, as law articles are numbered."""
    import cn2an

    return str(cn2an.an2cn(number, "low"))


def parse_number(text: str) -> Decimal | None:
    """A numeral in Arabic or Chinese digits, with 万 / 亿 (``1.5万`` -> 15000); None when it is none."""
    import cn2an

    text = text.strip().replace(",", "")
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = cn2an.cn2an(text, "smart")
        except (ValueError, KeyError, IndexError):
            return _digit_by_digit(text)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _digit_by_digit(text: str) -> Decimal | None:
    """二〇二〇 read digit by digit (years), which cn2an's smart mode may refuse."""
    if all(ch in _CN_DIGIT for ch in text):
        return Decimal(
            "".join(str("零一二三四五六七八九".find(ch.replace("〇", "零").replace("两", "二"))) for ch in text)
        )
    return None


def canonical(value: Decimal, suffix: str = "") -> str:
    """``Decimal('15000.0')`` -> ``15000``; ``Decimal('1.50')`` + ``%`` -> ``1.5%``."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + suffix


def quantities(text: str) -> set[str]:
    """Canonical quantities in ``text``: ``30%``, ``2020``, ``12000``, ``1倍`` ...

    Arabic and Chinese numerals compare equal (百分之三十 == 30%, 一万二千元 == 12000元,
    5万元 == 50000元, 两年 == 2年); a range gives both ends (2000-2600元 -> 2000, 2600).
    Clause labels at the start (（一）, 16.) and references (第十四条) are not quantities.
    """
    text = _LEADING_LABEL.sub("", text)
    text = _REFERENCE.sub(" ", text)
    out: set[str] = set()
    for match in _QUANTITY.finditer(text):
        value, suffix = _value_of(match)
        if value is not None:
            out.add(canonical(value, suffix))
    return out


def _value_of(match: re.Match[str]) -> tuple[Decimal | None, str]:
    if match.group("pct"):
        return parse_number(match.group("pct_num")), "%"
    if match.group("ar"):
        value = parse_number(match.group("ar") + match.group("ar_mag"))
        tail = match.group("ar_tail")
        return value, ("%" if tail in "%％" and tail else "倍" if tail == "倍" else "")
    cn = match.group("cn")
    if cn in {"点"} or cn.startswith("点"):
        return None, ""
    value = parse_number(cn)
    return value, ("倍" if match.group("cn_tail") == "倍" else "")


def normalize_numerals(text: str) -> str:
    """``text`` with its quantities in Arabic digits (for display and matching): 一万二千元 -> 12000元."""

    def repl(match: re.Match[str]) -> str:
        value, suffix = _value_of(match)
        if value is None:
            return match.group(0)
        return canonical(value, "" if match.group("cn") else suffix)

    return _QUANTITY.sub(repl, text)
