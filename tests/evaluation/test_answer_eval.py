"""Smoke evaluation of answers: the extractive backend on the whole answer gold set must hold
its pins (the local backend's figures are pinned too and measured by `assistant eval answers`)."""

from __future__ import annotations

import pytest
import yaml

from assistant.answer.types import Answer, AnswerMode, AnswerSentence, Citation
from assistant.evaluation.answers import AnswerCase, evaluate_answers, load_answer_gold, score_answer
from tests.conftest import REPO

pytestmark = pytest.mark.slow
BASELINES = yaml.safe_load((REPO / "evals" / "baselines.yaml").read_text(encoding="utf-8"))
GOLD = REPO / "evals" / "answers_gold.jsonl"


def test_gold_set_has_the_promised_shape() -> None:
    cases = load_answer_gold(GOLD)
    assert len(cases) >= 60 and sum(not c.answerable for c in cases) >= 15
    assert {c.persona for c in cases} >= {"enterprise", "student", "staff"}
    assert all(c.facts and c.doc for c in cases if c.answerable)


def test_scoring_counts_facts_citations_and_unsupported_numbers() -> None:
    case = AnswerCase("x", "staff", "问", True, ["30%", "教育费附加"], "plan", "16.")
    cit = Citation(1, "c", "plan", "方案", "", "16.", "16.", "", "按投资额30%抵扣教育费附加。", "", 1.0)
    other = Citation(2, "d", "law", "法", "", "第一条", "第一条", "", "无关条款。", "", 0.5)
    sentences = [
        AnswerSentence("按投资额30%抵扣教育费附加[1]。", [1], "quote", True),
        AnswerSentence("另补贴50%[2]。", [2], "generated", True),
    ]
    text = "".join(s.text for s in sentences)
    answer = Answer("问", "问", text, True, AnswerMode.chat, "x", [cit, other], sentences)
    result = score_answer(case, answer, 0.1)
    assert result.correct and result.facts_found == 2
    assert (result.cited, result.cited_with_fact) == (2, 1)
    assert result.unsupported == ["50%"]
    refusal = Answer("问", "问", "现有资料中没有找到…", False, AnswerMode.chat, "x")
    assert not score_answer(case, refusal, 0.1).correct
    trap = AnswerCase("y", "staff", "问", False, [], None, None)
    assert score_answer(trap, refusal, 0.1).correct and not score_answer(trap, answer, 0.1).correct


def test_a_fact_stated_in_other_numerals_is_found_and_a_wrong_number_is_not() -> None:
    case = AnswerCase("z", "student", "问", True, ["百分之八十", "二倍的工资"], "law", "第十五条")
    cit = Citation(1, "c", "law", "法", "", "第十五条", "第十五条", "", "不得低于约定工资的80%。", "", 1.0)

    def said(text: str) -> Answer:
        return Answer("问", "问", text, True, AnswerMode.chat, "z", [cit], [AnswerSentence(text, [1], "quote", True)])

    assert score_answer(case, said("不得低于约定工资的80%，应当支付2倍的工资[1]。"), 0.1).correct
    assert score_answer(case, said("不得低于约定工资的70%，应当支付2倍的工资[1]。"), 0.1).facts_found == 1
    assert score_answer(case, said("不得低于约定工资的80%[1]。"), 0.1).cited_with_fact == 1


def test_extractive_answers_hold_their_pins(policy_assistant) -> None:
    pins = BASELINES["answers"]["extractive"]
    tolerance = BASELINES["tolerance"]
    _, summary = evaluate_answers(policy_assistant, load_answer_gold(GOLD), backend="extractive")
    for metric in ("fact_accuracy", "citation_precision", "refusal_accuracy"):
        assert summary[metric] >= pins[metric] - tolerance, (metric, summary[metric], pins[metric])
    assert summary["unsupported_number_rate"] == 0.0  # quotes never carry a number their clause lacks
    assert summary["false_refusals"] <= pins["false_refusals"]
