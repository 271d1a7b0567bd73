"""Loading: encodings, formats, and bad input that must fail with a clear, named error."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import BinaryContent, CorruptFile, EmptyDocument, UnsupportedFormat
from assistant.ingest.decode import decode_text
from assistant.ingest.documents import parse_file
from assistant.ingest.loaders import load_policy_file

POLICY = "第一条 为了规范学生实习，制定本办法。\n第二条 企业接收学生实习，应当为实习生购买实习责任保险。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_in_every_supported_encoding_decodes_without_mojibake(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"policy_{encoding}.txt"
    path.write_bytes(POLICY.encode(encoding))
    loaded = load_policy_file(path)
    assert loaded.text.lstrip("\ufeff") == POLICY
    chunks = parse_file(path).chunks
    assert [c.metadata["clause_no"] for c in chunks] == ["第一条", "第二条"]
    assert "实习责任保险" in chunks[1].text


def test_gb18030_only_characters_survive() -> None:
    text = "㐀 饕餮 產教融合 𠀀"  # CJK Ext-A/B need GB18030 four-byte codes, not GBK
    assert decode_text(text.encode("gb18030"), "x.txt")[0] == text


def test_binary_file_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(BinaryContent) as err:
        load_policy_file(path)
    assert "image.txt" in str(err.value) and "binary" in str(err.value)


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes((i * 37 + 11) % 255 + 1 for i in range(5000)))
    with pytest.raises(BinaryContent):
        load_policy_file(path)


def test_empty_and_whitespace_files_are_refused(tmp_path: Path) -> None:
    for name, data in [("empty.txt", b""), ("blank.md", "  \n\u3000\n".encode())]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(EmptyDocument) as err:
            parse_file(path)
        assert name in str(err.value)


def test_unsupported_extension_is_named(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormat) as err:
        parse_file(path)
    assert ".pptx" in str(err.value) and "slides.pptx" in str(err.value)


def test_html_drops_scripts_navigation_and_keeps_title(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='gbk'><title>实习管理办法</title><script>var x='第九条';</script>"
        "</head><body><nav>首页 | 政策</nav><h1>实习管理办法</h1><p>第一条 为了规范学生实习，制定本办法。</p>"
        "<p>第二条 企业应当为实习生购买实习责任保险。</p><footer>版权所有</footer></body></html>"
    )
    path = tmp_path / "rules.html"
    path.write_bytes(html.encode("gbk"))
    parsed = parse_file(path)
    assert parsed.doc.title == "实习管理办法"
    assert [c.metadata["clause_no"] for c in parsed.chunks if c.metadata["clause_kind"] == "article"] == [
        "第一条",
        "第二条",
    ]
    joined = "".join(c.text for c in parsed.chunks)
    assert "var x" not in joined and "首页" not in joined and "版权所有" not in joined


def _write_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setTitle("学徒制补贴办法")
    pdf.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        pdf.drawString(60, 780 - 20 * i, line)
    pdf.save()


def test_pdf_text_is_extracted_into_clauses(tmp_path: Path) -> None:
    path = tmp_path / "subsidy.pdf"
    _write_pdf(
        path,
        [
            "一、适用范围",
            "本办法适用于开展现代学徒制的企业。",
            "二、补贴标准",
            "按照不同职业（工种）培训成本给予培训补贴。",
        ],
    )
    parsed = parse_file(path)
    assert parsed.doc.title == "学徒制补贴办法"
    paths = [c.clause_path for c in parsed.chunks]
    assert paths == ["一、适用范围", "二、补贴标准"]
    assert "培训成本" in parsed.chunks[1].text


def test_corrupt_pdf_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<\n/Type /Catalog\nthis is not a pdf" + b"\x00" * 100)
    with pytest.raises((CorruptFile, EmptyDocument)) as err:
        parse_file(path)
    assert "broken.pdf" in str(err.value)


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "校企合作协议要点"
    document.add_paragraph("第一条 学校与企业共同制定人才培养方案。")
    document.add_paragraph("第二条 企业为学徒指定师傅。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "补贴"
    table.rows[0].cells[1].text = "按规定给予"
    path = tmp_path / "agreement.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert parsed.doc.title == "校企合作协议要点"
    assert [c.metadata["clause_no"] for c in parsed.chunks] == ["第一条", "第二条"]
    assert "按规定给予" in parsed.chunks[-1].text


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CorruptFile) as err:
        parse_file(path)
    assert "broken.docx" in str(err.value)


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    path = tmp_path / "digest.md"
    path.write_text(
        "---\ntitle: 政策摘编\nissuer: 平台\ndoc_number: 摘编-1\ndate: 2026-11-01\ndoc_type: digest\n---\n"
        "## 一、税费优惠\n1.**投资抵扣**。试点企业投资额的30%可抵扣教育费附加。\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    doc = parsed.doc
    assert (doc.title, doc.issuer, doc.extra["internal_number"], doc.date, doc.doc_type) == (
        "政策摘编",
        "平台",
        "摘编-1",  # a digest number: kept, but not as a 文号
        "2026-11-01",
        "digest",
    )
    assert doc.doc_number == ""
    assert parsed.chunks[0].clause_path == "一、税费优惠 > 1.投资抵扣"
    assert "**" not in parsed.chunks[0].text
