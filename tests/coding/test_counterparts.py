"""The other side of an act whose text names one side only (``coding/counterparts.py``): the recipient of a
directed act with none named, who imposed a measure that names only whom it hits, and the story's two countries."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from detente.coding import Coder
from detente.coding.context import DocumentContext
from detente.coding.counterparts import clause_text, codes_in, document_dyad, phrase_text
from detente.nlp import split_sentences
from detente.records import Document
from detente.resolve.actors import ActorKB, DocumentActors
from tests.coding.test_participants import _coded


def test_a_rejection_with_no_recipient_named_answers_the_documents_other_side(coder: Coder) -> None:
    text = ("Pakistan accused Afghanistan of sheltering militants on Monday. Pakistan's army said the attackers "
            "came from Afghan soil. Afghanistan's foreign ministry rejected the allegations on Tuesday.")
    assert (2, "REJECT", ["AFG"], ["PAK"]) in _coded(coder, text)



def test_a_directed_act_is_aimed_at_the_one_other_country_the_sentence_names(coder: Coder) -> None:
    # "the decision" names nobody; Tokyo, the one other country the act's clause names, made it
    text = "China's foreign ministry denounced the decision after Tokyo released the water."
    assert _coded(coder, text) == [(0, "ACCUSE", ["CHN"], ["JPN"])]
    # a country named outside the act's clause is not whom it is aimed at
    text = "Skepticism grew among U.S. allies, leading South Korea to call for its own nuclear weapons."
    assert [(kind, targets) for _i, kind, _s, targets in _coded(coder, text)] == [("REQUEST", [])]



def test_a_country_inside_the_actors_own_phrase_is_not_the_other_side(coder: Coder) -> None:
    text = "Al-Shabab, a U.S.-designated terrorist group, claimed responsibility for the hotel attack."
    assert all("USA" not in targets for _i, kind, _s, targets in _coded(coder, text) if kind == "ASSAULT")



def test_in_a_story_about_one_country_its_own_actors_act_at_home(coder: Coder) -> None:
    text = ("Somalia's government declared a state of emergency. Somali officials said Somalia would fight on. "
            "Somalia's president visited Mogadishu. Somali troops and Kenyan police attacked the camp. "
            "The country's army denied the accusations.")
    assert (4, "REJECT", ["SOM"], ["SOM"]) in _coded(coder, text)



def test_a_sanction_naming_only_its_recipient_was_imposed_by_the_other_side(coder: Coder) -> None:
    assert _coded(coder, "New sanctions against Turkey are awaiting a vote in the U.S. Congress.") == [
        (0, "SANCTION", ["USA"], ["TUR"])]
    text = "Turkey bought Russian missiles last year. The United States warned Turkey. " \
           "Turkish officials were barred from entering the United States."
    assert (2, "SANCTION", ["USA"], ["TUR"]) in _coded(coder, text)



def test_an_intergovernmental_body_the_clause_names_is_the_other_side(coder: Coder) -> None:
    text = "Hungary declined to join the EU migrant-sharing plan on Monday."
    assert [(kind, sources, targets) for _i, kind, sources, targets in _coded(coder, text)] == [
        ("REJECT", ["HUN"], ["IGO"])]


def test_the_clause_of_a_word_is_its_verbs_subtree(nlp: Language) -> None:
    doc = nlp("Skepticism grew among U.S. allies, leading South Korea to call for its own nuclear weapons.")
    weapons = next(t for t in doc if t.text == "weapons")
    assert clause_text(weapons) == "to call for its own nuclear weapons"


def test_a_phrase_keeps_its_apposition_and_leaves_out_its_relative_clause(nlp: Language) -> None:
    doc = nlp("The shipping line, which the State Department has sanctioned, denied the charge.")
    line = next(t for t in doc if t.text == "line")
    assert "line" in phrase_text(line) and "State" not in phrase_text(line)
    doc = nlp("Al-Shabab, a U.S.-designated terrorist group, claimed the attack.")
    shabab = next(t for t in doc if t.text == "Shabab")
    assert "U.S.-designated" in phrase_text(shabab) and "attack" not in phrase_text(shabab)


def test_codes_in_counts_countries_and_bodies_but_not_outlets(kb: ActorKB) -> None:
    assert codes_in(kb, "Hungary declined to join the EU plan, Reuters reported.") == {"HUN", "IGO"}


def test_the_documents_two_countries_are_its_most_named_ties_by_code(kb: ActorKB) -> None:
    text = "Turkey warned Greece. Greece answered Turkey. France spoke."
    ctx = DocumentContext(doc=Document(id="d", text=text, published=dt.date(2024, 3, 1)),
                          sentences=split_sentences(text), actors=DocumentActors(), countries=set())
    assert document_dyad(kb, ctx) == ["GRC", "TUR"]
