"""Index commands: ingest, stats, chunks and ``index rebuild`` (registered with ``index check`` in backup_cmds)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.ingest.pipeline import FileResult, IngestReport, Progress
from assistant.service import Assistant


def register(sub: Any) -> None:
    ingest = sub.add_parser("ingest", help="把政策文件和记录文件导入索引")
    ingest.add_argument("paths", nargs="+", type=Path, help="文件或文件夹")
    ingest.add_argument("--prune", action="store_true", help="从索引中删除 PATHS 下文件已不存在的文档")
    ingest.add_argument("--json", action="store_true", help="以 JSON 输出报告")
    ingest.set_defaults(handler=cmd_ingest)

    stats = sub.add_parser("stats", help="查看索引中有哪些内容")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=cmd_stats)

    chunks = sub.add_parser("chunks", help="显示已索引的文本块及其元数据")
    chunks.add_argument("--doc", help="只看此文档 ID")
    chunks.add_argument("--json", action="store_true")
    chunks.set_defaults(handler=cmd_chunks)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Exit status 0 when every file was ingested (or unchanged), 1 when any file failed."""
    assistant = Assistant(settings).load()
    report = _ingest_with_progress(assistant, args.paths, args.prune, quiet=args.json)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return 1 if report.any_failed or not report.files else 0


def _ingest_with_progress(assistant: Assistant, paths: list[Path], prune: bool, quiet: bool) -> IngestReport:
    def run(progress: Progress, on_total: Callable[[int], None], on_file: Callable[[FileResult], None]) -> IngestReport:
        return assistant.ingest(paths, prune=prune, progress=progress, on_total=on_total, on_file=on_file)

    return with_progress(run, quiet)


def with_progress(
    run: Callable[[Progress, Callable[[int], None], Callable[[FileResult], None]], IngestReport], quiet: bool
) -> IngestReport:
    """Run an ingestion with a progress bar on stderr: chunks embedded and written (rate in chunks/s),
    files done (and files/s) beside it."""
    import time

    from tqdm import tqdm

    with tqdm(desc="ingest", unit="chunk", disable=quiet, file=sys.stderr, dynamic_ncols=True) as bar:
        started = time.perf_counter()
        files = {"done": 0, "failed": 0}

        def set_total(total: int) -> None:
            bar.total = total
            bar.refresh()

        def file_done(result: FileResult) -> None:
            files["done"] += 1
            files["failed"] += result.status == "failed"
            rate = files["done"] / max(time.perf_counter() - started, 1e-9)
            bar.set_postfix_str(f"files {files['done']} ({rate:.2f}/s), failed {files['failed']}")

        return run(bar.update, set_total, file_done)


def _print_report(report: IngestReport) -> None:
    s = report.summary()
    print(
        f"files: {s['files']}  added: {s['added']}  updated: {s['updated']}  unchanged: {s['unchanged']}"
        f"  removed: {s['removed']}  failed: {s['failed']}"
    )
    print(
        f"chunks: added {s['chunks_added']}  updated {s['chunks_updated']}  unchanged "
        f"{s['chunks_unchanged']}  removed {s['chunks_removed']}"
    )
    for failure in report.files:
        if failure.status == "failed":
            print(f"  failed: {failure.error}")
    if report.any_failed:
        print(f"{s['failed']} of {s['files']} files failed (listed above); the others were ingested.")
    for row_error in s["row_errors"]:  # type: ignore[attr-defined]
        print(f"  skipped row: {row_error}")


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    stats = Assistant(settings).stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(f"index: {stats['index_dir']}")
    manifest = stats["manifest"]
    if manifest:
        print(
            f"embedder: {manifest['embedder']} ({manifest['dimension']}-dim)  chunker: {manifest['chunker']}"
            f"  schema: {manifest['schema_version']}"
        )
    print(f"documents: {stats['documents']}  chunks: {stats['chunks']}")
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in stats["by_kind"].items()))
    print("by type: " + ", ".join(f"{k} {v}" for k, v in stats["by_doc_type"].items()))
    if stats["pending"]:
        print("pending (re-run ingest to finish): " + ", ".join(stats["pending"]))
    for doc in stats["docs"]:
        print(f"  {doc['doc_id']:<50} {doc['doc_type']:<11} {doc['chunks']:>4}  {doc['title']}")
    return 0


def cmd_chunks(args: argparse.Namespace, settings: Settings) -> int:
    rows = Assistant(settings).chunks(args.doc)
    if args.json:
        print(json.dumps([_chunk_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        meta = row.metadata
        print(f"── {row.doc_id} #{row.ord}  {row.chunk_id}")
        print(f"   {meta.get('title')} {meta.get('doc_number') or ''} {meta.get('date') or ''}")
        print(
            f"   clause: {meta.get('clause_path')}  [{meta.get('clause_no')}]  "
            f"span {meta.get('span_start')}-{meta.get('span_end')}"
        )
        if meta.get("responsible_units"):
            print(f"   责任单位: {meta['responsible_units']} (牵头: {meta.get('lead_unit')})")
        print("   " + row.text.replace("\n", "\n   "))
    return 0


def _chunk_dict(row: Any) -> dict[str, Any]:
    return {"chunk_id": row.chunk_id, "doc_id": row.doc_id, "ord": row.ord, "text": row.text, "metadata": row.metadata}


REBUILD_HELP = (
    "新建一个索引，完整建好后再替换现有索引（重建失败时现有索引保持原样）。"
    "数据来源：给出 PATHS 时用 PATHS；否则用索引记录过的文件（索引的文档清单记有每个文档的路径）；"
    "文档清单本身损坏或缺失时，用 ASSISTANT_CORPUS_DIRS、已发布的记录以及 ASSISTANT_DATA_DIR 下的上传文件。"
    "记录过但已不存在的文件会被列出并跳过。请先停止服务。"
    "使用 Chroma 服务器（ASSISTANT_CHROMA_HOST）时不要重建，请改为导入到新的 ASSISTANT_COLLECTION。"
)


def cmd_index_rebuild(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when every source file was rebuilt, 1 when any failed (the index is rebuilt without them)."""
    assistant = Assistant(settings)

    def run(progress: Progress, on_total: Callable[[int], None], on_file: Callable[[FileResult], None]) -> IngestReport:
        _, report = assistant.rebuild_index(args.paths or None, progress=progress, on_total=on_total, on_file=on_file)
        return report

    report = with_progress(run, quiet=args.json)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
        print(f"索引已重建：{settings.index_dir}（{report.count('added')} 个文档）")
    return 1 if report.any_failed else 0
