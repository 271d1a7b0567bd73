"""Opportunity commands: recommendations for a student profile, policy matching for an enterprise."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.cli.index_ready import ready
from assistant.config import Settings
from assistant.opportunities.recommend import Recommendation
from assistant.understand.profiles import EnterpriseProfile, StudentProfile, load_profile


def register(sub: Any) -> None:
    recommend = sub.add_parser("recommend", help="按学生资料（YAML 或 JSON）推荐岗位和专业")
    recommend.add_argument("--profile", type=Path, required=True)
    recommend.add_argument("--top-k", type=int, default=10)
    recommend.add_argument("--json", action="store_true")
    recommend.set_defaults(handler=cmd_recommend)

    match = sub.add_parser("match", help="按企业资料（YAML 或 JSON）匹配可享受的政策和应履行的义务")
    match.add_argument("--profile", type=Path, required=True)
    match.add_argument("--json", action="store_true")
    match.set_defaults(handler=cmd_match)


def cmd_recommend(args: argparse.Namespace, settings: Settings) -> int:
    profile = load_profile(args.profile, StudentProfile)
    result = ready(settings).recommend(profile, top_k=args.top_k)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    _print_recommendations(result.items, start=1)
    if result.note:
        print(result.note)
    if result.nearest:
        print("最接近的机会（不完全符合）：")
        _print_recommendations(result.nearest, start=len(result.items) + 1)
    return 0


def _print_recommendations(recs: list[Recommendation], start: int) -> None:
    for rank, rec in enumerate(recs, start=start):
        item = rec.item
        who = item.enterprise if item.record_type == "posting" else item.school
        print(f"{rank}. [{rec.score:.1f}] [{item.kind}] {item.title} — {who}（{item.location}） {item.record_id}")
        for reason in rec.reasons:
            print(f"   {reason.text}")


def cmd_match(args: argparse.Namespace, settings: Settings) -> int:
    profile = load_profile(args.profile, EnterpriseProfile)
    result = ready(settings).match(profile)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    for warning in result.warnings:
        print(f"注意：{warning}")
    if result.outside:
        print(result.outside)
    if not result.benefits:
        print("没有找到适用的政策 (no matching benefits)")
    for number, benefit in enumerate(result.benefits, start=1):
        auto = "（自动发现）" if benefit.automatic else ""
        print(f"{number}. [{benefit.category.value}] {benefit.name}{auto}")
        if benefit.amount:
            print(f"   金额/比例：{benefit.amount}")
        for label, items in (("已满足", benefit.conditions_met), ("缺少", benefit.conditions_missing)):
            if items:
                print(f"   {label}：{'；'.join(items)}")
        if benefit.conditions_unknown:
            print(f"   待核实：{'；'.join(benefit.conditions_unknown)[:200]}")
        cite = benefit.citation
        unverified = "" if benefit.verified else "（原文未收录）"
        print(f"   牵头单位：{benefit.lead_unit or '—'}  依据：《{cite.title}》{cite.clause_path}{unverified}")
    return 0
