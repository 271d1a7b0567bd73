"""The index manifest: which embedder, dimension, chunker and schema built an index.

An index opened with anything else is refused with both names in the message, never
searched with vectors from another model.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.errors import IndexError_, IndexMismatch

SCHEMA_VERSION = 1
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    embedder: str
    dimension: int
    chunker: str
    schema_version: int = SCHEMA_VERSION

    def check_against(self, wanted: Manifest, where: Path) -> None:
        """Raise :class:`IndexMismatch` when ``wanted`` cannot use an index built as ``self``."""
        if (self.embedder, self.dimension) != (wanted.embedder, wanted.dimension):
            raise IndexMismatch(
                f"index at {where} was built with embedder {self.embedder} ({self.dimension}-dim) "
                f"but the settings use {wanted.embedder} ({wanted.dimension}-dim); use the same "
                f"embedder or build a new index in another ASSISTANT_INDEX_DIR"
            )
        if self.chunker != wanted.chunker or self.schema_version != wanted.schema_version:
            raise IndexMismatch(
                f"索引 {where} 由旧版本建立（chunker {self.chunker} / schema {self.schema_version}，"
                f"本版本为 chunker {wanted.chunker} / schema {wanted.schema_version}），请运行 "
                f"`assistant index rebuild` 按原来的文件重建（或导入到新的 ASSISTANT_INDEX_DIR）"
            )


def read_manifest(index_dir: Path) -> Manifest | None:
    path = index_dir / MANIFEST_NAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(**data)
    except (ValueError, TypeError) as exc:
        raise IndexError_(f"index manifest {path} is unreadable: {exc}") from exc


def write_manifest(index_dir: Path, manifest: Manifest) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / f".{MANIFEST_NAME}.tmp"
    tmp.write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, index_dir / MANIFEST_NAME)
