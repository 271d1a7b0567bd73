"""Size limits: a 30 MB text and a zip-bomb DOCX are refused at once, naming the file; the rest go on."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from assistant.errors import CorruptFile, TooLarge
from assistant.ingest.documents import parse_file
from assistant.ingest.limits import Limits

POLICY = "第一条 为了规范实习管理，制定本办法。\n第二条 企业接收实习生应当签订三方协议。\n"


def zip_bomb_docx(path: Path, inflated_mb: int = 48) -> Path:
    """A DOCX whose document.xml inflates to ``inflated_mb`` MB from a few hundred KB."""
    filler = "<w:p><w:r><w:t>忽略</w:t></w:r></w:p>" * (inflated_mb * 1024 * 1024 // 40)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{filler}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return path


def test_a_30_mb_text_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_text(POLICY * (30 * 1024 * 1024 // len(POLICY.encode())), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(TooLarge, match="文件过大：30.0 MB，每个文件上限 20.0 MB") as err:
        parse_file(big)
    assert time.perf_counter() - started < 0.5
    assert err.value.path == str(big)


def test_a_zip_bomb_docx_is_refused_from_its_zip_directory(tmp_path: Path) -> None:
    bomb = zip_bomb_docx(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(TooLarge, match="解压后内容过大"):
        parse_file(bomb, Limits(unpacked_bytes=20 * 1024 * 1024))
    assert time.perf_counter() - started < 0.5


def test_text_and_chunk_limits_name_the_file(tmp_path: Path) -> None:
    policy = tmp_path / "policy.txt"
    policy.write_text(POLICY * 50, encoding="utf-8")
    with pytest.raises(TooLarge, match="提取出的文字过多"):
        parse_file(policy, Limits(text_chars=1000))
    with pytest.raises(TooLarge, match="切分出的段落过多：[0-9,]+ 段，每个文件上限 1 段"):
        parse_file(policy, Limits(chunks=1))
    assert parse_file(policy).chunks  # within the defaults


def test_a_corrupt_docx_is_a_chinese_message_not_package_not_found(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(CorruptFile) as err:
        parse_file(broken)
    assert "已损坏" in str(err.value) and "Package not found" not in str(err.value)
    empty_zip = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "x")
    with pytest.raises(CorruptFile, match="不是有效的 DOCX"):
        parse_file(empty_zip)
