"""Act words: what a report's trigger says about its act (a kind of act, a word without its inflection).

Two triggers that name two kinds of act (``data/triggers.yaml``: signing, restating) are two acts; two reports
that name their act with one word may be one act retold (docs/events.md, "Compatible" and "Linked").
"""

from __future__ import annotations

from functools import lru_cache

from detente import datafiles
from detente.clustering.features import norm


def _trigger_acts() -> dict[str, str]:
    """Trigger word -> the kind of act it names (``data/triggers.yaml``)."""
    return datafiles.inverted("detente.clustering", "data/triggers.yaml", "trigger_acts")


TRIGGER_ACTS = _trigger_acts()
# Inflectional endings stripped to compare two triggers as one word (``data/triggers.yaml``).
TRIGGER_ENDINGS: tuple[str, ...] = tuple(
    str(e) for e in datafiles.load("detente.clustering", "data/triggers.yaml")["endings"])


@lru_cache(maxsize=4096)
def trigger_act(trigger: str | None) -> str | None:
    """The kind of act the trigger's first word names ("reaffirmed their commitment": restate), if listed. Cached:
    every pair compared asks it of both triggers, and a large event compares its members pairwise
    (bench/README.md, "One more report of a large event")."""
    words = norm(trigger).split()
    return TRIGGER_ACTS.get(words[0]) if words else None


@lru_cache(maxsize=4096)
def act_word(trigger: str | None) -> str | None:
    """The trigger's first word without its inflection ("banned", "banning", "ban": "ban"), to tell whether two
    reports name their act with one word; None without a trigger."""
    words = norm(trigger).split()
    if not words:
        return None
    word = words[0]
    for ending in TRIGGER_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    while len(word) > 3 and word.endswith("e"):  # "agree", "agreed" -> "agr"
        word = word[:-1]
    return word

