"""Saved student and enterprise profiles: kept without an account, opened with a key shown once.

A key is ``pk_<profile id>_<secret>``; like an account token, only the sha256 of the secret is
stored and the presented one is compared in constant time. The profile is stored as the person
gave it (validated by the caller) and read again on every visit, so a fix to the profile reader
applies to saved profiles too. Saving counts as a visit: "what is new" starts from then.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any, Literal

from assistant.errors import AuthError, QueryError
from assistant.platform.accounts import secret_matches, secret_sha256
from assistant.platform.store import PlatformStore, SavedProfile

ProfileKind = Literal["student", "enterprise"]
_KEY = re.compile(r"^pk_([0-9a-f]{16})_([A-Za-z0-9_\-]{20,})$")


def _now() -> str:
    """UTC, to the microsecond: the index stamps changes to the millisecond, so a visit and a change rarely tie."""
    return dt.datetime.now(dt.UTC).isoformat()


def save_profile(store: PlatformStore, kind: ProfileKind, data: dict[str, Any]) -> tuple[SavedProfile, str]:
    """Store a new profile; returns it and its key (the only time the key is shown)."""
    profile_id, secret = secrets.token_hex(8), secrets.token_urlsafe(24)
    now = _now()
    saved = SavedProfile(profile_id, kind, data, now, now)
    store.put_profile(saved, secret_sha256(secret))
    return saved, f"pk_{profile_id}_{secret}"


def update_profile(store: PlatformStore, key: str | None, kind: ProfileKind, data: dict[str, Any]) -> SavedProfile:
    """Replace the profile a key opens (the key and the last visit stay); its kind cannot change."""
    saved = open_profile(store, key)
    if saved.kind != kind:
        label = {"student": "学生", "enterprise": "企业"}
        problem = f"kind：这份资料是{label[saved.kind]}资料，不能改成{label[kind]}资料；请另存一份"
        raise QueryError(problem, field="kind")
    match = _KEY.match((key or "").strip())
    assert match is not None  # open_profile checked it
    changed = SavedProfile(saved.id, saved.kind, data, saved.created, saved.last_seen)
    store.put_profile(changed, secret_sha256(match.group(2)))
    return changed


def open_profile(store: PlatformStore, key: str | None) -> SavedProfile:
    """The saved profile a key opens, or ``AuthError(401)`` with one message for any bad key."""
    if not key:
        raise AuthError("需要资料密钥：请在请求头中提供 X-Profile-Key（保存资料时给出）", status=401)
    match = _KEY.match(key.strip())
    row = store.profile(match.group(1)) if match else None
    if not secret_matches(row[1] if row else None, match.group(2) if match else key) or row is None:
        raise AuthError("资料密钥无效，或该资料已删除", status=401)
    return row[0]


def visited(store: PlatformStore, profile: SavedProfile) -> None:
    store.touch_profile(profile.id, _now())


def delete_profile(store: PlatformStore, key: str | None) -> SavedProfile:
    saved = open_profile(store, key)
    store.delete_profile(saved.id)
    return saved
