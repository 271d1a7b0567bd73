"""Saved profiles and "what is new" without an account.

``POST /api/profiles/student`` or ``/enterprise`` saves a profile and returns its key once; the key
(header ``X-Profile-Key``) opens it: ``GET /api/profiles/me``, ``PUT`` to change it, ``DELETE`` to
remove it, and ``GET /api/profiles/new`` for the postings, benefits and platform records that
appeared since the last visit (each visit moves the mark). 401 for a missing or wrong key.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Header, Response
from pydantic import BaseModel, Field

from assistant.api.deps import get_assistant
from assistant.api.schemas import ErrorBody
from assistant.api.strict import StrictEnterpriseProfile, StrictStudentProfile
from assistant.service import Assistant

router = APIRouter(prefix="/api/profiles", tags=["profiles"])
_KEYED: dict[int | str, dict[str, Any]] = {401: {"model": ErrorBody, "description": "缺少或错误的资料密钥"}}
KeyHeader = Header(None, alias="X-Profile-Key", description="保存资料时给出的密钥 pk_…")


class SavedResponse(BaseModel):
    id: str
    kind: str
    key: str = Field(description="资料密钥：只显示这一次，请妥善保存；凭它查看“有什么新的”")
    profile: dict[str, Any]
    last_seen: str


class NewsResponse(BaseModel):
    id: str
    kind: str
    since: str = Field(description="上次查看的时间（UTC）；此后出现的才算新的")
    count: int
    postings: list[dict[str, Any]] = Field(description="学生：上次以来新出现的、推荐给你的岗位和专业（附理由）")
    benefits: list[dict[str, Any]] = Field(description="企业：上次以来新出现或修改的政策中适用于你的优惠和义务")
    records: list[dict[str, Any]] = Field(description="上次以来发布的、与你的专业或领域相符的平台信息")


def _saved(service: Assistant, kind: str, data: dict[str, Any]) -> SavedResponse:
    saved, key = service.platform.save_profile("student" if kind == "student" else "enterprise", data)
    return SavedResponse(id=saved.id, kind=saved.kind, key=key, profile=saved.data, last_seen=saved.last_seen)


@router.post("/student", status_code=201, response_model=SavedResponse)
def save_student(profile: StrictStudentProfile, service: Assistant = Depends(get_assistant)) -> SavedResponse:
    return _saved(service, "student", profile.model_dump(mode="json"))


@router.post("/enterprise", status_code=201, response_model=SavedResponse)
def save_enterprise(profile: StrictEnterpriseProfile, service: Assistant = Depends(get_assistant)) -> SavedResponse:
    return _saved(service, "enterprise", profile.model_dump(mode="json"))


@router.get("/me", responses=_KEYED)
def show(key: str | None = KeyHeader, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    return service.platform.open_profile(key).to_dict()


@router.put("/me/student", responses=_KEYED)
def change_student(
    profile: StrictStudentProfile, key: str | None = KeyHeader, service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return service.platform.update_profile(key, "student", profile.model_dump(mode="json")).to_dict()


@router.put("/me/enterprise", responses=_KEYED)
def change_enterprise(
    profile: StrictEnterpriseProfile, key: str | None = KeyHeader, service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    return service.platform.update_profile(key, "enterprise", profile.model_dump(mode="json")).to_dict()


@router.delete("/me", status_code=204, responses=_KEYED)
def delete(key: str | None = KeyHeader, service: Assistant = Depends(get_assistant)) -> Response:
    service.platform.delete_profile(key)
    return Response(status_code=204)


@router.get("/new", response_model=NewsResponse, responses=_KEYED)
def whats_new(
    key: str | None = KeyHeader, peek: bool = False, service: Assistant = Depends(get_assistant)
) -> dict[str, Any]:
    """New since the last visit; ``peek=true`` looks without moving the last-visit mark."""
    return service.profile_news(key, touch=not peek, today=dt.date.today())
