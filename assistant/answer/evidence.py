"""Evidence: the source sentences an answer may quote, scored against the question.

Measured on the division's plan (issue 4): the two sentences of the retrieved clauses with
the highest rarity-weighted jieba-token overlap with the question, quoted verbatim, beat
every way of letting the 1.5B model write. Here each sentence of the top clauses gets

    overlap  = idf-weighted share of the question's tokens found in the sentence
               (the clause heading counts half: a measure's title names its topic)
    support  = the clause's retrieval rank (1 / (1 + rank))

(An LLM judge reranking six sentences per question cost 15-45 s here and was dropped; the
answerer asks the judge once, about the chosen sentences: see answerer.py.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.text.numbers import quantities
from assistant.text.sentences import split_sentences
from assistant.text.tokenize import tokenize
from assistant.types import SearchHit

# Question words and policy boilerplate that say nothing about the topic.
_GENERIC = frozenset(
    "什么 哪些 哪个 哪 多少 怎么 怎样 如何 是否 能否 可以 能不能 有没有 是不是 需要 应该 规定 要求 "
    "我们 我 你们 公司 企业 单位 学生 哪里 一下 情况 问题 相关 具体 政策 文件 目前 现在 "
    "十二师 师 兵团 第十二师 一般 呢 吗 请问 多久 多长 多长时间 长时间 时间 几个 哪一年 谁 按 说 里 时 怎么说 方案 "
    "条例 法 规定 办法 意见 国家 层面 能够 一直 要求 允许 做 干 搞 算 不能 一次 好几 几个 第一位".split()
)
# Everyday words of questions and the words the documents use for them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "老师": ("教师",),
    "职校": ("职业学校", "职业院校"),
    "裁员": ("裁减人员",),
    "辞退": ("解除劳动合同",),
    "工资": ("报酬", "薪酬", "工资"),
    "钱": ("元", "资金", "经费"),
    "补助": ("补贴",),
    "学徒": ("学徒制",),
    "实习生": ("实习学生", "学生实习"),
    "周末": ("休息日",),
}
_FAQ_QUESTION = re.compile(r"^问[：:]")
_RESPONSIBLE_LINE = re.compile(r"^[（(]\s*(?:责任单位|牵头单位)")
_HEADING_SHARE = 0.5
_MIN_SENTENCE_CHARS = 6


@dataclass
class Candidate:
    """One sentence of a retrieved clause."""

    text: str
    hit: SearchHit
    hit_rank: int
    position: int  # sentence index inside the clause
    overlap: float = 0.0
    score: float = 0.0
    matched: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, int]:
        return (self.hit.chunk_id, self.position)


@dataclass
class QuestionTerms:
    """The question's topic tokens with their weights (idf in the index)."""

    weights: dict[str, float]
    unknown: list[str] = field(default_factory=list)  # topic words no indexed text uses

    @property
    def total(self) -> float:
        return sum(self.weights.values()) or 1.0

    def salient(self, min_share: float = 0.12) -> list[str]:
        """Tokens carrying a large share of the question's weight (its rare topic words)."""
        return [t for t, w in self.weights.items() if len(t) >= 2 and w / self.total >= min_share]


def question_terms(
    question: str, idf: Callable[[str], float], df: Callable[[str], int], context: str = ""
) -> QuestionTerms:
    """Topic tokens of the question weighted by idf. Words no indexed text uses (colloquial
    ones: 干了, 辞退 ...) can be neither matched nor missed, so they do not count. Words that
    occur only in ``context`` (a part quoted for contrast) count a third."""
    content = [t for t in dict.fromkeys(tokenize(question)) if t not in _GENERIC]
    rest = question.replace(context, "") if context else question
    discounted = {t for t in content if context and t in context and t not in rest}
    tokens = [t for t in content if df(t) > 0]
    unknown = [t for t in content if df(t) == 0 and len(t) >= 2 and not any(t != o and t in o for o in content)]
    # jieba's search mode adds the parts of a long word (加班费 -> 加班, 班费): half weight each
    weights = {
        t: idf(t) * (0.5 if any(t != o and t in o for o in tokens) else 1.0) * (0.3 if t in discounted else 1.0)
        for t in tokens
    }
    return QuestionTerms(weights, [t for t in unknown if t not in discounted])


def _covered(term: str, tokens: set[str], text: str) -> bool:
    if term in tokens or (len(term) >= 2 and term in text):
        return True
    return any(alt in text for alt in SYNONYMS.get(term, ()))


def collect(hits: list[SearchHit], terms: QuestionTerms, max_hits: int = 5) -> list[Candidate]:
    """Score every sentence of the top ``max_hits`` clauses against the question."""
    candidates: list[Candidate] = []
    for rank, hit in enumerate(hits[:max_hits]):
        sentences = split_sentences(hit.text)
        # an FAQ's question names its topic like a heading; it is not an answer to quote
        asked = "".join(s for s in sentences if _FAQ_QUESTION.match(s))
        heading = str(hit.metadata.get("heading", "")) + asked
        heading_tokens = set(tokenize(heading))
        for position, sentence in enumerate(sentences):
            if (
                len(re.sub(r"\W", "", sentence)) < _MIN_SENTENCE_CHARS
                or _RESPONSIBLE_LINE.match(sentence)
                or _FAQ_QUESTION.match(sentence)
            ):
                continue
            tokens = set(tokenize(sentence))
            matched = {t for t in terms.weights if _covered(t, tokens, sentence)}
            in_heading = {t for t in terms.weights if t not in matched and _covered(t, heading_tokens, heading)}
            overlap = (
                sum(terms.weights[t] for t in matched) + _HEADING_SHARE * sum(terms.weights[t] for t in in_heading)
            ) / terms.total
            candidates.append(Candidate(sentence, hit, rank, position, overlap=overlap, matched=matched | in_heading))
    return candidates


def rank(candidates: list[Candidate], asks_quantity: bool) -> list[Candidate]:
    """Order candidates by overlap, retrieval rank and a quantity when one is asked."""
    for c in candidates:
        c.score = c.overlap + 0.15 / (1 + c.hit_rank) + (0.2 if asks_quantity and quantities(c.text) else 0.0)
    return sorted(candidates, key=lambda c: (-c.score, c.hit_rank, c.position))


_UNIT_ALIASES = {"人": "人|名", "名": "名|人", "天": "天|日", "日": "日|天", "月": "月", "年": "年", "周": "周|星期"}


def says_quantity(text: str, unit: str = "") -> bool:
    """``text`` states a quantity (in ``unit`` when one is asked: 年, 个月, 元 ...)."""
    if not quantities(text):
        return False
    units = _UNIT_ALIASES.get(unit, unit)
    return not unit or bool(re.search(rf"[\d零〇一二两三四五六七八九十百千万]\s*(?:个)?(?:{units})", text))


def choose(
    ranked: list[Candidate],
    max_sentences: int = 3,
    max_chars: int = 260,
    asks_quantity: bool = False,
    unit: str = "",
) -> list[Candidate]:
    """The best sentence, plus close runners-up that add question terms it lacks.

    Returned in reading order (clause rank, then position) so quotes read naturally.
    """
    if not ranked:
        return []
    best = ranked[0]
    chosen = [best]
    covered = set(best.matched)
    used = len(best.text)
    if best.text.endswith(("；", "：", ":", ";", "，")):  # the rule goes on in the next sentence
        follow = next(
            (c for c in ranked if c.hit.chunk_id == best.hit.chunk_id and c.position == best.position + 1), None
        )
        if follow is not None and used + len(follow.text) <= max_chars:
            chosen.append(follow)
            covered |= follow.matched
            used += len(follow.text)
    for c in ranked[1:]:
        if c in chosen or len(chosen) >= max_sentences or used + len(c.text) > max_chars:
            continue
        adds = c.matched - covered
        same_clause = c.hit.chunk_id == best.hit.chunk_id
        threshold = 0.5 if same_clause else 0.7
        if c.score >= threshold * best.score and adds and c.overlap > 0:
            chosen.append(c)
            covered |= c.matched
            used += len(c.text)
    if asks_quantity and not any(says_quantity(c.text, unit) for c in chosen):
        # the question asks how much / how long: the best sentence that says it, if close enough
        counted = next((c for c in ranked if says_quantity(c.text, unit) and c.score >= 0.5 * best.score), None)
        if counted is not None and counted not in chosen:
            chosen.append(counted)
    return sorted(chosen, key=lambda c: (c.hit_rank, c.position))
