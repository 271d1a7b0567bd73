"""Platform accounts: argon2 password hashes, per-account API tokens, who may do what.

A token is ``pt_<token id>_<secret>``; the database keeps the id and the sha256 of the secret, and
the presented secret's hash is compared with ``hmac.compare_digest`` (constant time). Passwords are
hashed with argon2id (``argon2-cffi`` defaults) and rehashed on login when the parameters change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import sqlite3

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from assistant.errors import AuthError, QueryError
from assistant.platform.store import Account, PlatformStore, Role

_HASHER = PasswordHasher()
_TOKEN = re.compile(r"^pt_([0-9a-f]{16})_([A-Za-z0-9_\-]{20,})$")
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{3,40}$")
MIN_PASSWORD = 8


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def secret_sha256(secret: str) -> str:
    """What the store keeps of a secret (a token's or a saved profile's key): its sha256, never the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(stored_sha256: str | None, secret: str) -> bool:
    """Whether ``secret`` hashes to the stored sha256, in constant time (an unknown id costs the same)."""
    expected = stored_sha256 or secret_sha256("no such secret")
    return hmac.compare_digest(secret_sha256(secret), expected) and stored_sha256 is not None


def create_account(store: PlatformStore, account: Account, password: str) -> str:
    """Store a new account and return its first API token."""
    if not _USERNAME.match(account.username):
        raise QueryError(f"username：须为3-40位字母、数字或 _ . -，收到 {account.username!r}")
    if len(password) < MIN_PASSWORD:
        raise QueryError(f"password：密码至少 {MIN_PASSWORD} 位，收到 {len(password)} 位")
    if not account.org.strip():
        raise QueryError("org：请填写单位名称")
    try:
        store.add_account(account, _HASHER.hash(password), now_iso())
    except sqlite3.IntegrityError as exc:
        raise QueryError(f"username：账号 {account.username!r} 已存在") from exc
    store.log(now_iso(), "system", "account.add", detail={"username": account.username, "role": account.role.value})
    return issue_token(store, account.username)


def issue_token(store: PlatformStore, username: str) -> str:
    token_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    store.add_token(token_id, username, secret_sha256(secret), now_iso())
    return f"pt_{token_id}_{secret}"


def login(store: PlatformStore, username: str, password: str) -> tuple[Account, str]:
    """The account and a new token, or ``AuthError(401)`` with one message for any failure."""
    found = store.account(username)
    if found is None:
        _HASHER.hash(password)  # spend the same time as a real check
        raise AuthError("用户名或密码错误", status=401)
    account, stored = found
    try:
        _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError) as exc:
        raise AuthError("用户名或密码错误", status=401) from exc
    if _HASHER.check_needs_rehash(stored):
        store.set_password_hash(username, _HASHER.hash(password))
    store.log(now_iso(), username, "login")
    return account, issue_token(store, username)


def authenticate(store: PlatformStore, token: str | None) -> Account:
    """The account a bearer token belongs to: 401 without a token or with an unknown one."""
    if not token:
        raise AuthError("需要登录：请在请求头中提供 Authorization: Bearer <令牌>", status=401)
    match = _TOKEN.match(token.strip())
    row = store.token(match.group(1)) if match else None
    if not secret_matches(row[1] if row else None, match.group(2) if match else token) or row is None:
        raise AuthError("令牌无效或已失效，请重新登录", status=401)
    found = store.account(row[0])
    if found is None:
        raise AuthError("令牌对应的账号不存在", status=401)
    return found[0]


def require_role(account: Account, *roles: Role) -> None:
    if account.role not in roles:
        wanted = "、".join(ROLE_LABELS[r] for r in roles)
        raise AuthError(
            f"此操作仅限{wanted}账号，当前账号 {account.username} 是{ROLE_LABELS[account.role]}", status=403
        )


ROLE_LABELS = {Role.enterprise: "企业", Role.school: "学校", Role.staff: "工作人员"}
