"""The gazetteer: places from ``gazetteer.yaml``, how they relate, and what a text is about."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import IntEnum
from importlib import resources

import yaml

from assistant.places.beyond import REGIMENT, admin_places, jieba, regiment
from assistant.places.place import CORPS, DIVISION, Place

SHARED_GROUND = ("district", "unit")  # levels of places near every other part of their city or division
_WIDE = ("national", "corps", "province")  # no two of their parts are near for sharing them


class Relation(IntEnum):
    """How place ``b`` relates to a wanted place ``a`` (smaller is closer)."""

    same = 0  # the same place, or b lies inside a
    near = 1  # a neighbour ("附近"), or they share ground
    region = 2  # same province / corps
    far = 3


@dataclass(frozen=True)
class Scope:
    """The places a question names, and whether it is about the division."""

    named: tuple[Place, ...] = ()
    division: bool = False

    @property
    def foreign(self) -> tuple[Place, ...]:
        """Named places outside the division and the corps (宁波, 上海 ...)."""
        return tuple(p for p in self.named if p.is_local_government)


@dataclass
class Gazetteer:
    """The file's places, and (``beyond``) places known only to be elsewhere: found as whole words, after the
    file's (:mod:`assistant.places.beyond`)."""

    places: dict[str, Place]
    beyond: dict[str, Place] = field(default_factory=dict)
    _alias: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for name in place.names:
                self._alias.setdefault(name, place.name)
        self._by_length = sorted(self._alias, key=len, reverse=True)
        self._spoken = {name for place in self.places.values() for name in place.spoken}
        self._beyond_alias = {name: place.name for place in self.beyond.values() for name in place.names}
        self._beyond_heads = {name[:2] for name in self._beyond_alias}
        self._longest_beyond = max(map(len, self._beyond_alias), default=0)
        for place in self.beyond.values():
            self.places.setdefault(place.name, place)  # their parents and ancestors (relation) are read here

    def lookup(self, name: str) -> Place | None:
        name = name.strip()
        key = self._alias.get(name) or self._beyond_alias.get(name)
        return self.places[key] if key else self._regiment(name)

    def places_in(self, text: str) -> list[Place]:
        """Places named in ``text`` in order of appearance; a longer name wins over one inside it."""
        out: list[Place] = []
        for _, _, place in self.named_at(text):
            if place not in out:
                out.append(place)
        return out

    def named_at(self, text: str) -> list[tuple[int, int, Place]]:
        """Each place name in ``text`` with where it stands (start, end), in order; a longer name wins over one
        inside it (五一农场, not 五一: a time reader skips what a place name holds)."""
        taken = [False] * len(text)
        found: list[tuple[int, int, Place]] = []
        starts: frozenset[int] | None = None
        for alias in self._by_length:
            start = text.find(alias)
            while start >= 0:
                end = start + len(alias)
                if alias in self._spoken:  # 师里 in 娃在师里念书, not in 兼职教师里
                    starts = _word_starts(text) if starts is None else starts
                    if start not in starts:
                        start = text.find(alias, start + 1)
                        continue
                if not any(taken[start:end]):
                    taken[start:end] = [True] * len(alias)
                    found.append((start, end, self.places[self._alias[alias]]))
                start = text.find(alias, end)
        found += self._beyond_at(text, taken)
        return sorted(found, key=lambda item: item[0])

    def _beyond_at(self, text: str, taken: list[bool]) -> list[tuple[int, int, Place]]:
        """Places beyond the file (a county of China, a regiment by number) standing as whole words where the
        file's names left the text free, the longest first."""
        if not any(text[i : i + 2] in self._beyond_heads for i in range(len(text) - 1)) and not REGIMENT.search(text):
            return []
        starts, ends = _word_bounds(text)
        found: list[tuple[int, int, Place]] = []
        for start in sorted(starts):
            for end in range(min(len(text), start + self._longest_beyond + 4), start + 1, -1):
                if end not in ends or any(taken[start:end]):
                    continue
                name = text[start:end]
                key = self._beyond_alias.get(name)
                place = self.places[key] if key else self._regiment(name)
                if place is not None:
                    taken[start:end] = [True] * (end - start)
                    found.append((start, end, place))
                    break
        return found

    def _regiment(self, name: str) -> Place | None:
        """A regiment named by its number (102团); the file's own when it holds it (一百零四团 is 104团)."""
        place = regiment(name)
        if place is None:
            return None
        key = self._alias.get(place.name)
        return self.places[key] if key else place

    def ancestors(self, place: Place) -> list[Place]:
        chain: list[Place] = []
        current = place
        while current.parent and current.parent in self.places and len(chain) < 10:
            current = self.places[current.parent]
            chain.append(current)
        return chain

    def within(self, place: Place, container: Place) -> bool:
        return place == container or container in self.ancestors(place)

    def relation(self, wanted: Place, other: Place) -> Relation:
        """How ``other`` (a posting's place) relates to ``wanted`` (where a person wants to be)."""
        if self.within(other, wanted):
            return Relation.same
        chain_w = [wanted, *self.ancestors(wanted)]
        chain_o = [other, *self.ancestors(other)]
        if any(self._touch(a, b) for a in chain_w for b in chain_o):
            return Relation.near
        # two districts of one city (天山区 / 水磨沟区), two units of the division (222团 / 西郊城区), or the
        # city itself: a city's own parts are at least as near as the neighbours it lists (昌吉市 for any
        # Urumqi district). Not two cities of one prefecture (阜康市 / 昌吉市: 80 km apart)
        # Not two regiments of the corps (102团 / 104团: the corps spans the province)
        parent = self.places.get(wanted.parent)
        spread = parent is None or parent.level in _WIDE
        if wanted.level in SHARED_GROUND and not spread and any(p.name == wanted.parent for p in chain_o):
            return Relation.near
        top_w = [p for p in chain_w if p.level in ("province", "corps")]
        top_o = [p for p in chain_o if p.level in ("province", "corps")]
        if set(top_w) & set(top_o):
            return Relation.region
        return Relation.far

    def neighbours(self, place: Place) -> list[Place]:
        """What "附近" means for ``place``: its listed neighbours, and the places listing it as one."""
        out = [self.places[name] for name in place.near if name in self.places]
        out += [p for p in self.places.values() if place.name in p.near and p not in out]
        return out

    def _touch(self, a: Place, b: Place) -> bool:
        return a.name in b.near or b.name in a.near or a.name in b.overlaps or b.name in a.overlaps

    def in_division(self, location: str) -> str:
        """``yes`` (a division unit), ``maybe`` (unknown place, ground shared with it: Urumqi, or an area it
        lies in: 兵团, 全国), ``no``."""
        division = self.places[DIVISION]
        named = self.places_in(location)
        if not named:
            return "maybe"
        if any(self.within(p, division) for p in named):
            return "yes"
        if any(p.level == "national" or self.within(division, p) for p in named):  # 全国, 兵团: it lies in them
            return "maybe"
        if any(
            division.name in p.overlaps or any(division.name in a.overlaps for a in self.ancestors(p)) for p in named
        ):
            return "maybe"
        return "no"

    def scope_of(self, text: str) -> Scope:
        named = tuple(self.places_in(text))
        division = self.places[DIVISION]
        corps = self.places[CORPS]
        about = any(self.within(p, division) or p == corps for p in named)
        return Scope(named, about)


def _word_starts(text: str) -> frozenset[int]:
    """Where jieba's words begin in ``text`` (its general dictionary: 教师 / 里, 师里 / 要)."""
    return _word_bounds(text)[0]


@functools.lru_cache(maxsize=4096)
def _word_bounds(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Where jieba's words begin and end in ``text``."""
    words = list(jieba().tokenize(text))
    return frozenset(start for _, start, _ in words), frozenset(end for _, _, end in words)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer from the bundled data file (read once)."""
    raw = yaml.safe_load((resources.files(__package__) / "gazetteer.yaml").read_text(encoding="utf-8"))
    places = {}
    for row in raw["places"]:
        place = Place(
            name=row["name"],
            level=row["level"],
            parent=row.get("parent", ""),
            aliases=tuple(row.get("aliases", [])),
            near=tuple(row.get("near", [])),
            overlaps=tuple(row.get("overlaps", [])),
            spoken=tuple(row.get("spoken", [])),
        )
        places[place.name] = place
    known = {name for place in places.values() for name in place.names}
    return Gazetteer(places, admin_places(known))


def lookup(name: str) -> Place | None:
    return gazetteer().lookup(name)


def places_in(text: str) -> list[Place]:
    return gazetteer().places_in(text)


def relation(wanted: Place, other: Place) -> Relation:
    return gazetteer().relation(wanted, other)


def in_division(location: str) -> str:
    return gazetteer().in_division(location)


def scope_of(text: str) -> Scope:
    return gazetteer().scope_of(text)
