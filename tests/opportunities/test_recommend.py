"""Recommendations on the real index: reasons, deadlines, determinism, profile validation."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from assistant.understand.profiles import StudentProfile
from tests.opportunities.conftest import TODAY

pytestmark = pytest.mark.slow

AUTO = StudentProfile(
    majors=["汽车运用与维修"],
    level="中职",
    locations=["乌鲁木齐"],
    wants_apprenticeship=True,
    available_from=dt.date(2027, 3, 1),
    available_to=dt.date(2027, 8, 31),
)


def test_reasons_explain_each_pick(opp) -> None:
    recs = opp.recommend(AUTO, top_k=10, today=TODAY)
    by_id = {r.item.record_id: r for r in recs}
    apprentice = by_id["J027"]
    assert [r.reason for r in apprentice.reasons] == ["专业对口", "地点", "时间", "学徒制", "截止日期"]
    assert apprentice.to_dict()["deadline"] == "2027-01-10"
    assert recs[0].item.record_id == "J027"  # the only item with every reason
    assert "P004" in by_id and by_id["P004"].item.kind == "专业"
    assert "J014" not in by_id  # 高职 internship: the level does not fit a 中职 student
    assert "J016" not in by_id  # full-time job starting 2027-01-04, before the student is available


def test_nothing_past_its_deadline(opp) -> None:
    later = dt.date(2027, 1, 12)
    ids = {r.item.record_id for r in opp.recommend(AUTO, top_k=50, today=later)}
    assert "J027" not in ids  # closed 2027-01-10
    assert "J001" in ids  # closes 2027-01-15
    for rec in opp.recommend(AUTO, top_k=50, today=later):
        assert rec.item.deadline is None or rec.item.deadline >= later


def test_same_profile_same_list(opp) -> None:
    first = [r.to_dict() for r in opp.recommend(AUTO, today=TODAY)]
    second = [r.to_dict() for r in opp.recommend(AUTO.model_copy(), today=TODAY)]
    assert first == second
    scores = [r["score"] for r in first]
    assert scores == sorted(scores, reverse=True)


def test_apprenticeship_not_wanted_and_kinds(opp) -> None:
    profile = StudentProfile(majors=["建筑工程施工"], level="中职", wants_apprenticeship=False)
    recs = opp.recommend(profile, today=TODAY)
    assert recs and all(r.item.kind != "学徒" for r in recs)
    programs_only = StudentProfile(majors=["护理"], kinds=["专业"])
    assert [r.item.record_id for r in opp.recommend(programs_only, today=TODAY)] == ["P013", "P020"]


def test_interests_match_text(opp) -> None:
    recs = opp.recommend(StudentProfile(interests=["机器人"], locations=["昌吉"]), today=TODAY)
    assert {"J013", "J029", "P012"} <= {r.item.record_id for r in recs}
    assert all(r.reasons[0].reason == "专业对口" and "机器人" in r.reasons[0].detail for r in recs)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"majors": []}, "majors or interests"),
        ({"majors": ["护理"], "level": "博士"}, "level"),
        ({"majors": ["护理"], "kinds": ["兼职"]}, "kinds"),
        ({"majors": ["护理"], "available_from": "2027-05-01", "available_to": "2027-01-01"}, "available_from"),
        ({"majors": ["护理"], "available_from": "next week"}, "available_from"),
        ({"majors": ["护理"], "colour": "red"}, "colour"),
    ],
)
def test_bad_profiles_name_the_field(data, field) -> None:
    with pytest.raises(ValidationError, match=field):
        StudentProfile.model_validate(data)
