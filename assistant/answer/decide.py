"""Answer or refuse: one calibrated decision over measured signals, not a word list.

    similarity   dense cosine of the question and the best chosen sentence (synonyms count:
                 员工 / 劳动者 / 职工 are close in the vector space)
    contrast     that cosine minus the mean over all candidate sentences: a sentence that stands
                 out for this question, whatever the question's wording does to absolute cosines
    overlap      rarity-weighted share of the question's topic words in the chosen sentences
    unknown      share of the question's topic words that no indexed text uses (火星, 驾照 ...)
    missing      probability that the question asks for a value of a kind (amount, count, date,
                 duration, frequency, unit, contact) times "no clause in scope holds one"
    years        share of the years the question names that no clause in scope mentions
    off_topic    the understanding's probability that the message is about something the documents
                 never cover (the weather, a hospital appointment: examples.yaml ``out_of_scope``)
    judge        (with the local LLM) its 是/否 log-odds on the chosen quotes

A logistic model over these gives the probability that the evidence answers; below
``threshold`` the answer is a refusal. Weights and threshold are fitted on the dev splits
(evals/answers_gold.jsonl, answers_dev_spoken.jsonl) by ``evals/fit_decision.py`` and kept in
``decision.yaml`` with the figures they gave; the test splits (answers_test.jsonl,
answers_test2.jsonl) are only reported.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import yaml

FEATURES = ("similarity", "contrast", "overlap", "unknown", "missing", "years", "off_topic")


@dataclass(frozen=True)
class Signals:
    similarity: float
    contrast: float  # how far the best sentence stands out from the other candidates (any phrasing style)
    overlap: float
    unknown: float
    missing: float
    years: float = 0.0  # share of the years the question names (2026年) that no clause in scope mentions
    off_topic: float = 0.0  # probability the message is about something no policy covers
    judge: float | None = None

    def as_dict(self) -> dict[str, float]:
        data = {name: float(getattr(self, name)) for name in FEATURES}
        if self.judge is not None:
            data["judge"] = float(self.judge)
        return data


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, signals: Signals) -> float:
        values = signals.as_dict()
        z = self.bias + sum(w * values.get(name, 0.0) for name, w in self.weights.items() if name in values)
        return 1.0 / (1.0 + math.exp(-z))


Cause = Literal["", "off_topic", "missing", "years", "unknown", "weak"]


@dataclass(frozen=True)
class Decision:
    answerable: bool
    probability: float
    reason: str = ""  # why not, in words a user may read
    cause: Cause = ""  # why not, as a name (missing: the value asked)


@functools.cache
def models() -> dict[str, Model]:
    """``extractive`` (no LLM) and ``judged`` (with the local LLM's judgement) from decision.yaml."""
    raw = yaml.safe_load((resources.files(__package__) / "decision.yaml").read_text(encoding="utf-8"))
    return {
        name: Model(
            {str(k): float(v) for k, v in spec["weights"].items()}, float(spec["bias"]), float(spec["threshold"])
        )
        for name, spec in raw["models"].items()
    }


def decide(signals: Signals, missing_label: str = "") -> Decision:
    """Answer when the model's probability reaches its threshold; the reason names what is missing."""
    model = models()["judged" if signals.judge is not None and "judged" in models() else "extractive"]
    p = model.probability(signals)
    if p >= model.threshold:
        return Decision(True, p)
    cause: Cause
    if signals.off_topic >= 0.5:
        cause, reason = "off_topic", "这个问题不在现有政策资料的范围内"
    elif signals.missing >= 0.5 and missing_label:
        cause, reason = "missing", f"资料中没有具体的{missing_label}"
    elif signals.years > 0:
        cause, reason = "years", "资料中没有所问年份的相关内容"
    elif signals.unknown >= 0.5:
        cause, reason = "unknown", "资料中没有涉及这个问题的内容"
    else:
        cause, reason = "weak", "检索到的条款不能回答这个问题"
    return Decision(False, p, reason, cause)
