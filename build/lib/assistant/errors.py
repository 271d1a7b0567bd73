"""The exception tree of the assistant.

    AssistantError                      base of everything the assistant raises on purpose
    ├── ConfigError                     settings that cannot work (bad path, placeholder token ...)
    ├── IngestError                     one input file could not be ingested (carries ``path``)
    │   ├── UnsupportedFormat           extension the loaders do not handle
    │   ├── EmptyDocument               file has no text after cleaning
    │   ├── BinaryContent               bytes that are not text in any supported encoding
    │   ├── CorruptFile                 a PDF / DOCX / JSON / YAML that cannot be parsed
    │   └── TooLarge                    a file, its unpacked content, its text or its chunks over a limit
    ├── IndexError_                     the index on disk cannot be used
    │   └── IndexMismatch               index built with another embedder / chunker / schema
    ├── EmbedderUnavailable             the configured embedding model cannot be loaded
    ├── LLMUnavailable                  the LLM backend cannot be loaded or reached
    │   └── LLMBusy                     every LLM slot and queue place is taken (retry later)
    ├── AuthError                       a write without a valid admin token (401 / 403)
    └── QueryError                      a request that cannot be answered as asked (bad filter ...)
        └── NotFound                    the thing the request names does not exist (404)

Each error names the bad value and where it came from; edges (CLI, API) translate
them into one line / one JSON body and never show a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol


class AssistantError(Exception):
    """Base class of the assistant's own errors."""


class ConfigError(AssistantError):
    """Settings that cannot work."""


class IngestError(AssistantError):
    """A file could not be ingested."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnsupportedFormat(IngestError):
    """The file's extension is not one the loaders handle."""


class EmptyDocument(IngestError):
    """The file holds no text once cleaned."""


class BinaryContent(IngestError):
    """The bytes are not text in UTF-8 or GB18030."""


class CorruptFile(IngestError):
    """A structured file (PDF, DOCX, JSON, YAML, CSV) cannot be parsed."""


class TooLarge(IngestError):
    """A file (or what it unpacks to, its text, its chunks) is over a configured limit."""


class IndexError_(AssistantError):
    """The index on disk cannot be used."""


class IndexMismatch(IndexError_):
    """The index was built with other settings than the ones in use."""


class EmbedderUnavailable(AssistantError):
    """The embedding model cannot be loaded."""


class LLMUnavailable(AssistantError):
    """The LLM backend cannot be loaded (missing or unverified model file) or reached."""


class LLMBusy(LLMUnavailable):
    """The LLM's concurrency slots and wait queue are full."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class AuthError(AssistantError):
    """A write operation without a valid admin token."""

    def __init__(self, message: str, status: int = 401) -> None:
        self.status = status
        super().__init__(message)


class QueryError(AssistantError):
    """A query that cannot be run as asked; ``field`` names the request field at fault, when one is."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFound(QueryError):
    """The record, document or other thing a request names does not exist."""


class HasErrors(Protocol):
    """A pydantic ``ValidationError`` or FastAPI's ``RequestValidationError``."""

    def errors(self) -> Any: ...


def field_errors(exc: HasErrors, prefix: str = "", whole: str = "(value)") -> list[tuple[str, str]]:
    """``(field, problem)`` for every error of a pydantic ``ValidationError`` (the one formatter).

    ``prefix`` is put before each field path (``records.3.``); ``whole`` names an error of the
    value as a whole (no field).
    """
    out = []
    for err in exc.errors():
        path = ".".join(str(part) for part in err["loc"] if part != "body")
        out.append((f"{prefix}{path}" if path else (prefix.rstrip(".") or whole), str(err["msg"])))
    return out


def validation_message(exc: HasErrors, prefix: str = "", whole: str = "(value)", sep: str = "; ") -> str:
    """``field: problem; field: problem`` for a pydantic ``ValidationError``."""
    colon = "：" if sep == "；" else ": "
    return sep.join(f"{field}{colon}{problem}" for field, problem in field_errors(exc, prefix, whole))
