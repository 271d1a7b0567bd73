"""What there is in a time window or at a pay when no major or interest is said ("暑假想找个兼职",
"有没有月薪四千以上的实习")."""

from __future__ import annotations

import datetime as dt

from assistant.answer.browse import at_pay, in_places, in_window
from assistant.opportunities.items import OpportunityItem

TODAY = dt.date(2026, 12, 5)
SUMMER = (dt.date(2027, 7, 1), dt.date(2027, 8, 31))


def _item(rid: str, kind: str, start: dt.date | None, end: dt.date | None = None, **extra: object) -> OpportunityItem:
    fields: dict[str, object] = dict(
        record_id=rid,
        doc_id="d",
        chunk_id=rid,
        record_type="posting" if kind != "专业" else "program",
        kind=kind,
        title=rid,
        enterprise="某公司",
        school="",
        location="乌鲁木齐市米东区",
        majors=[],
        level="",
        apprenticeship=False,
        start=start,
        end=end,
        deadline=dt.date(2027, 6, 1),
    )
    fields.update(extra)
    return OpportunityItem(**fields)  # type: ignore[arg-type]


def test_the_items_attended_in_the_window_come_first_with_their_time_reason() -> None:
    items = [
        _item("late", "实习", dt.date(2027, 9, 15), dt.date(2027, 12, 31)),
        _item("summer", "全职", dt.date(2027, 7, 1)),
        _item("program", "专业", None),  # no dates: says nothing of a window
        _item("expired", "实习", dt.date(2027, 7, 1), deadline=dt.date(2026, 11, 1)),
        _item("part", "实习", dt.date(2027, 4, 1), dt.date(2027, 9, 30)),
    ]
    recs = in_window(items, [], [], SUMMER, TODAY, 5)
    # the recommender's grading: starting two weeks late (-0.5) before running the whole window and more (the
    # share of the posting attended: 34%, -0.99)
    assert [r.item.record_id for r in recs] == ["summer", "late", "part"]
    assert recs[0].fits and recs[0].reasons[-1].reason == "时间" and "在可参加时间内" in recs[0].reasons[-1].detail
    assert not recs[1].fits and "晚于可参加时间" in recs[1].reasons[-1].detail
    assert [r.item.record_id for r in in_window(items, ["实习"], [], SUMMER, TODAY, 5)] == ["late", "part"]


def test_a_place_asked_grades_the_items_and_one_far_away_is_among_the_nearest() -> None:
    items = [
        _item("changji", "全职", dt.date(2027, 7, 1), location="昌吉市"),
        _item("midong", "全职", dt.date(2027, 7, 1)),
    ]
    recs = in_window(items, [], ["乌鲁木齐市"], SUMMER, TODAY, 5)
    assert [r.item.record_id for r in recs][0] == "midong" and recs[0].fits
    assert recs[0].reasons[0].reason == "地点"


def test_a_pay_asked_puts_those_paying_it_first_and_the_best_paid_of_the_others_next() -> None:
    items = [
        _item("low", "实习", dt.date(2027, 3, 1), pay="2000-2500元/月", pay_min=2000, pay_max=2500),
        _item("unsaid", "实习", dt.date(2027, 3, 1)),
        _item("good", "实习", dt.date(2027, 3, 1), pay="4000-4500元/月", pay_min=4000, pay_max=4500),
        _item("near", "实习", dt.date(2027, 3, 1), pay="3000-3500元/月", pay_min=3000, pay_max=3500),
        _item("expired", "实习", dt.date(2027, 3, 1), pay="5000元/月", pay_min=5000, deadline=dt.date(2026, 11, 1)),
        _item("job", "全职", dt.date(2027, 3, 1), pay="6000元/月", pay_min=6000),
    ]
    recs = at_pay(in_places(items, ["实习"], [], TODAY), 4000, 5)
    assert [r.item.record_id for r in recs] == ["good", "unsaid", "near", "low"]
    assert recs[0].fits and recs[0].reasons[-1].detail.endswith("达到期望")
    assert not recs[1].fits and recs[1].reasons[-1].detail == "未注明金额"
    assert not recs[2].fits and "低于期望的4000元" in recs[2].reasons[-1].detail
