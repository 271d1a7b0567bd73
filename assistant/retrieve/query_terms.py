"""The words a question is matched on lexically (BM25 and the evidence stage's sentence overlap).

jieba's search tokens of the question, less two kinds of token that name no topic:

- the unit a question asks a number of (几个小时: the kind of value asked, text/units.py);
- a small number the person states in digits (我家孩子15岁, 17了, 8个钟头, 500块): a quantity of their
  situation, which verification compares, not a topic. Matched as a word it finds the clause
  *labels* of the same number ("15.实施产教融合发展工程", "17.强化金融支持": the plan numbers its
  tasks 1-20) and answers a parent's question about a 15-year-old with a financing task.
  A number stays a word when it is a reference (第13项: ``find_clause_refs`` reads it too), part of a
  place's name (104团: the gazetteer) or has four digits or more (a year, 12000元).
"""

from __future__ import annotations

import re

from assistant.places import places_in
from assistant.text.tokenize import tokenize
from assistant.text.units import without_asked_units

# Arabic only: a question's Chinese numeral is the law's own wording as often as not ("裁掉二十多个人" and
# 裁减人员二十人以上: dropping 二十 lost the clause on the dev split), a small Arabic one rarely is
_SMALL_NUMERAL = re.compile(r"\d{1,3}")


def stated_numbers(question: str, tokens: list[str]) -> set[str]:
    """The tokens of ``question`` that are small numbers it states, not references or place names."""
    names = [name for place in places_in(question) for name in place.names if name in question]
    return {
        t
        for t in tokens
        if _SMALL_NUMERAL.fullmatch(t) and f"第{t}" not in question and not any(t in name for name in names)
    }


def lexical_terms(question: str) -> list[str]:
    """The tokens ``question`` is matched on (all of them when nothing else would be left)."""
    tokens = without_asked_units(question, tokenize(question))
    stated = stated_numbers(question, tokens)
    kept = [t for t in tokens if t not in stated]
    return kept or tokens
