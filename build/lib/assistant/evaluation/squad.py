"""Outside checks in SQuAD format (CMRC 2018, DRCD) as retrieval tasks.

Every paragraph is written as its own Markdown document (the article title in front matter,
nothing else: no document type, no structure); a question's gold is its own paragraph (any
chunk of it). Nobody on the team wrote these questions.

* CMRC 2018 trial (Cui et al., EMNLP-IJCNLP 2019): 256 paragraphs, 1,002 questions.
* DRCD dev (Shao et al., 2018), in simplified characters: 1,000 paragraphs from 383
  Wikipedia articles (several paragraphs share a title), 3,524 questions.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.evaluation.gold import RetrievalCase


def write_squad_corpus(source: Path, folder: Path, label: str) -> list[RetrievalCase]:
    """Write each paragraph of ``source`` as ``<paragraph id>.md`` into ``folder``; return the questions
    (type ``label``). Files already there with the same content are left alone."""
    data = json.loads(source.read_text(encoding="utf-8"))["data"]
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[RetrievalCase] = []
    for article in data:
        title = " ".join(str(article.get("title", "")).split())
        for paragraph in article["paragraphs"]:
            doc_id = str(paragraph["id"])
            text = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n{paragraph['context']}\n"
            path = folder / f"{doc_id}.md"
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            for qa in paragraph["qas"]:
                cases.append(RetrievalCase(str(qa["id"]), qa["question"], label, "", doc_id, None, None))
    return cases
