"""Platform commands: ``account add|list``, ``report supply-demand``, ``platform search|match|new|check``.

Passwords come from ``--password-env VAR`` (an environment variable) or a prompt, never the command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import QueryError
from assistant.platform.loader import load_platform_records, platform_files
from assistant.platform.matching import MatchReport
from assistant.platform.report_export import to_markdown, write_report
from assistant.platform.search import PlatformFilters
from assistant.platform.store import Role
from assistant.platform.workflow import parse_kind
from assistant.service import Assistant


def register(sub: Any) -> None:
    account = sub.add_parser("account", help="平台账号（企业 / 学校 / 工作人员）")
    acc = account.add_subparsers(dest="account_command", required=True)
    add = acc.add_parser("add", help="创建账号并显示其 API 令牌")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--org", required=True, help="单位名称（该账号代其发布信息的企业或学校）")
    add.add_argument("--majors", default="", help="关注的专业，用 、 或 , 分隔")
    add.add_argument("--fields", default="", help="关注的技术领域，用 、 或 , 分隔")
    add.add_argument("--password-env", default="", help="从此环境变量读取密码")
    add.set_defaults(handler=cmd_account_add)
    lst = acc.add_parser("list", help="列出账号")
    lst.set_defaults(handler=cmd_account_list)

    report = sub.add_parser("report", help="年度人才供需报告")
    report.add_argument("which", nargs="?", default="supply-demand", choices=["supply-demand"])
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--region", default="", help="如 十二师、乌鲁木齐、昌吉（留空 = 所有地区）")
    report.add_argument("--out", type=Path, help="写入 .xlsx / .csv / .md / .json 文件")
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=cmd_report)

    platform = sub.add_parser("platform", help="平台记录：搜索、匹配、新信息、文件检查")
    plat = platform.add_subparsers(dest="platform_command", required=True)
    search = plat.add_parser("search", help="搜索已发布的平台记录")
    search.add_argument("query", nargs="?", default="")
    search.add_argument(
        "--kind", action="append", default=[], help="记录类型：talent_demand / tech_need / resource / …"
    )
    search.add_argument(
        "--filter", action="append", default=[], help="key=value，key 可为 location, major, field, org, year"
    )
    search.add_argument("--top-k", type=int, default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)
    match = plat.add_parser("match", help="按编号匹配一条技术需求 / 人才需求，或用 --school 匹配一所学校")
    match.add_argument("record_id", nargs="?", default="")
    match.add_argument("--school", default="")
    match.add_argument("--json", action="store_true")
    match.set_defaults(handler=cmd_match)
    new = plat.add_parser("new", help="某日期以来发布、且与账号关注的专业 / 领域相符的记录")
    new.add_argument("--account", required=True)
    new.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD（默认：该账号上次访问的时间）")
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=cmd_new)
    check = plat.add_parser("check", help="校验平台记录文件；列出有误的行（文件、行号、字段）")
    check.add_argument("paths", nargs="*", type=Path)
    check.set_defaults(handler=cmd_check)


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]


def cmd_account_add(args: argparse.Namespace, settings: Settings) -> int:
    if args.password_env:
        password = os.environ.get(args.password_env, "")
        if not password:
            raise QueryError(f"password：环境变量 {args.password_env} 未设置")
    else:
        password = getpass.getpass("密码：")
    token = Assistant(settings).platform.add_account(
        args.username, password, args.role, args.org, _split(args.majors), _split(args.fields)
    )
    print(f"已创建账号 {args.username}（{args.role}，{args.org}）")
    print(f"API 令牌（只显示这一次）：{token}")
    return 0


def cmd_account_list(args: argparse.Namespace, settings: Settings) -> int:
    for account in Assistant(settings).platform.accounts():
        print(f"{account.username}\t{account.role.value}\t{account.org}\t上次访问：{account.last_seen or '—'}")
    return 0


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    report = Assistant(settings).platform.report(args.year, args.region)
    if args.out:
        print(f"已写入 {write_report(report, args.out)}")
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif not args.out:
        print(to_markdown(report))
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    data: dict[str, Any] = {"kind": [parse_kind(k) for k in args.kind]}
    for pair in args.filter:
        key, sep, value = pair.partition("=")
        if not sep or key not in PlatformFilters.model_fields:
            raise QueryError(f"filter {pair!r}：应为 key=value，key 为 {', '.join(PlatformFilters.model_fields)}")
        data[key] = value
    found = Assistant(settings).platform.search(args.query, PlatformFilters.model_validate(data), args.top_k)
    if args.json:
        print(json.dumps([f.to_dict() for f in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("没有找到符合条件的记录")
    for item in found:
        print(f"[{item.kind.label}] {item.title} — {item.org}  {item.id}  发布：{item.published or '—'}")
    return 0


def cmd_match(args: argparse.Namespace, settings: Settings) -> int:
    platform = Assistant(settings).platform
    if bool(args.record_id) == bool(args.school):
        raise QueryError("请给出一个记录编号，或用 --school 指定学校（二选一）")
    report: MatchReport = platform.match(args.record_id) if args.record_id else platform.match_school(args.school)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(report.summary)
    for rank, pair in enumerate(report.pairings, start=1):
        target = pair.target
        name = target.get("title") or target.get("name")
        print(f"{rank}. [{pair.score:.1f}] {name} — {target.get('org') or target.get('school', '')}")
        for reason in pair.reasons:
            print(f"   {reason.reason}：{reason.detail}")
    return 0


def cmd_new(args: argparse.Namespace, settings: Settings) -> int:
    platform = Assistant(settings).platform
    found = platform.store.account(args.account)
    if found is None:
        raise QueryError(f"account：没有账号 {args.account!r}")
    news = platform.whats_new(found[0], args.since)
    if args.json:
        print(json.dumps(news, ensure_ascii=False, indent=2))
        return 0
    print(f"自 {news['since'][:10]} 以来与您相关的新信息 {news['count']} 条")
    for item in news["items"]:
        print(
            f"- [{item['kind_label']}] {item['title']} — {item['org']}（{item['published'][:10]}；相关：{item['why']}）"
        )
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    files = args.paths or platform_files([Path(p) for p in settings.corpus_dirs])
    bad = 0
    for path in files:
        batch = load_platform_records(path)
        print(f"{path}: {batch.kind.label} {len(batch.rows)} 条有效，{len(batch.errors)} 条有误")
        for error in batch.errors:
            print(f"  {error}", file=sys.stderr)
        bad += len(batch.errors)
    return 1 if bad else 0
