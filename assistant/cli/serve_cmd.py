"""The serve command: the API and the web UI in one process."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.config import Settings


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="启动 API 服务（索引为空时先从语料建立索引）")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from assistant.api import create_app
    from web.app import mount_ui

    host = args.host or settings.host
    port = args.port or settings.port
    print(f"serving on http://{host}:{port}/ (index: {settings.index_dir})", file=sys.stderr)
    uvicorn.run(create_app(settings, build_index=True, ui=mount_ui), host=host, port=port, log_level="info")
    return 0
