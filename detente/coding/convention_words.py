"""The word classes of the labelling guide's no-event conventions (``data/conventions.yaml``), one table read
once. Its own module so that the rules in ``conventions``, ``habits``, ``asides`` and the others can name its type
without importing the screen that imports them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.coding.lexicon import load_data

__all__ = ["Conventions", "load_conventions"]

_NAME = r"(?:[A-Z][\w'’.-]+\s){0,3}([A-Z][\w'’-]+)"


@dataclass(frozen=True, slots=True)
class Conventions:
    commentator_roles: frozenset[str]
    former_marks: frozenset[str]
    epistemic_adverbs: frozenset[str]
    prediction_heads: frozenset[str]
    frequency_adverbs: frozenset[str]
    frequency_adjectives: frozenset[str]
    period_preps: frozenset[str]
    period_nouns: frozenset[str]
    year_nouns: frozenset[str]
    question_verbs: frozenset[str]
    question_nouns: frozenset[str]
    question_preps: frozenset[str]
    health_words: frozenset[str]
    regulation_types: frozenset[str]
    indefinite_pronouns: frozenset[str]
    inquiry_nouns: frozenset[str]
    inquiry_verbs: frozenset[str]
    anonymity_verbs: frozenset[str]
    belief_heads: frozenset[str]
    office_roles: frozenset[str]
    near_negations: frozenset[str]
    receiving_verbs: frozenset[str]
    carrying_out_verbs: frozenset[str]
    reading_verbs: frozenset[str]
    vehicle_nouns: frozenset[str]
    commitment_types: frozenset[str]
    people_at_large: frozenset[str]
    future_marks: frozenset[str]
    attempt_nouns: frozenset[str]
    aspect_nouns: frozenset[str]
    timing_adjectives: frozenset[str]
    offer_verbs: frozenset[str]
    unoffered_objects: frozenset[str]
    recommending_adjectives: frozenset[str]
    recommendation_acts: frozenset[str]
    reflexive_pronouns: frozenset[str]
    allegiance_types: frozenset[str]
    age_nouns: frozenset[str]
    known_act_types: frozenset[str]
    day_named_types: frozenset[str]
    landmark_preps: frozenset[str]
    definite_determiners: frozenset[str]
    hazard_types: frozenset[str]
    hazard_warning_types: frozenset[str]
    hazard_nouns: frozenset[str]
    weapon_hazards: frozenset[str]
    hazard_marks: frozenset[str]
    hazard_preps: frozenset[str]
    cause_preps: frozenset[str]
    sport_words: frozenset[str]
    obituary_deaths: frozenset[str]
    obituary_violence: frozenset[str]
    obituary_labels: frozenset[str]
    obituary_title_deaths: frozenset[str]
    opinion_labels: frozenset[str]
    ending_words: frozenset[str]
    ended_types: frozenset[str]
    condition_marks: frozenset[str]
    own_condition_subjects: frozenset[str]
    home_exchange_types: frozenset[str]

    @property
    def introductions(self) -> re.Pattern[str]:
        """"Matthew Brummer, a professor at ...", "Alan Chong, associate professor at ...", "analyst Ahmed Noor"."""
        return _introductions(self)


@lru_cache(maxsize=1)
def load_conventions() -> Conventions:
    data = load_data("conventions.yaml")
    return Conventions(**{name: frozenset(str(w).lower() for w in data[name])
                          for name in Conventions.__dataclass_fields__})


@lru_cache(maxsize=4)
def _introductions(conv: Conventions) -> re.Pattern[str]:
    roles = "|".join(sorted(conv.commentator_roles | {r + "s" for r in conv.commentator_roles}))
    # not "X, a former minister": a former office holder may be a party's voice again (a candidate, an
    # envoy); only the sentence that quotes them as former says they speak as commentators
    words = r"(?:(?!who\b|which\b|that\b)[\w'’-]+\s){0,4}?"  # a few words, not into a relative clause
    bare = r"(?:[a-z][\w-]*\s){0,3}"  # "Alan Chong, associate professor at ...": no article, then a place of work
    return re.compile(rf"{_NAME},\s(?:(?:a|an|the)\s{words}(?:{roles})\b|{bare}(?:{roles})\s(?:at|with|of|in|from)\b)"
                      rf"|\b(?:{roles})\s{_NAME}")
