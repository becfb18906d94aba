"""Sport news is no event: the guide leaves sport, weather, bushfires and obituaries uncoded (docs/labelling.md, the
sixth draw's decisions), and a game's words are trigger words ("Welsh was the first swimmer eliminated", "beat
fellow Australian Michael Klim", "the captain has supported fast bowler Brett Lee", "faces a possible ban").

A sentence is sport news when two different words only sport uses (``sport_words`` in ``data/conventions.yaml``)
stand in two or more of the sentences from two before it to two after it: a passage of a story about a game. One
word, even repeated ("the Peking University Table Tennis Team's visit to the US", an exchange the guide codes), is
not enough; nor is one sentence that names a game ("jailed 52 separatists for playing in a football tournament":
the jailing is politics); and a sport passage does not silence the rest of a document that turns to other news.
Read from the document's text (``conventions.screen``); a sentence not found in it is judged no sport."""

from __future__ import annotations

import re
from functools import lru_cache

from detente.coding.convention_words import Conventions

__all__ = ["amid_sport"]

_REACH = 2  # sentences either side
# A sentence's end, roughly: enough to count sentences around one, not to split them for parsing.
_ENDS = re.compile(r"[.!?][\"'”’)]*\s+")


def amid_sport(sentence: str, document: str, conv: Conventions) -> bool:
    """Whether ``sentence`` of ``document`` (or of itself, when the document is not given) is sport news: two
    different sport words over two or more sentences of its window."""
    text = document or sentence
    pieces = _pieces(text)
    at = text.find(sentence.strip()[:80])
    if at < 0:
        return False
    k = next((n for n, (start, end) in enumerate(pieces) if start <= at < end), len(pieces) - 1)
    found = [_sport_words(text[s:e], conv) for s, e in pieces[max(0, k - _REACH):k + _REACH + 1]]
    return len(set().union(*found)) >= 2 and sum(1 for words in found if words) >= 2


@lru_cache(maxsize=4)
def _pieces(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans of a text, by its full stops."""
    out, start = [], 0
    for m in _ENDS.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _sport_words(text: str, conv: Conventions) -> set[str]:
    """The sport words in ``text``, each once whether singular or plural ("yacht", "yachts")."""
    return {m.group(1).lower() for m in _pattern(conv).finditer(text)}


@lru_cache(maxsize=2)
def _pattern(conv: Conventions) -> re.Pattern[str]:
    words = sorted(conv.sport_words, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(?:s|es)?\b", re.IGNORECASE)
