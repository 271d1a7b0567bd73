"""Saved profiles: ``profile save --student|--enterprise FILE`` prints a key once; ``profile new`` shows what is new.

The key is read from ``--key-env VAR`` (an environment variable) or a prompt, never the command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.service import Assistant
from assistant.understand.profiles import EnterpriseProfile, StudentProfile, load_profile


def register(sub: Any) -> None:
    profile = sub.add_parser("profile", help="已保存的学生 / 企业资料，及与其相关的新信息")
    prof = profile.add_subparsers(dest="profile_command", required=True)
    save = prof.add_parser("save", help="保存资料（YAML 或 JSON）并显示其密钥（只显示一次）")
    which = save.add_mutually_exclusive_group(required=True)
    which.add_argument("--student", type=Path, help="学生资料文件（格式同 `assistant recommend`）")
    which.add_argument("--enterprise", type=Path, help="企业资料文件（格式同 `assistant match`）")
    save.set_defaults(handler=cmd_save)
    new = prof.add_parser("new", help="上次访问以来新出现的岗位、政策和平台记录")
    new.add_argument("--key-env", default="", help="从此环境变量读取资料密钥")
    new.add_argument("--peek", action="store_true", help="只查看，不更新上次访问时间")
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=cmd_new)


def cmd_save(args: argparse.Namespace, settings: Settings) -> int:
    platform = Assistant(settings).platform
    if args.student:
        data = load_profile(args.student, StudentProfile).model_dump(mode="json")
        saved, key = platform.save_profile("student", data)
    else:
        data = load_profile(args.enterprise, EnterpriseProfile).model_dump(mode="json")
        saved, key = platform.save_profile("enterprise", data)
    print(f"已保存{'学生' if saved.kind == 'student' else '企业'}资料 {saved.id}")
    print(f"资料密钥（只显示这一次，请妥善保存）：{key}")
    return 0


def cmd_new(args: argparse.Namespace, settings: Settings) -> int:
    key = os.environ.get(args.key_env, "") if args.key_env else getpass.getpass("资料密钥：")
    news = Assistant(settings).profile_news(key, touch=not args.peek)
    if args.json:
        print(json.dumps(news, ensure_ascii=False, indent=2))
        return 0
    since = dt.datetime.fromisoformat(news["since"]).astimezone(dt.timezone(dt.timedelta(hours=8)))
    print(f"自 {since:%Y-%m-%d %H:%M}（北京时间）以来新出现 {news['count']} 条")
    for item in news["postings"]:
        who = item.get("enterprise") or item.get("school") or ""
        print(f"- [{item['kind']}] {item['title']} — {who}（{item['location']}）")
        for reason in item["reasons"]:
            print(f"    {reason['text']}")
    for benefit in news["benefits"]:
        cite = benefit["citation"]
        print(f"- [政策] {benefit['name']} {benefit['amount']} — 《{cite['title']}》{cite['clause_path']}")
    for record in news["records"]:
        print(f"- [{record['kind_label']}] {record['title']} — {record['org']}（相关：{record['why']}）")
    return 0
