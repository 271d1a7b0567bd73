"""Wording: citations from the chosen sentences, the chat and staff-reply texts, refusals."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.evidence import Candidate
from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.types import SearchHit

# a clause label or an FAQ's 答： at the start of a quoted sentence
_LABEL = re.compile(
    r"^\s*(?:答[：:]|第[一二三四五六七八九十百零\d]+条|\d+[.、．](?!\d)|[（(][一二三四五六七八九十]+[）)])\s*"
)
_END = re.compile(r"([。！？；!?;]*)$")
_MARKER = re.compile(r"\[(\d{1,2})\]")
DEFAULT_CONTACT = "师市相关主管部门"


def citation(n: int, hit: SearchHit, quote: str) -> Citation:
    return Citation.of(hit.stored(), n=n, quote=quote, score=hit.score)


def number_label(doc_number: str) -> str:
    """（国发〔2019〕4号） for a document number; nothing for notes such as （法律；…修订）."""
    number = doc_number.strip("（）() ")
    if not number or "；" in number or len(number) > 30:
        return ""
    return f"（{number}）"


def cite(chosen: list[Candidate]) -> tuple[list[Citation], dict[str, int]]:
    """One citation per clause, numbered in order of first use."""
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}
    hits: dict[str, SearchHit] = {}
    for c in chosen:
        cid = c.hit.chunk_id
        if cid not in numbers:
            numbers[cid] = len(numbers) + 1
            hits[cid] = c.hit
        quotes.setdefault(cid, []).append(c.text)
    return [citation(numbers[cid], hits[cid], "".join(quotes[cid])) for cid in numbers], numbers


def with_marker(sentence: str, n: int) -> str:
    """``…附加。`` -> ``…附加[1]。`` (the marker before the closing punctuation)."""
    body = _END.sub("", sentence)
    end = _END.search(sentence)
    return f"{body}[{n}]{end.group(1) if end and end.group(1) else '。'}"


def strip_label(sentence: str) -> str:
    """``16. 落实…`` / ``第十四条 …`` / ``（一）…`` without the clause label."""
    return _LABEL.sub("", sentence)


def quote_sentences(chosen: list[Candidate], numbers: dict[str, int]) -> list[AnswerSentence]:
    out = []
    for c in chosen:
        n = numbers[c.hit.chunk_id]
        text = strip_label(c.text)
        out.append(AnswerSentence(with_marker(text, n), [n], "quote", True))
    return out


def lead_line(citations: list[Citation]) -> str:
    """根据《A》三、（五）16.和《B》第十四条：(deterministic, no claim of its own)."""
    parts: list[str] = []
    for cit in citations:
        place = cit.clause_no if cit.clause_no.startswith("第") else cit.clause_path.split(" > ")[-1]
        label = f"《{cit.title}》{place}".strip().rstrip("？?。：:")
        if label not in parts:
            parts.append(label)
    return "根据" + "、".join(parts) + "："


def contact_unit(citations: list[Citation], hits: list[SearchHit]) -> str:
    """The lead unit named for the cited measure (the division's plan names one per task)."""
    by_id = {h.chunk_id: h for h in hits}
    for cit in citations:
        hit = by_id.get(cit.chunk_id)
        if hit is not None:
            unit = str(hit.metadata.get("lead_unit", "") or "")
            if unit:
                return unit
    return ""


def chat_text(
    lead: str, sentences: list[AnswerSentence], notices: list[str], first: list[AnswerSentence] | None = None
) -> str:
    """The asked thing (``first``), then the lead line and the quotes, then notices."""
    head = "".join(s.text for s in first or [])
    body = "".join(s.text for s in sentences)
    return "\n".join(part for part in [head, lead, body, *notices] if part)


def staff_text(question: str, sentences: list[AnswerSentence], citations: list[Citation], unit: str) -> str:
    """A reply to a public inquiry, ready to copy: greeting, answer, basis, contact."""
    basis = "\n".join(f"[{c.n}]《{c.title}》{number_label(c.doc_number)}{c.clause_path}" for c in citations)
    body = "".join(s.text for s in sentences)
    return (
        f"您好！关于您咨询的“{question.strip()}”，现答复如下：\n{body}\n"
        f"政策依据：\n{basis}\n"
        f"如需进一步了解，请联系{unit or DEFAULT_CONTACT}。感谢您的关注！"
    )


def refusal_text(question: str, reason: str, unit: str, related: Citation | None, mode: AnswerMode) -> str:
    """Say plainly that the documents do not answer, and who to ask."""
    text = f"现有资料中没有找到能回答这个问题的内容（{reason}）。"
    if related is not None and unit:
        text += f"该事项与{related.label()}有关，由{unit}牵头负责，建议向其咨询[{related.n}]。"
    elif unit:
        text += f"建议向{unit}咨询。"
    if mode is AnswerMode.staff:
        return (
            f"您好！关于您咨询的“{question.strip()}”，{text}"
            f"如需进一步了解，请联系{unit or DEFAULT_CONTACT}。感谢您的关注！"
        )
    return text


def append_listing(answer: Answer, listing: Answer, lead: str, limit: int) -> Answer:
    """``answer`` followed by the first ``limit`` listing lines of ``listing`` (matched benefits,
    postings) under ``lead``, their markers renumbered after the answer's own. A staff reply stays
    as it is (it answers the inquiry, nothing else)."""
    offset = max((c.n for c in answer.citations), default=0)
    lines = [s for s in listing.sentences if s.source == "listing"][:limit]
    if not lines or answer.mode is AnswerMode.staff:
        return answer
    shifted = [
        replace(
            s,
            text=_MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", s.text),
            markers=[n + offset for n in s.markers],
        )
        for s in lines
    ]
    used = {n for s in lines for n in s.markers}
    citations = [replace(c, n=c.n + offset) for c in listing.citations if c.n in used]
    text = answer.answer + "\n" + lead + "\n" + "\n".join(s.text for s in shifted)
    return answer.with_(
        answer=text,
        citations=answer.citations + citations,
        sentences=[*answer.sentences, AnswerSentence(lead, [], "lead", True), *shifted],
    )
