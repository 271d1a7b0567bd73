"""The facade over an index that holds something, for the commands that read it (ask, search,
recommend, match, eval opportunities).

Run before any ``ingest`` (or with ``ASSISTANT_INDEX_DIR`` pointing at a new folder), those commands
used to answer "没有找到…" as if the documents did not say it. Now an empty index is first built
from the configured corpus folders, as ``assistant serve`` does, and stderr says so; with no corpus
folder either, one error line says what to run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.service import Assistant


def ready(settings: Settings) -> Assistant:
    assistant = Assistant(settings)
    if assistant.load().index.documents():
        return assistant
    folders = [Path(p) for p in settings.corpus_dirs]
    names = "、".join(str(p) for p in folders) or "（未设置）"
    if not any(p.is_dir() for p in folders):
        raise ConfigError(
            f"索引为空（{settings.index_dir}），语料目录 {names} 也不存在："
            "请先运行 assistant ingest <文件夹>，或设置 ASSISTANT_CORPUS_DIRS / ASSISTANT_INDEX_DIR"
        )
    print(f"索引为空（{settings.index_dir}）：先从语料目录 {names} 建立索引，约需一两分钟……", file=sys.stderr)
    report = assistant.ensure_index()
    if report is not None:
        summary = report.summary()
        added, chunks, failed = summary["added"], summary["chunks_added"], summary["failed"]
        print(f"已导入 {added} 个文件，{chunks} 个文本块；失败 {failed} 个", file=sys.stderr)
    return assistant
