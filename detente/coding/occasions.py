"""A meeting named as the occasion of another act: "rejected the bid during a cabinet meeting", "reached agreement
after seven days of talks", "told journalists after the meeting". The labels code the talks beside the act (the
guide: "a sentence carries as many events as it reports"), so the meeting is a second event of the sentence, not
background that ``decision`` drops for the main act.

Read from the parse only: a meeting noun under a preposition of circumstance (``circumstance_preps`` in
``decision.yaml``, the list the demand and threat rules use for "when"), or under a measure of it ("seven days of
talks"), or under "in" or "at" when the meeting names whom it was with ("in a meeting with publishers"), on a verb
in the past tense or a past participle: the act it was the occasion of was done ("hopes to resolve the pause
during talks Tuesday" tells of talks to come).

Hooked into ``candidates._candidate``'s prominence (the integrator's step; this module owns the test).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from detente.coding.compose import Coded
from detente.coding.lexicon import load_data
from detente.coding.triggers import Trigger

_DONE_TAGS = frozenset({"VBD", "VBN"})
_PLACE_PREPS = frozenset({"in", "at"})


@cache
def _circumstance_preps() -> frozenset[str]:
    """``decision.yaml``'s prepositions of circumstance, read from the data file, not through ``decision``, which
    ``candidates`` (this module's caller) is read by: importing it here would close a circle."""
    return frozenset(str(t) for t in load_data("decision.yaml")["circumstance_preps"])


def meeting_occasion(m: Trigger, coded: Coded) -> bool:
    """Whether the noun trigger ``m``, coded ``coded``, is a meeting named as the occasion of a done act."""
    if not m.nominal or coded.type != "CONSULT" or m.token.dep_ != "pobj":
        return False
    prep = _occasion_prep(m.token)
    if prep.dep_ != "prep" or prep.head.tag_ not in _DONE_TAGS:
        return False
    if prep.lower_ in _circumstance_preps():
        return True
    # "in a meeting with publishers, the officials said", "at a meeting with bankers he issued the appeal": a place
    # preposition names the occasion when the meeting names whom it was with
    return prep.lower_ in _PLACE_PREPS and (coded.mode == "phone" or
                                            any(c.dep_ == "prep" and c.lower_ == "with" for c in m.token.children))


def _occasion_prep(noun: Token) -> Token:
    """The preposition the meeting hangs on, through a measure of it: "after seven days of talks"."""
    prep = noun.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":
        return prep.head.head
    return prep
