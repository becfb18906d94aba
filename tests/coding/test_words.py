"""The word tests the rules share (coding/words.py)."""

from __future__ import annotations

from spacy.language import Language

from detente.coding.words import looks_like_actor, named_actor


def test_a_named_actor_is_a_participant_named_outright(nlp: Language) -> None:
    doc = nlp("Norway criticised them over the storm.")
    norway, them, storm = doc[0], doc[2], doc[5]
    assert named_actor(norway) is norway
    assert looks_like_actor(them) and named_actor(them) is None  # a pronoun only points back
    assert named_actor(storm) is None  # a thing
    assert named_actor(None) is None
