"""Places beyond ``gazetteer.yaml``: every province, prefecture and county of China from jionlp's bundled
administrative divisions, and the corps' regiments by number (102团, 一〇二团).

People name where they live or study ("我在库尔勒，有没有实习", "想找个离家近的活，我在102团"); a place the
gazetteer file does not hold was silently dropped or read as what they want to do (库尔勒 as an interest).
The file keeps what the assistant reasons about closely (the division's units, its neighbours, the cities
whose rules are in the corpus); these places are known only to be elsewhere: a local government (another
place's rules), far from the division or in the same province or corps (graded, not dropped).

A name is taken only where it stands as whole words (jieba's general dictionary): 新华 is not a place in
新华社. A short name jieba's dictionary holds as an everyday word (合作 of 合作市, 城区, 郊区, 通道, 友好) is no
place here: its tag (verb, noun, adjective, direction) says so; proper names and places stay (库尔勒, 伊宁).
The file's places win over these (五家渠 stays the file's, with its neighbours).
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import cn2an

from assistant.places.place import CORPS, Place

# prefectures that are no place of their own in jionlp's table (a province's directly administered
# county-level cities: 石河子市 under 自治区直辖县级行政区划): their counties belong to the province
_PSEUDO = "行政区划"
# jieba's part-of-speech tags a short name may have and still be a place: a province's or a prefecture's place,
# person and other proper names (jieba tags 哈密 nrt, 和田 nz), or none (not in the dictionary); a county's only
# a place name or none (温泉 of 温泉县 is tagged a person's name, as 墨玉: words before places)
_PROPER = frozenset({"ns", "nr", "nrt", "nz", None})
_PLACE = frozenset({"ns", None})
_SHORT = 2  # names this long or shorter are checked against the dictionary's everyday words
HOME_PROVINCE = "新疆维吾尔自治区"  # where the division is: its counties are named short
# a regiment of the corps by its number: 102团, 一〇二团, 一百零二团 (not 3团队: whole words only)
REGIMENT = re.compile(r"([0-9]{2,3}|[一二三四五六七八九〇零十百]{2,5})团")


def admin_places(known: set[str]) -> dict[str, Place]:
    """Places of jionlp's administrative divisions by name, with the aliases people use for them; none whose
    name or alias is in ``known`` (the gazetteer file's names: its places win)."""
    out: dict[str, Place] = {}
    for province, cities in _divisions():
        _add(out, known, province, "province", "", short=_PROPER)
        home = province["_full_name"] == HOME_PROVINCE
        for city, counties in cities:
            parent = province["_full_name"]
            if _PSEUDO not in city["_full_name"]:
                _add(out, known, city, "city", parent, short=_PROPER)
                parent = city["_full_name"]
            for county in counties:
                district = county["_full_name"].endswith("区")
                short = _PLACE if home and not district else frozenset()
                _add(out, known, county, "district" if district else "city", parent, short=short)
    return out


def _add(
    out: dict[str, Place], known: set[str], row: dict[str, Any], level: str, parent: str, short: frozenset[str | None]
) -> None:
    """One place; its short names (two characters) only with a dictionary tag in ``short``: a province's or a
    prefecture's (广东, 郑州, 哈密), a county's of the home province (奎屯, 伊宁). Elsewhere a county's or a
    district's short name is as often a word (新建 of 新建区, 温泉, 白云) and is said with its 县 / 区 by anyone
    naming it from here."""
    name = row["_full_name"]
    alias = row.get("_alias") or []
    aliases = [alias] if isinstance(alias, str) else list(alias)
    names = [n for n in (name, *aliases) if n and n not in known and (len(n) > _SHORT or _tags().get(n) in short)]
    if name in known or not names:
        return
    if name in out:  # the same name in two provinces (和平区, 长安区): the first one read keeps it
        return
    place = Place(name=name, level=level, parent=parent, aliases=tuple(n for n in names if n != name))
    out[name] = place


@functools.cache
def _tags() -> dict[str, str]:
    import jieba.posseg as posseg

    jieba()
    posseg.dt.tokenizer.initialize()
    tags: dict[str, str] = posseg.dt.word_tag_tab
    return tags


@functools.cache
def jieba() -> Any:
    """jieba, its dictionary loaded without a word on stderr (a command's errors are its only lines there)."""
    import jieba as module

    module.setLogLevel(logging.WARNING)
    module.initialize()
    return module


def _divisions() -> Iterator[tuple[dict[str, Any], list[tuple[dict[str, Any], list[dict[str, Any]]]]]]:
    """jionlp's table as (province, [(prefecture, [county, …]), …]) rows."""
    table = jionlp().china_location_loader()
    for key, province in table.items():
        if key.startswith("_"):
            continue
        cities = [
            (city, [county for k, county in city.items() if not k.startswith("_")])
            for c, city in province.items()
            if not c.startswith("_")
        ]
        yield province, cities


@functools.cache
def jionlp() -> Any:
    """jionlp, imported once and quietly (it prints a banner on import and logs every string it
    cannot parse as an ERROR on the root logger: those are expected here, not errors); shared with
    the time reader."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp

    logging.getLogger().addFilter(_QuietJionlp())
    return jionlp


class _QuietJionlp(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "jionlp" not in record.pathname


def regiment(text: str) -> Place | None:
    """A regiment of the corps named by its number (102团, 一〇二团): a unit of the corps."""
    found = REGIMENT.fullmatch(text)
    if found is None:
        return None
    number = found.group(1)
    try:  # cn2an reads 一〇二 digit by digit and 一百零二 by its units alike; 十百 is no number
        value = int(number) if number.isdigit() else int(cn2an.cn2an(number, "smart"))
    except ValueError:
        return None
    return Place(name=f"{value}团", level="unit", parent=CORPS) if value else None
