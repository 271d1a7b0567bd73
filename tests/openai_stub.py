"""A scripted OpenAI-compatible server, served for real on a free port (the fake sits at the LLM boundary).

``reply(prompt, judging)`` gives the text for one chat completion; requests are kept in ``app.state.requests``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

Reply = Callable[[str, bool], str]


def scripted_app(reply: Reply) -> FastAPI:
    app = FastAPI()
    app.state.requests = []

    @app.post("/v1/chat/completions")
    async def completions(request: Request):  # type: ignore[no-untyped-def]
        body = await request.json()
        app.state.requests.append(body)
        prompt = body["messages"][-1]["content"]
        text = reply(prompt, "只回答" in prompt)
        base = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"]}
        if not body.get("stream"):
            message = {"role": "assistant", "content": text}
            return JSONResponse({**base, "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]})

        def chunks():  # type: ignore[no-untyped-def]
            for start in range(0, len(text), 5):
                delta = {"content": text[start : start + 5]}
                chunk = {**base, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta}]}
                yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return app


@contextmanager
def serve(reply: Reply) -> Iterator[tuple[str, FastAPI]]:
    """``(base_url, app)`` of a scripted server running in a thread until the block ends."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = scripted_app(reply)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/v1", app
    finally:
        server.should_exit = True
        thread.join(5)
