"""A place: its name, level, where it lies and what it is near (one row of the gazetteer)."""

from __future__ import annotations

from dataclasses import dataclass

DIVISION = "新疆生产建设兵团第十二师"
CORPS = "新疆生产建设兵团"
NATIONAL = "全国"
_LOCAL_LEVELS = ("province", "city", "district")


@dataclass(frozen=True)
class Place:
    name: str
    level: str  # national | corps | division | unit | province | city | district
    parent: str = ""
    aliases: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()
    spoken: tuple[str, ...] = ()  # everyday names that are also parts of other words: only at a word's start

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.spoken)

    @property
    def is_local_government(self) -> bool:
        """A province, city or district: another place's regulations, as seen from the division."""
        return self.level in _LOCAL_LEVELS
