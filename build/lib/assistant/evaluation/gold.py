"""Gold sets in ``evals/``: JSONL rows of questions with their gold document and clause."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.clauses import normalize_label
from assistant.text.normalize import normalize_text


@dataclass(frozen=True)
class RetrievalCase:
    id: str
    question: str
    type: str  # paraphrase | article | unanswerable
    persona: str
    doc: str | None
    clause: str | None
    answer: str | None

    @property
    def answerable(self) -> bool:
        return self.doc is not None


def load_retrieval_gold(path: Path) -> list[RetrievalCase]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        cases.append(
            RetrievalCase(
                row["id"],
                row["question"],
                row.get("type", "paraphrase"),
                row.get("persona", ""),
                row.get("doc"),
                row.get("clause"),
                row.get("answer"),
            )
        )
    return cases


def clause_matches(gold_clause: str | None, chunk_labels: str) -> bool:
    """Whether a chunk's label chain (``三、|（五）|16.``) contains the gold chain in order."""
    if not gold_clause:
        return True
    wanted = [normalize_label(part) for part in gold_clause.split(">") if part.strip()]
    labels = [label for label in chunk_labels.split("|") if label]
    position = 0
    for label in labels:
        if position < len(wanted) and label == wanted[position]:
            position += 1
    return position == len(wanted)


def is_relevant(case: RetrievalCase, doc_id: str, text: str) -> bool:
    """The uniform hit criterion for every variant: right document, and it holds the gold words."""
    if doc_id != case.doc:
        return False
    return case.answer is None or _squash(case.answer) in _squash(text)


def _squash(text: str) -> str:
    return "".join(normalize_text(text).split())
