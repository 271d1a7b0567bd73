"""Submissions and their review: 待审核 -> 已发布 / 已退回 (with a reason); the owner may withdraw.

The public sees a submission's last approved version (``live``): editing a published record puts the
new version in the queue while the approved one stays searchable; returning it keeps the approved one;
withdrawing removes it.

    submit     an enterprise or school account sends a new record of a kind its role may publish
    edit       the owner changes its record; the change waits for review again
    withdraw   the owner (or staff) takes it down; it leaves search at once
    approve    staff publish a pending record
    send_back  staff return it with a reason; nothing is lost, the owner edits and resubmits

Every write goes to the audit log with who, when, what and the fields that changed.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from pydantic import ValidationError

from assistant.errors import AuthError, QueryError, validation_message
from assistant.platform.accounts import now_iso, require_role
from assistant.platform.records import OWNER_FIELD, PLATFORM_MODELS, PlatformKind
from assistant.platform.store import Account, PlatformStore, Role, Status, Submission
from assistant.records import _Record

ROLE_KINDS: dict[Role, tuple[PlatformKind, ...]] = {
    Role.enterprise: (PlatformKind.talent_demand, PlatformKind.tech_need),
    Role.school: (PlatformKind.resource, PlatformKind.cooperation, PlatformKind.graduates),
    Role.staff: (),
}
_PREFIX = {
    PlatformKind.talent_demand: "TD",
    PlatformKind.tech_need: "TN",
    PlatformKind.resource: "SR",
    PlatformKind.cooperation: "CP",
    PlatformKind.graduates: "G",
}


def parse_kind(kind: str) -> PlatformKind:
    for candidate in PlatformKind:
        if kind in (candidate.value, candidate.label):
            return candidate
    raise QueryError(f"kind：记录类型须为 {'/'.join(k.value for k in PlatformKind)}，收到 {kind!r}")


def validate_record(kind: PlatformKind, data: dict[str, Any]) -> _Record:
    """The record, or a 422 naming every bad field (``record.headcount: ...``)."""
    try:
        return PLATFORM_MODELS[kind].model_validate(data)
    except ValidationError as exc:
        raise QueryError("记录有误：" + validation_message(exc, prefix="record.", whole="record")) from exc


def submit(
    store: PlatformStore, account: Account, kind: PlatformKind, data: dict[str, Any], taken_ids: set[str]
) -> Submission:
    """A new record from ``account``, waiting for review."""
    require_role(account, Role.enterprise, Role.school)
    if kind not in ROLE_KINDS[account.role]:
        allowed = "、".join(k.label for k in ROLE_KINDS[account.role])
        raise AuthError(f"{account.org} 的账号只能发布{allowed}，不能发布{kind.label}", status=403)
    data = _own(account, kind, dict(data))
    data.setdefault("id", f"{_PREFIX[kind]}-{secrets.token_hex(4)}")
    record = validate_record(kind, data)
    if record.id in taken_ids or store.get(record.id) is not None:
        raise QueryError(f"record.id：编号 {record.id!r} 已被使用，请换一个或不填由系统生成")
    now = now_iso()
    sub = Submission(record.id, kind.value, account.username, _dump(record), Status.pending, "", now, now)
    store.put(sub)
    store.log(now, account.username, "submit", record.id, {"kind": kind.value, "record": sub.data})
    return sub


def edit(store: PlatformStore, account: Account, record_id: str, data: dict[str, Any]) -> Submission:
    """The owner's new version of its record; it waits for review again."""
    sub = _mine(store, account, record_id)
    kind = PlatformKind(sub.kind)
    data = _own(account, kind, {**dict(data), "id": record_id})
    record = validate_record(kind, data)
    new = _dump(record)
    changes = {
        k: [sub.data.get(k), new.get(k)] for k in sorted(set(sub.data) | set(new)) if sub.data.get(k) != new.get(k)
    }
    sub.data, sub.status, sub.reason, sub.updated = new, Status.pending, "", now_iso()
    store.put(sub)
    store.log(sub.updated, account.username, "edit", record_id, {"changes": changes})
    return sub


def withdraw(store: PlatformStore, account: Account, record_id: str) -> Submission:
    sub = _get(store, record_id) if account.role is Role.staff else _mine(store, account, record_id)
    before = sub.status
    sub.status, sub.updated, sub.live = Status.withdrawn, now_iso(), None
    store.put(sub)
    store.log(sub.updated, account.username, "withdraw", record_id, {"status": [before.value, sub.status.value]})
    return sub


def approve(store: PlatformStore, account: Account, record_id: str) -> Submission:
    require_role(account, Role.staff)
    sub = _pending(store, record_id)
    sub.status, sub.reason = Status.published, ""
    sub.updated = sub.published_at = now_iso()
    sub.data.setdefault("published", dt.date.today().isoformat())
    sub.live = dict(sub.data)
    store.put(sub)
    store.log(sub.updated, account.username, "approve", record_id, {"status": [Status.pending.value, "已发布"]})
    return sub


def send_back(store: PlatformStore, account: Account, record_id: str, reason: str) -> Submission:
    require_role(account, Role.staff)
    if not reason.strip():
        raise QueryError("reason：退回时请写明原因")
    sub = _pending(store, record_id)
    sub.status, sub.reason, sub.updated = Status.returned, reason.strip(), now_iso()
    store.put(sub)
    store.log(
        sub.updated,
        account.username,
        "return",
        record_id,
        {"status": [Status.pending.value, "已退回"], "reason": reason},
    )
    return sub


def review_queue(store: PlatformStore, account: Account) -> list[Submission]:
    require_role(account, Role.staff)
    return store.submissions(status=Status.pending)


def _own(account: Account, kind: PlatformKind, data: dict[str, Any]) -> dict[str, Any]:
    """Fill the publishing organisation from the account; refuse another organisation's name."""
    owner_field = OWNER_FIELD[kind]
    given = str(data.get(owner_field) or "").strip()
    if given and given != account.org:
        raise AuthError(f"record.{owner_field}：只能发布本单位（{account.org}）的记录，收到 {given!r}", status=403)
    data[owner_field] = account.org
    return data


def _get(store: PlatformStore, record_id: str) -> Submission:
    sub = store.get(record_id)
    if sub is None:
        raise QueryError(f"record_id：没有编号为 {record_id!r} 的提交记录")
    return sub


def _mine(store: PlatformStore, account: Account, record_id: str) -> Submission:
    sub = _get(store, record_id)
    if sub.owner != account.username:
        raise AuthError(f"记录 {record_id} 不是本账号发布的，不能修改或撤回", status=403)
    return sub


def _pending(store: PlatformStore, record_id: str) -> Submission:
    sub = _get(store, record_id)
    if sub.status is not Status.pending:
        raise QueryError(f"record_id：记录 {record_id} 当前状态为{sub.status.value}，只有待审核的记录可以审核")
    return sub


def _dump(record: _Record) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude_none=True)
