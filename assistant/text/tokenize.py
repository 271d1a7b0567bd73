"""Chinese tokenisation for BM25: jieba in search mode, a policy user dictionary, stop words.

llama-index's default BM25 tokenizer splits on spaces and English stems; on Chinese it
sees one "word" per sentence. Here text is normalised (full-width -> half-width,
traditional -> simplified, lower case), cut by jieba's search mode (long words plus
their sub-words; policy terms inside a longer word are added too, so 产教融合型企业
also matches 产教融合), and stripped of stop words and
punctuation. The numerals inside a clause label are not tokens of their own: "老二十五岁" (the
second child, fifteen) matched 第二十五条 of every law, "干了十六年" 第十六条.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from importlib import resources

from assistant.text.normalize import normalize_text

_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff%]")
_lock = threading.Lock()
_ready = False
_STOP: frozenset[str] = frozenset()
_TERMS: tuple[str, ...] = ()
# words jieba's dictionary joins that a message means apart: 我会 (an association's "本会") is 我 + 会 (I can) in
# "我会开挖掘机，想找份工作", whose interest read 我会
_APART = ("我会",)


def _load() -> None:
    global _ready, _STOP, _TERMS
    with _lock:
        if _ready:
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)
        with resources.as_file(resources.files(__package__) / "userdict.txt") as path:
            jieba.load_userdict(str(path))
            _TERMS = tuple(line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        words = (resources.files(__package__) / "stopwords.txt").read_text(encoding="utf-8").split()
        _STOP = frozenset(words)
        jieba.initialize()
        for word in _APART:
            jieba.del_word(word)
        _ready = True


# a clause's label (第二十五条, （十五）, 十五、): its numerals name a place in a document, not a quantity
_NUMERALS = "零〇一二三四五六七八九十百千两"
_LABEL = re.compile(rf"第[{_NUMERALS}]+[条款项章节编]|[（(][{_NUMERALS}]+[）)]|(?<![{_NUMERALS}\w])[{_NUMERALS}]+、")


def tokenize(text: str) -> list[str]:
    """Search tokens of ``text`` (normalised, segmented, no stop words or punctuation); a clause label
    is one token (第二十五条), without the numerals inside it."""
    _load()
    import jieba

    text = normalize_text(text)
    labels = [m.span() for m in _LABEL.finditer(text)]
    # a reference (第一百零二条) is a token even where jieba cuts it up (the parts are left out below)
    references = [text[s:e] for s, e in labels if text[s] == "第"]
    tokens = list(references)
    for token, start, end in jieba.tokenize(text, mode="search"):  # cut_for_search, with offsets
        token = token.strip()
        if any(s <= start and end <= e and (start, end) != (s, e) for s, e in labels):
            continue  # 二十五 inside 第二十五条 is a label, not the quantity a question states (老二十五岁)
        if token and token not in _STOP and _TOKEN_OK.search(token) and token not in references:
            tokens.append(token)
            if len(token) > 3:  # search mode adds 2/3-grams only: add the longer policy terms inside
                tokens.extend(term for term in _TERMS if term != token and term in token)
    return tokens


def cut_words(text: str) -> list[str]:
    """The words of ``text`` in order (jieba's precise mode with the policy dictionary), nothing dropped."""
    _load()
    import jieba

    return [w for w in jieba.cut(text) if w]


def words_at(text: str) -> dict[int, str]:
    """:func:`cut_words` by where each word starts in ``text``."""
    words, at = {}, 0
    for word in cut_words(text):
        words[at] = word
        at += len(word)
    return words


# jieba's tags of nouns, verbal nouns, idioms, abbreviations (数控) and Latin words
_NOMINAL = ("n", "vn", "l", "j", "eng")


def nominal_flag(flag: str) -> bool:
    """Whether a jieba tag is one of :data:`_NOMINAL` (a noun of any kind, a verbal noun, an idiom, an abbreviation,
    a Latin word)."""
    return flag.startswith(_NOMINAL)


_NEGATIONS = ("不", "没")  # 学不会, 学没学: no object learned


def nominal_words(text: str) -> list[str]:
    """The words of ``text`` jieba tags as nominal in context (电脑, 数据分析, 直播 …): what a person can
    be interested in; pronouns, verbs and the fragments of search mode (我家, 学开, 读个) are not."""
    return [word for word, _ in nominal_tagged(text)]


def nominal_tagged(text: str) -> list[tuple[str, str]]:
    """:func:`nominal_words` with jieba's tag of each (``vn``: a verbal noun, 直播 or 有空). What one learns is
    named too, whatever its tag: the word after 学 (学会计的, 学的是种植, 学开车, 学点烹饪: jieba tags 会计, 种植, 开车
    and 烹饪 as verbs, and they are the trade the person names)."""
    found: list[tuple[str, str]] = []
    learning = False  # right after 学, or after 学的 / 学的是
    for word, flag in tagged_words(text):
        learned = learning and flag.startswith("v") and len(word) >= 2 and not word.startswith(_NEGATIONS)
        if (flag.startswith(_NOMINAL) and not a_little_of(word)) or learned:
            found.append((word, flag))
        # 学, 学的, 学的是; 学 with "a little" (学些, 学一点, 学点 glued: 想学点烹饪)
        learning = (
            word == "学"
            or (learning and (word in ("的", "是") or flag in ("m", "q")))
            or (word[0] == "学" and a_little_of(word))
        )
    return found


# jieba's dictionary lists a word this rarely when its corpus barely saw it as one: 干点 and 学点 (3 each) are a
# verb and 点 ("a little"), where 地点, 看点, 要点 (2357, 93, 441) are words
_RARE_ENTRY = 10


def a_little_of(word: str) -> bool:
    """Whether ``word`` is an action and "a little" glued into one entry (干点 of 想干点技术活儿, 学点 of 想学点手艺):
    two characters, the second a measure word or numeral by jieba's tags (点, 些), the entry one its dictionary
    barely saw. Not nominal, whatever its tag: the thing after it is what is wanted."""
    _load()
    import jieba
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    return len(word) == 2 and tags.get(word[1], "") in ("m", "q") and (jieba.dt.FREQ.get(word) or 0) < _RARE_ENTRY


@functools.lru_cache(maxsize=256)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` in order with jieba's part-of-speech tags (the policy dictionary loaded); kept for
    the last messages, which the chat tags more than once (nominal words, the words before a kind)."""
    _load()
    import jieba.posseg

    return tuple((piece.word, piece.flag) for piece in jieba.posseg.cut(normalize_text(text)))


# jieba's tags of the function words that make a phrase a clause: conjunctions (可以 in jieba's tagging),
# adverbs (才, 都), prepositions, pronouns, particles
_FUNCTION = ("c", "d", "p", "r", "u")


def has_function_word(text: str) -> bool:
    """Whether ``text`` holds a function word by jieba's tags (人可以参加 does; 电工, 汽修, 焊工 do not): a clause,
    not a noun phrase."""
    return any(flag.startswith(_FUNCTION) for _, flag in tagged_words(text))


_CAN = "能"  # the modal verb of ability


def can_do(word: str) -> bool:
    """Whether ``word`` is 能 and a verb glued into one word (能干 of "周末能干的兼职": what can be done, which jieba
    tags a noun), not a noun (能源, 能力: 源 and 力 are no verbs alone)."""
    return len(word) == 2 and word[0] == _CAN and tagged_words(word[1])[0][1] == "v"


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary (with the policy terms) knows ``word``: a word of the language, not a
    fragment its new-word model made up from a sentence (我想学, 读个)."""
    _load()
    import jieba

    return bool(jieba.dt.FREQ.get(word))
