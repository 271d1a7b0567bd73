"""Choose the LLM backend from the settings (one loaded per process)."""

from __future__ import annotations

import functools
import importlib.util
import logging

from assistant.config import LLMBackend, Settings
from assistant.errors import LLMUnavailable, QueryError
from assistant.llm.base import LLM
from assistant.llm.model_file import part_paths

log = logging.getLogger(__name__)


@functools.cache  # asked on every request with backend auto; installed packages do not change
def local_available() -> bool:
    """llama-cpp-python and the 22 model packages are installed (the file itself is checked on load)."""
    if importlib.util.find_spec("llama_cpp") is None:
        return False
    try:
        part_paths()
    except LLMUnavailable:
        return False
    return True


def resolve_backend(settings: Settings, requested: str | None = None) -> LLMBackend:
    """The backend a request uses: the requested one, or the configured one (``auto`` resolved)."""
    backend = LLMBackend(requested) if requested else settings.llm_backend
    if backend is LLMBackend.auto:
        return LLMBackend.local if local_available() else LLMBackend.extractive
    return backend


def allowed_backends(settings: Settings) -> list[LLMBackend]:
    """The backends a request may choose: the configured one and ``llm_allowed_backends``."""
    chosen = [resolve_backend(settings), *(resolve_backend(settings, b.value) for b in settings.llm_allowed_backends)]
    return list(dict.fromkeys(chosen))


def check_backend_allowed(settings: Settings, requested: str | None) -> None:
    """Raise :class:`QueryError` when a request asks for a backend this server did not enable.

    Checked before anything loads: a client cannot make the server load a model it was not
    configured to run (``ASSISTANT_LLM_ALLOWED_BACKENDS`` widens the choice).
    """
    if requested is None:
        return
    allowed = allowed_backends(settings)
    if resolve_backend(settings, requested) not in allowed:
        names = "、".join(b.value for b in allowed)
        raise QueryError(f"本服务未启用回答后端 {requested}，可用的后端：{names}")


def load_llm(settings: Settings, backend: LLMBackend) -> LLM | None:
    """The LLM for ``backend``; ``None`` for extractive. Raises LLMUnavailable when it cannot load."""
    if backend is LLMBackend.extractive:
        return None
    if backend is LLMBackend.openai:
        if not (settings.openai_base_url and settings.openai_model):
            raise LLMUnavailable("the openai backend needs ASSISTANT_OPENAI_BASE_URL and ASSISTANT_OPENAI_MODEL")
        from assistant.llm.openai_compat import OpenAICompatibleLLM

        return OpenAICompatibleLLM(
            settings.openai_base_url,
            settings.openai_model,
            settings.openai_api_key.get_secret_value(),
            timeout=settings.llm_timeout,
        )
    from assistant.llm.local import LocalLLM

    return LocalLLM(settings.model_cache_dir, n_threads=settings.llm_threads or None)
