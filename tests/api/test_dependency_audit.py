"""Known-vulnerable dependencies fail ``make test``; an advisory service that cannot be asked skips.

``pip-audit`` asks PyPI's advisory data (``/pypi/<name>/<version>/json``) about every installed
distribution of this environment (the served app's dependencies and the dev tools; our own
editable package is skipped). The verdict is decided so that CI is not flaky on the network:

- a vulnerability found: the test FAILS, naming the package, the version, the advisory and the fix;
- no network, a timeout or an error status from the service: SKIPPED, with pip-audit's own reason;
- the index answered but audited nothing (every package "not found": a mirror that serves the simple
  index but not the per-release JSON, as on the build machine of this test): SKIPPED, saying so
  (pip-audit itself exits 0 and prints "No known vulnerabilities found" there, which would be a lie).

It lives beside the API tests (the edge the advisories matter for); it belongs to no package.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

NETWORK = re.compile(
    r"requests\.exceptions\.\w+|ConnectionError|ConnectTimeout|ReadTimeout|ProxyError|SSLError|"
    r"Max retries exceeded|NameResolutionError|Temporary failure in name resolution|ServiceError"
)
TIMEOUT_SECONDS = 900


@dataclass
class Verdict:
    outcome: str  # "pass", "fail" or "skip"
    message: str


def judge_audit(returncode: int, stdout: str, stderr: str) -> Verdict:
    """What one ``pip-audit --format json`` run means for the build."""
    try:
        report = json.loads(stdout)
    except ValueError:
        found = NETWORK.findall(stderr)
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {returncode}, no output"
        if found:
            return Verdict("skip", f"PyPI's advisory API could not be asked ({found[0]}): {last[:300]}")
        return Verdict("fail", f"pip-audit failed (exit {returncode}): {last[:500]}")
    dependencies = report.get("dependencies", [])
    vulnerable = [
        f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {', '.join(vuln.get('fix_versions') or ['-'])})"
        for dep in dependencies
        for vuln in dep.get("vulns", [])
    ]
    if vulnerable:
        return Verdict("fail", "known-vulnerable pins (upgrade them in pyproject.toml):\n" + "\n".join(vulnerable))
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    if not audited:
        reason = dependencies[0]["skip_reason"] if dependencies else "no dependencies listed"
        return Verdict(
            "skip",
            f"the index answered but none of {len(dependencies)} packages could be audited "
            f"(a mirror without per-release JSON?), e.g. {reason}",
        )
    skipped = len(dependencies) - len(audited)
    return Verdict("pass", f"{len(audited)} packages audited, no known vulnerability ({skipped} not found on PyPI)")


def test_no_installed_dependency_has_a_known_vulnerability() -> None:
    command = [sys.executable, "-m", "pip_audit", "--vulnerability-service", "pypi", "--format", "json"]
    command += ["--progress-spinner", "off", "--skip-editable", "--timeout", "30"]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip(f"PyPI's advisory API did not answer for {TIMEOUT_SECONDS} s")
    verdict = judge_audit(run.returncode, run.stdout, run.stderr)
    if verdict.outcome == "skip":
        pytest.skip(verdict.message)
    assert verdict.outcome == "pass", verdict.message
    print(verdict.message)


VULNERABLE = {
    "dependencies": [
        {"name": "jinja2", "version": "2.10", "vulns": [{"id": "PYSEC-2019-217", "fix_versions": ["2.10.1"]}]},
        {"name": "fastapi", "version": "0.165.0", "vulns": []},
    ],
    "fixes": [],
}
CLEAN = {"dependencies": [{"name": "fastapi", "version": "0.165.0", "vulns": []}], "fixes": []}
MIRROR = {
    "dependencies": [
        {"name": "fastapi", "skip_reason": "Dependency not found on PyPI and could not be audited: fastapi (0.165.0)"}
    ],
    "fixes": [],
}
OFFLINE = """Traceback (most recent call last):
requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded"""


@pytest.mark.parametrize(
    ("returncode", "stdout", "stderr", "outcome", "said"),
    [
        (1, json.dumps(VULNERABLE), "", "fail", "jinja2 2.10: PYSEC-2019-217 (fixed in 2.10.1)"),
        (0, json.dumps(CLEAN), "", "pass", "1 packages audited"),
        (0, json.dumps(MIRROR), "", "skip", "none of 1 packages could be audited"),
        (1, "", OFFLINE, "skip", "could not be asked (requests.exceptions.ConnectionError)"),
        (2, "", "pip-audit: error: unrecognized arguments: --bogus", "fail", "pip-audit failed (exit 2)"),
    ],
)
def test_the_verdict_fails_on_a_vulnerability_and_skips_only_on_the_network(
    returncode: int, stdout: str, stderr: str, outcome: str, said: str
) -> None:
    verdict = judge_audit(returncode, stdout, stderr)
    assert verdict.outcome == outcome and said in verdict.message, verdict
