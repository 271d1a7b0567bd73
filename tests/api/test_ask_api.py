"""/api/ask and /api/ask/stream through the real app over the real shared-policy index."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app

pytestmark = pytest.mark.slow
QUESTION = "十二师的产教融合试点企业投资办职业教育，能抵免哪些税费，比例多少？"


@pytest.fixture(scope="module")
def client(policy_assistant):
    app = create_app(policy_assistant.settings, assistant=policy_assistant)
    with TestClient(app) as test_client:
        yield test_client


def parse_sse(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_ask_returns_a_grounded_answer_with_citations(client) -> None:
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200
    body = response.json()
    assert body["grounded"] is True and "30%" in body["answer"]
    assert body["citations"] and {"title", "doc_number", "clause_path", "text", "chunk_id", "score"} <= set(
        body["citations"][0]
    )
    assert "[1]" in body["answer"] and body["timings"]["retrieve"] > 0


def test_ask_says_when_the_documents_do_not_answer(client) -> None:
    # a question the decision refuses by a wide margin (probability 0.09 against the threshold 0.59)
    body = client.post("/api/ask", json={"question": "十二师食堂几点开饭？"}).json()
    assert body["grounded"] is False and body["answer"].startswith("现有资料中没有找到")


def test_ask_uses_the_history_and_the_staff_mode(client) -> None:
    body = client.post(
        "/api/ask",
        json={
            "question": "那实习实训基地呢？",
            "history": [{"role": "user", "content": "十二师对开展现代学徒制的企业有什么支持？"}],
            "mode": "staff",
        },
    ).json()
    assert "实习实训基地" in body["standalone_question"]
    assert body["answer"].startswith("您好") and "政策依据" in body["answer"]


def test_stream_sends_tokens_then_the_final_answer_with_citations(client) -> None:
    with client.stream("POST", "/api/ask/stream", json={"question": QUESTION}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join(response.iter_text())
    events = parse_sse(text)
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "final" and kinds.count("final") == 1 and set(kinds[:-1]) == {"token"}
    final = events[-1][1]["answer"]
    assert final["citations"] and final["grounded"]
    assert "".join(data["text"] for kind, data in events[:-1]) == final["answer"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question": ""}, "question"),
        ({"question": "问" * 501}, "question"),
        ({"question": "那呢", "history": [{"role": "user", "content": "问"}] * 21}, "history"),
        ({"question": "那呢", "history": [{"role": "bot", "content": "问"}]}, "history.0.role"),
        ({"question": "问题", "mode": "poem"}, "mode"),
        ({"question": "问题", "backend": "gpt"}, "backend"),
    ],
)
def test_bad_requests_are_422_naming_the_field(client, body: dict, field: str) -> None:
    for path in ("/api/ask", "/api/ask/stream"):
        response = client.post(path, json=body)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert any(d["field"] == field for d in detail), detail


def test_a_full_llm_queue_answers_503_with_retry_after(client, policy_assistant, monkeypatch) -> None:
    # openai: the backend whose default path calls the LLM (local answers without it: the judge is off)
    writer = type(policy_assistant.settings.llm_backend).openai
    allowing = policy_assistant.settings.model_copy(update={"llm_allowed_backends": [writer]})
    monkeypatch.setattr(policy_assistant, "settings", allowing)
    gate = policy_assistant._llm_gate
    held = [gate._admitted.acquire(blocking=False) for _ in range(gate.capacity)]
    try:
        assert all(held)
        from tests.answer.fakes import FakeLLM

        policy_assistant._llms[writer] = FakeLLM()
        response = client.post("/api/ask", json={"question": QUESTION, "backend": "openai"})
        assert response.status_code == 503 and int(response.headers["retry-after"]) > 0
        assert response.json()["error"] == "busy"
        stream = client.post("/api/ask/stream", json={"question": QUESTION, "backend": "openai"})
        assert stream.status_code == 503
    finally:
        for _ in held:
            gate._admitted.release()
        policy_assistant._llms.pop(writer, None)
