"""Backup and restore of the index and the data directory as one ``.tar.gz``.

The archive holds ``index/`` and ``data/`` (the members' names never leave those two folders).
Restore unpacks into new folders beside the targets and only then swaps them in, so a failed
restore leaves the current index and data as they were. Stop the server while restoring.
"""

from __future__ import annotations

import logging
import shutil
import tarfile
import tempfile
import time
from pathlib import Path

from assistant.errors import AssistantError
from assistant.store import faults
from assistant.store.leftovers import claim

log = logging.getLogger(__name__)
PARTS = ("index", "data")


def backup(index_dir: Path, data_dir: Path, out: Path) -> Path:
    """Write ``index_dir`` and ``data_dir`` (when present) into the gzip tar ``out``."""
    if not index_dir.is_dir():
        raise AssistantError(f"没有可备份的索引：{index_dir} 不存在")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with tarfile.open(tmp, "w:gz") as archive:
        archive.add(index_dir, arcname="index")
        if data_dir.is_dir():
            archive.add(data_dir, arcname="data")
    tmp.replace(out)
    return out


def restore(archive_path: Path, index_dir: Path, data_dir: Path, force: bool = False) -> None:
    """Replace ``index_dir`` and ``data_dir`` with the archive's copies (``force`` when they exist)."""
    targets = {"index": index_dir, "data": data_dir}
    occupied = [str(p) for p in targets.values() if p.exists() and any(p.iterdir())]
    if occupied and not force:
        raise AssistantError(f"目标目录不为空：{'、'.join(occupied)}；确认覆盖请加 --force")
    if not archive_path.is_file():
        raise AssistantError(f"备份文件不存在：{archive_path}")
    staging = claim(Path(tempfile.mkdtemp(prefix=".restore-", dir=index_dir.resolve().parent)))
    try:
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                _check_members(archive, archive_path)
                archive.extractall(staging, filter="data")
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise AssistantError(f"备份文件无法读取：{archive_path}（{exc}）") from exc
        if not (staging / "index").is_dir():
            raise AssistantError(f"备份文件中没有索引：{archive_path}")
        for part, target in targets.items():
            if (staging / part).is_dir():
                swap_in(staging / part, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_members(archive: tarfile.TarFile, archive_path: Path) -> None:
    for member in archive.getmembers():
        top = Path(member.name).parts[0] if Path(member.name).parts else ""
        if top not in PARTS or member.name.startswith("/") or ".." in Path(member.name).parts:
            raise AssistantError(f"备份文件含有不该有的路径 {member.name!r}：{archive_path}")


def swap_in(new: Path, target: Path) -> None:
    """``new`` in place of ``target``: two renames; stopped between them, the next start puts the old
    folder back (``leftovers.tidy``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}.old-{int(time.time())}")
    if target.exists():
        target.rename(old)
        faults.reached("swap")
    shutil.move(str(new), str(target))
    shutil.rmtree(old, ignore_errors=True)
    log.info("restored %s", target)
