"""Query and text normalisation: full-width -> half-width, traditional -> simplified, spaces.

Article numbers written with digits (第14条) are also given in Chinese numerals (第十四条)
so either form finds the clause.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_ARTICLE_DIGITS = re.compile(r"第\s*(\d{1,4})\s*([条章节项])")


def normalize_text(text: str) -> str:
    """NFKC (full-width letters/digits to ASCII), simplified Chinese, lower case, single spaces."""
    import zhconv

    text = unicodedata.normalize("NFKC", text)
    text = zhconv.convert(text, "zh-cn")
    return _SPACES.sub(" ", text).strip().lower()


def normalize_query(query: str) -> str:
    """A query ready for retrieval: normalised, with digit article numbers spelled in Chinese."""
    from assistant.text.numbers import int_to_cn

    text = normalize_text(query)
    return _ARTICLE_DIGITS.sub(lambda m: f"第{int_to_cn(int(m.group(1)))}{m.group(2)}", text)
