"""Structure-aware signals: clause references in questions, document names, jurisdiction.

* "劳动合同法第十四条", "第14条", "实施方案第13项任务", "任务9", "（十二）" name a clause:
  the clause is looked up in the named document (or, when no document is named, in the
  documents retrieval ranks highest) and put first.
* A question that names no other place prefers the division's and national documents
  over another city's or province's regulation that merely shares its words.
* A superseded text (职业教育法 1996) yields to the one in force unless the question
  asks for the old one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.places import Scope
from assistant.store.index import Index
from assistant.text.normalize import normalize_text
from assistant.text.numbers import cn_to_int, int_to_cn
from assistant.types import MetaValue, StoredChunk

_CN = r"[零〇一二三四五六七八九十百千两\d]+"
_REFS = [
    ("article", re.compile(rf"第({_CN})条")),
    ("num", re.compile(rf"(?:第({_CN})项|任务\s*({_CN})|第({_CN})项任务)")),
    ("paren_cn", re.compile(r"第?[（(]([一二三四五六七八九十]+)[）)]")),
    ("cn", re.compile(r"第([一二三四五六七八九十]+)部分")),
]
_OLD = re.compile(r"(19\d\d|20[01]\d|旧法|旧版|修订前|原来的|以前的)")
_ALIAS_STRIP = [re.compile(r"^中华人民共和国"), re.compile(r"[（(][^）)]*[）)]"), re.compile(r"^国务院关于印发")]


@dataclass(frozen=True)
class ClauseRef:
    style: str  # article | num | paren_cn | cn
    number: int
    start: int  # where in the query the reference starts (the name comes before it)


def find_clause_refs(query: str) -> list[ClauseRef]:
    """Clause numbers a (normalised) question names."""
    refs: list[ClauseRef] = []
    for style, pattern in _REFS:
        for match in pattern.finditer(query):
            raw = next(g for g in match.groups() if g)
            refs.append(ClauseRef(style, cn_to_int(raw), match.start()))
    return sorted(refs, key=lambda r: r.start)


# name_score at which a question part reads as naming a document: two title bigrams and a little more
NAMED_MIN = 1.5


def doc_aliases(title: str, doc_number: str = "") -> list[str]:
    """Names a person may use for a document: the title, shorter forms, its number (国发〔2018〕39号)."""
    names = {title}
    if re.search(r"\d", doc_number):
        names.add(doc_number)
    short = title
    for pattern in _ALIAS_STRIP:
        short = pattern.sub("", short)
    attached = re.search(r"附[:：]\s*([^）)]+)", title)
    if attached:
        names.add(attached.group(1))
    names.add(short)
    names.add(re.sub(r"的通知$", "", short))
    return [normalize_text(n) for n in names if len(n) >= 2]


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def name_score(query_part: str, aliases: list[str]) -> float:
    """How well the question names a document: bigrams shared with the best alias, less a
    little for alias bigrams it does not mention (so 劳动合同法 prefers the law to its
    实施条例, and 劳动合同法实施条例 the regulation)."""
    grams = _bigrams(query_part)
    best = 0.0
    for alias in aliases:
        alias_grams = _bigrams(alias)
        shared = len(grams & alias_grams)
        if shared:
            best = max(best, shared - 0.1 * len(alias_grams - grams))
    return best


class StructureSignals:
    """Clause lookup and jurisdiction preferences over the documents of one index."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.docs: dict[str, dict[str, MetaValue]] = {}
        for chunk in index.all_chunks():
            self.docs.setdefault(chunk.doc_id, chunk.metadata)
        self.aliases = {
            doc_id: doc_aliases(str(meta.get("title", "")), str(meta.get("doc_number", "")))
            for doc_id, meta in self.docs.items()
        }

    def clause_hits(self, query: str, ranked_docs: list[str]) -> list[StoredChunk]:
        """Chunks of the clause the question names, best document first; [] when it names none."""
        for ref in find_clause_refs(query):
            for doc_id in self._candidate_docs(query[: ref.start], ranked_docs):
                chunks = self._clause_chunks(doc_id, ref)
                if chunks:
                    return chunks
        return []

    def _candidate_docs(self, name_part: str, ranked_docs: list[str]) -> list[str]:
        scored = {doc_id: name_score(name_part, aliases) for doc_id, aliases in self.aliases.items()}
        best = max(scored.values(), default=0.0)
        if best >= NAMED_MIN:
            named = [d for d, s in scored.items() if s == best]
            wants_old = bool(_OLD.search(name_part))
            named.sort(
                key=lambda d: (
                    self.docs[d].get("in_force") is wants_old,
                    ranked_docs.index(d) if d in ranked_docs else len(ranked_docs),
                )
            )
            return named
        return ranked_docs[:3]

    def _clause_chunks(self, doc_id: str, ref: ClauseRef) -> list[StoredChunk]:
        chunks = self.index.chunks_of(doc_id)
        styles = {ref.style}
        if ref.style == "article" and not any(c.metadata.get("clause_kind") == "article" for c in chunks):
            styles = {"num"}  # "第13条" of a plan whose tasks are numbered 1. 2. ...
        if ref.style == "num":
            styles.add("article")
        exact = [
            c
            for c in chunks
            if (c.metadata.get("clause_kind") in styles and c.metadata.get("clause_num") == ref.number)
            or (ref.style == "article" and c.metadata.get("article_no") == ref.number)
        ]
        if exact or ref.style not in {"cn", "paren_cn"}:
            return exact
        # a section heading without body of its own: its first clause stands for it
        label = f"{int_to_cn(ref.number)}、" if ref.style == "cn" else f"（{int_to_cn(ref.number)}）"
        inside = [c for c in chunks if label in str(c.metadata.get("clause_labels", "")).split("|")]
        return inside[:1]

    def named_documents(self, question: str) -> set[str]:
        """The documents the question names by title or a short form ("国家的职教改革方案" names the
        国家职业教育改革实施方案): those scoring best on :func:`name_score`, when that reads as a name.
        A name says what kind of text it is (…方案, …合同法, …条例): the title's last two characters must
        be in the question, so a topic shared with a title (产教融合, 劳动合同, 校企合作) names nothing."""
        question = normalize_text(question)
        scored = {
            doc_id: name_score(question, [alias for alias in aliases if alias[-2:] in question])
            for doc_id, aliases in self.aliases.items()
        }
        best = max(scored.values(), default=0.0)
        return {doc_id for doc_id, score in scored.items() if score == best} if best >= NAMED_MIN else set()

    def named_places(self, scope: Scope) -> set[str]:
        """Documents of other places that the question names (宁波, 上海市 ...)."""
        return {doc_id for doc_id, meta in self.docs.items() if is_foreign(meta) and names_region(scope, meta)}

    def prior(
        self,
        meta: dict[str, MetaValue],
        query: str,
        named: set[str],
        foreign_weight: float,
        superseded_weight: float,
        national_weight: float = 1.0,
    ) -> float:
        """Multiplier for a chunk's fused score: the division's own documents first, national
        ones next, other places' and superseded texts yield."""
        weight = 1.0
        if is_foreign(meta) and meta.get("doc_id") not in named:
            weight *= foreign_weight
        elif meta.get("jurisdiction") == "national":
            weight *= national_weight
        if meta.get("in_force") is False and not _OLD.search(query):
            weight *= superseded_weight
        return weight


def is_foreign(meta: dict[str, MetaValue]) -> bool:
    """Another province's or city's text (not national, not the corps or the division)."""
    return meta.get("jurisdiction") in {"city", "province"}


def names_region(scope: Scope, meta: dict[str, MetaValue]) -> bool:
    """Whether the question names the region a document belongs to."""
    region = str(meta.get("region", ""))
    return bool(region) and any(region in p.names or p.name in region for p in scope.named)
