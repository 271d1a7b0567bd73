"""Hybrid search on the real shared corpus: a question must find the clause that answers it."""

from __future__ import annotations

import pytest

from assistant.errors import QueryError
from assistant.filters import SearchFilters
from assistant.retrieve.searcher import SearchMode

pytestmark = pytest.mark.slow

PLAN = "xjbt_div12_industry_education_plan_2020"


@pytest.mark.parametrize(
    "question", ["劳动合同法第十四条的内容是什么", "劳动合同法第14条讲了什么", "勞動合同法第十四條"]
)
def test_named_article_comes_first(policy_assistant, question: str) -> None:
    top = policy_assistant.search(question, top_k=3)[0]
    assert (top.doc_id, top.clause_no) == ("law_labor_contract_2012", "第十四条")
    assert "clause" in top.retrievers


def test_implementing_regulation_article_is_not_confused_with_the_law(policy_assistant) -> None:
    top = policy_assistant.search("劳动合同法实施条例第十条怎么规定的", top_k=1)[0]
    assert (top.doc_id, top.clause_no) == ("reg_labor_contract_law_implementing_2008", "第十条")


def test_plan_task_by_number_and_in_force_law_by_default(policy_assistant) -> None:
    task = policy_assistant.search("十二师实施方案第13项任务是什么", top_k=1)[0]
    assert (task.doc_id, task.clause_no) == (PLAN, "13.")
    assert task.metadata["lead_unit"] == "办公室"
    current = policy_assistant.search("职业教育法第十条", top_k=1)[0]
    assert current.doc_id == "law_vocational_education_2022"
    old = policy_assistant.search("1996年职业教育法第十条", top_k=1)[0]
    assert old.doc_id == "law_vocational_education_1996"


@pytest.mark.parametrize(
    ("question", "doc", "words"),
    [
        ("十二师的企业投钱办职业教育，能抵扣多少教育费附加？", PLAN, "投资额30%的比例抵扣"),
        ("实习生在企业实习能拿报酬吗，有没有保险？", PLAN, "实习责任保险"),
        ("搞现代学徒制的企业有培训补贴吗", PLAN, "按规定给予培训补贴"),
        ("用人单位不跟我签书面劳动合同，要付几倍工资？", "law_labor_contract_2012", "二倍的工资"),
    ],
)
def test_paraphrased_questions_find_their_clause_in_the_top_three(policy_assistant, question, doc, words) -> None:
    hits = policy_assistant.search(question, top_k=3)
    assert any(h.doc_id == doc and words in h.text for h in hits), [(h.doc_id, h.clause_path) for h in hits]


def test_an_age_finds_the_rule_for_minors_not_the_task_with_that_number(policy_assistant) -> None:
    """The plan numbers its tasks 1-20: "17岁" matched as a word found "17.强化金融支持"."""
    hits = policy_assistant.search("我儿子17岁了，能去工地干活吗？", top_k=5)
    assert not any(h.doc_id == PLAN and h.clause_no == "17." for h in hits), [h.clause_path for h in hits]
    hits = policy_assistant.search("18岁以下的员工要定期体检吗？", top_k=3)
    assert any(h.doc_id == "law_labor_2018" and h.clause_no == "第六十五条" for h in hits), [
        h.clause_path for h in hits
    ]


def test_generic_question_finds_both_the_national_rule_and_the_division_rate(policy_assistant) -> None:
    hits = policy_assistant.search("我们企业投钱办职业教育，能抵扣多少教育费附加？", top_k=5)
    found = {(h.doc_id, h.clause_no) for h in hits}
    assert ("gov_national_vocational_education_reform_plan_2019", "（十）") in found
    assert (PLAN, "16.") in found


def test_division_rule_outranks_another_city_sharing_its_words(policy_assistant) -> None:
    hits = policy_assistant.search("职业学校专业教师到企业实践，时间上有什么要求？", top_k=10)
    docs = [h.doc_id for h in hits]
    division = docs.index(PLAN)
    # national rules apply to the division too; another city's rule never comes before the division's
    assert division <= 2 and "每5年累计不少于6个月" in hits[division].text, docs
    assert all(d != "local_qingdao_vocational_education_2015" for d in docs[: division + 1])
    qingdao = policy_assistant.search("青岛职业学校专业教师到企业实践有什么时间要求？", top_k=3)
    assert qingdao[0].doc_id == "local_qingdao_vocational_education_2015"
    assert qingdao[0].region == "青岛市" and qingdao[0].jurisdiction == "city"


def test_filters_restrict_every_retriever(policy_assistant) -> None:
    for mode in SearchMode:
        hits = policy_assistant.search(
            "实习学生的权益保障",
            top_k=10,
            mode=mode,
            filters=SearchFilters(doc_type="law", year_from=2015, in_force_only=True),
        )
        assert hits, mode
        for hit in hits:
            assert hit.metadata["doc_type"] == "law" and int(hit.metadata["year"]) >= 2015
            assert hit.doc_id != "law_vocational_education_1996"
    regional = policy_assistant.search("职业培训补贴", top_k=5, filters=SearchFilters(region="河南省"))
    assert {h.doc_id for h in regional} == {"local_henan_vocational_training_2017"}
    issuer = policy_assistant.search("就业", top_k=5, filters=SearchFilters(issuer="国务院"))
    assert all("国务院" in str(h.metadata["issuer"]) for h in issuer)


def test_results_say_where_they_come_from(policy_assistant) -> None:
    hit = policy_assistant.search("产教融合型企业有什么优惠", top_k=1)[0]
    data = hit.to_dict()
    for key in ("chunk_id", "title", "clause_path", "text", "score", "retrievers", "jurisdiction"):
        assert data[key] not in (None, ""), key
    # the plan (a web page) has no 文号; its site index number seszf-2020-000224 is not shown as one
    assert "doc_number" in data and not data["doc_number"].startswith("seszf")
    assert set(hit.retrievers) <= {"bm25", "dense", "clause"}


def test_bad_queries_are_clear_errors(policy_assistant) -> None:
    with pytest.raises(QueryError, match="top_k must be 1..50, got 0"):
        policy_assistant.search("实习", top_k=0)
    with pytest.raises(QueryError, match="empty"):
        policy_assistant.search("   ")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("照国家那个职教改革方案，老师一年得去企业多久？", {"gov_national_vocational_education_reform_plan_2019"}),
        ("劳动合同法实施条例里试用期工资最低多少？", {"reg_labor_contract_law_implementing_2008"}),
        # a topic a title shares (产教融合, 劳动合同, 校企合作) names no document
        ("评上产教融合型企业能拿到什么支持？", set()),
        ("签了两年劳动合同，试用期能约定多长？", set()),
        ("校企合作的专项资金找谁申请？", set()),
    ],
)
def test_a_question_names_a_document_by_its_title_not_by_a_shared_topic(policy_assistant, question, named) -> None:
    assert policy_assistant.searcher.structure.named_documents(question) == named


def test_a_document_the_question_names_is_the_one_quoted(policy_assistant) -> None:
    """The division's plan also speaks of teachers' yearly training; asked by the national plan's name,
    the national plan's rule (每年至少1个月在企业或实训基地实训) is quoted."""
    answer = policy_assistant.ask("国家职教改革方案里，老师每年要去企业待多长时间？", backend="extractive")
    assert "每年至少1个月" in answer.answer
    assert answer.citations[0].doc_id == "gov_national_vocational_education_reform_plan_2019"
