"""Evaluation commands: retrieval, answers, follow-ups and opportunities on the gold sets."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from assistant.cli.index_ready import ready
from assistant.config import LLMBackend, Settings

# answer and routing gold files of each split (evals/TEST_SPLIT.md: the test split is never tuned on)
SPLITS: dict[str, tuple[str, str | None]] = {
    "dev": ("answers_gold.jsonl", "routing_dev.jsonl"),
    "dev-spoken": ("answers_dev_spoken.jsonl", "routing_dev_spoken.jsonl"),
    "dev2": ("answers_dev2.jsonl", None),  # 80 spoken questions written 2026-12-04 (evals/DEV2_SPLIT.md), dev
    "test2": ("answers_test2.jsonl", None),  # 80 spoken questions (evals/README.md), held out, no routing set
    "test": ("answers_test.jsonl", "routing_test.jsonl"),
}


def register(sub: Any) -> None:
    evaluate = sub.add_parser("eval", help="评测工具")
    eval_sub = evaluate.add_subparsers(dest="target", required=True)
    retrieval = eval_sub.add_parser(
        "retrieval", help="在团队金标准集、CMRC 2018 trial 集和 DRCD dev 集上评测所有检索器变体"
    )
    retrieval.add_argument("--gold", type=Path, default=Path("evals/retrieval_gold.jsonl"))
    retrieval.add_argument("--policies", type=Path, default=Path("../shared/corpus/policies"))
    retrieval.add_argument("--cmrc", type=Path, default=Path("../shared/evaldata/cmrc2018/cmrc2018_trial.json"))
    retrieval.add_argument("--drcd", type=Path, default=Path("../shared/evaldata/drcd/drcd_dev_zh-cn.json"))
    retrieval.add_argument("--no-team", action="store_true", help="跳过团队金标准集")
    retrieval.add_argument("--no-cmrc", action="store_true")
    retrieval.add_argument("--no-drcd", action="store_true")
    retrieval.add_argument("--no-rerank", action="store_true")
    retrieval.add_argument("--no-default", action="store_true", help="跳过原生 llama-index 参照")
    retrieval.add_argument("--no-naive", action="store_true", help="跳过朴素 RRF 参照")
    retrieval.add_argument(
        "--rerank-sample",
        type=int,
        default=0,
        help="只在等间隔抽取的 N 个问题上评测 hybrid+rerank（LLM 评判较慢）",
    )
    retrieval.add_argument("--out", type=Path, default=Path("evals/results"))
    retrieval.add_argument("--summary", type=Path, default=Path("evals/summaries/retrieval.json"))
    retrieval.set_defaults(handler=cmd_eval_retrieval)
    fusion = eval_sub.add_parser("fusion", help="在相同的检索结果列表上比较每种融合方法（team、cmrc、drcd）")
    fusion.add_argument("--set", action="append", choices=["team", "cmrc", "drcd"], help="可重复指定；默认全部")
    fusion.add_argument("--gold", type=Path, default=Path("evals/retrieval_gold.jsonl"))
    fusion.add_argument("--policies", type=Path, default=Path("../shared/corpus/policies"))
    fusion.add_argument("--cmrc", type=Path, default=Path("../shared/evaldata/cmrc2018/cmrc2018_trial.json"))
    fusion.add_argument("--drcd", type=Path, default=Path("../shared/evaldata/drcd/drcd_dev_zh-cn.json"))
    fusion.add_argument("--out", type=Path, default=Path("evals/results"))
    fusion.add_argument("--summary", type=Path, default=Path("evals/summaries/fusion.json"))
    fusion.set_defaults(handler=cmd_eval_fusion)
    answers = eval_sub.add_parser("answers", help="回答层面的评测（事实、引用、拒答）")
    answers.add_argument("--gold", type=Path, default=Path("evals/answers_gold.jsonl"))
    answers.add_argument("--policies", type=Path, default=Path("../shared/corpus/policies"))
    answers.add_argument(
        "--backend",
        action="append",
        choices=[b.value for b in LLMBackend if b is not LLMBackend.auto],
        help="可重复指定；默认：extractive 和 local",
    )
    answers.add_argument("--out", type=Path, default=Path("evals/results"))
    answers.add_argument(
        "--split",
        choices=sorted(SPLITS),
        help="dev：answers_gold + routing_dev；dev-spoken：口语化的 dev 集；dev2：第二个口语化 dev 集（无路由集）；"
        "test：answers_test + routing_test；test2：第二个口语化留出集（无路由集）"
        "（留出集，从不用于调参）；汇总写入 evals/summaries/answers-<split>.json",
    )
    answers.set_defaults(handler=cmd_eval_answers)

    opportunities = eval_sub.add_parser("opportunities", help="用 evals/ 下的资料文件评测推荐和政策匹配")
    opportunities.add_argument("--students", type=Path, default=None, help="默认：--split 对应的学生资料文件")
    opportunities.add_argument("--enterprises", type=Path, default=None, help="默认：--split 对应的企业资料文件")
    opportunities.add_argument(
        "--split",
        choices=["dev", "dev2", "test"],
        default="dev",
        help="dev：*_profiles.yaml；dev2：student_profiles_dev2.yaml（企业仍用 dev 的）；test：*_profiles_test.yaml",
    )
    opportunities.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD（以此日期判断是否过期）"
    )
    opportunities.add_argument("--json", action="store_true")
    opportunities.set_defaults(handler=cmd_eval_opportunities)
    conversations = eval_sub.add_parser("conversations", help="多轮对话：追问是否带上前一问的话题（不需要索引）")
    conversations.add_argument(
        "--split",
        choices=["dev", "test"],
        default="dev",
        help="dev：conversations_dev.jsonl；test：conversations_test.jsonl（留出集，从不用于调参）",
    )
    conversations.add_argument("--out", type=Path, default=Path("evals/results"))
    conversations.add_argument(
        "--summary", type=Path, default=None, help="默认：evals/summaries/conversations-<split>.json"
    )
    conversations.set_defaults(handler=cmd_eval_conversations)


def cmd_eval_retrieval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.run import run_retrieval_eval

    run_retrieval_eval(
        settings,
        None if args.no_team else args.gold,
        args.policies,
        None if args.no_cmrc else args.cmrc,
        args.out,
        with_rerank=not args.no_rerank,
        with_default=not args.no_default,
        rerank_sample=args.rerank_sample,
        summary=args.summary,
        drcd=None if args.no_drcd else args.drcd,
        with_naive=not args.no_naive,
    )
    print(f"per-question results: {args.out}/retrieval-*.jsonl")
    return 0


def cmd_eval_fusion(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.run import run_fusion_sweep

    sources = {"cmrc": args.cmrc, "drcd": args.drcd}
    run_fusion_sweep(
        settings, args.set or ["cmrc", "drcd", "team"], args.gold, args.policies, sources, args.out, args.summary
    )
    return 0


def cmd_eval_answers(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.run import run_answer_eval

    gold, routing, summary = args.gold, None, None
    if args.split:
        answers, routes = SPLITS[args.split]
        gold, routing = Path("evals") / answers, Path("evals") / routes if routes else None
        summary = Path(f"evals/summaries/answers-{args.split}.json")
    backends = args.backend or ["extractive", "local"]
    run_answer_eval(settings, gold, args.policies, args.out, backends, summary=summary, routing=routing)
    print(f"per-question results: {args.out}/answers-*.jsonl")
    return 0


def cmd_eval_opportunities(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.opportunities import format_report, run_opportunity_eval

    suffix = {"dev": "", "dev2": "_dev2", "test": "_test"}[args.split]
    students = args.students or Path(f"evals/student_profiles{suffix}.yaml")
    enterprises = args.enterprises or Path(f"evals/enterprise_profiles{'_test' if args.split == 'test' else ''}.yaml")
    report = run_opportunity_eval(ready(settings), students, enterprises, today=args.today)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def cmd_eval_conversations(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.conversations import format_summary, run_conversation_eval

    gold = Path(f"evals/conversations_{args.split}.jsonl")
    summary = args.summary or Path(f"evals/summaries/conversations-{args.split}.json")
    figures = run_conversation_eval(gold, args.out / f"conversations-{args.split}.jsonl", summary)
    print(format_summary(figures), end="")
    print(f"per-conversation results: {args.out}/conversations-{args.split}.jsonl")
    return 0
