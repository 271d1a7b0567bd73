"""The chat tab's own ask limit: Gradio's queue carries the UI's questions past the API's rate-limit
middleware, so a client could send questions from the page without any bound."""

from __future__ import annotations

from types import SimpleNamespace

from web.question_box import AskLimit


def _from(host: str) -> SimpleNamespace:
    return SimpleNamespace(client=SimpleNamespace(host=host))


def test_a_client_over_the_ask_limit_is_told_how_long_to_wait() -> None:
    limit = AskLimit(2)
    assert limit.refusal(_from("10.0.0.1")) == "" and limit.refusal(_from("10.0.0.1")) == ""
    refused = limit.refusal(_from("10.0.0.1"))
    assert "提问过于频繁" in refused and "秒后再发送" in refused and "问题仍在输入框中" in refused
    assert limit.refusal(_from("10.0.0.2")) == ""  # another client has its own minute
    assert limit.refusal(SimpleNamespace(client=None)) == ""  # no host known: one shared bucket


def test_no_limit_when_the_setting_is_zero() -> None:
    limit = AskLimit(0)
    assert all(limit.refusal(_from("10.0.0.1")) == "" for _ in range(100))
