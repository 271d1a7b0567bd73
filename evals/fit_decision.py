"""Fit the answer-or-refuse model (assistant/answer/decision.yaml) on the DEV splits only.

    python evals/fit_decision.py [--index DIR] [--judged]   # --judged also fits the model with the LLM's judgement

For every dev question (evals/answers_gold.jsonl, evals/answers_dev_spoken.jsonl) the policy
pipeline runs up to the decision and its signals are recorded, with whether the answer it would
give holds every gold fact. Training
rows: unanswerable questions (label 0) and answerable ones whose would-be answer is right (label 1);
answerable questions whose evidence misses the facts are left out (no decision can make them right).
A logistic regression (scikit-learn, L2, C=1 on standardised signals) gives the weights; the threshold
is the one that maximises right answers + right refusals on dev. The test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.answer import stages  # noqa: E402
from assistant.answer.decide import FEATURES  # noqa: E402
from assistant.answer.types import Answer, AnswerMode  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluation.answers import load_answer_gold  # noqa: E402
from assistant.service import Assistant  # noqa: E402

# the dev splits: the team's questions and the spoken-style ones (the test split is never read here)
DEV = [REPO / "evals" / "answers_gold.jsonl", REPO / "evals" / "answers_dev_spoken.jsonl"]
POLICIES = REPO.parent / "shared" / "corpus" / "policies"
OUT = REPO / "assistant" / "answer" / "decision.yaml"


def squash(text: str) -> str:
    return "".join(text.split())


def rows(assistant: Assistant, backend: str) -> list[dict[str, object]]:
    understander = assistant.understander()
    answerer = assistant.answerer(backend)
    if backend == "local":  # the judge is off the default path; switched on here to measure it
        answerer.config = replace(answerer.config, judge_gate=True)
    out = []
    cases = [case for path in DEV if path.exists() for case in load_answer_gold(path)]
    for case in cases:
        query = understander.understand(case.question)
        seen = answerer.inspect(query)
        base = Answer(case.question, query.standalone, "", False, AnswerMode.chat, backend)
        slot = stages.find_answer_slot(query, seen.scoped, seen.found)
        draft = stages.quote_draft(seen.found.quoted, slot)
        text = squash(stages.finish(base, draft, seen.hits, seen.scoped.superseded).answer) if draft.sentences else ""
        right = bool(text) and all(squash(f) in text for f in case.facts)
        out.append({"id": case.id, "answerable": case.answerable, "right_if_answered": right, **seen.signals.as_dict()})
    return out


def fit(data: list[dict[str, object]], names: list[str]) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression

    train = [r for r in data if not r["answerable"] or r["right_if_answered"]]
    x = np.asarray([[float(r[n]) for n in names] for r in train])  # type: ignore[arg-type]
    y = np.asarray([int(bool(r["answerable"])) for r in train])
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=5000).fit((x - mean) / std, y)
    weights = model.coef_[0] / std
    bias = float(model.intercept_[0] - (model.coef_[0] * mean / std).sum())
    probs = 1 / (1 + np.exp(-(np.asarray([[float(r[n]) for n in names] for r in data]) @ weights + bias)))  # type: ignore[arg-type]

    def score(threshold: float) -> tuple[int, int, int]:
        facts = sum(1 for r, p in zip(data, probs) if r["answerable"] and r["right_if_answered"] and p >= threshold)
        refusals = sum(1 for r, p in zip(data, probs) if not r["answerable"] and p < threshold)
        return facts + refusals, facts, refusals

    grid = [round(float(t), 2) for t in np.arange(0.05, 0.96, 0.01)]
    best = max(grid, key=lambda t: (score(t)[0], -abs(t - 0.5)))
    total, facts, refusals = score(best)
    return {
        "weights": {n: round(float(w), 4) for n, w in zip(names, weights)},
        "bias": round(bias, 4),
        "threshold": best,
        "dev": {
            "answerable": sum(1 for r in data if r["answerable"]),
            "right_if_answered": sum(1 for r in data if r["answerable"] and r["right_if_answered"]),
            "facts_right": facts,
            "unanswerable": sum(1 for r in data if not r["answerable"]),
            "refused_right": refusals,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, help="an index of ../shared/corpus/policies (built when absent)")
    parser.add_argument("--judged", action="store_true", help="also fit the model with the local LLM's judgement")
    args = parser.parse_args()
    index = args.index or Path(tempfile.mkdtemp(prefix="fit-decision-"))
    settings = Settings(index_dir=index, llm_backend="extractive", _env_file=None)  # type: ignore[call-arg]
    assistant = Assistant(settings).load()
    if not assistant.index.documents():
        assistant.ingest([POLICIES])
    measured = rows(assistant, "extractive")
    (REPO / "evals" / "results").mkdir(parents=True, exist_ok=True)
    (REPO / "evals" / "results" / "decision-rows-extractive.json").write_text(json.dumps(measured), encoding="utf-8")
    models = {"extractive": fit(measured, list(FEATURES))}
    if args.judged:
        models["judged"] = fit(rows(assistant, "local"), [*FEATURES, "judge"])
    header = (
        "# The answer-or-refuse model (assistant/answer/decide.py): logistic weights over the signals and the\n"
        "# probability threshold below which the answer is a refusal. Written by evals/fit_decision.py from the\n"
        "# dev splits (answers_gold.jsonl, answers_dev_spoken.jsonl); never on a test split; `dev`: its figures.\n"
    )
    OUT.write_text(header + yaml.safe_dump({"models": models}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    print(json.dumps(models, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
