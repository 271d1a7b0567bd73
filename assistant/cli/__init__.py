"""The ``assistant`` command: parse arguments, call the facade, print, exit.

One module per command group (``index_cmds``: ingest / stats / chunks, ``search_cmds``, ``ask_cmds``,
``opportunity_cmds``: recommend / match, ``serve_cmd``, ``feedback_cmds``, ``eval_cmds``); each
registers its subcommands. Errors print one line (``error: ...``) and exit non-zero; no tracebacks.
"""

from __future__ import annotations

import argparse
import logging
import sys

from pydantic import ValidationError

from assistant.cli import (
    ask_cmds,
    backup_cmds,
    eval_cmds,
    feedback_cmds,
    index_cmds,
    opportunity_cmds,
    platform_cmds,
    profile_cmds,
    search_cmds,
    serve_cmd,
)
from assistant.cli.parser import ChineseArgumentParser
from assistant.config import get_settings
from assistant.errors import AssistantError, validation_message

GROUPS = (
    index_cmds,
    search_cmds,
    ask_cmds,
    opportunity_cmds,
    serve_cmd,
    feedback_cmds,
    eval_cmds,
    platform_cmds,
    profile_cmds,
    backup_cmds,
)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = get_settings()
        return int(args.handler(args, settings))
    except ValidationError as exc:
        print(f"error: invalid settings: {validation_message(exc, whole='settings')}", file=sys.stderr)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0
    return 1


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="assistant", description="政策与机会助手")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return parser
