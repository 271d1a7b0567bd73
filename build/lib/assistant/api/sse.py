"""Server-sent events of an answer, closed the moment the response ends (done, error or client gone).

Starlette iterates a sync body in a worker thread and, when the client disconnects, simply stops
reading it: the generator would stay suspended until garbage collection, holding whatever it holds.
:class:`ClosingStreamingResponse` closes it in a ``finally``, so the answer's stream unwinds at once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from fastapi.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from assistant.answer.types import AnswerEvent
from assistant.errors import AssistantError

log = logging.getLogger(__name__)


class ClosingStreamingResponse(StreamingResponse):
    """A streaming response that closes its (sync generator) source however the response ends."""

    def __init__(self, content: Iterator[str], **kwargs: object) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._source = content

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            close = getattr(self._source, "close", None)
            if close is not None:
                try:
                    close()
                except ValueError:  # still running in a worker thread: it ends with its current step
                    log.warning("stream still running when the response ended; it ends with its current step")


def sse_frames(first: AnswerEvent, rest: Iterator[AnswerEvent]) -> Iterator[str]:
    """``event: <type>`` frames; an error after the first frame is sent as an ``error`` event."""

    def frame(event: AnswerEvent) -> str:
        return f"event: {event.type}\ndata: {json.dumps(event.to_dict(), ensure_ascii=False)}\n\n"

    try:
        yield frame(first)
        for event in rest:
            yield frame(event)
    except AssistantError as exc:  # mid-stream: the status line is sent already
        yield frame(AnswerEvent("error", error=str(exc)))
    finally:
        close = getattr(rest, "close", None)
        if close is not None:
            close()
