"""Majors as people name them -> the catalog's names.

The catalog is what the index holds: program names and the majors postings ask for. A name
is matched (1) as written, (2) through the everyday names in ``vocabulary.yaml`` (汽修 ->
汽车运用与维修), (3) by dense similarity to the catalog names when the best one is close enough
(``min_similarity``). The third is a guess (e5 cosines of short names crowd 0.85-0.91: 会计 ->
电子商务 0.904, 财务 -> 电子商务 0.888), so recommendations grade it as a close major, never as the
student's own (``resolve(name, dense=False)`` gives only what the name says).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from assistant.understand.classify import Embed
from assistant.understand.vocabulary import vocabulary


class MajorMatcher:
    """Catalog names of majors, and how to reach them from everyday words."""

    def __init__(
        self,
        catalog: Iterable[str],
        embed: Embed | None = None,
        min_similarity: float = 0.9,
        certificates: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.catalog = sorted({name for name in catalog if name})
        self.embed = embed
        self.min_similarity = min_similarity
        # major -> the certificates its programs lead to (the program catalog's 可获证书)
        self.certificates = {name: set(certs) for name, certs in (certificates or {}).items() if certs}
        self._vectors: np.ndarray | None = None

    def sharing_certificates(self, names: set[str]) -> dict[str, list[str]]:
        """Catalog majors whose programs lead to a certificate one of ``names``' programs leads to, with
        those certificates (护理 and 智慧健康养老服务与管理 both lead to 老年照护职业技能等级证书): related by
        what the programs certify, where the names alone read far apart to the dense model."""
        wanted = set().union(*(self.certificates.get(n, set()) for n in names)) if names else set()
        return {
            major: sorted(certs & wanted)
            for major, certs in self.certificates.items()
            if major not in names and certs & wanted
        }

    def in_text(self, text: str) -> list[str]:
        """Catalog majors a free text names (as written or by an everyday name)."""
        found = vocabulary().find(vocabulary().majors, text)
        names = [*self.catalog, *vocabulary().majors]  # the catalog's names, and the ones the vocabulary knows
        found += [name for name in names if name in text]
        return list(dict.fromkeys(found))  # each once: a name both the catalog and the vocabulary hold

    def resolve(self, name: str, dense: bool = True) -> list[str]:
        """The catalog majors a given name means; [] when none is close. Without ``dense``, only what the
        name says (as written, an everyday name, a part of a catalog name), not the nearest by meaning."""
        name = name.strip()
        if not name:
            return []
        if name in self.catalog:
            return [name]
        named = self.in_text(name)
        if named:
            return named
        inside = [c for c in self.catalog if name in c]
        if inside:
            return inside
        return self.nearest(name) if dense else []

    def related(self, names: set[str]) -> dict[str, float]:
        """For every catalog major, its best dense similarity to one of ``names`` (catalog names)."""
        known = [self.catalog.index(n) for n in names if n in self.catalog]
        if self.embed is None or not known:
            return {}
        vectors = self._catalog_vectors()
        sims = (vectors @ vectors[known].T).max(axis=1)
        return {name: float(sim) for name, sim in zip(self.catalog, sims, strict=True)}

    def closest(self, name: str, count: int = 3) -> list[str]:
        """The ``count`` catalog majors most like ``name`` (suggestions when a search finds nothing)."""
        if self.embed is None or not self.catalog or not name.strip():
            return self.catalog[:count]
        sims = self._catalog_vectors() @ self.embed([name])[0]
        order = np.argsort(-sims, kind="stable")[:count]
        return [self.catalog[int(i)] for i in order]

    def _catalog_vectors(self) -> np.ndarray:
        assert self.embed is not None
        if self._vectors is None:
            self._vectors = self.embed(self.catalog)
        return self._vectors

    def nearest(self, name: str) -> list[str]:
        """The catalog major nearest in meaning to ``name`` when close enough (``min_similarity``); a guess."""
        if self.embed is None or not self.catalog or not name.strip():
            return []
        sims = self._catalog_vectors() @ self.embed([name])[0]
        best = int(np.argmax(sims))
        return [self.catalog[best]] if sims[best] >= self.min_similarity else []
