"""A request may choose only the backends the server enabled: anything else is a 422, nothing loads."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.config import LLMBackend
from assistant.errors import QueryError
from assistant.llm.factory import allowed_backends, check_backend_allowed
from tests.conftest import make_settings


def test_only_the_configured_backend_by_default(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert allowed_backends(settings) == [LLMBackend.extractive]
    check_backend_allowed(settings, None)
    check_backend_allowed(settings, "extractive")
    with pytest.raises(QueryError, match="未启用回答后端 local"):
        check_backend_allowed(settings, "local")


def test_the_setting_widens_the_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_ALLOWED_BACKENDS", "local, extractive")
    settings = make_settings(tmp_path)
    assert allowed_backends(settings) == [LLMBackend.extractive, LLMBackend.local]
    check_backend_allowed(settings, "local")
    with pytest.raises(QueryError, match="可用的后端：extractive、local"):
        check_backend_allowed(settings, "openai")


def test_the_api_refuses_another_backend_without_loading_it(
    tmp_path: Path, assistant_factory, caplog: pytest.LogCaptureFixture
) -> None:
    assistant = assistant_factory(tmp_path / "index")
    with TestClient(create_app(assistant.settings, assistant=assistant)) as client, caplog.at_level(logging.INFO):
        for path in ("/api/ask", "/api/ask/stream"):
            for backend in ("local", "openai"):
                response = client.post(path, json={"question": "企业能获得多少补贴？", "backend": backend})
                assert response.status_code == 422, response.text
                assert response.json()["error"] == "invalid_query"
                assert f"未启用回答后端 {backend}" in response.json()["detail"]
    assert assistant._llms == {}  # no model was loaded
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
