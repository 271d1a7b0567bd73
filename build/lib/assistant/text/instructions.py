"""Planted instructions: sentences in a document that address a model instead of a reader.

One general rule, kept as data (``instructions.txt``: imperatives to ignore rules or
instructions, "回答：", "you are …", "ignore previous …"). The answerer never quotes such a
sentence and never shows it to a writing model, so a document cannot make the assistant say
"企业可获得100万元补贴" by telling it to.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

PATTERNS_FILE = Path(__file__).with_name("instructions.txt")


@functools.cache
def _patterns() -> re.Pattern[str]:
    lines = PATTERNS_FILE.read_text(encoding="utf-8").splitlines()
    rules = [line for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{rule})" for rule in rules))


def is_planted_instruction(sentence: str) -> bool:
    """True when ``sentence`` tells a model what to do (ignore rules, answer X, be someone)."""
    text = unicodedata.normalize("NFKC", sentence).lower()
    return _patterns().search(text) is not None


def strip_instructions(text: str) -> str:
    """``text`` without its planted-instruction sentences (what a writing model may read)."""
    from assistant.text.sentences import split_sentences

    return "".join(s for s in split_sentences(text) if not is_planted_instruction(s))
