"""Platform routes: login, submissions and review (per-account tokens), search, matching, the yearly report.

Reads (search, match, report) are public; writes need an account token (``Authorization: Bearer pt_...``)
from ``POST /api/platform/login`` or ``assistant account add``. 401 without or with a bad token, 403 for
the wrong role or another account's record, 422 naming the field for a bad record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.deps import get_assistant
from assistant.platform.report_export import to_csv, to_markdown, xlsx_bytes
from assistant.platform.search import PlatformFilters
from assistant.platform.store import Account
from assistant.service import Assistant

router = APIRouter(prefix="/api", tags=["platform"])
_bearer = HTTPBearer(auto_error=False)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=200)


class SubmitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(
        examples=["talent_demand"], description="talent_demand / tech_need / resource / cooperation / graduates"
    )
    record: dict[str, Any]


class EditRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record: dict[str, Any]


class ReturnRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=500, description="退回原因")


class PlatformSearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field("", max_length=200)
    filters: PlatformFilters = Field(default_factory=PlatformFilters)
    top_k: int = Field(50, ge=1, le=500)


def current_account(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Account:
    return get_assistant(request).platform.authenticate(credentials.credentials if credentials else None)


def _list(items: list[Any]) -> dict[str, Any]:
    return {"count": len(items), "items": [i.to_dict() for i in items]}


@router.post("/platform/login")
def login(body: LoginRequest, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    account, token = service.platform.login(body.username, body.password)
    return {"token": token, "account": account.to_dict()}


@router.get("/platform/me")
def me(account: Account = Depends(current_account)) -> dict[str, Any]:
    return account.to_dict()


@router.post("/platform/records", status_code=201)
def submit(
    body: SubmitRequest, account: Account = Depends(current_account), service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return service.platform.submit(account, body.kind, body.record).to_dict()


@router.get("/platform/records/mine")
def mine(account: Account = Depends(current_account), service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    return _list(service.platform.mine(account))


@router.put("/platform/records/{record_id}")
def edit(
    record_id: str,
    body: EditRequest,
    account: Account = Depends(current_account),
    service: Assistant = Depends(get_assistant),
) -> dict[str, Any]:
    return service.platform.edit(account, record_id, body.record).to_dict()


@router.delete("/platform/records/{record_id}")
def withdraw(
    record_id: str, account: Account = Depends(current_account), service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return service.platform.withdraw(account, record_id).to_dict()


@router.get("/platform/review")
def review_queue(
    account: Account = Depends(current_account), service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return _list(service.platform.queue(account))


@router.post("/platform/review/{record_id}/approve")
def approve(
    record_id: str, account: Account = Depends(current_account), service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return service.platform.approve(account, record_id).to_dict()


@router.post("/platform/review/{record_id}/return")
def send_back(
    record_id: str,
    body: ReturnRequest,
    account: Account = Depends(current_account),
    service: Assistant = Depends(get_assistant),
) -> dict[str, Any]:
    return service.platform.send_back(account, record_id, body.reason).to_dict()


@router.get("/platform/audit")
def audit(
    limit: int = Query(200, ge=1, le=5000),
    record_id: str | None = None,
    account: Account = Depends(current_account),
    service: Assistant = Depends(get_assistant),
) -> dict[str, Any]:
    return _list(service.platform.audit(account, limit, record_id))


@router.post("/platform/search")
def search(body: PlatformSearchRequest, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    return _list(service.platform.search(body.query, body.filters, body.top_k))


@router.get("/platform/match/{record_id}")
def match(
    record_id: str, top_k: int = Query(10, ge=1, le=100), service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return service.platform.match(record_id, top_k).to_dict()


@router.get("/platform/match-school")
def match_school(
    org: str = Query(min_length=1, max_length=100),
    top_k: int = Query(20, ge=1, le=100),
    service: Assistant = Depends(get_assistant),
) -> dict[str, Any]:
    return service.platform.match_school(org, top_k).to_dict()


@router.get("/platform/new")
def whats_new(
    since: dt.date | None = None,
    account: Account = Depends(current_account),
    service: Assistant = Depends(get_assistant),
) -> dict[str, Any]:
    return service.platform.whats_new(account, since)


@router.get("/report/supply-demand", response_model=None)
def supply_demand(
    year: int = Query(ge=2000, le=2100),
    region: str = Query("", max_length=50),
    format: Literal["json", "csv", "md", "xlsx"] = "json",
    service: Assistant = Depends(get_assistant),
) -> dict[str, Any] | Response:
    report = service.platform.report(year, region)
    name = f"supply-demand-{year}{'-' + region if region else ''}"
    if format == "csv":
        return PlainTextResponse(
            "\ufeff" + to_csv(report), media_type="text/csv; charset=utf-8", headers=_attachment(f"{name}.csv")
        )
    if format == "md":
        return PlainTextResponse(to_markdown(report), media_type="text/markdown; charset=utf-8")
    if format == "xlsx":
        return Response(xlsx_bytes(report), headers=_attachment(f"{name}.xlsx"), media_type=XLSX_TYPE)
    return report.to_dict()


def _attachment(filename: str) -> dict[str, str]:
    from urllib.parse import quote

    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}
