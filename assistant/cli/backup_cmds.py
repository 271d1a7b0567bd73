"""Operations commands: ``backup``, ``restore``, ``index check`` and ``index rebuild``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.cli import index_cmds
from assistant.config import Settings
from assistant.store.backup import backup, restore
from assistant.store.check import check_index


def register(sub: Any) -> None:
    save = sub.add_parser("backup", help="把索引和数据目录打包成一个 .tar.gz 文件")
    save.add_argument("--out", type=Path, required=True, help="要写入的备份文件，如 backup-2026-12-02.tar.gz")
    save.set_defaults(handler=cmd_backup)

    load = sub.add_parser("restore", help="用备份中的索引和数据目录替换现有的")
    load.add_argument("archive", type=Path)
    load.add_argument("--force", action="store_true", help="覆盖非空的索引 / 数据目录")
    load.set_defaults(handler=cmd_restore)

    index = sub.add_parser("index", help="索引维护")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    check = index_sub.add_parser("check", help="逐一读取索引文件，列出每个损坏的文件")
    check.set_defaults(handler=cmd_index_check)
    rebuild = index_sub.add_parser(
        "rebuild",
        help="按索引记录的文件（或语料文件夹）重建索引",
        description=index_cmds.REBUILD_HELP,
    )
    rebuild.add_argument("paths", nargs="*", type=Path, help="改从这些文件或文件夹重建")
    rebuild.add_argument("--json", action="store_true", help="以 JSON 输出报告")
    rebuild.set_defaults(handler=index_cmds.cmd_index_rebuild)


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    out = backup(settings.index_dir, settings.data_dir, args.out)
    print(f"已备份索引 {settings.index_dir} 和数据 {settings.data_dir} 到 {out}（{out.stat().st_size:,} 字节）")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    restore(args.archive, settings.index_dir, settings.data_dir, force=args.force)
    print(f"已从 {args.archive} 恢复索引 {settings.index_dir} 和数据 {settings.data_dir}")
    return 0


def cmd_index_check(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the index reads back whole, 1 with one line per problem (damaged or not)."""
    problems = check_index(settings.index_dir, embedded_chroma=not settings.chroma_host)
    for problem in problems:
        print(f"{'索引损坏' if problem.damaged else '索引问题'}：{problem}", file=sys.stderr)
    if any(p.damaged for p in problems):
        print("可重建索引（assistant index rebuild），或从备份恢复（assistant restore）。", file=sys.stderr)
    elif problems:
        print("磁盘已满时请先清理空间；再运行 assistant ingest 即可补齐未完成的导入。", file=sys.stderr)
    if problems:
        return 1
    print(f"索引完好：{settings.index_dir}")
    return 0
