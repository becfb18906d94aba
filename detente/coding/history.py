"""An act dated to an age is history, no event: "photographs that depicted life under the Japanese occupation in
the early 20th century", "the kingdom fought the Portuguese during the 16th century". The guide codes acts of
parties in the news (a background act of the story included) and leaves out history before the modern states
(docs/labelling.md, the second draw's decisions). One of the guide's no-event conventions (``conventions``); the
nouns are data (``age_nouns`` in ``data/conventions.yaml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.syntax import clause_head, lemma

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate
    from detente.coding.convention_words import Conventions

__all__ = ["of_an_age"]


def of_an_age(cand: Candidate, conv: Conventions) -> bool:
    """The act's word or its clause's verb is dated "in"/"during" an ordinal age ("the early 20th century")."""
    act = cand.token
    return any(_dated_to_age(tok, conv) for tok in {act, clause_head(act)})


def _dated_to_age(tok: Token, conv: Conventions) -> bool:
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "throughout"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and lemma(obj) in conv.age_nouns and \
                    any(c.ent_type_ == "ORDINAL" or (c.tag_ == "JJ" and c.text[:1].isdigit()) for c in obj.children):
                return True
    return False
