"""The clause tree of a Chinese policy text.

Recognised headings (the label is normalised, full-width brackets, ASCII dot):

    structural  第N编 > 第N章 > 第N节 > 第N条     fixed order; an article's sub-items stay in it
    outline     一、   （一）/(一)   1. / 1． / 1、   （1）/(1)   nesting by order of appearance

Everything else is a paragraph of the innermost open clause. A heading line may carry
its body ("16.财政用地政策方面给予大力支持。大力支持……"): the short first sentence is the
clause title, the rest is body.

Every input line ends up in exactly one place: the ``lines`` of one clause (body), or as the
``line`` of the one clause it heads (a heading without body text of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.cleaning import Line
from assistant.text.numbers import cn_to_int, int_to_cn

_NUM = r"[零〇一二三四五六七八九十百千\d]+"

STRUCTURAL_RANK = {"part": 0, "chapter": 1, "section": 2, "article": 3}
_STRUCTURAL = [
    ("part", re.compile(rf"^第({_NUM})编(?:[\s\u3000]+(.{{0,30}}))?$")),
    ("chapter", re.compile(rf"^第({_NUM})章(?:[\s\u3000]*(.{{0,30}}))?$")),
    ("section", re.compile(rf"^第({_NUM})节(?:[\s\u3000]*(.{{0,30}}))?$")),
    ("article", re.compile(rf"^第({_NUM})条(之[一二三四五六七八九十]+)?(?:[\s\u3000]+(.*)|$)")),
]
_OUTLINE = [
    ("cn", re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]\s*(.*)$")),
    ("paren_cn", re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.*)$")),
    ("num", re.compile(r"^(\d{1,2})(?:[.．](?!\d)|、)\s*(.*)$")),
    ("paren_num", re.compile(r"^[（(](\d{1,2})[）)]\s*(.*)$")),
]
_TITLE_MAX = 40
_MAX_NUMBER = 9999  # "第123456789条" is a number in running text, not an article


@dataclass
class Clause:
    """A node of the clause tree. ``lines`` are its own body lines, not its children's."""

    style: str  # root | part | chapter | section | article | cn | paren_cn | num | paren_num
    label: str = ""  # normalised: 第十四条, 一、, （五）, 16., （3）
    number: int = 0
    title: str = ""
    lines: list[Line] = field(default_factory=list)
    children: list[Clause] = field(default_factory=list)
    parent: Clause | None = None
    line: Line | None = None  # the heading line, when it is not one of ``lines`` (a title only)

    @property
    def heading(self) -> str:
        sep = " " if self.style in STRUCTURAL_RANK and self.title else ""
        return f"{self.label}{sep}{self.title}"

    def ancestors(self) -> list[Clause]:
        """From the outermost clause down to this one (the root excluded)."""
        chain: list[Clause] = []
        node: Clause | None = self
        while node is not None and node.style != "root":
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def walk(self) -> list[Clause]:
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes


def parse_clauses(lines: list[Line]) -> Clause:
    """Build the clause tree of a cleaned policy text."""
    root = Clause("root")
    stack: list[Clause] = [root]
    for line in lines:
        heading = _match_heading(line, inside_article=any(c.style == "article" for c in stack))
        if heading is None:
            stack[-1].lines.append(line)
            continue
        _pop_for(stack, heading.style)
        heading.parent = stack[-1]
        stack[-1].children.append(heading)
        stack.append(heading)
    return root


def _pop_for(stack: list[Clause], style: str) -> None:
    if style in STRUCTURAL_RANK:
        rank = STRUCTURAL_RANK[style]
        while len(stack) > 1 and (stack[-1].style not in STRUCTURAL_RANK or STRUCTURAL_RANK[stack[-1].style] >= rank):
            stack.pop()
    elif any(node.style == style for node in stack):
        while stack[-1].style != style:
            stack.pop()
        stack.pop()


def _match_heading(line: Line, inside_article: bool) -> Clause | None:
    text = line.text
    for style, pattern in _STRUCTURAL:
        match = pattern.match(text)
        if not match:
            continue
        number = cn_to_int(match.group(1))
        if not 0 < number <= _MAX_NUMBER:
            continue
        if style == "article":
            suffix = match.group(2) or ""
            label = f"第{int_to_cn(number)}条{suffix}"
            clause = Clause(style, label, number)
            clause.lines.append(line)  # an article's first line is part of its text
            return clause
        unit = {"part": "编", "chapter": "章", "section": "节"}[style]
        title = (match.group(2) or "").strip()
        return Clause(style, f"第{int_to_cn(number)}{unit}", number, title, line=line)
    if inside_article:
        return None
    for style, pattern in _OUTLINE:
        match = pattern.match(text)
        if match and cn_to_int(match.group(1)) > 0:
            return _outline_clause(style, match, line)
    return None


def _outline_clause(style: str, match: re.Match[str], line: Line) -> Clause:
    raw = match.group(1)
    number = cn_to_int(raw)
    label = {"cn": f"{raw}、", "paren_cn": f"（{raw}）", "num": f"{number}.", "paren_num": f"（{number}）"}[style]
    rest = match.group(2).strip()
    clause = Clause(style, label, number)
    first, _, after = rest.partition("。")
    if after.strip() and len(first) <= _TITLE_MAX:
        clause.title = first
        clause.lines.append(line)  # the heading line carries body text
    elif not after.strip() and len(rest.rstrip("。")) <= _TITLE_MAX:
        clause.title = rest.rstrip("。：:")
        clause.line = line
    else:
        clause.lines.append(line)
    return clause


def normalize_label(label: str) -> str:
    """A label as a person writes it (第14条, (五), 16．) in the tree's normal form."""
    text = label.strip()
    for style, pattern in _STRUCTURAL:
        match = pattern.match(text)
        if match:
            unit = {"part": "编", "chapter": "章", "section": "节", "article": "条"}[style]
            return f"第{int_to_cn(cn_to_int(match.group(1)))}{unit}"
    for style, pattern in _OUTLINE:
        match = pattern.match(text)
        if match:
            raw = match.group(1)
            number = cn_to_int(raw)
            return {"cn": f"{raw}、", "paren_cn": f"（{raw}）", "num": f"{number}.", "paren_num": f"（{number}）"}[
                style
            ]
    return text
