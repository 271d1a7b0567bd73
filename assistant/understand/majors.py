"""Majors as people name them -> the catalog's names.

The catalog is what the index holds: program names and the majors postings ask for. A name
is matched (1) as written, (2) through the everyday names in ``vocabulary.yaml`` (汽修 ->
汽车运用与维修), (3) by dense similarity to the catalog names when the best one is close enough
(``min_similarity``). The third is a guess (e5 cosines of short names crowd 0.85-0.91: 会计 ->
电子商务 0.904, 财务 -> 电子商务 0.888), so recommendations grade it as a close major, never as the
student's own (``resolve(name, dense=False)`` gives only what the name says).

Two relations read from the program catalog rather than the names: programs leading to the same
certificate, and majors of the same 专业大类 of the national catalog by their codes (``major_fields.yaml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources

import numpy as np
import yaml

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
        codes: Mapping[str, str] | None = None,
    ) -> None:
        self.catalog = sorted({name for name in catalog if name})
        self.embed = embed
        self.min_similarity = min_similarity
        # major -> the certificates its programs lead to (the program catalog's 可获证书)
        self.certificates = {name: set(certs) for name, certs in (certificates or {}).items() if certs}
        # major -> its 专业大类 (the program catalog's 专业代码, read as the national catalog numbers them)
        self.fields = {name: field for name, code in (codes or {}).items() if (field := major_field(code))}
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

    def same_field(self, names: set[str]) -> dict[str, str]:
        """Catalog majors of the 专业大类 of one of ``names``, at any level, with the field's name (中餐烹饪与营养膳食
        and 酒店管理与数字化运营 are both 旅游大类: a cook going on to a 高职 finds the hotel program, which the names'
        dense similarity puts after 食品, 养老 and 护理)."""
        wanted = {self.fields[n] for n in names if n in self.fields}
        return {major: field for major, field in self.fields.items() if major not in names and field in wanted}

    def apart(self, name: str, names: set[str]) -> bool:
        """Whether the catalog's codes put ``name`` in another 专业大类 than every one of ``names`` (each with a
        known field): the dense model reads 大数据技术 and 新能源汽车技术 as close (0.906, both …技术), the
        national catalog files them under 电子与信息 and 装备制造."""
        mine = self.fields.get(name)
        theirs = {self.fields.get(n) for n in names}
        return bool(mine) and bool(theirs) and None not in theirs and mine not in theirs

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


_CODE = re.compile(r"^([2-7]\d)\d{4}$")


def major_field(code: str) -> str:
    """The 专业大类 a major's six-digit code of the national catalog (2021) is of ("" for another code): 41-59 for
    高职专科 majors, the same field 20 higher for 中职 and 20 lower for 职业本科 ones."""
    match = _CODE.match(code.strip())
    if not match:
        return ""
    number = int(match.group(1))
    return _fields().get(41 + (number - 21) % 20, "") if 21 <= number <= 79 else ""


@functools.cache
def _fields() -> dict[int, str]:
    raw = yaml.safe_load((resources.files(__package__) / "major_fields.yaml").read_text(encoding="utf-8"))
    return {int(k): str(v) + "大类" for k, v in raw.items()}
