"""What a material act is done to, named as the subject of the passive, places it as the object of the active does
(issue 12, session 18): "Kharkiv was shelled", "two men in Kansas were shot". Constructed sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.records import Location
from detente.resolve.places import resolve_event_place


def struck_place(nlp: Language, text: str, trigger: str) -> Location | None:
    doc = nlp(text)
    return resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), patient=True)


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        ("Two Indian engineers in Kansas were shot by a gunman on Wednesday.", "shot", "Kansas"),
        ("Several villages in northern Kenya were attacked by militants overnight.", "attacked", "Kenya"),
        ("Gaza City was bombed by Israeli aircraft on Monday.", "bombed", "Gaza City"),
    ],
)  # fmt: skip
def test_the_passive_subject_places_a_material_act(nlp: Language, text: str, trigger: str, where: str) -> None:
    found = struck_place(nlp, text, trigger)
    assert found is not None and where in (found.text, found.name)


def test_the_passive_subject_of_another_verb_places_nothing(nlp: Language) -> None:
    text = "Two Indian engineers in Kansas were told that a gunman shot their colleague."
    assert struck_place(nlp, text, "shot") is None
