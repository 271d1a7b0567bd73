"""Opportunity routes: search, recommend, match (public) and staff record writes (admin token)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, field_validator

from assistant.api.deps import get_assistant
from assistant.api.redact import redact_paths
from assistant.api.schemas import ErrorBody, ListResponse, MatchResponse, OpportunitySearchResponse
from assistant.api.strict import (
    StrictEnterpriseProfile,
    StrictOpportunityFilters,
    StrictStudentProfile,
    refuse_control_chars,
)
from assistant.auth import check_admin
from assistant.retrieve.searcher import MAX_QUERY_CHARS, MAX_TOP_K
from assistant.service import Assistant

router = APIRouter(prefix="/api", tags=["opportunities"])
_bearer = HTTPBearer(auto_error=False)


class OpportunitySearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field("", max_length=MAX_QUERY_CHARS, examples=["汽车维修实习"], description="empty = list all")
    filters: StrictOpportunityFilters = Field(default_factory=StrictOpportunityFilters)
    top_k: StrictInt = Field(10, ge=1, le=MAX_TOP_K)
    include_expired: StrictBool = False


class RecommendRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profile: StrictStudentProfile
    top_k: StrictInt = Field(10, ge=1, le=MAX_TOP_K)


class RecordsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["posting", "program"]
    records: list[dict[str, Any]] = Field(min_length=1, max_length=500)

    @field_validator("records")
    @classmethod
    def _plain_text(cls, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        refuse_control_chars(records, "records")
        return records


def require_admin(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    check_admin(get_assistant(request).settings, credentials.credentials if credentials else None)


@router.post("/opportunities/search", response_model=OpportunitySearchResponse)
def search_opportunities(body: OpportunitySearchRequest, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    results = service.search_opportunities(body.query, body.filters, body.top_k, body.include_expired)
    return results.to_dict()


class RecommendResponse(ListResponse):
    nearest: list[dict[str, Any]] = Field(description="不完全符合、但最接近的机会（另列在“最接近的机会”下）")
    note: str = Field(description="符合条件的不多或没有时的说明；否则为空")
    suggestions: list[str] = Field(description="一个相关的机会都没有时，资料里意思最接近的专业名称，供换个说法再试")
    unrelated_words: str = Field(
        "", description="一个相关的机会都没有时，学生所写的专业或兴趣；此时 nearest 只是意思最接近的几个，不是同一专业"
    )


@router.post("/recommend", response_model=RecommendResponse)
def recommend(body: RecommendRequest, service: Assistant = Depends(get_assistant)) -> RecommendResponse:
    result = service.recommend(body.profile, body.top_k).to_dict()
    return RecommendResponse(count=len(result["items"]), **result)


@router.post("/match", response_model=MatchResponse)
def match(profile: StrictEnterpriseProfile, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    return service.match(profile).to_dict()


_ADMIN_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((401, "no admin token"), (403, "wrong admin token"), (500, "writes are off on this server"))
}


@router.post("/records", dependencies=[Depends(require_admin)], responses=_ADMIN_RESPONSES)
def publish(body: RecordsRequest, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    return redact_paths(service.publish_records(body.kind, body.records).to_dict())  # type: ignore[no-any-return]


@router.delete(
    "/records/{record_id}",
    dependencies=[Depends(require_admin)],
    responses={**_ADMIN_RESPONSES, 404: {"model": ErrorBody, "description": "no such record"}},
)
def withdraw(record_id: str, service: Assistant = Depends(get_assistant)) -> dict[str, Any]:
    # an unknown id raises NotFound: a 404 with the error body
    return redact_paths(service.withdraw_record(record_id).to_dict())  # type: ignore[no-any-return]
