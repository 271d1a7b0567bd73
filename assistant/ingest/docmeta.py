"""Document-level metadata of a policy: type, jurisdiction, force, from its header.

Explicit values (front matter, header block) win; the rest is inferred from the
issuer, title and document number the way a clerk would read them.
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"^(\S{2,8}?(?:省|自治区|市))")
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


def infer_jurisdiction(title: str, issuer: str) -> tuple[str, str]:
    """(level, region): ``national``/``corps``/``province``/``city`` and the place name."""
    text = issuer or title
    if "兵团" in text or re.match(r"^(十[一二三四]|[一二三四五六七八九])师", title):
        match = re.search(r"(新疆生产建设兵团(?:第\S{1,3}师)?)", text)
        region = match.group(1) if match else "新疆生产建设兵团"
        if region == "新疆生产建设兵团" and re.match(r"^十二师", title):
            region = "新疆生产建设兵团第十二师"
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
