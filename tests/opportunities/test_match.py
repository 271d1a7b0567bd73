"""Policy matching on the real index: the division's plan, conditions, regions, citations,
automatic candidates from a newly ingested policy, and free-text routing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.errors import QueryError
from assistant.opportunities.benefits import BenefitEntry, catalog_files, indexed_catalog_files, load_catalog
from assistant.opportunities.match import match_profile, overview, profile_from_text
from assistant.understand.profiles import Activity, EnterpriseProfile, EnterpriseType
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow
PLAN_ID = "xjbt_div12_industry_education_plan_2020"


def by_id(result) -> dict:
    return {b.id: b for b in result.benefits}


def test_pilot_investor_gets_the_30_percent_deduction(opp) -> None:
    profile = EnterpriseProfile(types=["产教融合试点企业"], activities=["举办职业教育投资"], location="十二师西郊城区")
    deduction = by_id(opp.match(profile))["div12-edu-surcharge-deduction"].to_dict()
    assert deduction["category"] == "tax_deduction" and "30%" in deduction["amount"]
    assert "教育费附加" in deduction["amount"] and "地方教育附加" in deduction["amount"]
    assert deduction["conditions_met"][:2] == ["列为产教融合试点企业", "举办职业教育的投资"]
    assert deduction["conditions_missing"] == [] and deduction["conditions_unknown"]
    assert deduction["lead_unit"] == "财政局" and deduction["automatic"] is False
    cite = deduction["citation"]
    assert cite["doc_id"] == PLAN_ID and cite["clause_path"].endswith("16.财政用地政策方面给予大力支持")
    assert "投资额30%的比例抵扣当年应缴教育费附加和地方教育附加" in cite["text"]
    assert (
        cite["chunk_id"]
        and cite["doc_number"] == ""  # the page's index code seszf-2020-000224 is not a 文号
        and cite["title"] == "十二师深化产教融合的实施方案"
    )


def test_missing_condition_is_named(opp) -> None:
    profile = EnterpriseProfile(types=["中小微企业"], activities=["举办职业教育投资"], location="十二师")
    deduction = by_id(opp.match(profile))["div12-edu-surcharge-deduction"]
    assert deduction.conditions_missing == ["列为产教融合试点企业"] and deduction.status == "not_yet"
    listed = [b.status for b in opp.match(profile).benefits if not b.automatic]
    order = {"eligible": 0, "check": 1, "not_yet": 2}
    assert "not_yet" in listed and listed == sorted(listed, key=order.__getitem__)  # what is missing comes last


def test_apprenticeship_subsidy_from_free_text(opp) -> None:
    profile = EnterpriseProfile(text="我们是一家汽修企业，在十二师西郊城区，准备和职校搞现代学徒制")
    assert (
        profile.activities == [Activity.modern_apprenticeship] and profile.location == "西郊城区"
    )  # the gazetteer name
    found = by_id(opp.match(profile))
    subsidy = found["div12-apprenticeship-training-subsidy"]
    assert subsidy.category.value == "subsidy" and "培训成本" in subsidy.amount
    assert subsidy.citation.clause_path.endswith("9.推进产教协同育人") and "培训补贴" in subsidy.citation.text
    assert subsidy.lead_unit == "教育局"
    assert "law-apprenticeship-agreement" in found  # the duty that comes with it


def test_receiving_interns_brings_pay_and_insurance_duties(opp) -> None:
    found = by_id(opp.match(EnterpriseProfile(activities=["接收学生实习实训"], location="十二师104团")))
    assert found["div12-intern-pay-duty"].is_obligation and "合理报酬" in found["div12-intern-pay-duty"].citation.text
    insurance = found["div12-intern-insurance-duty"]
    assert insurance.category.value == "insurance_duty" and "实习责任保险" in insurance.citation.text
    assert "适当的劳动报酬" in found["law-intern-rights-duty"].citation.text
    assert "div12-edu-surcharge-deduction" not in found  # nothing about investing


def test_outside_the_division_only_national_entries(opp) -> None:
    result = opp.match(EnterpriseProfile(activities=["接收学生实习实训"], location="昌吉市"))
    catalog = [b for b in result.benefits if not b.automatic]
    assert [b.id for b in catalog] == ["law-intern-rights-duty"]
    assert all(b.citation.doc_id != PLAN_ID for b in result.benefits)
    # the division's supports it would otherwise get are said to be left out, not left to be guessed
    assert "昌吉市不在十二师" in result.outside and "项支持政策未列出" in result.outside
    assert result.to_dict()["outside"] == result.outside
    assert opp.match(EnterpriseProfile(activities=["接收学生实习实训"], location="十二师104团")).outside == ""
    # a place beyond the gazetteer file is elsewhere too (a county of Xinjiang, by jionlp's table)
    assert "库尔勒不在十二师" in opp.match(EnterpriseProfile(activities=["现代学徒制"], location="库尔勒")).outside


def test_an_enterprise_outside_the_division_is_told_in_the_chat(opp) -> None:
    """ "我们是库尔勒的一家汽修厂，想接收实习生，有什么补贴" listed a duty alone, as if the division's supports were
    for nobody: said after what applies."""
    answer = opp.chat("extractive").answer("我们在吐鲁番开了个厂，打算跟职校搞现代学徒制")
    assert answer.route == "benefits" and "吐鲁番市不在十二师" in answer.answer


def test_every_catalog_entry_cites_an_indexed_clause(opp) -> None:
    entries = load_catalog(catalog_files([CORPUS]))
    assert len(entries) >= 15
    for entry in entries:
        chunks = [c for c in opp.index.chunks_of(entry.source.doc_id)]
        paths = {c.metadata.get("clause_path") for c in chunks}
        assert entry.source.clause_path in paths, (entry.id, entry.source.clause_path)


def test_match_is_deterministic(opp) -> None:
    profile = EnterpriseProfile(types=["产教融合型企业"], activities=["共建实训基地", "职工培训"])
    assert opp.match(profile).to_dict() == opp.match(profile).to_dict()


@pytest.mark.parametrize(
    ("text", "types", "activities"),
    [
        ("我们搞学徒制能享受哪些补贴", [], [Activity.modern_apprenticeship]),
        ("公司是产教融合试点企业，投资办学能抵扣多少教育费附加？", [EnterpriseType.pilot], [Activity.invest]),
        ("我们接收职校学生实习，需要买什么保险", [], [Activity.internships]),
        ("国企开展企业新型学徒制有没有补贴", [EnterpriseType.state_owned], [Activity.new_apprenticeship]),
    ],
)
def test_profile_from_text_routes_enterprise_questions(text, types, activities) -> None:
    profile = profile_from_text(text)
    assert profile is not None and profile.types == types and profile.activities == activities


def test_an_activity_in_everyday_words_reaches_its_benefits(opp) -> None:
    # no word of the vocabulary names it: the activity probe reads the clause (Understander.read_enterprise)
    profile = EnterpriseProfile(text="我们是十二师104团的一家养殖场，冬闲时请老师来给饲养员上课学防疫")
    assert profile.activities == []
    result = opp.match(profile)
    assert result.profile.activities == [Activity.staff_training]
    assert {"div12-staff-training-funds", "law-staff-education-funds"} <= set(by_id(result))


def test_a_denied_status_brings_no_benefit_of_that_status(opp) -> None:
    profile = EnterpriseProfile(text="我们公司在十二师，还不是产教融合试点企业，想出钱办一所职业学校")
    result = opp.match(profile)
    assert result.profile.types == [] and result.profile.activities == [Activity.invest]
    deduction = by_id(result)["div12-edu-surcharge-deduction"]
    assert deduction.status == "not_yet" and deduction.conditions_missing == ["列为产教融合试点企业"]


def test_a_text_naming_nothing_to_match_is_refused_in_chinese(opp) -> None:
    with pytest.raises(QueryError, match="请至少填写企业类型或合作事项"):
        opp.match(EnterpriseProfile(text="我们公司在五家渠，主要做番茄酱"))


@pytest.mark.parametrize(
    "text", ["劳动合同法第十四条是什么", "我是中职学生，想找汽修实习", "", "今天天气怎么样", "我们公司有哪些补贴"]
)
def test_profile_from_text_declines_other_questions(text) -> None:
    assert profile_from_text(text) is None


@pytest.mark.parametrize(
    ("data", "field"),
    [({"types": ["外星企业"]}, "types"), ({"activities": ["炒股"]}, "activities"), ({"location": "十二师"}, "types")],
)
def test_bad_enterprise_profiles_name_the_field(data, field) -> None:
    with pytest.raises(ValidationError, match=field):
        EnterpriseProfile.model_validate(data)


def test_a_newly_ingested_policy_contributes_automatically(opp_writable, tmp_path: Path) -> None:
    profile = EnterpriseProfile(activities=["企业新型学徒制"], location="十二师")
    assert not [b for b in opp_writable.match(profile).benefits if b.citation.doc_id == "apprentice_subsidy_notice"]
    policy = tmp_path / "apprentice_subsidy_notice.txt"
    policy.write_text(
        "人力资源社会保障部关于全面推行企业新型学徒制的意见\n"
        "第一条 对开展企业新型学徒制培训的企业，按每人每年5000元的标准给予职业培训补贴。\n"
        "第二条 企业应当与学徒签订劳动合同。\n"
        "第三条 本意见自印发之日起施行。\n",
        encoding="utf-8",
    )
    assert opp_writable.ingest([policy]).count("added") == 1
    auto = [b for b in opp_writable.match(profile).benefits if b.citation.doc_id == "apprentice_subsidy_notice"]
    assert auto and all(b.automatic for b in auto)
    subsidy = next(b for b in auto if b.citation.clause_path.endswith("第一条"))
    assert subsidy.category.value == "subsidy" and subsidy.amount == "5000元"
    assert subsidy.to_dict()["citation"]["chunk_id"] and "企业新型学徒制" in subsidy.conditions_met[0]
    opp_writable.delete_document("apprentice_subsidy_notice")


def test_the_catalog_travels_with_the_index(opp) -> None:
    """Ingestion registered the catalog in the index folder: matching does not read the corpus folders."""
    registered = indexed_catalog_files(opp.settings.index_dir)
    assert [p.name for p in registered] == ["benefits.yaml"]
    assert [e.id for e in load_catalog(registered)] == [e.id for e in opp.benefits_catalog()]


def _unindexed(**more: object) -> BenefitEntry:
    """A catalog entry citing a document the index does not hold."""
    return BenefitEntry.model_validate(
        {
            "id": "elsewhere-subsidy",
            "name": "某项未收录文件中的补贴",
            "category": "subsidy",
            "source": {"doc_id": "some_plan_not_ingested_2021", "clause_path": "三、 > 4.", "title": "某某实施办法"},
            "triggers": {"activities": ["现代学徒制"]},
            **more,
        }
    )


def test_unindexed_sources_are_flagged_titled_and_listed_after(opp) -> None:
    unindexed = _unindexed()
    catalog = [unindexed, *opp.benefits_catalog()]
    profile = EnterpriseProfile(activities=["现代学徒制"], location="十二师五一农场")
    result = match_profile(opp.index, catalog, profile)
    flagged = [b for b in result.benefits if not b.automatic]
    assert flagged[-1].id == "elsewhere-subsidy" and not flagged[-1].verified  # after every cited one
    assert all(b.verified for b in flagged[:-1])
    shown = flagged[-1].to_dict()
    assert shown["source_note"] == "原文未收录" and shown["citation"]["title"] == "某某实施办法"
    assert result.warnings and "《某某实施办法》" in result.warnings[0]
    assert "some_plan_not_ingested_2021" not in " ".join(result.warnings)
    assert not opp.match(profile).warnings  # every source of the real catalog is indexed here


def test_the_overview_lists_every_support_with_its_conditions_to_check(opp) -> None:
    """For an enterprise that said nothing of itself ("有什么补贴吗") the catalog's supports are listed: no
    condition can be met or missed (each is left to check), no duty (it follows from what the enterprise does),
    cited ones first."""
    unindexed = _unindexed(conditions=[{"text": "开展现代学徒制", "activities": ["现代学徒制"]}])
    catalog = [unindexed, *opp.benefits_catalog()]
    result = overview(opp.index, catalog)
    supports = [e.id for e in catalog if e.category.value not in ("obligation", "insurance_duty")]
    assert sorted(b.id for b in result.benefits) == sorted(supports)
    assert not any(b.is_obligation for b in result.benefits)
    assert all(not b.conditions_missing and not b.conditions_met for b in result.benefits)
    assert (
        result.benefits[-1].id == "elsewhere-subsidy" and result.benefits[-1].conditions_unknown[0] == "开展现代学徒制"
    )
    assert all(b.status == "check" for b in result.benefits)
