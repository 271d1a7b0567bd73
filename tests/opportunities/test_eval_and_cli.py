"""The opportunity evaluation holds its pins (CI smoke), and the CLI commands as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.evaluation.opportunities import precision_recall, run_opportunity_eval
from assistant.ingest.records import load_records
from tests.conftest import CORPUS, REPO
from tests.opportunities.conftest import TODAY


def corpus_postings() -> list[dict[str, str]]:
    """The sample postings as plain rows (location, deadline as ISO text), read by the record loader."""
    rows = []
    for path in sorted((CORPUS / "postings").iterdir()):
        for _, record in load_records(path).rows:
            data = record.model_dump(mode="json")
            rows.append({"location": data["location"], "deadline": data.get("deadline") or ""})
    return rows


pytestmark = pytest.mark.slow
BASELINES = yaml.safe_load((REPO / "evals" / "baselines.yaml").read_text(encoding="utf-8"))


def test_precision_recall() -> None:
    assert precision_recall(["a", "b", "c", "d"], ["a", "x"]) == (0.25, 0.5)
    assert precision_recall([], []) == (1.0, 1.0)
    assert precision_recall([], ["a"]) == (0.0, 0.0)


def test_opportunity_scores_hold_their_pins(opp) -> None:
    report = run_opportunity_eval(
        opp, REPO / "evals" / "student_profiles.yaml", REPO / "evals" / "enterprise_profiles.yaml", today=TODAY
    )
    assert len(report.recommendations) >= 15 and len(report.benefits) >= 10
    pins, tolerance = BASELINES["opportunities"], BASELINES["tolerance"]
    summary = report.summary()
    for part in ("recommendations", "benefits"):
        for metric, pinned in pins[part].items():
            assert summary[part][metric] >= pinned - tolerance, (part, metric, summary[part][metric], pinned)


def test_held_out_profiles_hold_their_pins(opp) -> None:
    """The held-out split (never tuned on): reported and pinned, so a change that breaks it shows."""
    report = run_opportunity_eval(
        opp, REPO / "evals" / "student_profiles_test.yaml", REPO / "evals" / "enterprise_profiles_test.yaml"
    )
    assert report.today.isoformat() == "2026-12-02" and len(report.recommendations) == 26
    summary = report.summary()
    assert summary["recommendations"]["never_shown"] == 0  # no expired / excluded item is ever shown
    assert summary["recommendations"]["with_reasons"] == 1
    pins, tolerance = BASELINES["opportunities_test"], BASELINES["tolerance"]
    for part in ("recommendations", "benefits"):
        for metric, pinned in pins[part].items():
            assert summary[part][metric] >= pinned - tolerance, (part, metric, summary[part][metric], pinned)


def run(
    index_dir: Path, *args: str, data_dir: Path | None = None, cwd: Path = REPO, corpus: str = str(REPO / "corpus")
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_CORPUS_DIRS": corpus}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    if data_dir:
        env["ASSISTANT_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_match_gives_the_same_result_from_any_folder(opp_index_dirs, tmp_path: Path) -> None:
    enterprise = tmp_path / "enterprise.yaml"
    enterprise.write_text("text: 我在五一农场开了个汽修厂，想带几个职校的学徒\n", encoding="utf-8")
    here = run(opp_index_dirs[0], "match", "--profile", str(enterprise), "--json", corpus="corpus")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    there = run(opp_index_dirs[0], "match", "--profile", str(enterprise), "--json", cwd=elsewhere, corpus="corpus")
    assert here.returncode == 0 and there.returncode == 0, there.stderr
    ids = [b["id"] for b in json.loads(there.stdout)["benefits"]]
    assert ids == [b["id"] for b in json.loads(here.stdout)["benefits"]]
    assert "div12-apprenticeship-training-subsidy" in ids


def test_cli_search_recommend_match(opp_index_dirs, tmp_path: Path) -> None:
    index = opp_index_dirs[0]
    search = run(index, "search", "", "--kind", "posting", "--filter", "location=米东区", "--top-k", "20", "--json")
    assert search.returncode == 0, search.stderr
    body = json.loads(search.stdout)
    assert body["items"] and all("米东区" in i["location"] and i["record_type"] == "posting" for i in body["items"])
    assert all(not i["deadline"] or i["deadline"] >= body["today"] for i in body["items"])
    expired = [r for r in corpus_postings() if "米东区" in r["location"] and r["deadline"] < body["today"]]
    assert expired and body["hidden_expired"] == len(expired)  # counted, not shown
    human = run(index, "search", "实习", "--kind", "实习", "--top-k", "50", "--include-expired")
    assert human.returncode == 0 and "[实习]" in human.stdout and "已过截止日期" not in human.stdout

    student = tmp_path / "student.yaml"
    student.write_text("majors: 护理\nlevel: 高职\nlocations: [昌吉]\nkinds: [实习]\n", encoding="utf-8")
    recs = run(index, "recommend", "--profile", str(student), "--json")
    assert recs.returncode == 0, recs.stderr
    body = json.loads(recs.stdout)
    assert [r["record_id"] for r in body["items"]][:1] == ["J009"] and "nearest" in body
    assert all(r["reasons"] and all("text" in x for x in r["reasons"]) for r in body["items"] + body["nearest"])
    human = run(index, "recommend", "--profile", str(student))
    assert human.returncode == 0 and "地点：昌吉市" in human.stdout and "（+" in human.stdout

    enterprise = tmp_path / "enterprise.json"
    enterprise.write_text(
        json.dumps({"types": ["产教融合试点企业"], "activities": ["举办职业教育投资"]}), encoding="utf-8"
    )
    match = run(index, "match", "--profile", str(enterprise))
    assert match.returncode == 0, match.stderr
    assert (
        "30%" in match.stdout
        and "牵头单位：财政局" in match.stdout
        and "16.财政用地政策方面给予大力支持" in match.stdout
    )


def test_cli_bad_profile_is_one_line_naming_file_and_field(opp_index_dirs, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("majors: [护理]\navailable_from: someday\n", encoding="utf-8")
    result = run(opp_index_dirs[0], "recommend", "--profile", str(bad))
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "可开始日期" in lines[0] and "someday" in lines[0]
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run(opp_index_dirs[0], "match", "--profile", str(broken))
    assert result.returncode == 1 and str(broken) in result.stderr and "not valid JSON" in result.stderr


def test_cli_ask_takes_who_is_asking(opp_index_dirs) -> None:
    """``assistant ask --persona`` is the chat's 我是 (and the API's ``persona``)."""
    asked = run(opp_index_dirs[0], "ask", "有什么补贴", "--persona", "enterprise", "--backend", "extractive", "--json")
    assert asked.returncode == 0, asked.stderr
    assert "政策匹配" in json.loads(asked.stdout)["answer"]
    wrong = run(opp_index_dirs[0], "ask", "有什么补贴", "--persona", "boss")
    assert wrong.returncode == 2 and "--persona" in wrong.stderr
