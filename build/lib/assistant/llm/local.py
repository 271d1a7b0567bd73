"""The local backend: the verified GGUF run in-process by llama-cpp-python.

Loaded once (about 1.9 GB resident); one generation at a time (a lock guards the
llama context). The shared prefix of consecutive prompts stays in the KV cache, so a
run of judge calls on one question pays for the question only once.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from assistant.errors import LLMUnavailable
from assistant.llm.model_file import ensure_model_file

log = logging.getLogger(__name__)

JUDGE_SYSTEM = "你是政策文件检索的相关性评审员。判断给出的材料是否包含回答问题所需的内容。"
JUDGE_USER = "问题：{question}\n\n材料：{passage}\n\n这段材料是否包含回答该问题所需的内容？只回答“是”或“否”。"
_PASSAGE_CHARS = 400


def chat_prompt(system: str, user: str) -> str:
    """Qwen2.5's ChatML template, ending where the assistant starts to speak."""
    return f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n"


class LocalLLM:
    """Qwen2.5-Coder-1.5B-Instruct Q4_K_M through llama-cpp-python."""

    name = "local"

    def __init__(self, cache_dir: Path, n_ctx: int = 4096, n_threads: int | None = None) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise LLMUnavailable("llama-cpp-python is not installed (pip install llama-cpp-python)") from exc
        path = ensure_model_file(cache_dir)
        self._llm = Llama(
            model_path=str(path), n_ctx=n_ctx, n_threads=n_threads or os.cpu_count() or 2, n_batch=512, verbose=False
        )
        self._lock = threading.Lock()
        self._yes = self._single_token("是")
        self._no = self._single_token("否")

    def _single_token(self, text: str) -> int:
        tokens = self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        if len(tokens) != 1:
            raise LLMUnavailable(f"tokenizer splits {text!r} into {len(tokens)} tokens; the judge needs one")
        return tokens[0]

    def _next_logits(self, prompt: str) -> np.ndarray:
        """Logits of the token after ``prompt``, reusing the cached common prefix."""
        tokens = self._llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)
        cached = self._llm.input_ids[: self._llm.n_tokens]
        prefix = 0
        for a, b in zip(cached, tokens):
            if a != b:
                break
            prefix += 1
        prefix = min(prefix, len(tokens) - 1)
        self._llm.n_tokens = prefix
        self._llm.eval(tokens[prefix:])
        n_vocab = self._llm.n_vocab()
        return np.ctypeslib.as_array(self._llm._ctx.get_logits(), shape=(n_vocab,)).copy()

    def judge(self, question: str, passages: Sequence[str]) -> list[float]:
        """Log-odds that each passage answers the question (是 vs 否 at the first answer token)."""
        scores = []
        with self._lock:
            for passage in passages:
                prompt = chat_prompt(
                    JUDGE_SYSTEM, JUDGE_USER.format(question=question, passage=passage[:_PASSAGE_CHARS])
                )
                logits = self._next_logits(prompt)
                scores.append(float(logits[self._yes] - logits[self._no]))
        return scores

    def stream(self, system: str, user: str, max_tokens: int = 256) -> Iterator[str]:
        """Greedy generation, piece by piece (the shared prompt prefix stays cached)."""
        with self._lock:
            for part in self._llm.create_completion(
                chat_prompt(system, user), max_tokens=max_tokens, temperature=0.0, stream=True, stop=["<|im_end|>"]
            ):
                text = part["choices"][0]["text"]  # type: ignore[index]
                if text:
                    yield text
