"""The platform's database (``<data_dir>/platform.sqlite3``): accounts, tokens, submissions, audit log.

    accounts    username, role (enterprise | school | staff), organisation, majors / fields of interest,
                argon2 password hash, last visit
    tokens      API tokens: a public id and the sha256 of the secret (never the secret itself)
    records     submitted records: kind, owner, the record as JSON, status, return reason, times
    audit       every write: who, when, what, which record, the fields that changed
    profiles    saved student / enterprise profiles (no account needed): the profile as JSON, the
                sha256 of its key's secret, last visit

One connection per call (sqlite is cheap to open; no connection is shared between threads).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    username TEXT PRIMARY KEY, role TEXT NOT NULL, org TEXT NOT NULL, majors TEXT NOT NULL DEFAULT '[]',
    fields TEXT NOT NULL DEFAULT '[]', password_hash TEXT NOT NULL, created TEXT NOT NULL, last_seen TEXT
);
CREATE TABLE IF NOT EXISTS tokens (
    token_id TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES accounts(username), secret_sha256 TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, owner TEXT NOT NULL, data TEXT NOT NULL, status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL, published_at TEXT,
    live TEXT
);
CREATE INDEX IF NOT EXISTS records_status ON records(status);
CREATE TABLE IF NOT EXISTS profiles (
    id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, created TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    record_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '{}'
);
"""


class Role(str, Enum):
    enterprise = "enterprise"
    school = "school"
    staff = "staff"


class Status(str, Enum):
    """A submission's state: only 已发布 records are searched and matched."""

    pending = "待审核"
    published = "已发布"
    returned = "已退回"
    withdrawn = "已撤回"


@dataclass
class Account:
    username: str
    role: Role
    org: str
    majors: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    last_seen: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "role": self.role.value,
            "org": self.org,
            "majors": self.majors,
            "fields": self.fields,
            "last_seen": self.last_seen,
        }


@dataclass
class Submission:
    id: str
    kind: str
    owner: str
    data: dict[str, Any]
    status: Status
    reason: str
    created: str
    updated: str
    published_at: str = ""
    live: dict[str, Any] | None = None  # the approved version the public sees (None: nothing public)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "owner": self.owner,
            "status": self.status.value,
            "reason": self.reason,
            "created": self.created,
            "updated": self.updated,
            "published_at": self.published_at,
            "record": self.data,
            "public": self.live is not None,
        }


@dataclass
class SavedProfile:
    """A student or enterprise profile kept for "what is new": its key is shown once, like a token."""

    id: str
    kind: str  # student | enterprise
    data: dict[str, Any]
    created: str
    last_seen: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "profile": self.data,
            "created": self.created,
            "last_seen": self.last_seen,
        }


@dataclass
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    record_id: str
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class PlatformStore:
    """Rows in and out of ``platform.sqlite3``; no rules here (they live in :mod:`assistant.platform.workflow`)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "platform.sqlite3"
        self._ready = False

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            if not self._ready:
                conn.executescript(_SCHEMA)
                self._ready = True
            with conn:
                yield conn
        finally:
            conn.close()

    # ---- accounts ----------------------------------------------------------------------
    def add_account(self, account: Account, password_hash: str, now: str) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO accounts(username, role, org, majors, fields, password_hash, created)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    account.username,
                    account.role.value,
                    account.org,
                    _dumps(account.majors),
                    _dumps(account.fields),
                    password_hash,
                    now,
                ),
            )

    def account(self, username: str) -> tuple[Account, str] | None:
        """The account and its password hash."""
        with self.connect() as conn:
            row = conn.execute("SELECT * FROM accounts WHERE username = ?", (username,)).fetchone()
        return (_account(row), str(row["password_hash"])) if row else None

    def accounts(self) -> list[Account]:
        with self.connect() as conn:
            return [_account(r) for r in conn.execute("SELECT * FROM accounts ORDER BY username")]

    def set_password_hash(self, username: str, password_hash: str) -> None:
        with self.connect() as conn:
            conn.execute("UPDATE accounts SET password_hash = ? WHERE username = ?", (password_hash, username))

    def touch(self, username: str, when: str) -> None:
        with self.connect() as conn:
            conn.execute("UPDATE accounts SET last_seen = ? WHERE username = ?", (when, username))

    def add_token(self, token_id: str, username: str, secret_sha256: str, now: str) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO tokens(token_id, username, secret_sha256, created) VALUES (?,?,?,?)",
                (token_id, username, secret_sha256, now),
            )

    def token(self, token_id: str) -> tuple[str, str] | None:
        """``(username, secret_sha256)`` of a token id."""
        with self.connect() as conn:
            row = conn.execute("SELECT username, secret_sha256 FROM tokens WHERE token_id = ?", (token_id,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    # ---- records -----------------------------------------------------------------------
    def put(self, sub: Submission) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO records(id, kind, owner, data, status, reason, created, updated, published_at,"
                " live) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    sub.id,
                    sub.kind,
                    sub.owner,
                    _dumps(sub.data),
                    sub.status.value,
                    sub.reason,
                    sub.created,
                    sub.updated,
                    sub.published_at or None,
                    None if sub.live is None else _dumps(sub.live),
                ),
            )

    def get(self, record_id: str) -> Submission | None:
        with self.connect() as conn:
            row = conn.execute("SELECT * FROM records WHERE id = ?", (record_id,)).fetchone()
        return _submission(row) if row else None

    def submissions(
        self, owner: str | None = None, status: Status | None = None, public: bool = False
    ) -> list[Submission]:
        sql, args = "SELECT * FROM records WHERE" + (" live IS NOT NULL" if public else " 1=1"), list[str]()
        if owner is not None:
            sql, args = sql + " AND owner = ?", [*args, owner]
        if status is not None:
            sql, args = sql + " AND status = ?", [*args, status.value]
        with self.connect() as conn:
            return [_submission(r) for r in conn.execute(sql + " ORDER BY created, id", args)]

    # ---- saved profiles ----------------------------------------------------------------
    def put_profile(self, profile: SavedProfile, secret_sha256: str) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO profiles(id, secret_sha256, kind, data, created, last_seen)"
                " VALUES (?,?,?,?,?,?)",
                (profile.id, secret_sha256, profile.kind, _dumps(profile.data), profile.created, profile.last_seen),
            )

    def profile(self, profile_id: str) -> tuple[SavedProfile, str] | None:
        """The saved profile and the sha256 of its key's secret."""
        with self.connect() as conn:
            row = conn.execute("SELECT * FROM profiles WHERE id = ?", (profile_id,)).fetchone()
        if row is None:
            return None
        saved = SavedProfile(row["id"], row["kind"], json.loads(row["data"]), row["created"], row["last_seen"])
        return saved, str(row["secret_sha256"])

    def touch_profile(self, profile_id: str, when: str) -> None:
        with self.connect() as conn:
            conn.execute("UPDATE profiles SET last_seen = ? WHERE id = ?", (when, profile_id))

    def delete_profile(self, profile_id: str) -> None:
        with self.connect() as conn:
            conn.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))

    # ---- audit -------------------------------------------------------------------------
    def log(self, at: str, actor: str, action: str, record_id: str = "", detail: dict[str, Any] | None = None) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO audit(at, actor, action, record_id, detail) VALUES (?,?,?,?,?)",
                (at, actor, action, record_id, _dumps(detail or {})),
            )

    def audit(self, limit: int = 200, record_id: str | None = None) -> list[AuditEntry]:
        sql, args = "SELECT * FROM audit", list[object]()
        if record_id:
            sql, args = sql + " WHERE record_id = ?", [record_id]
        with self.connect() as conn:
            rows = conn.execute(sql + " ORDER BY seq DESC LIMIT ?", [*args, limit]).fetchall()
        return [
            AuditEntry(r["seq"], r["at"], r["actor"], r["action"], r["record_id"], json.loads(r["detail"]))
            for r in rows
        ]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _account(row: sqlite3.Row) -> Account:
    return Account(
        username=row["username"],
        role=Role(row["role"]),
        org=row["org"],
        majors=json.loads(row["majors"]),
        fields=json.loads(row["fields"]),
        last_seen=row["last_seen"] or "",
    )


def _submission(row: sqlite3.Row) -> Submission:
    return Submission(
        id=row["id"],
        kind=row["kind"],
        owner=row["owner"],
        data=json.loads(row["data"]),
        status=Status(row["status"]),
        reason=row["reason"],
        created=row["created"],
        updated=row["updated"],
        published_at=row["published_at"] or "",
        live=json.loads(row["live"]) if row["live"] else None,
    )
