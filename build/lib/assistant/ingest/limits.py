"""How much one file may hold: bytes on disk, bytes unpacked (DOCX), characters of text, chunks.

Checked at the cheapest point (the file's size before it is read, a DOCX's zip directory before
it is inflated), so a 30 MB text or a zip-bomb DOCX is refused in milliseconds, naming the file,
and the files after it are still ingested. Defaults (``ASSISTANT_MAX_*``): the largest file of
the shared corpus is 0.3 MB, 10 k characters and 120 chunks, so each limit is far above real
policies and far below what stalls the machine (the 31 MB text of issue 15: 25,889 chunks, 2 h).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.errors import CorruptFile, TooLarge

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 20 * MB
    unpacked_bytes: int = 50 * MB
    text_chars: int = 2_000_000
    chunks: int = 5_000

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.max_file_bytes, settings.max_unpacked_bytes, settings.max_text_chars, settings.max_chunks)


def _mb(n: int) -> str:
    return f"{n / MB:.1f} MB"


def check_file_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise TooLarge(path, f"文件过大：{_mb(size)}，每个文件上限 {_mb(limits.file_bytes)}")


def check_unpacked_size(path: Path, limits: Limits) -> None:
    """A DOCX is a zip: its members' declared sizes are summed before anything is inflated."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorruptFile(path, "文件已损坏或不是有效的 DOCX（无法作为压缩包打开）") from exc
    if unpacked > limits.unpacked_bytes:
        raise TooLarge(
            path, f"解压后内容过大：{_mb(unpacked)}，上限 {_mb(limits.unpacked_bytes)}（可能是异常或恶意文件）"
        )


def check_text_length(path: Path, chars: int, limits: Limits) -> None:
    if chars > limits.text_chars:
        raise TooLarge(path, f"提取出的文字过多：{chars:,} 字，每个文件上限 {limits.text_chars:,} 字")


def check_chunk_count(path: Path, chunks: int, limits: Limits) -> None:
    if chunks > limits.chunks:
        raise TooLarge(path, f"切分出的段落过多：{chunks:,} 段，每个文件上限 {limits.chunks:,} 段")
