"""The feedback store: real SQLite in tmp_path, export in the answers gold format."""

from __future__ import annotations

import json

import pytest

from assistant.answer.types import Answer, AnswerMode, Citation
from assistant.cli import main
from assistant.errors import QueryError
from assistant.feedback import Feedback, FeedbackStore, cases_to_jsonl
from assistant.types import Persona

GOLD_KEYS = {"id", "persona", "question", "answerable", "facts", "doc", "clause", "notes"}


def _answer(grounded: bool = True) -> Answer:
    citation = Citation(
        n=1,
        chunk_id="plan#16",
        doc_id="xjbt_div12_industry_education_plan_2020",
        title="十二师深化产教融合的实施方案",
        doc_number="师办发〔2020〕1号",
        clause_path="三、（五）16.",
        clause_no="16.",
        date="2020-06-01",
        text="按投资额的30%抵免该企业当年应缴教育费附加和地方教育附加。",
        quote="按投资额的30%抵免",
        score=0.9,
    )
    return Answer(
        question="试点企业投资职业教育能抵免什么？",
        standalone_question="试点企业投资职业教育能抵免什么？",
        answer="可按投资额的30%抵免教育费附加和地方教育附加[1]。",
        grounded=grounded,
        mode=AnswerMode.chat,
        backend="extractive",
        citations=[citation] if grounded else [],
    )


def test_feedback_survives_a_new_store_and_lists_newest_first(tmp_path) -> None:
    store = FeedbackStore(tmp_path)
    store.add(Feedback.for_answer(_answer(), helpful=True, persona=Persona.enterprise))
    store.add(Feedback.for_answer(_answer(grounded=False), helpful=False, comment="没说清楚比例"))

    rows = FeedbackStore(tmp_path).entries()  # a fresh store reads the same file
    assert [r.helpful for r in rows] == [False, True]
    assert rows[0].comment == "没说清楚比例" and rows[0].id == 2 and rows[0].created_at
    assert rows[1].citations[0].clause_no == "16." and rows[1].persona is Persona.enterprise
    assert [r.id for r in FeedbackStore(tmp_path).entries(helpful=False)] == [2]


def test_export_is_in_the_answers_gold_format(tmp_path) -> None:
    store = FeedbackStore(tmp_path)
    store.add(Feedback.for_answer(_answer(), helpful=True, persona=Persona.enterprise))
    store.add(Feedback.for_answer(_answer(grounded=False), helpful=False, comment="没说清楚比例"))

    good, bad = store.export_cases()
    assert set(good) == GOLD_KEYS == set(bad)
    assert good["id"] == "fb0001" and good["persona"] == "enterprise" and good["answerable"] is True
    assert good["doc"] == "xjbt_div12_industry_education_plan_2020" and good["clause"] == "16."
    assert bad["answerable"] is None and bad["doc"] == ""
    assert "没帮助" in bad["notes"] and "没说清楚比例" in bad["notes"]
    lines = cases_to_jsonl(store.export_cases(helpful=False)).splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "fb0002"


def test_bad_feedback_is_refused_with_the_value_named(tmp_path) -> None:
    store = FeedbackStore(tmp_path)
    with pytest.raises(QueryError, match="2000"):
        store.add(Feedback.for_answer(_answer(), helpful=False, comment="太长" * 1001))
    assert store.entries() == []


def test_cli_exports_feedback(tmp_path, monkeypatch, capsys) -> None:
    FeedbackStore(tmp_path / "data").add(Feedback.for_answer(_answer(), helpful=True))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    from assistant.config import get_settings

    get_settings.cache_clear()
    try:
        assert main(["feedback", "export", "--out", str(tmp_path / "cases.jsonl")]) == 0
        case = json.loads((tmp_path / "cases.jsonl").read_text(encoding="utf-8"))
        assert case["question"] == "试点企业投资职业教育能抵免什么？"
        assert main(["feedback", "list"]) == 0
        assert "有帮助" in capsys.readouterr().out
    finally:
        get_settings.cache_clear()
