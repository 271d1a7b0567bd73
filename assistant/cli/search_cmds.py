"""Search commands: hybrid search over the index, opportunity search (postings and programs)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.cli.index_ready import ready
from assistant.config import Settings
from assistant.filters import SearchFilters
from assistant.opportunities.search import OpportunityFilters
from assistant.retrieve.searcher import SearchMode


def register(sub: Any) -> None:
    search = sub.add_parser("search", help="在索引中做混合检索（BM25 + 向量）")
    search.add_argument("query")
    search.add_argument("--top-k", type=int, default=5)
    search.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="如 kind=policy, doc_type=law, year_from=2018, in_force_only=true",
    )
    search.add_argument(
        "--kind",
        help="即 --filter kind=... 的简写；取 posting、program 或 实习/全职/学徒/培训/专业 时改为搜索机会"
        "（可用筛选：location, major, level, enterprise, school, apprenticeship, pay_min, pay_max, "
        "start_from, start_to, deadline_from, deadline_to）",
    )
    search.add_argument("--include-expired", action="store_true", help="搜索机会时也显示已截止的岗位")
    search.add_argument("--mode", choices=[m.value for m in SearchMode], default="hybrid")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    if args.kind in OPPORTUNITY_SEARCH_KINDS:
        return _search_opportunities(args, settings)
    pairs = list(args.filter) + ([f"kind={args.kind}"] if args.kind else [])
    filters = SearchFilters.from_pairs(pairs)
    hits = ready(settings).search(args.query, top_k=args.top_k, filters=filters, mode=SearchMode(args.mode))
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有找到相关内容 (no results)")
    for rank, hit in enumerate(hits, start=1):
        where = f"{hit.region or hit.jurisdiction}" if hit.jurisdiction else ""
        print(f"{rank}. [{hit.score:.4f}] {hit.title} {hit.doc_number}  {where}")
        print(f"   {hit.clause_path}   ({'+'.join(hit.retrievers)})")
        print("   " + hit.text[:300].replace("\n", "\n   "))
    return 0


OPPORTUNITY_SEARCH_KINDS = {"posting", "program", "实习", "全职", "学徒", "培训", "专业"}


def _search_opportunities(args: argparse.Namespace, settings: Settings) -> int:
    kinds = {"posting": [], "program": ["专业"]}.get(args.kind, [args.kind])
    pairs = list(args.filter) + ([f"kind={'、'.join(kinds)}"] if kinds else [])
    filters = OpportunityFilters.from_pairs(pairs)
    if args.kind == "posting" and not filters.kind:
        filters.kind = ["实习", "全职", "学徒", "培训"]
    results = ready(settings).search_opportunities(args.query, filters, args.top_k, args.include_expired)
    if args.json:
        print(json.dumps(results.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if not results.items:
        print(f"{results.note or '没有找到符合条件的机会'} (no results)")
        if results.suggestions:
            print(f"可以试试：{'、'.join(results.suggestions)}")
    for rank, item in enumerate(results.items, start=1):
        who = item.enterprise if item.record_type == "posting" else item.school
        closed = "[已截止] " if item.expired(results.today) else ""
        print(f"{rank}. {closed}[{item.kind}] {item.title} — {who}（{item.location}） {item.record_id}")
        details = [f"专业：{'、'.join(item.majors)}", f"层次：{item.level}"]
        details += [f"待遇：{item.pay}"] if item.pay else []
        details += [f"截止：{item.deadline.isoformat()}"] if item.deadline else []
        print("   " + "  ".join(details))
    if results.hidden_expired:
        print(f"另有 {results.hidden_expired} 条已过截止日期未显示（--include-expired 显示）")
    return 0
