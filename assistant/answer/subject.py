"""What a question is about, and whether a quoted value is said of it: "实习生每天最多工作几个小时" is about
实习 (its heaviest noun); the four hours of the part-time rule quoted beside the internship rule are said of
something else, and no lead line states them."""

from __future__ import annotations

from assistant.answer.evidence import Candidate, QuestionTerms
from assistant.text.sentences import split_sentences
from assistant.text.tokenize import nominal_words, tokenize


def question_subject(question: str, terms: QuestionTerms) -> str:
    """The question's heaviest noun: its heaviest topic token inside a word jieba tags nominal (实习 of
    实习生; not 最长 or 拖欠); empty when it has none."""
    nouns = nominal_words(question)
    words = [t for t in terms.weights if len(t) >= 2 and any(t in noun for noun in nouns)]
    return max(words, key=terms.weights.__getitem__, default="")


def said_elsewhere(value: Candidate, subject: str, terms: QuestionTerms, quoted: list[Candidate]) -> bool:
    """Whether a value is said of something other than what the question is about: its sentence names none
    of the question's salient words while another quoted sentence names its ``subject``
    ("实习生每天最多工作几个小时": the internship rule names 实习 but no hours; the four hours are the
    definition of part-time work). Its sentence with the one before it in the clause: "…违反劳务派遣规定的，
    责令改正；情节严重的，…处以罚款" says the fine of 劳务派遣 in the second. A subject no quote has (老师
    where the rule says 教师) decides nothing."""
    if not subject or not any(names(c.text, subject) for c in quoted if c is not value):
        return False
    sentences = split_sentences(value.hit.text)
    before = sentences[value.position - 1] if 0 < value.position <= len(sentences) else ""
    return not any(names(before + value.text, word) for word in terms.salient())


def names(sentence: str, word: str) -> bool:
    """Whether ``sentence`` has ``word`` or every part of it (生均拨款 in 生均财政拨款)."""
    parts = [t for t in tokenize(word) if t != word]
    return word in sentence or (bool(parts) and all(part in sentence for part in parts))
