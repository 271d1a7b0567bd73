"""What ``assistant index stats`` shows: the documents and chunks of an index, by kind and type."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Protocol

from assistant.store.catalog import DocRow
from assistant.store.manifest import Manifest


class Listing(Protocol):
    """The catalog alone (CLI without a model) or the loaded index: both list documents and count chunks."""

    def documents(self) -> list[DocRow]: ...

    def count_chunks(self) -> int: ...


def describe(catalog: Listing, manifest: Manifest | None, index_dir: Path) -> dict[str, Any]:
    docs = catalog.documents()
    return {
        "index_dir": str(index_dir),
        "manifest": manifest.__dict__ if manifest else None,
        "documents": len(docs),
        "chunks": catalog.count_chunks(),
        "by_kind": dict(Counter(d.kind for d in docs)),
        "by_doc_type": dict(Counter(d.doc_type for d in docs)),
        "pending": [d.doc_id for d in docs if d.status != "done"],
        "docs": [
            {
                "doc_id": d.doc_id,
                "title": d.title,
                "kind": d.kind,
                "doc_type": d.doc_type,
                "chunks": d.chunk_count,
                "path": d.path,
            }
            for d in docs
        ],
    }
