"""Places of unseen news, session 14 (issue 12, item 5): an act done in a happening is where the happening is."""

from __future__ import annotations

import copy

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.coding.lexicon import Lexicon, build_lexicon, load_data, load_lexicon
from detente.coding.places import fights_of_the_parties, occasions
from detente.records import Location
from detente.resolve.actors import ActorKB
from detente.resolve.places import resolve_event_place

LEXICON = load_lexicon()


def _found(nlp: Language, text: str, trigger: str, patient: bool = True) -> Location | None:
    """The place of the act ``trigger`` names, with the happenings it is done in (``occasions``) as the coder
    passes them."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return resolve_event_place(doc[:], token, (), patient, occasions(token, LEXICON))


def _place(nlp: Language, text: str, trigger: str, patient: bool = True) -> tuple[str, str | None] | None:
    found = _found(nlp, text, trigger, patient)
    return None if found is None else (found.name, found.country)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Four people were killed during an attempted coup in Bolivia overnight.", "killed", ("Bolivia", "BOL")),
        ("Troops shot dead five rebels in a gunfight in the Swiss city of Geneva.", "shot", ("Geneva", "CHE")),
        # a material act done in an attack is where the attack's patient is
        ("Gunmen killed two settlers in an attack on a bus near Hebron, while others fled to Amman.", "killed",
         ("Hebron", "PSE")),
    ],
)  # fmt: skip
def test_an_act_done_in_a_happening_is_where_the_happening_is(nlp: Language, text: str, trigger: str,
                                                              expected: tuple[str, str]) -> None:
    assert _place(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Israel killed ten militants in retaliation for attacks in Gaza.", "killed"),  # a reason, not a happening
        ("The minister criticized the plan in an interview with a paper from Beijing.", "criticized"),
        ("Troops killed five rebels in a bid to retake towns in Tigray.", "killed"),  # an aim
    ],
)
def test_a_reason_or_an_aim_is_no_happening(nlp: Language, text: str, trigger: str) -> None:
    assert _place(nlp, text, trigger) is None


def test_the_coder_places_a_killing_by_its_occasion(coder: Coder) -> None:
    """coding.places.occasions: the coded record takes the place of the encounter it was done in."""
    killed = [m for m in coder.code_text("Indian security forces shot dead eight suspected militants in a "
                                         "night-long encounter in the northern city of Srinagar.")
              if m.type == "ASSAULT"]
    assert killed and killed[0].location is not None and killed[0].location.name == "Srinagar"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen opened fire at a jeep on the northern edge of the Gaza Strip.", "opened", ("Gaza Strip", "PSE")),
        ("Troops shelled villages on the outskirts of the town of Jenin.", "shelled", ("Janīn", "PSE")),
        ("Pirates seized a tanker off the coast of Somalia.", "seized", ("Somalia", "SOM")),
        ("The general is fighting the rebels around the southern city of Kandahar.", "fighting",
         ("Kandahār", "AFG")),
    ],
)  # fmt: skip
def test_a_part_of_a_place_and_places_around_or_off_it(nlp: Language, text: str, trigger: str,
                                                       expected: tuple[str, str]) -> None:
    assert _place(nlp, text, trigger) == expected


def test_a_part_of_something_else_is_no_place(nlp: Language) -> None:
    """Only a part of a place says where: "on the edge of collapse" or "the heart of the deal" is no place."""
    assert _place(nlp, "Talks on the edge of the summit with Beijing collapsed.", "collapsed", patient=False) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The army launched retaliatory strikes on Nablus on Monday.", "strikes", ("Nablus", "Nablus")),
        ("Ten soldiers were wounded in the bombing of Kandahar airport.", "wounded",
         ("Kandahār", "Kandahar airport")),
        ("Warplanes bombed Gaza City security buildings.", "bombed", ("Gaza", "Gaza City")),
    ],
)  # fmt: skip
def test_a_place_struck_is_where_the_strike_was(nlp: Language, text: str, trigger: str,
                                                expected: tuple[str, str]) -> None:
    found = _found(nlp, text, trigger)
    assert found is not None and (found.name, found.text) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Militants attacked a US base with rockets.", "attacked"),  # whose base, not where
        ("China condemned strikes on Nablus.", "condemned"),  # a verbal act is not where its topic is
    ],
)
def test_a_country_owning_a_site_or_a_verbal_act_is_no_place(nlp: Language, text: str, trigger: str) -> None:
    assert _found(nlp, text, trigger, patient=trigger != "condemned") is None


def test_a_country_doing_a_strike_is_not_its_place(nlp: Language) -> None:
    """places._whose_act: "the US bombing" is the United States' bombing; "the Kabul bombing" was in Kabul."""
    assert _place(nlp, "Residents said the US bombing went on all night.", "bombing") is None
    assert _place(nlp, "Twenty people were killed in the Kabul bombing.", "killed") == ("Kabul", "AFG")


def test_those_struck_in_their_own_attack_were_struck_where_it_was(nlp: Language) -> None:
    """places.fights_of_the_parties: a material act told of the patient in a relative clause places the act."""
    doc = nlp("The army killed three gunmen who attacked an army jeep in the Gaza Strip.")
    killed = next(t for t in doc if t.text == "killed")
    [fight] = fights_of_the_parties(killed, LEXICON)
    found = resolve_event_place(doc[:], fight, (), True, occasions(fight, LEXICON))
    assert found is not None and found.name == "Gaza Strip"


@pytest.mark.parametrize(
    "text",
    ["Troops arrested a reporter who had worked in Hong Kong.",  # what the reporter did is a story apart
     "Police detained two men who met officials in Beijing."],
)
def test_a_clause_of_another_kind_is_a_story_apart(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert fights_of_the_parties(next(t for t in doc if t.dep_ == "ROOT"), LEXICON) == []


def test_talks_between_people_in_a_place_are_there(nlp: Language) -> None:
    """places._participant: "between" names the sides met as "with" does; who speaks is still not asked."""
    assert _place(nlp, "Talks between Afghan and British officials in Kabul ended without agreement.", "Talks",
                  patient=False) == ("Kabul", "AFG")
    assert _place(nlp, "Officials in Kabul said talks between the sides ended.", "said", patient=False) is None


def test_a_light_verbs_object_is_the_act(nlp: Language) -> None:
    """places.occasions: "reached agreement during talks in Germany" was reached there; a content verb's object
    is what the act is about ("condemned the agreement reached during talks in Germany" is not placed)."""
    assert _place(nlp, "Four factions reached agreement on a cabinet during talks in Germany.", "reached",
                  patient=False) == ("Germany", "DEU")
    assert _place(nlp, "China condemned the agreement reached during talks in Germany.", "condemned",
                  patient=False) is None


def test_what_the_subject_was_doing_places_the_act(nlp: Language) -> None:
    """places._doing_subjects: a present participle on the subject tells where it was when it acted; a past one
    tells what was done to it before."""
    assert _place(nlp, "Opposition leaders meeting in Germany have reached an agreement.", "reached",
                  patient=False) == ("Germany", "DEU")
    assert _place(nlp, "Rebels trained in Sudan attacked the town.", "attacked") is None


# -- the coder's own lexicon (a user's --lexicon) --------------------------------------------------------------------


def _bundled_but(*, senses_of: str | None = None, light: str | None = None) -> Lexicon:
    """The bundled lexicon with one word's senses, or one light verb, taken out: a user's own ``--lexicon``."""
    data = copy.deepcopy(load_data("triggers.yaml"))
    senses = []
    for entry in data["senses"]:
        lemmas = [w for w in (entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]])
                  if w != senses_of]
        senses += [{**entry, "lemma": lemmas}] if lemmas else []
    data["senses"] = senses
    data["light_verbs"] = [v for v in data["light_verbs"] if v != light]
    return build_lexicon(data)


def test_the_rules_read_the_lexicon_they_are_given(nlp: Language) -> None:
    """places.fights_of_the_parties asks the lexicon given whether the relative clause is material, and
    places.occasions whether the verb is light; neither reads the bundled one behind the caller's back."""
    doc = nlp("The army killed three gunmen who attacked an army jeep in the Gaza Strip.")
    killed = next(t for t in doc if t.text == "killed")
    assert [t.text for t in fights_of_the_parties(killed, LEXICON)] == ["attacked"]
    assert fights_of_the_parties(killed, _bundled_but(senses_of="attack")) == []
    doc = nlp("Four factions reached agreement on a cabinet during talks in Germany.")
    reached = next(t for t in doc if t.text == "reached")
    assert "agreement" in [t.text for t in occasions(reached, LEXICON)]
    assert "agreement" not in [t.text for t in occasions(reached, _bundled_but(light="reach"))]


def test_a_users_lexicon_reaches_the_place_rules(kb: ActorKB, coder: Coder) -> None:
    """``Coder(lexicon=...)`` hands its lexicon to ``Places``: with no sense of "attack" the gunmen's attack is no
    fight of theirs, so the killing is not placed by it; the bundled lexicon places it in the Gaza Strip."""
    text = "The army killed three gunmen who attacked an army jeep in the Gaza Strip."
    own = _bundled_but(senses_of="attack")
    users = Coder(kb, lexicon=own)
    assert users.places.lexicon is own
    killed = [m for m in users.code_text(text) if m.type == "ASSAULT"]
    assert len(killed) == 1 and killed[0].location is None
    bundled = [m.location.name if m.location else None for m in coder.code_text(text) if m.type == "ASSAULT"]
    assert bundled and set(bundled) == {"Gaza Strip"}
