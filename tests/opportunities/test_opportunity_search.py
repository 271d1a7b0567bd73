"""Opportunity search on the real index: filters, expiry with its hidden count, determinism."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.errors import QueryError
from assistant.opportunities.search import OpportunityFilters
from tests.opportunities.conftest import TODAY

pytestmark = pytest.mark.slow
EXPIRED = {"J004", "J006", "J010", "J019", "J024", "J033", "J040", "J044"}  # deadlines before 2026-11-29


def test_browse_hides_expired_postings_and_counts_them(opp) -> None:
    postings = OpportunityFilters(kind=["实习", "全职", "学徒", "培训"])
    shown = opp.search_opportunities("", postings, top_k=50, today=TODAY)
    assert shown.hidden_expired == len(EXPIRED)
    ids = {i.record_id for i in shown.items}
    courses = {f"P0{n}" for n in range(16, 21)}  # 培训-level programs are trainings (kind 培训), not 专业
    assert ids - courses == {f"J0{n:02d}" for n in range(1, 45)} - EXPIRED and courses <= ids
    everything = opp.search_opportunities("", postings, top_k=50, include_expired=True, today=TODAY)
    assert everything.hidden_expired == 0 and EXPIRED <= {i.record_id for i in everything.items}
    earlier = opp.search_opportunities("", postings, top_k=50, today=dt.date(2026, 6, 1))
    assert earlier.hidden_expired == 0  # the earliest deadline is 2026-06-15


def test_expiry_uses_the_real_date_by_default(opp) -> None:
    result = opp.search_opportunities("", OpportunityFilters(kind=["培训"]), top_k=50)
    assert result.today == dt.date.today()
    assert all(i.deadline is None or i.deadline >= dt.date.today() for i in result.items)


def test_free_text_with_kind_and_location(opp) -> None:
    result = opp.search_opportunities(
        "汽车维修学徒", OpportunityFilters(kind=["学徒"], location="乌鲁木齐"), top_k=5, today=TODAY
    )
    assert result.items[0].record_id == "J027"
    assert all(i.kind == "学徒" and "乌鲁木齐" in i.location for i in result.items)
    assert result.hidden_expired == 1  # J033 新能源汽车维修学徒 closed on 2026-10-15


def test_pay_range_and_dates(opp) -> None:
    paid = opp.search_opportunities("", OpportunityFilters(pay_min=5000), top_k=50, today=TODAY).items
    assert {"J017", "J022", "J025"} <= {i.record_id for i in paid}
    assert all(i.pay_max is not None and i.pay_max >= 5000 for i in paid)
    cheap = opp.search_opportunities("", OpportunityFilters(pay_max=2000), top_k=50, today=TODAY).items
    assert cheap and all(i.pay_min is not None and i.pay_min <= 2000 for i in cheap)
    window = OpportunityFilters(start_from=dt.date(2027, 4, 1), start_to=dt.date(2027, 4, 30))
    april = opp.search_opportunities("", window, top_k=50, today=TODAY).items
    assert {i.record_id for i in april} == {"J012", "J015", "J032", "J037"}
    soon = OpportunityFilters(deadline_to=dt.date(2026, 12, 31))
    closing = opp.search_opportunities("", soon, top_k=50, today=TODAY).items
    assert [i.record_id for i in closing] == ["J026", "J039", "J017", "J030", "J007", "J016", "J038", "J035"]


def test_major_level_enterprise_and_programs(opp) -> None:
    programs = opp.search_opportunities("新能源汽车", OpportunityFilters(kind=["专业"]), top_k=5, today=TODAY).items
    assert programs[0].record_id == "P011" and all(i.record_type == "program" for i in programs)
    assert programs[0].school == "新疆交通职业技术学院"
    electric = opp.search_opportunities(
        "", OpportunityFilters(major="电气技术应用", level="中职", enterprise="博远"), top_k=50, today=TODAY
    ).items
    assert {i.record_id for i in electric} == {"J002", "J017", "J028", "P001"}


def test_same_request_same_order(opp) -> None:
    filters = OpportunityFilters(kind=["实习"])
    first = opp.search_opportunities("电工 实习", filters, top_k=10, today=TODAY).to_dict()
    second = opp.search_opportunities("电工 实习", filters, top_k=10, today=TODAY).to_dict()
    assert first == second and first["count"] >= 2
    assert all(i["kind"] == "实习" and "电气技术应用" in i["majors"] for i in first["items"])


def test_a_query_without_any_relevant_item_says_so(opp) -> None:
    result = opp.search_opportunities("飞机驾驶", top_k=20, today=TODAY)
    assert result.items == [] and result.note == "没有找到相关岗位"
    assert result.suggestions and all(s in opp._majors().catalog for s in result.suggestions)


def test_major_kind_and_place_words_in_the_query(opp) -> None:
    cars = opp.search_opportunities("汽车维修 实习 学徒 乌鲁木齐", top_k=20, today=TODAY).items
    assert cars and all("汽车运用与维修" in i.majors and i.kind in ("实习", "学徒") for i in cars)
    cook = opp.search_opportunities("昌吉 厨师 实习", top_k=20, today=TODAY, include_expired=True).to_dict()
    assert all("中餐烹饪与营养膳食" in i["majors"] for i in cook["items"])  # no 昌吉 nursing internship
    assert [i["expired"] for i in cook["items"]] == [True]  # J004 (closed): marked, not shown as open
    near = opp.search_opportunities("昌吉 电工", top_k=20, today=TODAY).items
    assert near[0].location.startswith("昌吉")  # the named place first, then the others


def test_trainings_are_labelled_trainings(opp) -> None:
    found = opp.search_opportunities("电工培训", top_k=20, today=TODAY).items
    assert {"J038", "P016"} <= {i.record_id for i in found} and all(i.kind == "培训" for i in found)


def test_item_dict_shape(opp) -> None:
    item = opp.search_opportunities("护理临床实习", top_k=1, today=TODAY).items[0].to_dict()
    assert item["record_id"] == "J009" and item["doc_id"] == "postings" and item["kind"] == "实习"
    assert item["title"] == "护理临床实习生" and item["enterprise"] == "昌吉仁和综合医院"
    assert item["deadline"] == "2027-04-30" and item["pay"].startswith("实习补贴1800元/月")
    assert item["majors"] == ["护理"]


@pytest.mark.parametrize(
    "filters",
    [{"kind": ["兼职"]}, {"pay_min": 6000, "pay_max": 3000}, {"start_from": "2027-05-01", "start_to": "2027-01-01"}],
)
def test_bad_filters_name_the_problem(filters) -> None:
    with pytest.raises(ValueError, match="kind|pay_min|start_from"):
        OpportunityFilters.model_validate(filters)


def test_top_k_is_checked(opp) -> None:
    with pytest.raises(QueryError, match="top_k"):
        opp.search_opportunities("实习", top_k=0)
