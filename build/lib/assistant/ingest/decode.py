"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Bytes that are valid UTF-8 are read as UTF-8: a GB18030 text is valid UTF-8 only when every
character's two bytes fall in UTF-8's two-byte range (C2-DF, 80-BF), which real text never does
(a run of 一, D2 BB, is one: it reads as Cyrillic һ).

Text that decodes in no supported encoding, or decodes only into control
characters, is refused as binary instead of being indexed as mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from assistant.errors import BinaryContent

_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_RATIO = 0.01


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in _CONTROL_OK) or ch == "\ufffd")
    return bad / len(sample)


def decode_text(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used; raise :class:`BinaryContent` for non-text."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data[:8192]:
        raise BinaryContent(path, "contains NUL bytes: a binary file, not text")
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > _MAX_CONTROL_RATIO:
            break
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    raise BinaryContent(path, "不是文本：既非 UTF-8 也非 GB18030/GBK 编码（binary，二进制文件或未知编码）")
