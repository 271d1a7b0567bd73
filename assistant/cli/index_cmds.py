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
    ingest = sub.add_parser("ingest", help="ingest policy and record files into the index")
    ingest.add_argument("paths", nargs="+", type=Path, help="files or folders")
    ingest.add_argument("--prune", action="store_true", help="remove documents under PATHS whose file is gone")
    ingest.add_argument("--json", action="store_true", help="print the report as JSON")
    ingest.set_defaults(handler=cmd_ingest)

    stats = sub.add_parser("stats", help="what the index holds")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=cmd_stats)

    chunks = sub.add_parser("chunks", help="show indexed chunks with their metadata")
    chunks.add_argument("--doc", help="only this document id")
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


REBUILD_HELP = """Build a new index and swap it in when whole (a failed rebuild leaves the current one as it was).
Sources: PATHS when given; else the files the index recorded (its catalog knows each document's path);
when the catalog itself is damaged or missing: ASSISTANT_CORPUS_DIRS, the published records and the
uploads under ASSISTANT_DATA_DIR. Recorded files that are gone are listed and left out. Stop the server
first. With a Chroma server (ASSISTANT_CHROMA_HOST) ingest into a new ASSISTANT_COLLECTION instead."""


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
