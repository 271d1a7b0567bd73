"""Loaders: one policy file (TXT, Markdown, HTML, PDF, DOCX) to plain text.

Every loader returns a :class:`LoadedText`; problems raise an :class:`IngestError`
subclass naming the file. Character spans of chunks refer to ``LoadedText.text``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from assistant.errors import CorruptFile, EmptyDocument, UnsupportedFormat
from assistant.ingest.decode import decode_text
from assistant.ingest.limits import Limits, check_unpacked_size

POLICY_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}


@dataclass
class LoadedText:
    """Text of one file, and what the format itself said about it."""

    text: str
    fmt: str
    encoding: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


def load_policy_file(path: Path, limits: Limits | None = None) -> LoadedText:
    """Read ``path`` into text according to its extension."""
    suffix = path.suffix.lower()
    if suffix not in POLICY_SUFFIXES:
        raise UnsupportedFormat(
            path, f"unsupported file type {suffix or '(none)'}; policy files are {', '.join(sorted(POLICY_SUFFIXES))}"
        )
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument(path, "文件是空的")
    if suffix == ".pdf":
        loaded = _load_pdf(path)
    elif suffix == ".docx":
        check_unpacked_size(path, limits or Limits())
        loaded = _load_docx(path)
    elif suffix in {".html", ".htm"}:
        loaded = _load_html(path, data)
    else:
        text, encoding = decode_text(data, path)
        loaded = LoadedText(text, "markdown" if suffix in {".md", ".markdown"} else "text", encoding)
    if not loaded.text.strip():
        raise EmptyDocument(path, "没有提取到文字")
    return loaded


def _load_pdf(path: Path) -> LoadedText:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptFile(path, f"PDF 文件已损坏，无法读取（{type(exc).__name__}）") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise EmptyDocument(path, f"PDF 共 {len(pages)} 页，没有文字层（可能是扫描图片）")
    title = str(reader.metadata.get("/Title") or "").strip() if reader.metadata else ""
    return LoadedText(text, "pdf", metadata={"title": title} if title else {})


def _load_docx(path: Path) -> LoadedText:
    import docx  # python-docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptFile(path, f"文件已损坏或不是有效的 DOCX，无法读取（{type(exc).__name__}）") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
    title = (document.core_properties.title or "").strip()
    return LoadedText("\n".join(lines), "docx", metadata={"title": title} if title else {})


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)


def _load_html(path: Path, data: bytes) -> LoadedText:
    declared = _META_CHARSET.search(data[:4096])
    text = None
    encoding = ""
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in {"gb2312", "gbk"} else name
        try:
            text, encoding = data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode_text(data, path)
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    body = re.sub(r"\n[ \t\u3000]*\n+", "\n\n", "".join(parser.parts))
    meta = {"title": parser.title.strip()} if parser.title.strip() else {}
    return LoadedText(body, "html", encoding, meta)


class _TextExtractor(HTMLParser):
    """Visible text of a page, one line per block element; no scripts, styles or navigation."""

    _SKIP = {"script", "style", "nav", "header", "footer", "noscript", "template", "aside"}
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "pre",
        "blockquote",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip_depth:
            self.parts.append(data.replace("\n", " "))
