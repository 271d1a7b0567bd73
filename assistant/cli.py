"""The ``assistant`` command: parse arguments, call the facade, print, exit.

Errors print one line (``error: ...``) and exit non-zero; no tracebacks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.answer.compose import number_label
from assistant.answer.types import AnswerMode
from assistant.config import LLMBackend, Settings, get_settings
from assistant.errors import AssistantError
from assistant.ingest.pipeline import IngestReport
from assistant.opportunities.profiles import EnterpriseProfile, StudentProfile, load_profile
from assistant.opportunities.search import OpportunityFilters
from assistant.retrieve.filters import SearchFilters
from assistant.retrieve.searcher import SearchMode
from assistant.service import Assistant


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = get_settings()
        return int(args.handler(args, settings))
    except ValidationError as exc:
        print(f"error: invalid settings: {_pydantic_message(exc)}", file=sys.stderr)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="政策与机会助手")
    sub = parser.add_subparsers(dest="command", required=True)

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

    search = sub.add_parser("search", help="hybrid search over the index")
    search.add_argument("query")
    search.add_argument("--top-k", type=int, default=5)
    search.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="e.g. kind=policy, doc_type=law, year_from=2018, in_force_only=true",
    )
    search.add_argument(
        "--kind",
        help="shortcut for --filter kind=...; posting, program or 实习/全职/学徒/培训/专业 search opportunities "
        "(filters: location, major, level, enterprise, school, apprenticeship, pay_min, pay_max, start_from, "
        "start_to, deadline_from, deadline_to)",
    )
    search.add_argument("--include-expired", action="store_true", help="opportunity search: show expired postings")
    search.add_argument("--mode", choices=[m.value for m in SearchMode], default="hybrid")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    ask = sub.add_parser("ask", help="ask a question: a cited answer from the indexed documents")
    ask.add_argument("question")
    ask.add_argument("--mode", choices=[m.value for m in AnswerMode], default="chat", help="staff: reply to copy")
    ask.add_argument("--backend", choices=[b.value for b in LLMBackend if b is not LLMBackend.auto])
    ask.add_argument("--json", action="store_true", help="print the whole answer object as JSON")
    ask.set_defaults(handler=cmd_ask)

    recommend = sub.add_parser("recommend", help="postings and programs for a student profile (YAML or JSON)")
    recommend.add_argument("--profile", type=Path, required=True)
    recommend.add_argument("--top-k", type=int, default=10)
    recommend.add_argument("--json", action="store_true")
    recommend.set_defaults(handler=cmd_recommend)

    match = sub.add_parser("match", help="benefits and obligations for an enterprise profile (YAML or JSON)")
    match.add_argument("--profile", type=Path, required=True)
    match.add_argument("--json", action="store_true")
    match.set_defaults(handler=cmd_match)

    serve = sub.add_parser("serve", help="run the API (builds the index from the corpus when empty)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(handler=cmd_serve)

    feedback = sub.add_parser("feedback", help="feedback users gave on answers (web UI)")
    feedback_sub = feedback.add_subparsers(dest="action", required=True)
    fb_list = feedback_sub.add_parser("list", help="newest feedback first")
    fb_list.add_argument("--limit", type=int, default=20)
    fb_list.add_argument("--json", action="store_true")
    fb_list.set_defaults(handler=cmd_feedback_list)
    fb_export = feedback_sub.add_parser("export", help="feedback as evaluation cases (answers gold format, JSONL)")
    fb_export.add_argument("--out", type=Path, help="write here instead of stdout")
    fb_export.add_argument("--unhelpful-only", action="store_true", help="only answers marked 没帮助")
    fb_export.set_defaults(handler=cmd_feedback_export)

    evaluate = sub.add_parser("eval", help="evaluation harness")
    eval_sub = evaluate.add_subparsers(dest="target", required=True)
    retrieval = eval_sub.add_parser("retrieval", help="all retriever variants on the gold set and CMRC 2018")
    retrieval.add_argument("--gold", type=Path, default=Path("evals/retrieval_gold.jsonl"))
    retrieval.add_argument("--policies", type=Path, default=Path("../shared/corpus/policies"))
    retrieval.add_argument("--cmrc", type=Path, default=Path("../shared/evaldata/cmrc2018/cmrc2018_trial.json"))
    retrieval.add_argument("--no-cmrc", action="store_true")
    retrieval.add_argument("--no-rerank", action="store_true")
    retrieval.add_argument("--no-default", action="store_true", help="skip the plain llama-index reference")
    retrieval.add_argument(
        "--rerank-sample",
        type=int,
        default=0,
        help="measure hybrid+rerank on N evenly spaced questions (the LLM judge is slow)",
    )
    retrieval.add_argument("--out", type=Path, default=Path("evals/results"))
    retrieval.set_defaults(handler=cmd_eval_retrieval)
    answers = eval_sub.add_parser("answers", help="answer-level evaluation (facts, citations, refusals)")
    answers.add_argument("--gold", type=Path, default=Path("evals/answers_gold.jsonl"))
    answers.add_argument("--policies", type=Path, default=Path("../shared/corpus/policies"))
    answers.add_argument(
        "--backend",
        action="append",
        choices=[b.value for b in LLMBackend if b is not LLMBackend.auto],
        help="repeatable; default: extractive and local",
    )
    answers.add_argument("--out", type=Path, default=Path("evals/results"))
    answers.set_defaults(handler=cmd_eval_answers)

    opportunities = eval_sub.add_parser("opportunities", help="recommendation and benefit matching on evals/ profiles")
    opportunities.add_argument("--students", type=Path, default=Path("evals/student_profiles.yaml"))
    opportunities.add_argument("--enterprises", type=Path, default=Path("evals/enterprise_profiles.yaml"))
    opportunities.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (expiry)")
    opportunities.add_argument("--json", action="store_true")
    opportunities.set_defaults(handler=cmd_eval_opportunities)
    return parser


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    assistant = Assistant(settings).load()
    report = _ingest_with_progress(assistant, args.paths, args.prune, quiet=args.json)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return 1 if report.nothing_ingested or not report.files else 0


def _ingest_with_progress(assistant: Assistant, paths: list[Path], prune: bool, quiet: bool) -> IngestReport:
    from tqdm import tqdm

    with tqdm(desc="ingest", unit="chunk", disable=quiet, file=sys.stderr) as bar:

        def set_total(total: int) -> None:
            bar.total = total
            bar.refresh()

        return assistant.ingest(paths, prune=prune, progress=bar.update, on_total=set_total)


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


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    if args.kind in OPPORTUNITY_SEARCH_KINDS:
        return _search_opportunities(args, settings)
    pairs = list(args.filter) + ([f"kind={args.kind}"] if args.kind else [])
    filters = SearchFilters.from_pairs(pairs)
    hits = Assistant(settings).search(args.query, top_k=args.top_k, filters=filters, mode=SearchMode(args.mode))
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


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    assistant = Assistant(settings)
    events = assistant.ask_stream(args.question, mode=AnswerMode(args.mode), backend=args.backend)
    final = None
    for event in events:
        if event.type == "token" and not args.json:
            print(event.text, end="", flush=True)
        elif event.type == "final":
            final = event.answer
    if final is None:
        return 1
    if args.json:
        print(json.dumps(final.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print()
    if not final.grounded:
        print("\n（未在现有资料中找到依据）")
    for cit in final.citations:
        number = number_label(cit.doc_number)
        print(f"\n[{cit.n}] 《{cit.title}》{number} {cit.clause_path}")
        print("    " + (cit.quote or cit.text)[:300].replace("\n", "\n    "))
    return 0


OPPORTUNITY_SEARCH_KINDS = {"posting", "program", "实习", "全职", "学徒", "培训", "专业"}


def _search_opportunities(args: argparse.Namespace, settings: Settings) -> int:
    kinds = {"posting": [], "program": ["专业"]}.get(args.kind, [args.kind])
    pairs = list(args.filter) + ([f"kind={'、'.join(kinds)}"] if kinds else [])
    filters = OpportunityFilters.from_pairs(pairs)
    if args.kind == "posting" and not filters.kind:
        filters.kind = ["实习", "全职", "学徒", "培训"]
    results = Assistant(settings).search_opportunities(args.query, filters, args.top_k, args.include_expired)
    if args.json:
        print(json.dumps(results.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if not results.items:
        print("没有找到符合条件的机会 (no results)")
    for rank, item in enumerate(results.items, start=1):
        who = item.enterprise if item.record_type == "posting" else item.school
        print(f"{rank}. [{item.kind}] {item.title} — {who}（{item.location}） {item.record_id}")
        details = [f"专业：{'、'.join(item.majors)}", f"层次：{item.level}"]
        details += [f"待遇：{item.pay}"] if item.pay else []
        details += [f"截止：{item.deadline.isoformat()}"] if item.deadline else []
        print("   " + "  ".join(details))
    if results.hidden_expired:
        print(f"另有 {results.hidden_expired} 条已过截止日期未显示（--include-expired 显示）")
    return 0


def cmd_recommend(args: argparse.Namespace, settings: Settings) -> int:
    profile = load_profile(args.profile, StudentProfile)
    recs = Assistant(settings).recommend(profile, top_k=args.top_k)
    if args.json:
        print(json.dumps([r.to_dict() for r in recs], ensure_ascii=False, indent=2))
        return 0
    if not recs:
        print("没有找到合适的机会 (no recommendations)")
    for rank, rec in enumerate(recs, start=1):
        item = rec.item
        who = item.enterprise if item.record_type == "posting" else item.school
        print(f"{rank}. [{rec.score:.1f}] [{item.kind}] {item.title} — {who}（{item.location}） {item.record_id}")
        for reason in rec.reasons:
            print(f"   {reason.reason}：{reason.detail}")
    return 0


def cmd_match(args: argparse.Namespace, settings: Settings) -> int:
    profile = load_profile(args.profile, EnterpriseProfile)
    result = Assistant(settings).match(profile)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
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
        print(f"   牵头单位：{benefit.lead_unit or '—'}  依据：{cite.title or cite.doc_id} {cite.clause_path}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from assistant.api import create_app

    host = args.host or settings.host
    port = args.port or settings.port
    print(f"serving on http://{host}:{port}/ (index: {settings.index_dir})", file=sys.stderr)
    uvicorn.run(create_app(settings, build_index=True), host=host, port=port, log_level="info")
    return 0


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


def cmd_eval_retrieval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.run import run_retrieval_eval

    run_retrieval_eval(
        settings,
        args.gold,
        args.policies,
        None if args.no_cmrc else args.cmrc,
        args.out,
        with_rerank=not args.no_rerank,
        with_default=not args.no_default,
        rerank_sample=args.rerank_sample,
    )
    print(f"per-question results: {args.out}/retrieval-*.jsonl")
    return 0


def cmd_eval_answers(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.run import run_answer_eval

    run_answer_eval(settings, args.gold, args.policies, args.out, args.backend or ["extractive", "local"])
    print(f"per-question results: {args.out}/answers-*.jsonl")
    return 0


def cmd_eval_opportunities(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.opportunities import format_report, run_opportunity_eval

    report = run_opportunity_eval(Assistant(settings), args.students, args.enterprises, today=args.today)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def _chunk_dict(row: Any) -> dict[str, Any]:
    return {"chunk_id": row.chunk_id, "doc_id": row.doc_id, "ord": row.ord, "text": row.text, "metadata": row.metadata}


def _pydantic_message(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}" for e in exc.errors())


if __name__ == "__main__":
    sys.exit(main())
