"""Platform fixtures: a Platform over the sample corpus and a fresh data directory (real sqlite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.platform import Platform
from tests.conftest import make_settings

PASSWORD = "correct-horse-9"


@pytest.fixture()
def platform(tmp_path: Path) -> Platform:
    return Platform(make_settings(tmp_path / "index", data_dir=tmp_path / "data"))
