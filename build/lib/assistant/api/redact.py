"""What leaves the server never names a path on it: absolute paths are cut to their last part."""

from __future__ import annotations

import re
from typing import Any

# an absolute POSIX path of two or more parts (a file name alone stays: it is what the user sent)
_ABSOLUTE = re.compile(r"(?<![\w.])/(?:[^/\s'\"，。：；、()（）]+/)+(?=[^/\s'\"，。：；、()（）]+)")


def redact_paths(value: Any) -> Any:
    """``value`` with every absolute path in its strings reduced to the file name (recursively)."""
    if isinstance(value, str):
        return _ABSOLUTE.sub("", value)
    if isinstance(value, dict):
        return {key: redact_paths(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_paths(item) for item in value]
    return value
