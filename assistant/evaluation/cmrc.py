"""The outside check: CMRC 2018 trial (Cui et al., EMNLP-IJCNLP 2019) as a retrieval task.

All 256 paragraphs are pooled as documents; a question's gold is its own paragraph
(any chunk of it). Nobody on the team wrote these questions.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.evaluation.gold import RetrievalCase


def write_cmrc_corpus(source: Path, folder: Path) -> list[RetrievalCase]:
    """Write each paragraph as a Markdown file (title in front matter); return the questions."""
    data = json.loads(source.read_text(encoding="utf-8"))["data"]
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[RetrievalCase] = []
    for article in data:
        for paragraph in article["paragraphs"]:
            doc_id = paragraph["id"]
            title = article.get("title", "").replace("\n", " ").replace(":", "：")
            (folder / f"{doc_id}.md").write_text(
                f'---\ntitle: "{title}"\ndoc_type: normative\n---\n{paragraph["context"]}\n', encoding="utf-8"
            )
            for qa in paragraph["qas"]:
                cases.append(RetrievalCase(qa["id"], qa["question"], "cmrc", "", doc_id, None, None))
    return cases
