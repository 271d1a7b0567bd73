"""Choose the evidence rank's weights (assistant/answer/evidence.py, RankWeights) on the DEV splits only.

    python evals/fit_evidence.py [--index DIR]

For every answerable dev question (answers_gold.jsonl, answers_dev_spoken.jsonl, answers_dev2.jsonl) the
policy pipeline runs up to the evidence and each candidate sentence's parts are recorded: overlap,
dense cosine, its z-score among the question's candidates (standout), retrieval rank, asked slot and
named document. A grid of weights is scored by how often the best sentence is one of the gold clause,
per split, and by leave-one-split-out (weights chosen on two splits, counted on the third). The
figures are printed; the weights are set in the code by hand, with the figures in evals/README.md.
The test splits are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.answer import evidence, stages  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluation.answers import load_answer_gold  # noqa: E402
from assistant.service import Assistant  # noqa: E402

DEV = [REPO / "evals" / name for name in ("answers_gold.jsonl", "answers_dev_spoken.jsonl", "answers_dev2.jsonl")]
POLICIES = REPO.parent / "shared" / "corpus" / "policies"
GRID = {
    "dense": (0.0, 0.5, 1.0, 2.0),
    "standout": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3),
    "rank": (0.0, 0.15, 0.3),
    "slot": (0.0, 0.1, 0.2, 0.4),
}

# candidates, their dense cosines, the asked kinds, the named documents, the split, the gold candidates' keys
Question = tuple[list[evidence.Candidate], dict, dict, frozenset[str], str, frozenset[tuple[str, int]]]


def questions(assistant: Assistant) -> list[Question]:
    """Per answerable dev question with candidates: what the rank reads, its split and which candidates
    are sentences of the gold clause."""
    understander, answerer = assistant.understander(), assistant.answerer("extractive")
    out: list[Question] = []
    for path in DEV:
        for case in load_answer_gold(path):
            if not case.answerable or not case.doc:
                continue
            query = understander.understand(case.question)
            seen = answerer.inspect(query)
            named = frozenset(answerer.searcher.structure.named_documents(query.standalone))
            gold = frozenset(
                c.key
                for c in seen.found.candidates
                if c.hit.doc_id == case.doc
                and str(case.clause or "") in str(c.hit.metadata.get("heading", "")) + c.hit.text
            )
            if seen.found.candidates:
                asked = stages.asked_probabilities(query)
                out.append((list(seen.found.candidates), seen.found.dense, asked, named, path.stem, gold))
    return out


def best_is_gold(question: Question, weights: evidence.RankWeights) -> bool:
    candidates, dense, asked, named, _, gold = question
    return evidence.rank(list(candidates), asked, dense, weights, named)[0].key in gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, help="an index of ../shared/corpus/policies (built when absent)")
    args = parser.parse_args()
    index = args.index or Path(tempfile.mkdtemp(prefix="fit-evidence-"))
    assistant = Assistant(Settings(index_dir=index, llm_backend="extractive", _env_file=None)).load()  # type: ignore[call-arg]
    if not assistant.index.documents():
        assistant.ingest([POLICIES])
    data = questions(assistant)
    splits = sorted({q[4] for q in data})
    reachable = {s: sum(bool(q[5]) for q in data if q[4] == s) for s in splits}
    print("questions", {s: sum(q[4] == s for q in data) for s in splits}, "gold among the candidates", reachable)
    scored = []
    for values in itertools.product(*GRID.values()):
        weights = evidence.RankWeights(**dict(zip(GRID, values)))
        per_split = [sum(best_is_gold(q, weights) for q in data if q[4] == s) for s in splits]
        scored.append((per_split, weights))
    shipped = evidence.RankWeights()
    print("shipped", shipped, [sum(best_is_gold(q, shipped) for q in data if q[4] == s) for s in splits])
    for per_split, weights in sorted(scored, key=lambda x: -sum(x[0]))[:10]:
        print(sum(per_split), per_split, weights)
    for i, split in enumerate(splits):  # chosen on the other two splits, counted on this one
        per_split, weights = max(scored, key=lambda x: sum(v for j, v in enumerate(x[0]) if j != i))
        print("leave out", split, "->", weights, "held out:", per_split[i])
    return 0


if __name__ == "__main__":
    sys.exit(main())
