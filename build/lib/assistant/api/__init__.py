"""The HTTP edge: FastAPI app factory, request/response schemas, error mapping."""

from assistant.api.app import create_app

__all__ = ["create_app"]
