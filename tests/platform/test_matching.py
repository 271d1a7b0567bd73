"""Matching both ways: graded reasons, not hard filters; the gap when supply falls short; "nothing fits" said."""

from __future__ import annotations

from assistant.platform import Platform
from assistant.platform.matching import match_demand
from assistant.platform.records import GraduateOutcome, TalentDemand


def test_need_ranks_providers_by_graded_reasons(platform: Platform) -> None:
    report = platform.match("TN001")  # 乳制品灌装线自动化改造: 自动化控制 + 食品加工, 联合攻关, 222团
    ids = [p.target["id"] for p in report.pairings]
    assert ids[0] == "SR006"  # both fields, the major and a result (技术成果) fit a joint project
    assert "SR001" in ids  # one shared field is enough to be listed, lower down (graded, not filtered)
    scores = [p.score for p in report.pairings]
    assert scores == sorted(scores, reverse=True)
    top = {r.reason for r in report.pairings[0].reasons}
    assert {"领域", "专业对口", "形式"} <= top
    assert "SR004" not in ids  # 养老服务: nothing in common


def test_demand_gap_uses_the_latest_graduates_up_to_its_year(platform: Platform) -> None:
    demand = TalentDemand(
        id="X1", enterprise="甲", majors=["护理"], headcount=500, level="高职", location="昌吉市", year=2030
    )
    _, programs = platform.postings_and_programs()
    graduates = [i.record for i in platform.items() if isinstance(i.record, GraduateOutcome)]
    report = match_demand(demand, programs, graduates)
    nursing = [g for g in graduates if g.program == "护理" and g.year == 2026]
    expected_supply = sum(g.graduates - g.further_study for g in nursing)
    assert report.supply == expected_supply and report.gap == 500 - expected_supply
    assert "缺口" in report.summary
    first = report.pairings[0]
    assert first.target["name"] == "护理" and first.supply == expected_supply
    assert any(r.reason == "人数" and "2026届" in r.detail for r in first.reasons)


def test_demand_without_a_program_says_so() -> None:
    demand = TalentDemand(id="X2", enterprise="甲", occupation="潜水员", headcount=3, location="昌吉市", year=2026)
    report = match_demand(demand, [], [])
    assert report.pairings == [] and "暂无对口专业" in report.summary and report.gap == 3


def test_school_sees_the_enterprise_needs_it_could_answer(platform: Platform) -> None:
    report = platform.match_school("十二师职业技术学校")
    ids = [p.target["id"] for p in report.pairings]
    assert "TN002" in ids  # 植保无人机维修 <- 农机维修实训基地
    assert all(p.reasons for p in report.pairings)
    assert "TN003" not in ids  # 养老护理: not this school's field or major
