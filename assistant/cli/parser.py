"""An argument parser whose usage errors speak Chinese.

argparse has no translation hook for its messages; its few error shapes are recognised here and
said in Chinese, anything else keeps argparse's text in parentheses after a Chinese lead.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

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


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{chinese(message)}。用 {self.prog} -h 查看用法\n")
