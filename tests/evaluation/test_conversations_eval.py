"""The follow-up evaluation: gold shape, scoring, and the command that writes its summary."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.evaluation.conversations import (
    ConversationCase,
    load_conversations,
    score_conversation,
    summarize,
)
from assistant.types import Turn
from tests.conftest import REPO

SPLITS = ("dev", "test")


@pytest.mark.parametrize("split", SPLITS)
def test_each_split_has_the_promised_shape(split: str) -> None:
    cases = load_conversations(REPO / "evals" / f"conversations_{split}.jsonl")
    assert len(cases) >= 40 and len({c.id for c in cases}) == len(cases)
    follow_ups = [c for c in cases if c.carries]
    assert 0.3 <= len(follow_ups) / len(cases) <= 0.7
    assert all(c.keep for c in follow_ups) and all(c.drop and not c.keep for c in cases if not c.carries)
    assert all(len(c.history) == 2 and c.history[0].role == "user" for c in cases)


def test_scoring_tells_a_carried_topic_from_a_leaked_one() -> None:
    exchange = [Turn("user", "我们是一家汽修厂，想带几个学徒，有什么补贴"), Turn("assistant", "……可享受培训补贴。")]
    follow = ConversationCase("f", "enterprise", exchange, "需要什么条件", True, ["学徒"], ["我们"])
    alone = ConversationCase("a", "enterprise", exchange, "产假有几天", False, [], ["学徒"])
    wrong_gold = ConversationCase("w", "enterprise", exchange, "需要什么条件", False, [], ["学徒"])
    results = [score_conversation(c) for c in (follow, alone, wrong_gold)]
    assert [r.right for r in results] == [True, True, False]
    assert results[0].carried and "学徒" in results[0].standalone and not results[1].carried
    assert results[2].leaked == ["学徒"]
    figures = summarize(results)
    assert figures["carry_accuracy"] == pytest.approx(2 / 3, abs=1e-3) and figures["leaked"] == 1


def test_the_command_reports_and_writes_the_summary(tmp_path) -> None:
    out = tmp_path / "results"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "eval",
            "conversations",
            "--split",
            "dev",
            "--out",
            str(out),
            "--summary",
            str(tmp_path / "s.json"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "carry accuracy" in done.stdout
    rows = [json.loads(line) for line in (out / "conversations-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(load_conversations(REPO / "evals" / "conversations_dev.jsonl"))
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["rewrite"]["conversations"] == len(rows)
