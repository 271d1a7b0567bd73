"""The fault hook and the full-disk classifier on their own (fast: no model, no index)."""

from __future__ import annotations

import errno
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import IndexError_
from assistant.store import faults
from assistant.store.space import is_disk_full, writing
from tests.conftest import REPO

TWICE = "from assistant.store import faults; faults.reached('commit'); faults.reached('commit'); print('alive')"


@pytest.mark.parametrize(
    ("spec", "killed"), [("commit:2", True), ("commit:3", False), ("pending:1", False), ("", False)]
)
def test_the_hook_kills_at_the_named_stage_and_count_only(spec: str, killed: bool) -> None:
    done = subprocess.run(
        [sys.executable, "-c", TWICE],
        env={"PYTHONPATH": str(REPO), faults.ENV: spec},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == ((-signal.SIGKILL, "") if killed else (0, "alive"))


def test_an_unknown_stage_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown fault stage 'comit'"):
        faults.reached("comit")


def _raised_from(cause: BaseException) -> RuntimeError:
    try:
        try:
            raise cause
        except BaseException as exc:
            raise RuntimeError("Error in compaction") from exc
    except RuntimeError as outer:
        return outer


@pytest.mark.parametrize(
    ("exc", "full"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (OSError(errno.EFBIG, "File too large"), True),
        (sqlite3.OperationalError("database or disk is full"), True),
        (RuntimeError("error returned from database: (code: 13) database or disk is full"), True),
        (_raised_from(OSError(errno.ENOSPC, "No space left on device")), True),
        (OSError(errno.ENOENT, "No such file or directory"), False),
        (ValueError("bad value"), False),
    ],
)
def test_full_disk_errors_are_recognised_in_any_layer(exc: BaseException, full: bool) -> None:
    assert is_disk_full(exc) is full


def test_a_full_disk_while_writing_is_one_chinese_error_naming_index_and_file(tmp_path: Path) -> None:
    with pytest.raises(IndexError_) as err, writing(tmp_path / "index", "docs/rules.txt"):
        raise sqlite3.OperationalError("database or disk is full")
    assert str(err.value).startswith(f"磁盘空间不足：写入 docs/rules.txt 时索引 {tmp_path / 'index'} 无法再写入")
    with pytest.raises(KeyError), writing(tmp_path / "index"):  # anything else passes through
        raise KeyError("x")
