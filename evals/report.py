"""Write the tables of evals/README.md and README.md from the last runs' summaries (evals/summaries/).

python evals/report.py           # rewrite the marked tables
python evals/report.py --check   # exit 1 when a README differs from the summaries
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.evaluation.report import update_markdown  # noqa: E402

DOCS = (REPO / "evals" / "README.md", REPO / "README.md")
SUMMARIES = REPO / "evals" / "summaries"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when a table is stale")
    args = parser.parse_args()
    stale = []
    for doc in DOCS:
        text, changed = update_markdown(doc, SUMMARIES)
        if changed:
            stale.append(f"{doc.relative_to(REPO)}: {', '.join(changed)}")
            if not args.check:
                doc.write_text(text, encoding="utf-8")
    if stale:
        print(("stale tables (run python evals/report.py):\n  " if args.check else "rewrote:\n  ") + "\n  ".join(stale))
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
