"""Retrieval building blocks: tokens, BM25 updates, fusion, clause references, filters."""

from __future__ import annotations

import math

import pytest

from assistant.errors import QueryError
from assistant.filters import SearchFilters
from assistant.retrieve.fusion import min_max_fusion, rank_by_score, reciprocal_rank_fusion, z_score_fusion
from assistant.retrieve.query_terms import lexical_terms
from assistant.retrieve.structure import doc_aliases, find_clause_refs, name_score
from assistant.store.sparse import SparseIndex
from assistant.text.normalize import normalize_query
from assistant.text.tokenize import tokenize
from assistant.types import StoredChunk


def test_tokens_keep_policy_terms_and_drop_stop_words() -> None:
    tokens = tokenize("请问我们企业搞现代学徒制，能拿到培训补贴吗？")
    assert "现代学徒制" in tokens and "培训补贴" in tokens
    assert not {"请问", "我们", "吗", "，", "？"} & set(tokens)
    assert "产教融合" in tokenize("产教融合型企业有哪些优惠")


@pytest.mark.parametrize(
    ("question", "dropped", "kept"),
    [
        ("我家孩子15岁，能去厂里打工吗？", {"15"}, {"打工"}),
        ("我儿子17了，能下井吗", {"17"}, {"下井"}),
        ("一天上班超过8个钟头算加班吗", {"8"}, {"加班"}),
        ("我们在104团，搞现代学徒制有补贴吗", set(), {"104", "现代学徒制"}),
        ("十二师实施方案第13项任务是什么", set(), {"13"}),
        ("2025年以后还有这个补贴吗", set(), {"2025"}),
    ],
)
def test_small_numbers_a_person_states_are_not_matched_as_words(
    question: str, dropped: set[str], kept: set[str]
) -> None:
    """15岁 / 8个钟头 are compared by verification; matched as words they find clause labels (15.实施…)."""
    terms = set(lexical_terms(question))
    assert not dropped & terms and kept <= terms, terms


def test_normalisation_handles_width_script_and_article_digits() -> None:
    assert normalize_query("  勞動合同法　第１４條  ") == "劳动合同法 第十四条"
    assert tokenize("產教融合") == tokenize("产教融合")


def _chunk(cid: str, doc: str, **meta: object) -> StoredChunk:
    return StoredChunk(cid, doc, cid, {"doc_id": doc, "kind": "policy", **meta})


def test_a_clause_label_is_one_token_without_its_numerals() -> None:
    """二十五 inside 第二十五条 is a place in a law, not a quantity: "我家老二十五岁" (the second child is
    fifteen) matched 第二十五条 of every law by 二十五 / 十五. A label stays a token (a question citing it
    matches), a quantity in the text stays one too."""
    assert tokenize("第二十五条 劳动者违反服务期约定的")[:2] == ["第二十五条", "劳动"]
    assert not {"二十五", "十五", "二十"} & set(tokenize("第二十五条 （十五） 十五、加强组织领导"))
    assert {"二十", "二十五岁"} <= set(tokenize("我家老二十五岁")) and "二十" in tokenize("裁减人员二十人以上")
    index = SparseIndex()
    index.add(_chunk("art25", "law"), tokenize("第二十五条 劳动者违反服务期约定的，应当支付违约金。"))
    index.add(_chunk("other", "law"), tokenize("第三条 订立劳动合同，应当遵循合法、公平的原则。"))
    assert index.search(tokenize("老二十五岁能打工吗"), 5) == []
    assert [cid for cid, _ in index.search(tokenize("第二十五条说的是什么"), 5)] == ["art25"]


def test_bm25_updates_in_place_match_a_fresh_build() -> None:
    docs = {"a": "企业 实习 保险", "b": "学徒 补贴 企业", "c": "教师 企业 实践", "d": "实习 报酬 保险"}
    live = SparseIndex()
    for cid, text in docs.items():
        live.add(_chunk(cid, "doc1" if cid in "ab" else "doc2"), text.split())
    live.remove_document("doc1")
    live.add(_chunk("e", "doc3"), "学徒 实习".split())
    fresh = SparseIndex()
    for cid, text in [("c", docs["c"]), ("d", docs["d"]), ("e", "学徒 实习")]:
        fresh.add(_chunk(cid, "doc2" if cid in "cd" else "doc3"), text.split())
    query = ["实习", "保险", "企业"]
    got, want = live.search(query, 5), fresh.search(query, 5)
    assert [cid for cid, _ in got] == [cid for cid, _ in want]
    assert [score for _, score in got] == pytest.approx([score for _, score in want])
    assert len(live) == 3 and live.get("a") is None


def test_bm25_score_is_okapi() -> None:
    index = SparseIndex(k1=1.2, b=0.75)
    index.add(_chunk("x", "d"), ["实习", "实习", "保险"])
    index.add(_chunk("y", "d"), ["教师"])
    ((cid, score),) = index.search(["实习"], 1)
    idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    avgdl = 2.0
    expected = idf * 2 * 2.2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 3 / avgdl))
    assert cid == "x" and score == pytest.approx(expected, rel=1e-5)


def test_bm25_filter_keeps_going_past_filtered_hits() -> None:
    index = SparseIndex()
    for i in range(30):
        index.add(_chunk(f"c{i}", "d", year=2000 + i), ["实习"] * (i + 1))
    got = index.search(["实习"], 3, allowed=lambda c: c.metadata["year"] < 2005)
    assert [cid for cid, _ in got] == ["c4", "c3", "c2"]


def test_min_max_fusion_keeps_score_gaps() -> None:
    fused = min_max_fusion(
        {"bm25": [("a", 12.0), ("b", 3.0), ("c", 2.0)], "dense": [("c", 0.9), ("b", 0.8), ("d", 0.7)]},
        {"bm25": 1.0, "dense": 0.5},
    )
    assert fused["a"] == pytest.approx(1.0)
    assert fused["b"] == pytest.approx(0.1 + 0.25)
    assert fused["c"] == pytest.approx(0.0 + 0.5)
    assert fused["d"] == pytest.approx(0.0)
    assert rank_by_score(fused) == ["a", "c", "b", "d"]


def test_z_score_fusion_standardises_each_list_and_floors_missing_ids() -> None:
    fused = z_score_fusion({"bm25": [("a", 9.0), ("b", 3.0), ("c", 3.0)], "dense": [("b", 0.9), ("d", 0.7)]})
    # bm25: mean 5, sd sqrt(8): a +1.414, b/c -0.707; dense: b +1, d -1 (the floor of each list)
    assert math.isclose(fused["a"], math.sqrt(2) - 1.0)
    assert math.isclose(fused["b"], -1 / math.sqrt(2) + 1.0)
    assert math.isclose(fused["d"], -1 / math.sqrt(2) - 1.0)
    assert rank_by_score(fused) == ["a", "b", "c", "d"]  # c and d tie at the two floors: by id
    assert z_score_fusion({"bm25": [("a", 2.0)], "dense": []}) == {"a": 0.0}


def test_structure_signals_leave_documents_without_structure_alone() -> None:
    from assistant.ingest.docmeta import infer_in_force, infer_jurisdiction
    from assistant.retrieve.structure import is_foreign

    for title in ("上海市", "广州市地铁", "宁波"):  # encyclopedia articles and pages named after a place
        level, region = infer_jurisdiction(title, "")
        assert not is_foreign({"jurisdiction": level, "region": region}), title
    assert infer_in_force("", "")


def test_reciprocal_rank_fusion() -> None:
    fused = reciprocal_rank_fusion({"bm25": ["a", "b"], "dense": ["b", "c"]}, {"bm25": 1.0, "dense": 2.0}, rrf_k=60)
    assert fused["b"] == pytest.approx(1 / 62 + 2 / 61)
    assert rank_by_score(fused) == ["b", "c", "a"]


@pytest.mark.parametrize(
    ("query", "style", "number"),
    [
        ("劳动合同法第十四条的内容是什么", "article", 14),
        ("十二师实施方案第13项任务是什么", "num", 13),
        ("十二师产教融合方案任务9讲的啥", "num", 9),
        ("国家职业教育改革实施方案（十二）说了什么", "paren_cn", 12),
        ("方案第二部分主要目标", "cn", 2),
    ],
)
def test_clause_references_in_questions(query: str, style: str, number: int) -> None:
    ref = find_clause_refs(normalize_query(query))[0]
    assert (ref.style, ref.number) == (style, number)


def test_document_names_pick_the_longest_matching_title() -> None:
    contract = doc_aliases("中华人民共和国劳动合同法（2012年修正）")
    regulation = doc_aliases("中华人民共和国劳动合同法实施条例")
    assert "劳动合同法" in contract
    assert name_score("劳动合同法实施条例", regulation) > name_score("劳动合同法实施条例", contract)
    plan = doc_aliases("十二师深化产教融合的实施方案")
    national = doc_aliases("国务院关于印发国家职业教育改革实施方案的通知（附：国家职业教育改革实施方案）")
    assert name_score("十二师实施方案", plan) > name_score("十二师实施方案", national)


def test_filters_from_cli_pairs_and_their_errors() -> None:
    filters = SearchFilters.from_pairs(["kind=policy,faq", "doc_type=law", "year_from=2015", "in_force_only=true"])
    assert [k.value for k in filters.kind] == ["policy", "faq"]
    assert filters.matches({"kind": "policy", "doc_type": "law", "year": 2018, "in_force": True})
    assert not filters.matches({"kind": "policy", "doc_type": "law", "year": 2012, "in_force": True})
    assert not filters.matches({"kind": "policy", "doc_type": "law", "year": 2022, "in_force": False})
    with pytest.raises(QueryError, match="unknown filter 'colour'"):
        SearchFilters.from_pairs(["colour=red"])
    with pytest.raises(QueryError, match="year_from 2020 is after year_to 2010"):
        SearchFilters.from_pairs(["year_from=2020", "year_to=2010"])
    with pytest.raises(QueryError, match="not key=value"):
        SearchFilters.from_pairs(["policy"])
