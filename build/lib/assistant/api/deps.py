"""Dependencies shared by the API's routes."""

from __future__ import annotations

from fastapi import Request

from assistant.service import Assistant


def get_assistant(request: Request) -> Assistant:
    """The loaded :class:`Assistant` of this app (set in the lifespan)."""
    return request.app.state.assistant  # type: ignore[no-any-return]
