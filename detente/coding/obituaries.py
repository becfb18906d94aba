"""An obituary is no news of events: the guide leaves obituaries uncoded (docs/labelling.md, the sixth draw's
decisions: "sport, weather, bushfires, economics, science and obituaries"; the ninth draw's: "accidents, ...,
sport, obituaries, lifestyle and business news"). A life's story is told in verbs the lexicon reads as acts ("he
helped organise the visit of the Pope", "hosting the Pontiff", "thanked everyone who supported him", "has
apologised"), and none of them is an act between parties reported as news.

A story is an obituary when its first sentence reports a death in its main clause ("The death has occurred of
Bishop X", "Sir Nigel Hawthorne ... died Wednesday from a heart attack aged 72") and names no violence, no custody
and no accident (``obituary_violence``): "a gunman has died after a shooting rampage", "a boy who died in custody",
"a siege in which 200 people died" are news. Read from the document's text (``conventions.screen``).

Its title says it too, where the first sentence opens on the life rather than its end ("Alan Simpson formed, with
Ray Galton, one of the great ... partnerships" under "Obituary: Alan Simpson"): a title labelled an obituary, or
one that reports a death with the age it came at ("Chuck Berry dies aged 90", "Poet Derek Walcott Dead At 87"),
with no violence, custody or accident in it. An age is the mark of a life's end: "Iraq says key Islamic State
leader is dead" and "One dead in Oakland building fire" are news."""

from __future__ import annotations

import re
from functools import lru_cache

from detente.coding.convention_words import Conventions
from detente.coding.opinions import title_label

__all__ = ["obituary"]

_FIRST = re.compile(r"^.*?[.!?][\"'”’)]*(?:\s|$)", re.DOTALL)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|how|when|where)\b", re.IGNORECASE)


def obituary(document: str, conv: Conventions, title: str | None = None) -> bool:
    """Whether ``document`` is a life's story: its title says so, or it opens on a death by no one's hand (its
    first sentence reports one in its main clause and names no violence, custody or accident)."""
    if title and _obituary_title(title, conv):
        return True
    return bool(document) and _obituary(document[:600], conv)


@lru_cache(maxsize=4)
def _obituary_title(title: str, conv: Conventions) -> bool:
    """A title labelled an obituary ("Obituary: Alan Simpson"), or reporting a death at an age ("X dies aged 90"),
    naming no violence."""
    text = title.lower()
    if _violence_words(conv).search(text):
        return False
    return title_label(title) in conv.obituary_labels or bool(_title_death(conv).search(text))


@lru_cache(maxsize=2)
def _title_death(conv: Conventions) -> re.Pattern[str]:
    deaths = "|".join(re.escape(w) for w in sorted(conv.obituary_title_deaths, key=len, reverse=True))
    return re.compile(rf"\b(?:{deaths}),?\s+(?:aged?\s+|at\s+(?:the\s+age\s+of\s+)?)?\d{{1,3}}\b")


@lru_cache(maxsize=4)
def _obituary(opening: str, conv: Conventions) -> bool:
    m = _FIRST.match(opening)
    lede = (m.group(0) if m else opening).lower()
    death = _death_words(conv).search(lede)
    if death is None or _RELATIVE.search(lede[:death.start()]):
        return False  # no death, or one told in a relative clause ("a siege in which 200 people died")
    return not _violence_words(conv).search(lede)


@lru_cache(maxsize=2)
def _death_words(conv: Conventions) -> re.Pattern[str]:
    return _words(conv.obituary_deaths)


@lru_cache(maxsize=2)
def _violence_words(conv: Conventions) -> re.Pattern[str]:
    return _words(conv.obituary_violence)


def _words(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
