"""Evidence: the source sentences an answer may quote, scored against the question.

Measured on the division's plan (issue 4): the two sentences of the retrieved clauses with
the highest rarity-weighted jieba-token overlap with the question, quoted verbatim, beat
every way of letting the 1.5B model write. Here each sentence of the top clauses gets

    overlap  = idf-weighted share of the question's tokens found in the sentence (topic words
               in full, everyday words a little; the clause heading counts half)
    dense    = cosine of the question and the sentence (synonyms: 员工 / 劳动者)
    standout = that cosine as a z-score among the question's candidates: e5 cosines of one
               question crowd within a few hundredths (0.88-0.93), so the sentence that says what
               a spoken question means in other words (到期还是不给 / 逾期不支付) stands out
               only relative to the others
    support  = the clause's retrieval rank (1 / (1 + rank))
    slot     = the sentence holds a value of the kind the question asks (slots.py)

(An LLM judge reranking six sentences per question cost 15-45 s here and was dropped; the
answerer asks the judge once, about the chosen sentences: see answerer.py.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer.slots import SLOT_KINDS, holds
from assistant.places import places_in
from assistant.retrieve.query_terms import lexical_terms
from assistant.text.instructions import is_planted_instruction
from assistant.text.sentences import faq_question_sentences, split_sentences
from assistant.text.tokenize import tokenize
from assistant.types import SearchHit
from assistant.understand.query import Asked
from assistant.understand.topic import is_topic_word

# everyday words (low general IDF: 准备, 作为, 方面) still count a little in sentence overlap
EVERYDAY_WEIGHT = 0.2
_RESPONSIBLE_LINE = re.compile(r"^[（(]\s*(?:责任单位|牵头单位)")
# a line that only names where the clause comes from ("（依据：《…实施方案》三、（一）2.）"): quoted with its clause,
# never chosen for itself (the title's words match a question about the division, and the answer quoted the
# line alone)
_BASIS_LINE = re.compile(r"^[（(]?\s*依据\s*[：:]\s*(?:《[^》]+》[^，,。；;《]*[、，,]?\s*)+[）)]?\s*[。.]?$")
_HEADING_SHARE = 0.5
_MIN_SENTENCE_CHARS = 6
# a clause is quoted whole when chosen sentences and the rest of it fit in this many characters (widen)
WIDEN_CHARS = 260
# the items of a list a quoted sentence opens (…下列服务：) may take this many characters more: a list
# cut after its first item answers "哪些" with the wrong ones
LIST_CHARS = 320
_OPENS_LIST = ("：", ":")
# a runner-up joins the best sentence when it scores this share of it (same clause / another clause)
SAME_CLAUSE_SHARE = 0.5
OTHER_CLAUSE_SHARE = 0.7
# a sentence of another clause scoring this share of the best joins it even when it adds no question term:
# the scores cannot tell the two rules apart (two clauses banning night shifts, one for pregnant workers,
# one for nursing mothers, within 1 % of each other for a question in other words), and quoting one is a
# coin toss. Chosen on the dev splits (evals/README.md, twenty-third session)
TIE_SHARE = 0.94


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
    question: str,
    idf: Callable[[str], float],
    df: Callable[[str], int],
    context: str = "",
) -> QuestionTerms:
    """Topic tokens of the question weighted by idf. Words no indexed text uses (colloquial
    ones: 干了, 辞退 ...) can be neither matched nor missed, so they do not count. Words that
    occur only in ``context`` (a part quoted for contrast) count a third; the unit a question asks a
    number of (几个小时) and a small number it states (15岁) do not count, as in retrieval
    (retrieve/query_terms.py)."""
    content = list(dict.fromkeys(lexical_terms(question)))
    rest = question.replace(context, "") if context else question
    discounted = {t for t in content if context and t in context and t not in rest}
    tokens = [t for t in content if df(t) > 0]
    unknown = [t for t in content if df(t) == 0 and len(t) >= 2 and not any(t != o and t in o for o in content)]
    # a part of a place's name (十二 of 十二师) names no topic: the place is matched whole (and by scope)
    named = [name for place in places_in(question) for name in place.names if name in question]
    # jieba's search mode adds the parts of a long word (加班费 -> 加班, 班费): half weight each
    weights = {
        t: idf(t)
        * (0.5 if any(t != o and t in o for o in tokens) else 1.0)
        * (0.3 if t in discounted else 1.0)
        * (1.0 if is_topic_word(t) and not any(t != name and t in name for name in named) else EVERYDAY_WEIGHT)
        for t in tokens
    }
    unknown = [t for t in unknown if t not in discounted and is_topic_word(t)]
    return QuestionTerms(weights, unknown)


def _covered(term: str, tokens: set[str], text: str) -> bool:
    return term in tokens or (len(term) >= 2 and term in text)


def collect(hits: list[SearchHit], terms: QuestionTerms, max_hits: int = 5) -> list[Candidate]:
    """Score every sentence of the top ``max_hits`` clauses against the question."""
    candidates: list[Candidate] = []
    for rank, hit in enumerate(hits[:max_hits]):
        sentences = split_sentences(hit.text)
        # an FAQ's question (问：…？…？ up to 答：) names its topic like a heading; it is not an answer to quote
        in_question = faq_question_sentences(sentences)
        asked = "".join(s for s, q in zip(sentences, in_question) if q)
        heading = str(hit.metadata.get("heading", "")) + asked
        heading_tokens = set(tokenize(heading))
        for position, sentence in enumerate(sentences):
            if (
                len(re.sub(r"\W", "", sentence)) < _MIN_SENTENCE_CHARS
                or _RESPONSIBLE_LINE.match(sentence)
                or in_question[position]
                or is_planted_instruction(sentence)  # addressed to a model: never quoted
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


@dataclass(frozen=True)
class RankWeights:
    """How a sentence's score adds up; chosen on the dev splits by evals/fit_evidence.py (see
    evals/README.md, answers: the twelfth session)."""

    dense: float = 0.5  # cosine of question and sentence (e5 query / passage sides)
    standout: float = 0.15  # that cosine's z-score among the question's candidates
    rank: float = 0.15  # 1 / (1 + the clause's retrieval rank)
    slot: float = 0.4  # the sentence holds a value of the asked kind (weighted by its probability)
    named: float = 0.5  # the sentence is of a document the question names by its title (a factor 1 + named)


def standouts(values: list[float]) -> list[float]:
    """Each value's z-score among ``values`` (0 for all when they do not vary)."""
    if len(values) < 2:
        return [0.0] * len(values)
    mean = sum(values) / len(values)
    spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return [(v - mean) / spread if spread > 1e-9 else 0.0 for v in values]


def rank(
    candidates: list[Candidate],
    asked: dict[Asked, float],
    dense: dict[tuple[str, int], float] | None = None,
    weights: RankWeights = RankWeights(),
    named: frozenset[str] | set[str] = frozenset(),
) -> list[Candidate]:
    """Order candidates by overlap, dense similarity, retrieval rank, the asked slot and whether their
    document is one the question names (``named``: doc ids)."""
    dense = dense or {}
    standout = standouts([dense.get(c.key, 0.0) for c in candidates])
    for c, z in zip(candidates, standout):
        slot = sum(p for kind, p in asked.items() if kind in SLOT_KINDS and holds(kind, c.text))
        c.score = (
            c.overlap
            + weights.dense * dense.get(c.key, 0.0)
            + weights.standout * z
            + weights.rank / (1 + c.hit_rank)
            + weights.slot * slot
        )
        # a factor, not a term: the sentences of the named document keep their ratios to each other, which
        # the choice and the lead read (on_merit: half the best); an added constant would bring them closer
        c.score *= 1.0 + weights.named * (c.hit.doc_id in named)
    return sorted(candidates, key=lambda c: (-c.score, c.hit_rank, c.position))


def choose(
    ranked: list[Candidate],
    max_sentences: int = 3,
    max_chars: int = 260,
    slot_kind: Asked | None = None,
) -> list[Candidate]:
    """The best sentence, plus close runners-up that add question terms it lacks, and sentences of other
    clauses scoring nearly as well (:data:`TIE_SHARE`).

    Returned in reading order (clause rank, then position) so quotes read naturally.
    """
    ranked = [c for c in ranked if not is_basis_line(c.text)]
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
        threshold = SAME_CLAUSE_SHARE if same_clause else OTHER_CLAUSE_SHARE
        # a tie speaks of the question's topic (a word of it beyond everyday ones): weak candidates crowd too
        tie = not same_clause and c.score >= TIE_SHARE * best.score and any(is_topic_word(t) for t in c.matched)
        if c.overlap > 0 and ((c.score >= threshold * best.score and adds) or tie):
            chosen.append(c)
            covered |= c.matched
            used += len(c.text)
    head = _sentence_head(best, ranked)
    if slot_kind is not None and head is not None and not any(holds(slot_kind, c.text) for c in chosen):
        # the best continues a sentence after a "；" (2021年,全力推进…;落实…优惠政策…;): the value asked
        # (the year) may be in the part that opens it, which the splitter cut off
        if head not in chosen and holds(slot_kind, head.text) and used + len(head.text) <= max_chars:
            chosen.append(head)
    if slot_kind is not None and not any(holds(slot_kind, c.text) for c in chosen):
        # the question asks how much / how long / how often: the best sentence that says it, if close enough
        counted = next(
            (c for c in ranked if c.overlap > 0 and holds(slot_kind, c.text) and c.score >= 0.5 * best.score), None
        )
        if counted is not None and counted not in chosen:
            chosen.append(counted)
    return sorted(chosen, key=lambda c: (c.hit_rank, c.position))


def is_basis_line(sentence: str) -> bool:
    """Whether ``sentence`` only names the source of its clause (依据：《…》第五十条)."""
    return bool(_BASIS_LINE.match(sentence.strip()))


def _sentence_head(fragment: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """The first part of the sentence ``fragment`` continues after a "；" (the splitter cuts sentences
    there), or None when ``fragment`` opens its own sentence."""
    first = _whole_sentence(fragment, [c for c in ranked if c.hit.chunk_id == fragment.hit.chunk_id])[0]
    return None if first is fragment else first


def _whole_sentence(part: Candidate, clause: list[Candidate]) -> list[Candidate]:
    """The parts of the sentence ``part`` belongs to (the splitter cuts at "；"), ``part`` included."""
    by_position = {c.position: c for c in clause}
    first = part.position
    while first - 1 in by_position and by_position[first - 1].text.endswith(("；", ";")):
        first -= 1
    last = part.position
    while last in by_position and by_position[last].text.endswith(("；", ";")) and last + 1 in by_position:
        last += 1
    return [by_position[p] for p in range(first, last + 1) if p in by_position]


def widen(
    chosen: list[Candidate], candidates: list[Candidate], max_chars: int = WIDEN_CHARS, list_chars: int = LIST_CHARS
) -> list[Candidate]:
    """The chosen sentences with the rest of their clause when the whole clause fits in ``max_chars``,
    else with the rest of their sentence (parts cut at "；": 接纳实习的单位应当保障学生…等权利；对上岗实习的…).

    An article or a numbered item is the unit people cite, and its sentences lean on each other
    (经济补偿按…每满一年支付一个月工资…；不满六个月的，…半个月工资): one sentence of it alone
    often answers half the question. Clauses are taken best first (the first chosen sentence's
    clause, then the others) while the quote stays within ``max_chars``. The decision is made on
    the chosen sentences before this step; only what is quoted changes. The items of a list a
    quoted sentence opens get ``list_chars`` more, so "哪些" is answered with the whole list.
    """
    if not chosen:
        return []
    by_clause: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_clause.setdefault(c.hit.chunk_id, []).append(c)
    out = list(chosen)
    used = sum(len(c.text) for c in out)
    order = sorted(chosen, key=lambda c: -c.score)
    for part in order:  # a part cut at "；" is quoted with the rest of its sentence, when the clause is not
        rest = [c for c in _whole_sentence(part, by_clause.get(part.hit.chunk_id, [])) if c not in out]
        extra = sum(len(c.text) for c in rest)
        if rest and used + extra <= max_chars:
            out.extend(rest)
            used += extra
    for clause in dict.fromkeys(c.hit.chunk_id for c in order):
        rest = [c for c in by_clause.get(clause, []) if c not in out]
        extra = sum(len(c.text) for c in rest)
        if rest and used + extra <= max_chars:
            out.extend(rest)
            used += extra
    budget = max(used, max_chars) + list_chars
    for lead in order:  # a sentence that opens a list (…下列基本条件：) is quoted with its items, in order
        if not lead.text.endswith(_OPENS_LIST):
            continue
        for item in sorted(by_clause.get(lead.hit.chunk_id, []), key=lambda c: c.position):
            if item.position <= lead.position or item in out:
                continue
            if used + len(item.text) > budget:
                break
            out.append(item)
            used += len(item.text)
    return sorted(out, key=lambda c: (c.hit_rank, c.position))
