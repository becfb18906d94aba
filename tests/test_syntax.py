"""Grammar over real parses of hand-written sentences: clause heads, roles, attachments, tense and modals."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from detente.nlp import load_nlp
from detente.syntax import (
    agent,
    clause_head,
    clause_tense,
    clause_verb,
    condition_clause,
    controlling_verbs,
    coordinated,
    coordinated_verbs,
    direct_object,
    has_to_marker,
    is_bare_past,
    is_future_aux,
    is_passive,
    is_pronoun,
    modal,
    passive_subject,
    path_to,
    prep_attachment,
    prep_objects,
    recipients,
    subject,
    would_is_future,
)

Tok = Callable[[str, str], Token]
PLANNING = frozenset({"plan", "expect"})


def text(t: Token | None) -> str | None:
    return None if t is None else t.text


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def tok(nlp: Language) -> Tok:
    """The first token spelled ``word`` in the parse of ``text``."""

    def find(text: str, word: str) -> Token:
        return next(t for t in nlp(text) if t.text == word)

    return find


def test_clause_head_of_a_prepositional_object_is_its_verb(tok: Tok) -> None:
    place = tok("Wang Yi met Blinken in Washington on Friday.", "Washington")
    assert clause_head(place).text == "met"


def test_a_condition_clause_is_one_a_conditional_conjunction_opens(tok: Tok) -> None:
    assert condition_clause(tok("China will retaliate if the United States imposes tariffs.", "imposes"))
    assert condition_clause(tok("Talks will fail unless Russia withdraws its troops.", "withdraws"))
    assert not condition_clause(tok("Talks will fail unless Russia withdraws its troops.", "withdraws"), ("if",))
    assert not condition_clause(tok("China retaliated after the United States imposed tariffs.", "imposed"))


def test_a_verb_heads_its_own_clause(tok: Tok) -> None:
    visit = tok("Officials said the minister would visit Beijing.", "visit")
    assert clause_head(visit) == visit
    beijing = tok("Officials said the minister would visit Beijing.", "Beijing")
    assert clause_head(beijing).text == "visit"


def test_an_auxiliary_heads_no_clause(tok: Tok) -> None:
    would = tok("Officials said the minister would visit Beijing.", "would")
    assert clause_head(would).text == "visit"


def test_clause_verb_is_the_nearest_verb_within_its_steps(tok: Tok) -> None:
    partners = tok("Officials said the attackers worked with partners in Afghanistan.", "Afghanistan")
    assert text(clause_verb(partners, 8)) == "worked"
    assert clause_verb(partners, 2) is None


def test_clause_verb_with_last_gives_where_the_walk_stopped(tok: Tok) -> None:
    afghanistan = tok("Officials said the attackers worked with partners in Afghanistan.", "Afghanistan")
    never = clause_verb(afghanistan, 2, lambda t: False, last=True)
    assert never.text == "partners"
    root = clause_verb(afghanistan, 20, lambda t: False, last=True)
    assert root.dep_ == "ROOT"


def test_controlling_verbs_are_those_a_verb_is_coordinated_with_or_controlled_by(tok: Tok) -> None:
    sentence = "China could agree to meet and talk with Japan, officials said."
    assert [v.text for v in controlling_verbs(tok(sentence, "talk"))] == ["meet", "agree"]
    assert controlling_verbs(tok(sentence, "agree")) == []  # the reported clause is no control


def test_path_to_climbs_to_the_stop(tok: Tok) -> None:
    beijing = tok("Officials said the minister would visit Beijing.", "Beijing")
    said = next(t for t in beijing.doc if t.text == "said")
    assert [t.text for t in path_to(beijing, said)] == ["Beijing", "visit"]


def test_subject_and_object(tok: Tok) -> None:
    met = tok("Kishida met Biden at the White House.", "met")
    assert text(subject(met)) == "Kishida"
    assert text(direct_object(met)) == "Biden"
    assert not is_passive(met) and agent(met) is None


def test_passive_agent_and_patient(tok: Tok) -> None:
    released = tok("The prisoners were released by Israel.", "released")
    assert is_passive(released)
    assert text(agent(released)) == "Israel"
    assert text(passive_subject(released)) == "prisoners"
    # what was acted on: the surface subject of a passive
    assert text(direct_object(released)) == "prisoners"
    assert subject(released) is None


def test_recipient_of_a_double_object_verb(tok: Tok) -> None:
    sent = tok("China sent Russia a letter.", "sent")
    assert [t.text for t in recipients(sent)] == ["Russia"]
    assert text(direct_object(sent)) == "letter"


def test_prepositional_objects_and_attachment(tok: Tok) -> None:
    met = tok("Wang Yi met Blinken in Washington on Friday.", "met")
    assert [(p, o.text) for p, o in prep_objects(met, ("in",))] == [("in", "Washington")]
    assert [(p, o.text) for p, o in prep_objects(met, ("in", "on"))] == [("in", "Washington"), ("on", "Friday")]
    place = tok("Wang Yi met Blinken in Washington on Friday.", "Washington")
    attached = prep_attachment(place)
    assert attached is not None and attached[0] == "in" and attached[1].text == "met"
    assert prep_attachment(met) is None


def test_coordinated_names(tok: Tok) -> None:
    blinken = tok("Blinken, Yellen and Kerry visited Beijing.", "Blinken")
    assert [t.text for t in coordinated(blinken)] == ["Blinken", "Yellen", "Kerry"]


def test_pronoun_is_not_a_name_spelled_like_one(tok: Tok) -> None:
    assert is_pronoun(tok("They met the US envoy.", "They"))
    assert not is_pronoun(tok("They met the US envoy.", "US"))


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("China will send aid.", "will", "future"),
        ("China would send aid.", "would", "would"),
        ("China could send aid.", "could", "possible"),
        ("China must send aid.", "must", "deontic"),
        ("China has sent aid.", "has", None),
    ],
)
def test_modal_auxiliaries(tok: Tok, text: str, word: str, kind: str | None) -> None:
    assert modal(tok(text, word)) == kind


def test_would_is_future_in_time_but_asserted_only_when_reported(tok: Tok) -> None:
    assert would_is_future("time")
    assert not would_is_future("assertion")
    assert would_is_future("assertion", reported=True)
    would = tok("China would send aid.", "would")
    assert is_future_aux(would, "time") and not is_future_aux(would, "assertion")
    will = tok("China will send aid.", "will")
    assert is_future_aux(will, "time") and is_future_aux(will, "assertion")


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("Wang Yi will visit Washington.", "visit", "future"),
        ("Wang Yi visited Washington.", "visited", "past"),
        ("Wang Yi has visited Washington.", "visited", "past"),
        ("Wang Yi visits Washington.", "visits", "present"),
        ("He said he would visit Beijing.", "visit", "future"),
        ("Wang Yi is expected to visit Washington.", "visit", "future"),
        ("Wang Yi will visit Washington and meet Blinken.", "meet", "future"),
        ("Thousands of people protested on Saturday.", "protested", "past"),
    ],
)
def test_clause_tense(tok: Tok, text: str, word: str, tense: str) -> None:
    assert clause_tense(tok(text, word), PLANNING) == tense


def test_a_past_tagged_as_participle_is_past_only_with_a_subject_and_no_auxiliary(tok: Tok) -> None:
    """The tagger marks "protested" VBN though it has a subject; a reduced relative or a passive is no simple past."""
    protested = tok("Thousands of people protested on Saturday.", "protested")
    assert protested.tag_ == "VBN" and is_bare_past(protested, [])
    killed = tok("The man killed in the attack on Monday was a soldier.", "killed")
    assert not is_bare_past(killed, [])
    arrested = tok("Dozens of people were arrested on Saturday.", "arrested")
    assert not is_bare_past(arrested, [c for c in arrested.children if c.dep_ in ("aux", "auxpass")])


def test_planning_words_are_the_callers(tok: Tok) -> None:
    """Without "expect" among the planning words, "is expected to visit" is the present of "is"."""
    visit = tok("Wang Yi is expected to visit Washington.", "visit")
    assert clause_tense(visit, frozenset()) == "present"


def test_tokens_are_one_kept_list_per_parsed_sentence() -> None:
    """``tokens`` gives the same Token objects on every pass (no new object per token per pass), sliced for a span."""
    import spacy

    from detente.syntax import tokens

    doc = spacy.blank("en")("China and the US met in Bali .")
    first = tokens(doc)
    assert [t.text for t in first] == [t.text for t in doc]
    assert tokens(doc) is first
    span = doc[2:4]
    assert [t.i for t in tokens(span)] == [2, 3] and tokens(span)[0] is first[2]


def test_a_to_infinitive_carries_its_to_and_a_finite_verb_none(tok: Tok) -> None:
    assert has_to_marker(tok("China urged the United States to stop the sales.", "stop"))
    assert not has_to_marker(tok("China said the United States stopped the sales.", "stopped"))


def test_coordinated_verbs_are_each_others_whichever_comes_first(tok: Tok) -> None:
    text = "The gunman shot and killed himself."
    assert [t.text for t in coordinated_verbs(tok(text, "shot"))] == ["killed"]
    assert [t.text for t in coordinated_verbs(tok(text, "killed"))] == ["shot"]
    assert coordinated_verbs(tok("The gunman fled.", "fled")) == []
