"""Classifiers over the dense model: labelled example utterances are their training data.

The examples (``examples.yaml``) are embedded once with the same e5 query side as messages;
a logistic-regression probe over those vectors (scikit-learn) gives a message's label
probabilities, so a new label or a new way of saying something is a line of data, not a rule.

Measured on the dev sets (evals/routing_dev.jsonl, the asked kinds of evals/answers_gold.jsonl;
figures in evals/README.md): the probe beat k nearest neighbours (routes 39/40 vs 33/40, asked
kinds 62/96 vs 35/96: the nearest examples share a question's topic more than its form) and the
LLM scoring the closed label set (asked kinds 36/96, 4 s a question here).

What a question asks is a matter of its form (几天 / 多少钱 / 哪些 / 谁) more than its topic, and
a message's vector is mostly topic. So the asked probe may add a second reader of the same
examples, a logistic regression over character uni- and bigrams (tf-idf), and average the two
(``form_share``): on the dev questions asked kinds 107 -> 111 of 146 (evals/README.md).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import yaml

Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> (n, dim) unit vectors


@dataclass(frozen=True)
class Scores:
    """Label -> share of the neighbours' weight (sums to 1), best first; ``nearest``: the top similarity."""

    labels: tuple[tuple[str, float], ...]
    nearest: float

    @property
    def best(self) -> str:
        return self.labels[0][0]

    @property
    def margin(self) -> float:
        """How far the best label is ahead of the second (0..1)."""
        if len(self.labels) < 2:
            return self.labels[0][1]
        return self.labels[0][1] - self.labels[1][1]

    def share(self, label: str) -> float:
        return dict(self.labels).get(label, 0.0)


class ExampleClassifier:
    """A logistic-regression probe over the dense vectors of labelled examples.

    ``strength`` is scikit-learn's ``C`` (inverse regularisation), chosen on the dev sets;
    ``balanced`` weighs each label's examples by the inverse of their number (a small label is not
    drowned by a large one); ``form_share`` > 0 mixes in that share of a character n-gram probe of
    the same examples (read when :meth:`scores` is given the text).
    """

    FORM_STRENGTH = 10.0  # C of the character probe (1 / 10 / 100 gave 108 / 111 / 110 on the dev asked kinds)

    def __init__(
        self,
        examples: dict[str, list[str]],
        embed: Embed,
        strength: float = 10.0,
        balanced: bool = False,
        form_share: float = 0.0,
    ) -> None:
        from sklearn.linear_model import LogisticRegression

        labels = [label for label, texts in examples.items() for _ in texts]
        texts = [text for texts in examples.values() for text in texts]
        self.vectors = embed(texts)
        self.model = LogisticRegression(C=strength, max_iter=5000, class_weight="balanced" if balanced else None).fit(
            self.vectors, labels
        )
        self.form_share = form_share
        self.form = _FormProbe(texts, labels, self.FORM_STRENGTH) if form_share > 0 else None

    def scores(self, vector: np.ndarray, text: str | None = None) -> Scores:
        probabilities = self.model.predict_proba(vector.reshape(1, -1))[0]
        if self.form is not None and text is not None:
            form = self.form.probabilities(text)
            probabilities = (1 - self.form_share) * probabilities + self.form_share * form
        ranked = sorted(zip(self.model.classes_, probabilities), key=lambda p: -p[1])
        nearest = float(np.max(self.vectors @ vector))
        return Scores(tuple((str(label), float(p)) for label, p in ranked), nearest)


class _FormProbe:
    """Logistic regression over character uni- and bigrams (tf-idf) of the examples: how a
    question is put (几天, 多少钱, 哪些, 谁), whatever it is about."""

    def __init__(self, texts: list[str], labels: list[str], strength: float) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True)
        # newton-cg: 6 iterations, 0.03 s here (lbfgs took 28 and 0.37 s at the first question; same
        # probabilities within 0.002)
        self.model = LogisticRegression(C=strength, max_iter=5000, solver="newton-cg").fit(
            self.vectorizer.fit_transform(texts), labels
        )

    def probabilities(self, text: str) -> np.ndarray:
        return self.model.predict_proba(self.vectorizer.transform([text]))[0]


_ACTIVITY_FILE = "activity_examples.yaml"
OTHER = "其他"  # the activity examples' label for a clause naming no activity


@functools.cache
def examples() -> dict[str, dict[str, list[str]]]:
    """The labelled examples: ``routes`` and ``asked``, label -> utterances; ``scope``: every one of
    them as ``in`` and the messages the documents are not about (``out_of_scope``) as ``out``;
    ``small_talk``: greetings, thanks and questions about the assistant (``talk``) against all of those;
    ``contact``: asking how to reach someone (a phone number, an address) against the asked examples;
    ``outcomes``: asking how a major's or a school's graduates fare, against every route example;
    ``bears``: asking who bears a liability, a cost or a duty, against the other unit examples;
    ``platform``: asking for the information platform's records against every route example;
    ``platform_kinds``: the kind of platform record a message asks for (合作项目, 技术需求 ...);
    ``who_one_is``: who a writer says they are, a ``trade`` or a ``status`` (single words);
    ``activities``: an enterprise's activities as people describe them, one clause each
    (``activity_examples.yaml``, :data:`OTHER` for a clause naming none)."""
    raw = yaml.safe_load((resources.files(__package__) / "examples.yaml").read_text(encoding="utf-8"))
    out = {group: {str(k): [str(t) for t in v] for k, v in raw[group].items()} for group in ("routes", "asked")}
    inside = [t for group in out.values() for texts in group.values() for t in texts]
    out["scope"] = {"in": list(dict.fromkeys(inside)), "out": [str(t) for t in raw["out_of_scope"]]}
    talk = [str(t) for t in raw["small_talk"]]
    out["small_talk"] = {"talk": talk, "other": out["scope"]["in"] + out["scope"]["out"]}
    # how to reach someone, against every asked example: a probe beside the asked one (no new asked kind to
    # share its probabilities with the others)
    asked = [t for texts in out["asked"].values() for t in texts]
    routed = [t for texts in out["routes"].values() for t in texts]
    out["contact"] = {"contact": [str(t) for t in raw["contact"]], "other": asked}
    # how a major's graduates fare, against every route example and graduates' rules (the platform's graduate
    # rows answer it)
    rules = [str(t) for t in raw["outcomes_rules"]]  # graduates' rules: 毕业生 and 就业 alone ask no outcome
    out["outcomes"] = {"outcomes": [str(t) for t in raw["outcomes"]], "other": routed + rules}
    # who bears a liability, a cost or a duty, against the other unit examples (who leads, handles, where to go)
    bears = [str(t) for t in raw["bears"]]
    out["bears"] = {"bears": bears, "other": [t for t in out["asked"]["unit"] if t not in bears]}
    # asking for the information platform's records, against every route example: a probe beside the route
    # probe (a fourth route label moved the other three and the scope probe on the dev sets)
    out["platform"] = {"platform": [str(t) for t in raw["platform"]], "other": routed}
    out["platform_kinds"] = {str(k): [str(t) for t in v] for k, v in raw["platform_kinds"].items()}
    out["who_one_is"] = {str(k): [str(t) for t in v] for k, v in raw["who_one_is"].items()}
    activities = yaml.safe_load((resources.files(__package__) / _ACTIVITY_FILE).read_text(encoding="utf-8"))
    out["activities"] = {str(k): [str(t) for t in v] for k, v in activities["activities"].items()}
    return out


def examples_digest() -> str:
    digest = hashlib.sha256()
    for name in ("examples.yaml", _ACTIVITY_FILE):
        digest.update((resources.files(__package__) / name).read_bytes())
    return digest.hexdigest()[:16]


def outcome_word(word: str) -> bool:
    """Whether ``word`` belongs to how people ask about graduates' outcomes rather than to what they study: it
    recurs in the outcomes examples (就业率, 毕业生 in two or more; a trade like 烹饪 in one)."""
    return sum(word in text for text in examples()["outcomes"]["outcomes"]) >= 2
