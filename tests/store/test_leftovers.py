"""What a killed rebuild or restore leaves beside the index is put right at the next start: a target an
interrupted swap left missing comes back, a stopped builder's folder and finished swaps' old copies go,
a folder whose builder still runs stays."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from assistant.store.leftovers import OWNER, WHOLE, YOUNG_SECONDS, claim, tidy


def folder(path: Path, text: str = "x") -> Path:
    path.mkdir(parents=True)
    (path / "chroma.sqlite3").write_text(text, encoding="utf-8")
    return path


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_an_interrupted_swap_puts_the_newest_old_copy_back(tmp_path: Path) -> None:
    folder(tmp_path / ".index.old-100", "older")
    folder(tmp_path / ".index.old-200", "newest")
    done = tidy(tmp_path / "index")
    assert (tmp_path / "index" / "chroma.sqlite3").read_text(encoding="utf-8") == "newest"
    assert not list(tmp_path.glob(".index.old-*")) and len(done) == 2


def test_an_interrupted_swap_moves_a_whole_rebuild_in(tmp_path: Path) -> None:
    folder(tmp_path / ".index.old-100", "old")
    built = folder(tmp_path / ".index.rebuild-a1", "rebuilt")
    (built / WHOLE).write_text(str(dead_pid()), encoding="ascii")
    tidy(tmp_path / "index")
    assert (tmp_path / "index" / "chroma.sqlite3").read_text(encoding="utf-8") == "rebuilt"
    assert not (tmp_path / "index" / WHOLE).exists() and not list(tmp_path.glob(".index.*"))


def test_old_copies_of_a_finished_swap_are_removed_and_the_index_kept(tmp_path: Path) -> None:
    folder(tmp_path / "index", "current")
    folder(tmp_path / ".index.old-100")
    tidy(tmp_path / "index")
    assert (tmp_path / "index" / "chroma.sqlite3").read_text(encoding="utf-8") == "current"
    assert not (tmp_path / ".index.old-100").exists()


def test_a_stopped_builder_s_folder_goes_and_a_running_one_stays(tmp_path: Path) -> None:
    folder(tmp_path / "index")
    stopped = folder(tmp_path / ".index.rebuild-a1")
    (stopped / OWNER).write_text(str(dead_pid()), encoding="ascii")
    running = claim(folder(tmp_path / ".index.rebuild-b2"))  # this process: still building
    restore = folder(tmp_path / ".restore-c3")
    (restore / OWNER).write_text(str(dead_pid()), encoding="ascii")
    just_made = folder(tmp_path / ".index.rebuild-d4")  # no OWNER yet: made a moment ago
    unmarked = folder(tmp_path / ".index.rebuild-e5")  # no OWNER, long ago (an older version's)
    long_ago = time.time() - 10 * YOUNG_SECONDS
    os.utime(unmarked, (long_ago, long_ago))
    other_index = folder(tmp_path / ".data.rebuild-f6")  # not this target's
    (other_index / OWNER).write_text(str(dead_pid()), encoding="ascii")
    tidy(tmp_path / "index")
    assert running.exists() and just_made.exists() and other_index.exists()
    assert not stopped.exists() and not restore.exists() and not unmarked.exists()
    assert (tmp_path / "index" / "chroma.sqlite3").exists()


def test_nothing_to_do_does_nothing(tmp_path: Path) -> None:
    assert tidy(tmp_path / "index") == [] and not (tmp_path / "index").exists()
    assert tidy(tmp_path / "missing" / "index") == []
