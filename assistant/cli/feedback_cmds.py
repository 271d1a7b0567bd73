"""Feedback commands: list what users said about answers, export it as evaluation cases."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.service import Assistant


def register(sub: Any) -> None:
    feedback = sub.add_parser("feedback", help="用户对回答的反馈（网页界面）")
    feedback_sub = feedback.add_subparsers(dest="action", required=True)
    fb_list = feedback_sub.add_parser("list", help="列出反馈，最新的在前")
    fb_list.add_argument("--limit", type=int, default=20)
    fb_list.add_argument("--json", action="store_true")
    fb_list.set_defaults(handler=cmd_feedback_list)
    fb_export = feedback_sub.add_parser("export", help="把反馈导出为评测用例（answers 金标准格式，JSONL）")
    fb_export.add_argument("--out", type=Path, help="写入此文件，而不是标准输出")
    fb_export.add_argument("--unhelpful-only", action="store_true", help="只导出被标为“没帮助”的回答")
    fb_export.set_defaults(handler=cmd_feedback_export)


def cmd_feedback_list(args: argparse.Namespace, settings: Settings) -> int:
    rows = Assistant(settings).list_feedback(limit=args.limit)
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        verdict = "有帮助" if row.helpful else "没帮助"
        print(f"#{row.id} {row.created_at} {verdict} [{row.persona.value}] {row.question}")
        if row.comment:
            print(f"   意见: {row.comment}")
    return 0


def cmd_feedback_export(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.feedback import cases_to_jsonl

    text = cases_to_jsonl(Assistant(settings).export_feedback(helpful=False if args.unhelpful_only else None))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {text.count(chr(10))} cases to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
