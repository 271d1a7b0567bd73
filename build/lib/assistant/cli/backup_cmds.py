"""Operations commands: ``backup``, ``restore`` and ``index check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.store.backup import backup, restore
from assistant.store.check import check_index


def register(sub: Any) -> None:
    save = sub.add_parser("backup", help="write the index and the data directory into one .tar.gz")
    save.add_argument("--out", type=Path, required=True, help="archive to write, e.g. backup-2026-12-02.tar.gz")
    save.set_defaults(handler=cmd_backup)

    load = sub.add_parser("restore", help="replace the index and the data directory with a backup's")
    load.add_argument("archive", type=Path)
    load.add_argument("--force", action="store_true", help="overwrite a non-empty index / data directory")
    load.set_defaults(handler=cmd_restore)

    index = sub.add_parser("index", help="index maintenance")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    check = index_sub.add_parser("check", help="read every index file back; name each damaged one")
    check.set_defaults(handler=cmd_index_check)


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    out = backup(settings.index_dir, settings.data_dir, args.out)
    print(f"已备份索引 {settings.index_dir} 和数据 {settings.data_dir} 到 {out}（{out.stat().st_size:,} 字节）")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    restore(args.archive, settings.index_dir, settings.data_dir, force=args.force)
    print(f"已从 {args.archive} 恢复索引 {settings.index_dir} 和数据 {settings.data_dir}")
    return 0


def cmd_index_check(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the index reads back whole, 1 with one line per damaged file."""
    problems = check_index(settings.index_dir, embedded_chroma=not settings.chroma_host)
    for problem in problems:
        print(f"索引损坏：{problem}", file=sys.stderr)
    if problems:
        print("可从备份恢复（assistant restore），或清空索引目录后重新导入（assistant ingest）。", file=sys.stderr)
        return 1
    print(f"索引完好：{settings.index_dir}")
    return 0
