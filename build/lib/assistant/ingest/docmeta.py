"""Document-level metadata of a policy: type, jurisdiction, force, from its header.

Explicit values (front matter, header block) win; the rest is inferred from the
issuer, title and document number the way a clerk would read them.
"""

from __future__ import annotations

import re

from assistant.ingest.cleaning import Line

_PLACE = re.compile(r"^(\S{2,8}?(?:省|自治区|市))")
_DIVISION = re.compile(r"^第?(十[一二三四]|[一二三四五六七八九])师")  # a division of the corps (十二师, 第十二师)
# Genres of official documents: the 15 of 党政机关公文处理工作条例 (2012) art. 8 and the kinds of
# laws, regulations and plans (法, 条例, 规定, 办法, 细则, 规则, 章程, 方案, 规划, 计划, 纲要), with
# the usual longer forms (实施意见, 若干意见 end in 意见 anyway).
_GENRES = (
    "决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要"
    "|法|条例|规定|办法|细则|规则|章程|方案|规划|计划|纲要|简章|指南|须知"
)
_POLICY_TITLE = re.compile(rf"(?:{_GENRES})(?:[（(][^）)]*[）)])*$")
_NOT_IN_FORCE = ("被修订版取代", "已废止", "已失效", "废止", "失效")
DOC_TYPES = ("law", "regulation", "normative", "local_plan", "digest", "record")


def infer_doc_type(title: str, issuer: str, doc_number: str) -> str:
    """law | regulation | normative | local_plan (records are typed by their loader)."""
    if "法律" in doc_number or ("全国人民代表大会" in issuer and re.search(r"法(（|\(|$)", title)):
        return "law"
    if (
        "国务院令" in doc_number
        or "地方性法规" in doc_number
        or title.endswith(("条例", "条例）"))
        or re.search(r"条例(（|\(|$)", title)
    ):
        return "regulation"
    if re.search(r"(方案|规划|计划)$", title) and _is_local(issuer + title):
        return "local_plan"
    return "normative"


def is_policy_title(title: str) -> bool:
    """Whether a title names an official document: it ends with a document genre (a note in
    brackets after it aside), e.g. 上海市职业教育条例（2018年修正）, …的通知; an encyclopedia
    article or a web page called 上海市 does not."""
    return bool(_POLICY_TITLE.search(title.strip()))


def infer_jurisdiction(title: str, issuer: str) -> tuple[str, str]:
    """(level, region): ``national``/``corps``/``province``/``city`` and the place name.

    Read from the issuer, or from the title when it is a policy title; a document with neither
    (a web page, an encyclopedia article) has no jurisdiction, so the place signals leave it alone.
    """
    if not issuer and not is_policy_title(title):
        return "", ""
    text = issuer or title
    division = _DIVISION.match(title)
    if "兵团" in text or division:
        match = re.search(r"(新疆生产建设兵团(?:第\S{1,3}师)?)", text)
        region = match.group(1) if match else "新疆生产建设兵团"
        if region == "新疆生产建设兵团" and division:
            region = f"新疆生产建设兵团第{division.group(1)}师"
        return "corps", region
    if any(
        word in text
        for word in (
            "全国人民代表大会",
            "国务院",
            "中共中央",
            "教育部",
            "人力资源社会保障部",
            "国家发展改革委",
            "财政部",
        )
    ):
        return "national", "全国"
    for candidate in (issuer, title):
        match = _PLACE.match(candidate)
        if match:
            place = match.group(1)
            return ("province" if place.endswith(("省", "自治区")) else "city"), place
    return "", ""


def infer_in_force(*notes: str) -> bool:
    """False when a note says the text was superseded or repealed."""
    return not any(marker in note for note in notes for marker in _NOT_IN_FORCE)


def _is_local(text: str) -> bool:
    return bool(re.search(r"(兵团|师|省|市|县|区|州)", text))


# An official document number (发文字号): issuer code, year in brackets, serial, 号 (国发〔2019〕4号,
# 师人社发〔2026〕18号, 教职成[2018]8号), or an order number (国务院令第535号).
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号"
    r"|[\u4e00-\u9fff]{1,12}令\s*第\s*\d{1,5}\s*号"
)
_NUMBER_LINE_WORDS = 20  # a line with more text than this beside the number cites it, it does not head
_NUMBER_LINES = 15  # the number heads the document: among its first lines


def split_doc_number(value: str) -> tuple[str, str]:
    """(文号, internal number): a header value is a 文号 when it is an official number or a note on
    the kind of text (（法律）, （地方性法规）); digest numbers (摘编-2026-004) and index codes
    (seszf-2020-000224) are internal numbers, kept apart so they are never shown as a 文号."""
    value = value.strip()
    if not value or "号" in value or value.startswith(("（", "(")):
        return value, ""
    return "", value


def find_doc_number(lines: list[Line]) -> str:
    """The document's own number from its first lines: a line that is the number (with at most a few
    words beside it, e.g. 签发人), or a title line that ends with it (…的通知（师人社发〔2026〕18号）);
    not a sentence that cites another document's number on its way."""
    for line in lines[:_NUMBER_LINES]:
        for match in _DOC_NUMBER.finditer(line.text):
            alone = len(line.text) - len(match.group(0)) <= _NUMBER_LINE_WORDS and "《" not in line.text
            last = not line.text[match.end() :].strip(" ）)】]")
            if alone or last:
                return re.sub(r"\s+", "", match.group(0))
    return ""
