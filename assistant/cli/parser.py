"""An argument parser whose usage errors speak Chinese, and whose help wraps Chinese text right.

argparse has no translation hook for its messages; its few error shapes are recognised here and
said in Chinese, anything else keeps argparse's text in parentheses after a Chinese lead. Its help
wraps by character count, but a Chinese character takes two columns on a terminal, and Chinese
text has no spaces to break at: :class:`WidthAwareHelpFormatter` wraps by display width and never
splits an ASCII word (``location``).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from typing import Any, NoReturn

_SHAPES = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少必填参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "不认识的参数：{0}"),
    (
        re.compile(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.+)\)"),
        "参数 {0}：没有“{1}”这一项，可选 {2}",
    ),
    (re.compile(r"argument (\S+): invalid (\w+) value: '([^']*)'"), "参数 {0}：“{2}”不是{1}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面需要一个值"),
)


_TYPES = {"int": "整数", "float": "数字", "Path": "路径", "date": "日期（YYYY-MM-DD）"}


def chinese(message: str) -> str:
    """argparse's error message in Chinese (an unknown shape keeps argparse's words in parentheses)."""
    for shape, text in _SHAPES:
        found = shape.fullmatch(message)
        if found:
            return text.format(*(_TYPES.get(g, g) for g in found.groups()))
    return f"参数有误（{message}）"


_PIECES = re.compile(r"[!-~]+|\s+|.")  # an ASCII word, a run of spaces, or one other character


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns (a longer ASCII word gets its own line)."""
    lines: list[str] = []
    line = ""
    for piece in _PIECES.findall(" ".join(text.split())):
        if line and display_width(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if piece.isspace() else piece
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


class WidthAwareHelpFormatter(argparse.HelpFormatter):
    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", WidthAwareHelpFormatter)  # subcommands are built the same way
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{chinese(message)}。用 {self.prog} -h 查看用法\n")
