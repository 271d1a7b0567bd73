"""The ask command: a cited answer, streamed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.answer.compose import number_label
from assistant.answer.types import AnswerMode
from assistant.cli.index_ready import ready
from assistant.config import LLMBackend, Settings
from assistant.types import Persona


def register(sub: Any) -> None:
    ask = sub.add_parser("ask", help="提问：根据已入库的文档作答，并注明出处")
    ask.add_argument("question")
    ask.add_argument(
        "--mode", choices=[m.value for m in AnswerMode], default="chat", help="staff：可直接复制使用的答复"
    )
    ask.add_argument("--backend", choices=[b.value for b in LLMBackend if b is not LLMBackend.auto])
    ask.add_argument(
        "--persona",
        choices=[p.value for p in Persona],
        default=Persona.unknown.value,
        help="提问人身份：student（学生或家长）、enterprise（企业）、school（学校老师）、staff（工作人员）",
    )
    ask.add_argument("--json", action="store_true", help="以 JSON 输出完整的回答对象")
    ask.set_defaults(handler=cmd_ask)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    assistant = ready(settings)
    events = assistant.ask_stream(
        args.question, mode=AnswerMode(args.mode), backend=args.backend, persona=Persona(args.persona)
    )
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
