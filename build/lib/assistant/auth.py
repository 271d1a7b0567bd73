"""Admin authorisation for write operations (API write endpoints, the web UI's admin tab).

Reads are public. Writes need the bearer token from ``ASSISTANT_ADMIN_TOKEN``. Outside
development a missing or placeholder token refuses every write rather than letting a
guessable token guard the index.
"""

from __future__ import annotations

import hmac

from assistant.config import PLACEHOLDER_TOKENS, Environment, Settings
from assistant.errors import AuthError, ConfigError


def admin_token_problem(settings: Settings) -> str | None:
    """Why the configured admin token cannot be used, or None when it can."""
    token = settings.admin_token.get_secret_value()
    if not token:
        return "ASSISTANT_ADMIN_TOKEN is not set; write operations are disabled"
    if settings.environment is not Environment.development and (token.lower() in PLACEHOLDER_TOKENS or len(token) < 16):
        return "ASSISTANT_ADMIN_TOKEN is a placeholder (or shorter than 16 characters); refused outside development"
    return None


def check_admin(settings: Settings, presented: str | None) -> None:
    """Raise unless ``presented`` is the configured admin token.

    ``AuthError(status=401)`` when no token was presented, 403 when it is wrong;
    ``ConfigError`` when the server has no usable token (writes are off).
    """
    problem = admin_token_problem(settings)
    if problem:
        raise ConfigError(problem)
    if not presented:
        raise AuthError("an admin token is required (Authorization: Bearer <token>)", status=401)
    expected = settings.admin_token.get_secret_value()
    if not hmac.compare_digest(presented.encode("utf-8"), expected.encode("utf-8")):
        raise AuthError("the admin token is not valid", status=403)
