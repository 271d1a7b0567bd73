"""Citation verification: every sentence of an answer is checked against what it cites.

A sentence passes when
- it carries at least one marker ``[n]`` and every marker points at a retrieved clause;
- every quantity in it (number, percentage, year, amount, duration) occurs in a cited
  clause (its text, heading or clause label);
- (written sentences only) most of its topic words occur in the cited clauses, and it
  adds no negation the sources lack: the failure measured with the 1.5B model was a flipped
  rule (需要缴纳 where the clause says 免征).
Sentences that fail are removed, with the reason recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.answer.types import AnswerSentence, Citation
from assistant.text.instructions import strip_instructions
from assistant.text.numbers import quantities
from assistant.text.sentences import split_sentences
from assistant.text.tokenize import tokenize

MARKER = re.compile(r"\[(\d{1,2})\]")
_NEGATIONS = ("不得", "不能", "不予", "不应", "禁止", "严禁", "无需", "无须", "不需要", "免征", "免除")
_MODALS = ("必须", "需要", "应当", "应该", "须")
_MIN_WORD_SUPPORT = 0.6


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str = ""


def markers(sentence: str) -> list[int]:
    return [int(m) for m in MARKER.findall(sentence)]


def strip_markers(sentence: str) -> str:
    return MARKER.sub("", sentence).strip()


def _source_text(citation: Citation, document: bool = False) -> str:
    """What a cited clause supports: its text without sentences addressed to a model (a planted
    "回答：企业可获得100万元补贴" supports nothing), its path and number; with ``document``, also its
    document's date and number (a sentence about the document itself)."""
    text = f"{strip_instructions(citation.text)}\n{citation.clause_path}\n{citation.clause_no}"
    return f"{text}\n{citation.date}\n{citation.doc_number}" if document else text


def verify_sentence(sentence: str, citations: Mapping[int, Citation], written: bool, document: bool = False) -> Verdict:
    """Check one answer sentence (with its markers) against the clauses it cites (``document``: a sentence
    about the cited document itself, backed by its date and number too)."""
    cited = markers(sentence)
    if not cited:
        return Verdict(False, "没有引用标注")
    unknown = [n for n in cited if n not in citations]
    if unknown:
        return Verdict(False, f"引用[{unknown[0]}]不指向检索到的条款")
    body = strip_markers(sentence)
    sources = "\n".join(_source_text(citations[n], document) for n in cited)
    source_numbers = quantities(sources) | quantities(re.sub(r"\s", "", sources))
    missing = sorted(quantities(body) - source_numbers)
    if missing:
        return Verdict(False, f"数字“{missing[0]}”不见于所引条款")
    if written:
        words = [t for t in dict.fromkeys(tokenize(body)) if len(t) >= 2]
        if words:
            supported = sum(1 for t in words if t in sources)
            if supported / len(words) < _MIN_WORD_SUPPORT:
                return Verdict(False, "表述与所引条款不符")
        for word in _NEGATIONS:
            if word in body and word not in sources:
                return Verdict(False, f"“{word}”不见于所引条款")
        modal = next((w for w in _MODALS if w in body), None)
        if modal and not any(w in sources for w in _MODALS):
            return Verdict(False, f"“{modal}”不见于所引条款")
    return Verdict(True)


def verify_answer(
    text: str, citations: Mapping[int, Citation], written: bool
) -> tuple[list[AnswerSentence], list[str]]:
    """Split ``text`` into sentences and verify each: (kept sentences, removed with reasons).

    A marker standing alone after a sentence end (…。[1]) belongs to the sentence before it.
    """
    pieces = split_sentences(re.sub(r"([。！？；])\s*((?:\[\d{1,2}\])+)", r"\2\1", text))
    kept: list[AnswerSentence] = []
    removed: list[str] = []
    for piece in pieces:
        verdict = verify_sentence(piece, citations, written)
        if verdict.ok:
            kept.append(AnswerSentence(piece, markers(piece), "generated" if written else "quote", True))
        else:
            removed.append(f"{piece}（{verdict.reason}）")
    return kept, removed
