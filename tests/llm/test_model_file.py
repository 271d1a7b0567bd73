"""The model file is assembled from its parts in order and refused unless size and hash match."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.errors import LLMUnavailable
from assistant.llm.model_file import EXPECTED_SHA256, EXPECTED_SIZE, ensure_model_file, part_paths, verify


def _parts(tmp_path: Path) -> tuple[list[Path], bytes]:
    data = [b"GGUF" + bytes(range(200)), b"middle" * 50, b"end"]
    paths = []
    for i, blob in enumerate(data, start=1):
        path = tmp_path / f"part{i}"
        path.write_bytes(blob)
        paths.append(path)
    return paths, b"".join(data)


def test_parts_are_concatenated_in_order_and_verified(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    digest = hashlib.sha256(whole).hexdigest()
    target = ensure_model_file(tmp_path / "cache", parts, len(whole), digest)
    assert target.read_bytes() == whole
    assert ensure_model_file(tmp_path / "cache", parts, len(whole), digest) == target  # cached, re-verified


def test_wrong_hash_or_size_is_refused_and_nothing_is_left_behind(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    with pytest.raises(LLMUnavailable, match="refusing"):
        ensure_model_file(tmp_path / "cache", parts, len(whole), "0" * 64)
    assert list((tmp_path / "cache").iterdir()) == []
    with pytest.raises(LLMUnavailable, match="refusing"):
        ensure_model_file(tmp_path / "cache", parts[::-1], len(whole), hashlib.sha256(whole).hexdigest())


def test_a_tampered_cached_file_is_refused(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    digest = hashlib.sha256(whole).hexdigest()
    target = ensure_model_file(tmp_path / "cache", parts, len(whole), digest)
    target.write_bytes(whole[:-1] + b"X")
    with pytest.raises(LLMUnavailable, match="sha256"):
        verify(target, len(whole), digest)


def test_the_installed_packages_hold_the_official_file() -> None:
    paths = part_paths()
    assert len(paths) == 22 and all(p.exists() for p in paths)
    assert sum(p.stat().st_size for p in paths) == EXPECTED_SIZE
    assert EXPECTED_SHA256.startswith("cc324af0")
