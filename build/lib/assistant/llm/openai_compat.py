"""The ``openai`` backend: any OpenAI-compatible server (vLLM, Ollama, a hosted Qwen or
DeepSeek API) through llama-index's OpenAILike integration. The path for a GPU server."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.errors import LLMUnavailable
from assistant.llm.local import JUDGE_SYSTEM, JUDGE_USER

_PASSAGE_CHARS = 400


class OpenAICompatibleLLM:
    """A remote chat model. The judge asks for one word (是/否); no logits are needed."""

    name = "openai"

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 120.0) -> None:
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError as exc:  # pragma: no cover - installed with the package
            raise LLMUnavailable("llama-index-llms-openai-like is not installed") from exc
        self._llm = OpenAILike(
            model=model,
            api_base=base_url,
            api_key=api_key or "none",
            is_chat_model=True,
            temperature=0.0,
            timeout=timeout,
            max_retries=1,
            context_window=8192,
        )
        self.model = model

    def _messages(self, system: str, user: str) -> list:
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]

    def judge(self, question: str, passages: Sequence[str]) -> list[float]:
        scores = []
        for passage in passages:
            user = JUDGE_USER.format(question=question, passage=passage[:_PASSAGE_CHARS])
            try:
                reply = self._llm.chat(self._messages(JUDGE_SYSTEM, user), max_tokens=2).message.content or ""
            except Exception as exc:
                raise LLMUnavailable(f"OpenAI-compatible server failed: {exc}") from exc
            scores.append(4.0 if reply.strip().startswith("是") else -4.0 if reply.strip().startswith("否") else 0.0)
        return scores

    def stream(self, system: str, user: str, max_tokens: int = 256) -> Iterator[str]:
        try:
            for chunk in self._llm.stream_chat(self._messages(system, user), max_tokens=max_tokens):
                if chunk.delta:
                    yield chunk.delta
        except Exception as exc:
            raise LLMUnavailable(f"OpenAI-compatible server failed: {exc}") from exc
