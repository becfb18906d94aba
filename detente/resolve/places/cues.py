"""The syntax cues the place rules read (``place_data/cues.yaml``: lemmas in lower case), loaded once, and the
entity labels that name places."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from detente import datafiles
from detente.resolve.places.gazetteer import _DATA

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True, slots=True)
class _Cues:
    location_preps: frozenset[str]
    part_nouns: frozenset[str]
    part_preps: frozenset[str]
    motion_lemmas: frozenset[str]
    occasion_verbs: frozenset[str]
    visit_verbs: frozenset[str]
    visit_nouns: frozenset[str]
    venue_nouns: frozenset[str]
    path_preps: frozenset[str]
    venue_participles: frozenset[str]
    meeting_nouns: frozenset[str]
    meeting_preps: frozenset[str]
    meeting_determiners: frozenset[str]
    place_nouns: frozenset[str]
    capital_nouns: frozenset[str]
    site_nouns: frozenset[str]
    participant_nouns: frozenset[str]
    place_adverbs: frozenset[str]
    patient_preps: frozenset[str]
    town_nouns: frozenset[str]
    area_nouns: frozenset[str]
    removal_verbs: frozenset[str]
    seat_nouns: frozenset[str]
    feature_nouns: frozenset[str]
    transit_preps: frozenset[str]
    transit_lemmas: frozenset[str]
    transit_verbs: frozenset[str]
    visit_participles: frozenset[str]
    audience_nouns: frozenset[str]
    landmark_preps: frozenset[str]


@cache
def place_cues() -> _Cues:
    raw: dict[str, Any] = datafiles.load("detente.resolve", f"{_DATA}/cues.yaml")
    return _Cues(**{key: frozenset(str(v).lower() for v in values) for key, values in raw.items()})
