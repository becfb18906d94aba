"""A place the tagger calls a person, named as the name "of" a kind of place ("the Jewish settlement of Immanuel",
"the town of Qadim"), is a place as one named before an area noun is (issue 12, session 18). Constructed
sentences; a person "of" anything else stays a person."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.resolve.places import resolve_event_place
from detente.resolve.places.naming import _area_kind


def the_place(nlp: Language, text: str, trigger: str) -> str | None:
    doc = nlp(text)
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), patient=True)
    return found.name if found is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        ("Gunmen attacked a bus near the Jewish settlement of Immanuel on Wednesday.", "attacked", "Immanuel"),
        ("Two soldiers were killed in the village of Bakhmoud on Monday.", "killed", "Bakhmoud"),
    ],
)  # fmt: skip
def test_a_name_of_a_kind_of_place_is_a_place(nlp: Language, text: str, trigger: str, where: str) -> None:
    doc = nlp(text)
    name = next(e for e in doc.ents if e.text == where)
    if name.label_ in ("PERSON", "ORG"):  # the case this answers; a model that tags it a place needs no help
        assert _area_kind(name) is not None
    assert the_place(nlp, text, trigger) == where


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested the son of Mohammed Karimi in Kabul.",
        "A cousin of Ahmed Shah was arrested in Kabul.",
    ],
)
def test_a_person_of_no_kind_of_place_stays_a_person(nlp: Language, text: str) -> None:
    doc = nlp(text)
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    assert all(_area_kind(e) is None for e in persons)
