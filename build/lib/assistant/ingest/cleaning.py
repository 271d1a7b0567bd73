"""Cleaning: split loaded text into body lines (with their offsets) and header metadata.

Three kinds of non-body text are recognised and turned into metadata:

* YAML front matter (``---`` ... ``---``) in the project's own Markdown digests;
* the ``# 标题: ...`` header block of collected texts, ended by ``# ----- 正文 -----``;
* web page chrome of government sites copied as raw text (site banner, "网站支持IPv6",
  "关怀版", index codes, "来源 ... 作者", "公开日期 ... 点击数", footers).

Body lines keep their character offsets in the loaded text, so every chunk can say
where in the source it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Line:
    """One non-empty body line: stripped text and its ``[start, end)`` in the source."""

    text: str
    start: int
    end: int


@dataclass
class CleanText:
    lines: list[Line]
    metadata: dict[str, str]


_HEADER_KEYS = {
    "标题": "title",
    "发文机关": "issuer",
    "文号": "doc_number",
    "日期": "date",
    "来源": "source",
    "备注": "note",
}
_HEADER_LINE = re.compile(r"^#\s*(标题|发文机关|文号|日期|来源|备注)\s*[:：]\s*(.*)$")
_BODY_MARK = re.compile(r"^#\s*-{3,}\s*正文\s*-{3,}\s*$")
_DATE = re.compile(r"(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})")

# Whole lines of page chrome: navigation, accessibility switches, footers.
_CHROME_LINE = re.compile(
    r"^(中央人民政府\s*[|｜].*|.*网站支持IPv6.*|网站无障碍|关怀版|长者模式|无障碍浏览|繁體|简体|English"
    r"|首页|打印本页|关闭窗口|打印|关闭|【?字体[:：].*|扫一扫在手机打开当前页.*|分享到[:：]?.*"
    r"|主办单位[:：].*|承办单位[:：].*|版权所有.*|.*ICP备.*|网站标识码.*|.*公网安备.*|联系我们.*"
    r"|当前位置[:：].*|来源[:：]?\s*$|相关链接.*)$"
)
_INDEX_CODE = re.compile(r"^([a-z]{2,12}-\d{4}-\d{4,8})\s*(主题分类.*)?$", re.I)
_SOURCE_AUTHOR = re.compile(r"^来源\s*[:：]?\s*(\S.*?)\s*(作者.*)?$")
_PUBLISHED = re.compile(r"^(公开日期|发布日期|发布时间|成文日期)\s*[:：]?\s*(\d{4}-\d{1,2}-\d{1,2}).*$")
_CHROME_MARKERS = ("网站支持IPv6", "关怀版", "点击数", "主题分类", "网站无障碍")


def clean_text(text: str, fmt: str) -> CleanText:
    """Split ``text`` into body lines and metadata found in its header, front matter or chrome."""
    lines = _split_lines(text)
    metadata: dict[str, str] = {}
    if fmt in {"markdown", "text"}:
        lines = _take_front_matter(lines, text, metadata)
    lines = _take_header_block(lines, metadata)
    if any(marker in text[:3000] for marker in _CHROME_MARKERS):
        lines = _strip_page_chrome(lines, metadata)
    if fmt == "markdown":
        lines = [_strip_markdown(line) for line in lines]
    return CleanText([line for line in lines if line.text], metadata)


_EDGE_BLANKS = re.compile(r"^[\s\ufeff\u200b-\u200d\u2060]+|[\s\ufeff\u200b-\u200d\u2060]+$")


def _split_lines(text: str) -> list[Line]:
    """Non-blank lines, without the blanks at their ends (any Unicode space, BOM, zero-width)."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lead = _EDGE_BLANKS.match(raw)
        start = lead.end() if lead else 0
        stripped = _EDGE_BLANKS.sub("", raw)
        if stripped:
            out.append(Line(stripped, pos + start, pos + start + len(stripped)))
        pos += len(raw) + 1
    return out


def _take_front_matter(lines: list[Line], text: str, metadata: dict[str, str]) -> list[Line]:
    if not lines or lines[0].text != "---":
        return lines
    for i, line in enumerate(lines[1:], start=1):
        if line.text == "---":
            block = text[lines[0].end : line.start]
            try:
                data = yaml.safe_load(block) or {}
            except yaml.YAMLError:
                return lines
            if isinstance(data, dict):
                metadata.update({str(k): str(v) for k, v in data.items() if v is not None})
                return lines[i + 1 :]
            return lines
    return lines


def _take_header_block(lines: list[Line], metadata: dict[str, str]) -> list[Line]:
    taken = 0
    for line in lines:
        match = _HEADER_LINE.match(line.text)
        if match:
            metadata.setdefault(_HEADER_KEYS[match.group(1)], match.group(2).strip())
            taken += 1
        elif _BODY_MARK.match(line.text):
            taken += 1
            break
        else:
            break
    if "date" in metadata:
        metadata["date_note"] = metadata["date"]
        metadata["date"] = normalize_date(metadata["date"])
    return lines[taken:]


def normalize_date(value: str) -> str:
    """The first date in ``value`` as ``YYYY-MM-DD``; ``""`` when there is none."""
    match = _DATE.search(value)
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _strip_page_chrome(lines: list[Line], metadata: dict[str, str]) -> list[Line]:
    """Drop chrome lines; read title, index code, issuer and date out of the page header."""
    header_end = 0
    for i, line in enumerate(lines[:40]):
        if _PUBLISHED.match(line.text) or "点击数" in line.text:
            header_end = i + 1
    header, body = lines[:header_end], lines[header_end:]
    candidates: list[str] = []
    for line in header:
        text = line.text
        if (m := _PUBLISHED.match(text)) is not None:
            metadata.setdefault("date", normalize_date(m.group(2)))
        elif (m := _INDEX_CODE.match(text)) is not None:
            metadata.setdefault("index_code", m.group(1))  # the site's index code, not a 文号
        elif (m := _SOURCE_AUTHOR.match(text)) is not None:
            metadata.setdefault("issuer", m.group(1))
        elif not _CHROME_LINE.match(text):
            candidates.append(text)
    if candidates and "title" not in metadata:
        # The page title is repeated (banner and heading); keywords lines are not.
        repeated = [c for c in candidates if candidates.count(c) > 1]
        metadata["title"] = (repeated or sorted(candidates, key=len, reverse=True))[0]
    return [line for line in body if not _CHROME_LINE.match(line.text)]


_MD_PREFIX = re.compile(r"^(#{1,6}\s+|[-*+]\s+(?=\S)|>\s*)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)")


def _strip_markdown(line: Line) -> Line:
    text = _MD_PREFIX.sub("", line.text)
    text = _MD_EMPHASIS.sub("", text).strip()
    return Line(text, line.start, line.end)
