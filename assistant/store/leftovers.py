"""What a killed rebuild or restore leaves beside the index or data folder, put right at the next start.

``swap_in`` renames the target to ``.NAME.old-<time>`` and then moves the new folder in. Killed
between the two steps, the target is gone: a rebuilt index that was whole (marked ``WHOLE``) is moved
in, as the rebuild meant; otherwise the old copy is put back (nothing committed is lost). Killed after
them, the old copy is garbage and is removed. A folder being built (``.NAME.rebuild-*`` by a rebuild,
``.restore-*`` by a restore) carries its builder's process id in ``OWNER``; one whose builder is gone
is a killed run's half-built copy (hundreds of MB) and is removed. A folder whose builder still runs
is left alone, whoever looks.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

log = logging.getLogger(__name__)
OWNER = "OWNER"
WHOLE = "WHOLE"
YOUNG_SECONDS = 60  # a building folder without OWNER yet (just made) is left for this long


def claim(folder: Path) -> Path:
    """Mark ``folder`` as being built by this process."""
    (folder / OWNER).write_text(str(os.getpid()), encoding="ascii")
    return folder


def release(folder: Path) -> None:
    """The build is whole: the folder is about to be swapped in (``settle`` removes the mark after)."""
    (folder / WHOLE).write_text(str(os.getpid()), encoding="ascii")
    (folder / OWNER).unlink(missing_ok=True)


def settle(target: Path) -> None:
    """The swap is done: the index no longer carries the builder's mark."""
    (target / WHOLE).unlink(missing_ok=True)


def tidy(target: Path) -> list[str]:
    """Put back a target an interrupted swap left missing; remove dead builders' folders and old copies.
    Returns what was done, in words for the log."""
    parent = target.resolve().parent
    if not parent.is_dir():
        return []
    done: list[str] = []
    olds = sorted(parent.glob(f".{target.name}.old-*"), key=_stamp)
    whole = [p for p in parent.glob(f".{target.name}.rebuild-*") if (p / WHOLE).is_file()]
    if not target.exists() and whole:
        whole[0].rename(target)
        done.append(f"moved the rebuilt {whole[0].name} in as {target} (a swap was interrupted)")
    elif not target.exists() and olds:
        olds[-1].rename(target)
        done.append(f"restored {target} from {olds.pop().name} (a swap was interrupted)")
    if target.is_dir():
        settle(target)
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)
        done.append(f"removed {old.name} (left by a finished swap)")
    for building in [*parent.glob(f".{target.name}.rebuild-*"), *parent.glob(".restore-*")]:
        if building.is_dir() and not _builder_alive(building):
            shutil.rmtree(building, ignore_errors=True)
            done.append(f"removed {building.name} (a rebuild or restore that was stopped)")
    for line in done:
        log.warning("%s", line)
    return done


def _stamp(path: Path) -> int:
    suffix = path.name.rsplit("-", 1)[-1]
    return int(suffix) if suffix.isdigit() else 0


def _builder_alive(folder: Path) -> bool:
    """Its builder (the process id in OWNER, or in WHOLE once built) still runs; a folder with neither
    counts as alive for its first YOUNG_SECONDS (just made, not marked yet)."""
    try:
        pid = int(next(p for p in (folder / OWNER, folder / WHOLE) if p.is_file()).read_text(encoding="ascii"))
    except (StopIteration, OSError, ValueError):
        return time.time() - folder.stat().st_mtime < YOUNG_SECONDS
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True
