"""Scores, not gates, on hand-made items: each signal graded with its signed reason; only hard facts exclude."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from pydantic import ValidationError

from assistant.opportunities.fit import Reason, Wanted, place_reason, time_reason
from assistant.opportunities.items import OpportunityItem
from assistant.opportunities.recommend import NEAR_IN_MEANING, NOTHING_NOTE, excluded, recommend, score_item
from assistant.understand.profiles import StudentProfile

TODAY = dt.date(2026, 12, 2)


def posting(record_id: str = "X1", **fields: object) -> OpportunityItem:
    base = OpportunityItem(
        record_id=record_id,
        doc_id="d",
        chunk_id=f"c-{record_id}",
        record_type="posting",
        kind="实习",
        title="汽车维修实习生",
        enterprise="某汽车服务公司",
        school="",
        location="乌鲁木齐市头屯河区",
        majors=["汽车运用与维修"],
        level="中职",
        apprenticeship=False,
        start=dt.date(2027, 3, 1),
        end=dt.date(2027, 8, 31),
        deadline=dt.date(2027, 1, 10),
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def student(**fields: object) -> StudentProfile:
    return StudentProfile.model_validate({"majors": ["汽车运用与维修"], "level": "中职", **fields})


def score(item: OpportunityItem, profile: StudentProfile) -> float:
    rec = score_item(item, Wanted.read(profile, None, 0.9), TODAY)
    assert rec is not None
    return rec.score


def test_a_posting_in_the_next_city_is_shown_lower_with_the_reason() -> None:
    profile = student(locations=["乌鲁木齐"])
    here, changji, shihezi, far = (posting(location=p) for p in ("乌鲁木齐市米东区", "昌吉市", "石河子市", "宁波市"))
    assert score(here, profile) > score(changji, profile) > score(shihezi, profile) > score(far, profile)
    reason, _ = place_reason(far, profile.locations) or (None, None)
    assert reason is not None and reason.text == "地点：宁波市，不在意向范围（+0）"
    near, _ = place_reason(changji, profile.locations) or (None, None)
    assert near is not None and near.text == "地点：昌吉市，在意向地点附近（+1）"
    result = recommend([here, replace(far, record_id="X2")], profile, today=TODAY)
    assert [r.item.record_id for r in result.items] == ["X1"]
    assert [r.item.record_id for r in result.nearest] == ["X2"]  # shown, under its own heading
    assert result.note  # few fit well: the result says so


def test_a_unit_named_in_a_locations_parentheses_is_where_the_item_is() -> None:
    """ "我想在十二师读个中职，有哪些专业可以报？": the division's own school, at 乌鲁木齐市（十二师西郊城区）, was
    "在意向地点附近" (its main place, the city, neighbours the division); the unit in its parentheses is in the
    division."""
    school = posting(location="乌鲁木齐市（十二师西郊城区）")
    for wanted in ("新疆生产建设兵团第十二师", "十二师", "西郊", "乌鲁木齐"):
        reason, _ = place_reason(school, [wanted]) or (None, None)
        assert reason is not None and reason.detail == "乌鲁木齐市（十二师西郊城区），在意向范围", wanted
    near, _ = place_reason(school, ["昌吉"]) or (None, None)
    assert near is not None and near.detail.endswith("在意向地点附近")  # neither the city nor the unit is 昌吉


def test_start_two_weeks_early_is_graded_not_dropped() -> None:
    profile = student(available_from="2027-03-15", available_to="2027-09-30")
    reason = time_reason(posting(), profile)
    assert reason is not None and reason.detail == "开始时间早于可参加时间2周" and 0 < reason.score < 1
    assert recommend([posting()], profile, today=TODAY).items  # still a good fit


def test_a_window_inside_a_long_posting_is_graded_by_the_share_attended() -> None:
    """Free only in the winter holiday: a year-long apprenticeship starting two weeks before is mostly
    out of reach (12%), a course half inside the holiday is not (47%)."""
    profile = student(available_from="2027-01-15", available_to="2027-02-28")
    year = posting(kind="学徒", start=dt.date(2027, 1, 4), end=dt.date(2027, 12, 31))
    course = posting(kind="培训", start=dt.date(2026, 12, 14), end=dt.date(2027, 2, 12))
    long_reason, course_reason = time_reason(year, profile), time_reason(course, profile)
    assert long_reason is not None and course_reason is not None
    assert "可参加其中约12%（2027-01-15至2027-02-28）" in long_reason.detail
    assert long_reason.score < course_reason.score
    assert course_reason.detail == "开始时间早于可参加时间5周"  # ends inside the window: the early-start rule


def test_a_window_overrun_is_not_called_inside_the_window() -> None:
    profile = student(available_from="2027-03-01", available_to="2027-08-31")
    long_one = posting(kind="学徒", end=dt.date(2028, 6, 30))
    reason = time_reason(long_one, profile)
    assert reason is not None and "超出可参加时间" in reason.detail
    assert reason.score < (time_reason(posting(), profile) or Reason("", "")).score


def test_a_late_start_costs_by_the_week() -> None:
    profile = student(available_from="2027-01-01", available_to="2027-02-28")
    one = time_reason(posting(start=dt.date(2027, 3, 7)), profile)
    five = time_reason(posting(start=dt.date(2027, 4, 4)), profile)
    assert one is not None and five is not None and five.score < one.score < 0
    assert one.detail == "开始时间晚于可参加时间1周"


def test_waiting_months_after_the_student_is_free_costs_more_than_two_weeks_missed() -> None:
    profile = student(available_from="2027-03-15")
    early = time_reason(posting(start=dt.date(2027, 3, 1)), profile)
    months_later = time_reason(posting(start=dt.date(2027, 7, 5), end=None), profile)
    right_away = time_reason(posting(start=dt.date(2027, 3, 15)), profile)
    assert early is not None and months_later is not None and right_away is not None
    assert right_away.score == 1 and months_later.score < early.score < right_away.score
    assert months_later.detail.endswith("在可参加时间内，需等16周")


def test_a_program_no_higher_than_the_student_s_level_is_graded_down() -> None:
    """Of a major the student is interested in, −1; of their own major, the program they are in: its +3 for the
    major does not count either (recommend.score_item)."""
    program = posting(record_type="program", kind="专业", level="中职", title="汽车运用与维修", start=None, end=None)
    higher = replace(program, record_id="X2", level="高职")
    interested = student(majors=[], interests=["汽车运用与维修"], kinds=["专业"])
    assert score(higher, interested) - score(program, interested) == 1.0
    rec = score_item(program, Wanted.read(interested, None, 0.9), TODAY)
    assert rec is not None and "层次：中职专业，不高于你目前的层次（−1）" in [r.text for r in rec.reasons]
    own = student(kinds=["专业"])
    assert score(higher, own) - score(program, own) == 4.0
    rec = score_item(program, Wanted.read(own, None, 0.9), TODAY)
    assert rec is not None and "层次：中职专业，就是你所学的专业，不是升学的去处（−4）" in [r.text for r in rec.reasons]


def test_a_program_two_levels_above_is_not_the_next_step() -> None:
    """A 初中 pupil asking what to study was shown 高职 programs beside 中职 ones, as if one could enrol; a
    program running straight through (五年一贯制) is the pupil's next step."""
    program = posting(record_type="program", kind="专业", level="中职", title="电气技术应用", start=None, end=None)
    college = replace(program, record_id="X2", level="高职", title="工业机器人技术")
    through = replace(college, record_id="X3", text="五年一贯制，初中毕业生报考")
    pupil = student(level="初中", kinds=["专业"])
    assert score(program, pupil) - score(college, pupil) == 1.0
    assert score(through, pupil) == score(program, pupil)
    rec = score_item(college, Wanted.read(pupil, None, 0.9), TODAY)
    assert rec is not None and "层次：高职专业，初中毕业一般要先读中职、技工或高中（−1）" in [
        r.text for r in rec.reasons
    ]
    above = score_item(college, Wanted.read(student(kinds=["专业"]), None, 0.9), TODAY)  # 中职: one level above
    assert above is not None and not [r for r in above.reasons if r.text.startswith("层次")]


def test_a_posting_meant_for_the_student_s_level_ranks_over_one_open_to_anyone() -> None:
    """中职 students: an internship for 中职 students over a course for 农机手 and 连队职工 (不限), the
    same the other way for a 高职 student (a 中职 posting is graded down, not up)."""
    mine, anyone, lower = posting("M"), posting("A", level="不限"), posting("L", level="中职")
    assert score(mine, student()) > score(anyone, student())
    assert score(lower, student(level="高职")) < score(anyone, student(level="高职"))
    texts = [r.text for r in score_item(mine, Wanted.read(student(), None, 0.9), TODAY).reasons]  # type: ignore[union-attr]
    assert "层次：面向中职，与你的层次相同（+0.5）" in texts


def test_a_closing_date_never_lifts_a_match() -> None:
    profile = student(locations=["乌鲁木齐"])
    soon, later = posting(deadline=dt.date(2026, 12, 5)), posting(deadline=dt.date(2027, 6, 1))
    assert score(soon, profile) == score(later, profile)
    better_far_off = posting("B", deadline=dt.date(2027, 6, 1))
    worse_soon = posting("W", deadline=dt.date(2026, 12, 5), location="昌吉市")
    assert [r.item.record_id for r in recommend([worse_soon, better_far_off], profile, today=TODAY).ranked][0] == "B"


def test_apprenticeship_wish_is_graded_both_ways() -> None:
    apprentice = posting(kind="学徒", apprenticeship=True)
    assert score(apprentice, student(wants_apprenticeship=True)) > score(apprentice, student())
    assert score(apprentice, student(wants_apprenticeship=False)) < score(apprentice, student())
    assert not excluded(apprentice, student(wants_apprenticeship=False), TODAY)


def test_only_hard_facts_exclude() -> None:
    assert excluded(posting(deadline=dt.date(2026, 11, 30)), student(), TODAY)  # past its deadline
    assert excluded(posting(kind="全职"), student(kinds=["实习"]), TODAY)  # a kind left out
    assert excluded(posting(level="高职"), student(), TODAY)  # 高职 only, the student is 中职
    assert not excluded(posting(level="中职及以上"), student(), TODAY)
    assert not excluded(posting(location="石河子市", start=dt.date(2028, 1, 1)), student(), TODAY)


def test_pay_is_graded_against_a_wish() -> None:
    paid, unpaid = posting(pay_min=3000, pay_max=3500), posting(pay_min=800, pay_max=1000)
    profile = student(min_pay=2500)
    assert score(paid, profile) > score(unpaid, profile)


def test_nothing_related_says_so() -> None:
    result = recommend([posting(majors=["护理"], title="护理实习生")], student(), today=TODAY)
    assert not result.ranked and result.note == NOTHING_NOTE


def test_nothing_related_shows_the_nearest_in_meaning_in_that_order_never_an_excluded_one() -> None:
    """Nothing relates to the words: the items the meaning search puts first, past the hard facts (expired,
    a kind left out), in its order, at most NEAR_IN_MEANING, none a fit, each saying it is only near."""
    items = [
        posting("A", majors=["农业机械使用与维护"], title="农机维修实习生"),
        posting("B", majors=["农业机械使用与维护"], title="农机驾驶培训", kind="培训"),
        posting("C", majors=["建筑工程施工"], title="施工员实习", deadline=dt.date(2026, 11, 1)),
        posting("D", majors=["护理"], title="护理实习生"),
        posting("E", majors=["电子商务"], title="电商实习生"),
        posting("F"),  # 汽车运用与维修: the default student's own major
    ]
    asked: list[str] = []

    def by_meaning(words: str) -> list[str]:
        asked.append(words)
        return ["B", "C", "A", "D", "E"]

    profile = student(majors=["开挖掘机"], kinds=["实习"])
    result = recommend(items, profile, today=TODAY, by_meaning=by_meaning)
    assert asked == ["开挖掘机"]
    assert [r.item.record_id for r in result.ranked] == ["A", "D", "E"][:NEAR_IN_MEANING]  # B a 培训, C expired
    assert not result.items and not any(r.fits for r in result.ranked)
    assert all("意思相近" in r.reasons[0].text for r in result.ranked)
    assert result.unrelated_words == "开挖掘机" and "开挖掘机" in result.note
    related = recommend(items, student(), today=TODAY, by_meaning=by_meaning)
    assert [r.item.record_id for r in related.items] == ["F"] and related.unrelated_words == "" and len(asked) == 1


@pytest.mark.parametrize(
    ("fields", "start", "end"),
    [
        ({"time": "明年春天"}, dt.date(2027, 2, 4), dt.date(2027, 5, 5)),  # jionlp: 立春 to 立夏
        ({"available_from": "下学期"}, dt.date(2027, 3, 1), None),
        ({"available_from": "寒假", "available_to": "寒假"}, dt.date(2027, 1, 15), dt.date(2027, 2, 28)),
        ({"time": "2027年3月到8月"}, dt.date(2027, 3, 1), dt.date(2027, 8, 31)),
    ],
)
def test_time_fields_take_words(fields, start, end) -> None:
    profile = StudentProfile.model_validate({"majors": "汽修", **fields}, context={"today": TODAY})
    assert (profile.available_from, profile.available_to) == (start, end)


def test_nearby_means_the_neighbours() -> None:
    profile = StudentProfile(majors=["汽修"], locations=["乌鲁木齐附近"])
    assert "乌鲁木齐市" in profile.locations and "昌吉市" in profile.locations


@pytest.mark.parametrize(
    ("data", "label"),
    [
        ({"majors": ["护理"], "available_from": "哪天都行吧"}, "可开始日期"),
        ({"majors": ["护理"], "level": "博士"}, "层次"),
        ({"majors": ["护理"], "kinds": ["兼职"]}, "机会类型"),
        ({"majors": ["护理"], "colour": "red"}, "colour"),
        ({"majors": []}, "专业或兴趣"),
    ],
)
def test_bad_fields_get_a_chinese_message_naming_the_field(data, label) -> None:
    from assistant.understand.profiles import profile_error

    with pytest.raises(ValidationError) as caught:
        StudentProfile.model_validate(data)
    message = profile_error(caught.value)
    assert label in message
    assert not any(word in message for word in ("Value error", "Input should", "Extra inputs"))
