"""Violent acts done by a hazard (coding/hazards.py): each dropped sentence is coded with the event when the screen
is off (checked). Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.coding.convention_words import load_conventions
from detente.coding.hazards import hazard_act
from detente.coding.lexicon import load_lexicon
from detente.coding.triggers import Trigger, find_triggers
from tests.coding.screen_cases import coded_types, screen_tests

DROPPED = [
    # a fire, a disaster or an illness is no party: as the subject of the "when" clause, as the act's own noun
    ("Four Kenyan tourists were killed when a fire broke out at a hotel in Nairobi.", "ASSAULT", "hazard"),
    ("A Chilean court heard evidence about the tragedy which killed 21 Chilean miners.", "ASSAULT", "hazard"),
    # the nouns of a cause phrase, the object of an infinitive, the compound of an object, a cause clause's verb
    ("Two people in the Syrian camp were injured as a result of the fires.", "ASSAULT", "hazard"),
    ("American firefighters have battled to put out a fire at an apartment block in Oakland.", "ASSAULT", "hazard"),
    ("Australian firefighters are battling a fire band stretching from around Campbelltown.", "ASSAULT", "hazard"),
    ("Dozens of South African people were injured after a roof collapsed at a shopping centre.", "ASSAULT",
     "hazard"),
    # a warning a hazard names is the weather's
    ("The American National Weather Service issued blizzard warnings for parts of Pennsylvania.", "THREATEN",
     "hazard"),
]

# the same kind, whose sentences name no party, so that the coder codes nothing for them even with the screen off
NEVER_CODED = [
    "Six Bangladeshi fishermen were killed when a cyclone struck the coast of Bangladesh.",
    "Peru's transport ministry released its report into the crash, which killed twelve Peruvian miners.",
    "Chilean firefighters battled the blaze near Valparaiso for six hours.",
    "The former Kenyan minister had been battling cancer since March.",
]

# what the screen reads, on sentences that name no party (the lexicon refused them until fold14,
# ``triggers._causes``): the doer a force of nature (its subject, the noun it modifies, the subject above its
# infinitive), a "when" clause, an "in" phrase, the noun of a relative "which", or what is battled
HAZARD_ACTS = [
    "It was the worst flooding to hit central Europe in a century.",
    "Floods hit Pakistan on Monday.",
    "The typhoon that struck the Philippines killed 40 people.",
    "Storms continued to pound the coast of Japan.",
    "Nine climbers were killed when a thunderstorm struck the mountain.",
    "Three soldiers were killed in a car crash near the capital.",
    "Investigators released their report into the crash, which killed eight people.",
    "Firefighters battled the blaze for six hours.",
    "The actor had been battling cancer for years.",
]

# a doer's force: a missile, a weapon's fire, gunmen in the "when" clause, troops battling rebels
PARTY_ACTS = [
    ("Russian missiles hit Kyiv on Monday.", "hit"),
    ("Israeli fire killed three people in Gaza.", "killed"),
    ("Three soldiers were killed when gunmen ambushed their convoy.", "killed"),
    ("Government troops battled rebels in the north.", "battled"),
]

KEPT = [
    # a weapon's fire, a shooting named by the trigger's own words, and attackers in the "when" clause
    ("Israeli tank fire killed three Hamas gunmen in Gaza.", "ASSAULT"),
    ("Pakistani troops opened fire on protesters in Karachi.", "ASSAULT"),
    ("Three Malian soldiers were killed when militants attacked a checkpoint in Mali.", "ASSAULT"),
    # a cause phrase is read down its prepositions, not into a clause in it where a shooting is told
    # a threat to start a fire, and a warning no hazard names, are a party's
    ("North Korea threatened to set fire to Seoul.", "THREATEN"),
    ("China issued a warning to Japan.", "THREATEN"),
    ("A Palestinian man has been shot dead as Israeli forces charged into the village in pursuit of gunmen who "
     "opened fire on them.", "ASSAULT"),
]

(test_acts_of_hazards_are_not_coded, test_acts_of_parties_are_kept,
 test_an_act_of_a_hazard_is_named) = screen_tests(DROPPED, KEPT)


@pytest.mark.parametrize("text", NEVER_CODED)
def test_acts_of_hazards_the_lexicon_refuses_are_not_coded(coder: Coder, text: str) -> None:
    assert "ASSAULT" not in coded_types(coder, text)


def _assaults(nlp: Language, text: str) -> list[Trigger]:
    return [m for m in find_triggers(nlp(text)[:], load_lexicon()) if m.sense.type == "ASSAULT"]


@pytest.mark.parametrize("text", HAZARD_ACTS)
def test_a_hazard_stands_around_the_act(nlp: Language, text: str) -> None:
    found = _assaults(nlp, text)
    assert found and all(hazard_act(m, load_conventions()) for m in found), [m.token.text for m in found]


@pytest.mark.parametrize(("text", "word"), PARTY_ACTS)
def test_a_doers_force_is_no_hazard(nlp: Language, text: str, word: str) -> None:
    assert word in [m.token.text for m in _assaults(nlp, text) if not hazard_act(m, load_conventions())]
