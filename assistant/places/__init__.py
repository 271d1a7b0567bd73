"""Places and jurisdiction: one module over one data file (``gazetteer.yaml``), read by all; beyond the file,
every county of China (jionlp's administrative divisions) and the corps' regiments by number, known only to
be elsewhere (``beyond.py``).

    places_in(text)        the places a text names, longest name first, no overlaps
    lookup(name)           a place by name or alias
    relation(a, b)         how two places relate: same / inside / near / overlaps / same province / far
    in_division(location)  whether a location is in the division: yes / maybe (Urumqi, 兵团) / no
    Scope                  what a question is about: the places it names, the division or not

Retrieval (preferring the division's and national texts), answers (not quoting another city's
rule), rewriting (carrying a place into a follow-up), matching (where a benefit applies) and
recommendations (grading a posting's place) all ask here.
"""

from __future__ import annotations

from assistant.places.beyond import jionlp
from assistant.places.gazetteer import (
    DIVISION,
    Gazetteer,
    Place,
    Relation,
    Scope,
    gazetteer,
    in_division,
    lookup,
    places_in,
    relation,
    scope_of,
)

__all__ = [
    "DIVISION",
    "Gazetteer",
    "Place",
    "Relation",
    "Scope",
    "gazetteer",
    "in_division",
    "jionlp",
    "lookup",
    "places_in",
    "relation",
    "scope_of",
]
