"""The place another clause of an act's sentence lends it (``places.tied_clause``), read straight from the parse,
and the sentence's place mentions kept once per sentence for every act and clause that asks. Constructed
sentences."""

from __future__ import annotations

from spacy.language import Language

from detente.resolve.places.event import place_spans
from detente.resolve.places.tied_clause import tied_clause_place
from tests.resolve.conftest import find


def test_a_coordinated_clause_lends_its_place(nlp: Language) -> None:
    text = "Afghan commanders captured 40 Taliban fighters and were holding them at the nearby city of Jalalabad."
    found = tied_clause_place(*find(nlp(text), text, "captured"))
    assert found is not None and found.text == "Jalalabad"


def test_what_the_act_asks_lends_no_place(nlp: Language) -> None:
    text = "The Afghan president urged Pakistan to let Afghan refugees stay in Peshawar."
    assert tied_clause_place(*find(nlp(text), text, "urged")) is None


def test_a_sentences_place_spans_are_found_once(nlp: Language) -> None:
    doc = nlp("The ministers met in Beijing. Then they flew to Tokyo and Seoul.")
    first, second = list(doc.sents)
    assert place_spans(first) is place_spans(first)
    assert [s.text for s in place_spans(first)] == ["Beijing"]
    assert [s.text for s in place_spans(second)] == ["Tokyo", "Seoul"]
