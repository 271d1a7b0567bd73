"""Topic words vs everyday speech, by jieba's bundled general-language IDF (``jieba/analyse/idf.txt``).

A word people use everywhere (准备, 作为, 方面, 推荐, 我们) has a low general IDF; what a message
is about (汽修, 学徒, 试用期, 教育费附加) is rare in general language, or unknown to the general
dictionary. ``MIN_TOPIC_IDF`` is the cut: chosen on the dev answer set (evals/answers_gold.jsonl),
see evals/README.md (answers).
"""

from __future__ import annotations

import functools
import os

from assistant.text.tokenize import in_dictionary, tagged_words, tokenize

MIN_TOPIC_IDF = 6.0
# as rare as a word the general dictionary does not know: a term of its own matter (产假, 加班费, 违约金), not
# an everyday word of the documents' matters (报名, 补贴, 工资)
RARE_IDF = MIN_TOPIC_IDF + 4.0


@functools.cache
def general_idf() -> dict[str, float]:
    """jieba's general-language IDF table (word -> idf)."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    return table


def general_rarity(word: str) -> float:
    """The word's general IDF; a word the general dictionary does not know counts as rare."""
    table = general_idf()
    return table.get(word, RARE_IDF)


def is_topic_word(word: str) -> bool:
    return len(word) >= 2 and general_rarity(word) >= MIN_TOPIC_IDF


def topic_words(text: str) -> list[str]:
    """The topic words of ``text`` in order (search tokens, longest form kept once)."""
    tokens = [t for t in dict.fromkeys(tokenize(text)) if is_topic_word(t)]
    return [t for t in tokens if not any(t != o and t in o for o in tokens)]


def named_words(text: str) -> list[str]:
    """What ``text`` names: its topic words jieba tags a noun, a verb, an abbreviation or a Latin word and knows
    (补贴, 加班, 辞职, 社保, PLC; not 大概 or 怎么样, nor a piece its new-word model glued, 要交)."""
    content = {
        w for w, flag in tagged_words(text) if (flag[:1] in ("n", "v") or flag in ("j", "eng")) and in_dictionary(w)
    }
    return [w for w in topic_words(text) if any(w in c for c in content)]
