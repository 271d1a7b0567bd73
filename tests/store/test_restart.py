"""A server killed in the middle of a write request loses nothing that was committed.

``assistant serve`` runs in a subprocess over version A of the tiny corpus. It answers a staff
publish (posting S901) and a platform submission, then is SIGKILLed inside the next publish (S902),
after its vectors were written and before the catalog commit (the fault hook, ``vectors:2``: the
first publish was the first document written). Restarted, it has every committed document, the
posting and the submission, and it finishes the cut-off publish at start (its records file was
written before the index): nothing is left pending and ``assistant index check`` is clean.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.store.faultkit import cli, cli_env

pytestmark = pytest.mark.slow
ADMIN = "restart-test-admin-token-0123456789"
ENV = {"ASSISTANT_CORPUS_DIRS": "docs", "ASSISTANT_ADMIN_TOKEN": ADMIN, "TEST_PASSWORD": "correct-horse-9"}
POSTING = {
    "title": "无人机植保实习生",
    "kind": "实习",
    "enterprise": "新疆天翼植保科技有限公司",
    "location": "十二师104团",
    "majors": "无人机应用技术",
    "level": "中职",
    "description": "跟随植保飞防队参与棉田无人机喷洒作业。",
    "pay": "实习补贴2600元/月",
    "start": "2027-05-01",
    "deadline": "2099-04-15",
}
DEMAND = {"majors": "护理", "occupation": "护士", "headcount": 40, "level": "高职", "location": "昌吉市", "year": 2026}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(workdir: Path, env: dict[str, str]) -> Iterator[tuple[httpx.Client, subprocess.Popen[bytes]]]:
    """``assistant serve`` on a free port, once its index is loaded (stopped on leaving, if still up)."""
    port = _free_port()
    log = (workdir / f"serve-{port}.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
        cwd=workdir,
        env=cli_env(workdir, env),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300) as http:
            deadline = time.monotonic() + 300
            while True:
                assert server.poll() is None, (workdir / f"serve-{port}.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "the server did not start"
                try:
                    if http.get("/api/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.5)
            yield http, server
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=60)
        log.close()


def posting_ids(http: httpx.Client) -> set[str]:
    found = http.post("/api/opportunities/search", json={"query": "", "top_k": 50, "include_expired": True})
    assert found.status_code == 200, found.text
    return {item["record_id"] for item in found.json()["items"]}


def test_a_server_killed_mid_request_loses_nothing_committed(version_a: Path, tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    shutil.copytree(version_a, workdir)
    added = cli(workdir, "account", "add", "hospital", "--role", "enterprise", "--org", "昌吉仁和综合医院",
                "--password-env", "TEST_PASSWORD", env=ENV)  # fmt: skip
    assert added.returncode == 0, added.stderr
    token = re.search(r"pt_\S+", added.stdout)
    assert token is not None, added.stdout
    enterprise, admin = {"Authorization": f"Bearer {token.group(0)}"}, {"Authorization": f"Bearer {ADMIN}"}

    with serving(workdir, {**ENV, "ASSISTANT_FAULT_KILL_AT": "vectors:2"}) as (http, server):
        documents = http.get("/api/health").json()["documents"]
        first = http.post(
            "/api/records", json={"kind": "posting", "records": [{**POSTING, "id": "S901"}]}, headers=admin
        )
        assert first.status_code == 200, first.text
        submitted = http.post(
            "/api/platform/records", json={"kind": "talent_demand", "record": DEMAND}, headers=enterprise
        )
        assert submitted.status_code == 201, submitted.text
        second = {**POSTING, "id": "S902", "title": "棉花采收机驾驶实习生"}
        with pytest.raises(httpx.TransportError):  # the server dies inside this request
            http.post("/api/records", json={"kind": "posting", "records": [second]}, headers=admin)
        assert server.wait(timeout=120) == -signal.SIGKILL

    with serving(workdir, ENV) as (http, _):
        assert http.get("/api/health").json()["documents"] == documents + 1  # + the staff postings file
        assert {"S901", "S902"} <= posting_ids(http)
        mine = http.get("/api/platform/records/mine", headers=enterprise).json()
        assert [item["id"] for item in mine["items"]] == [submitted.json()["id"]]

    stats = cli(workdir, "stats", "--json", env=ENV)
    assert stats.returncode == 0 and '"pending": []' in stats.stdout, stats.stdout[-2000:]
    checked = cli(workdir, "index", "check", env=ENV)
    assert checked.returncode == 0, checked.stderr
