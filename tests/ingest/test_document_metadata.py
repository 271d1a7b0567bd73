"""Metadata that reads like the document: 文号 from the text, record titles from content, no internal
numbers shown as a 文号, places only for documents that have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.documents import parse_file
from tests.conftest import CORPUS

NOTICE = """第十二师人力资源和社会保障局关于做好2026年职业技能培训补贴申领工作的通知
师人社发〔2026〕18号
各团场、西郊城区管委会：
现将《职业技能培训补贴管理办法》（兵人社发〔2025〕7号）转发给你们，请结合实际认真贯彻执行。
一、补贴对象
参加职业技能培训并取得证书的城乡劳动者。
"""


def test_doc_number_is_read_from_the_text_when_no_header_gives_one(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    doc = parse_file(path).doc
    assert doc.doc_number == "师人社发〔2026〕18号"  # its own number, not the one it cites
    assert (doc.jurisdiction, doc.title[:6]) == ("corps", "第十二师人力")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("关于印发《实习管理办法》的通知（师教发〔2026〕3号）\n各学校：\n现印发给你们。", "师教发〔2026〕3号"),
        ("各学校：\n根据《某办法》（师人社发〔2026〕18号）要求，现通知如下。", ""),
        (
            "中华人民共和国劳动合同法实施条例\n国务院令 第 535 号\n第一条 为了贯彻实施劳动合同法，制定本条例。",
            "国务院令第535号",
        ),
    ],
)
def test_only_the_documents_own_number_counts(tmp_path: Path, text: str, number: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert parse_file(path).doc.doc_number == number


def test_digest_numbers_are_internal_numbers_not_doc_numbers() -> None:
    digest = parse_file(CORPUS / "policies" / "digest_vocational_education_law_2022.md").doc
    assert digest.doc_number == "" and digest.extra["internal_number"] == "摘编-2026-004"
    assert digest.metadata()["internal_number"] == "摘编-2026-004"


def test_record_files_are_titled_by_what_they_hold_not_by_file_name(tmp_path: Path) -> None:
    faq = parse_file(CORPUS / "faq" / "faq.yaml")
    assert faq.doc.title == "常见问题"
    assert all(c.metadata["title"] == "常见问题" for c in faq.chunks)
    assert parse_file(CORPUS / "postings" / "postings.csv").doc.title == "实习与招聘信息"
    named = tmp_path / "programs.yaml"
    named.write_text(
        "title: 十二师职业学校专业目录\nprograms:\n- id: P1\n  name: 电气技术应用\n  school: 十二师职校\n"
        "  level: 中职\n  duration: 3年\n",
        encoding="utf-8",
    )
    assert parse_file(named).doc.title == "十二师职业学校专业目录"


def test_a_page_named_after_a_city_is_not_that_citys_regulation(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('---\ntitle: "上海市"\n---\n上海市是中国的直辖市之一，位于长江入海口。\n', encoding="utf-8")
    doc = parse_file(page).doc
    assert (doc.jurisdiction, doc.region) == ("", "")
    rule = tmp_path / "rule.md"
    rule.write_text('---\ntitle: "上海市职业教育条例"\n---\n第一条 为了发展职业教育，制定本条例。\n', encoding="utf-8")
    assert (parse_file(rule).doc.jurisdiction, parse_file(rule).doc.region) == ("city", "上海市")
