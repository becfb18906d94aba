"""Text normalization shared by the knowledge-base loader and the resolver.

Aliases in the data files and spans in news text go through the same function, so "U.S.", "US", "Vice-president",
"Vice President", "Støre" and "Store" meet on the same key without a per-alias variant list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PUNCT = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u201c": '"',
        "\u201d": '"',
    }
)
# Dotted abbreviations first ("U.S." and "U.N." become the tokens "US", "UN"), then words (letters/digits with
# inner apostrophes: O'Brien, Xi'an), then the separators the resolver cares about (apposition commas, brackets).
_TOKEN = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?|[^\W_]+(?:'[^\W_]+)*|[,;()]", re.UNICODE)
SEPARATORS = frozenset({",", ";", "(", ")"})
POSSESSIVE = "'s"


def fold(text: str) -> str:
    """Unify quotes and dashes, strip diacritics (Støre -> Store, Erdoğan -> Erdogan)."""
    text = text.translate(_PUNCT)
    if text.isascii():
        return text
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    text = text.replace("ı", "i").replace("đ", "d").replace("Đ", "D").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Token:
    low: str  # lowercase form used for lookups
    orig: str  # folded original form (case kept) for case-sensitive abbreviations and capitalization tests
    start: int = 0  # character offsets in the folded text
    end: int = 0

    @property
    def capitalized(self) -> bool:
        return self.orig[:1].isupper()


def tokenize(text: str, folded: bool = False) -> list[Token]:
    """Tokens of ``text`` with the possessive split off: "China's" -> ["china", "'s"]. Offsets refer to
    ``fold(text)`` (``text`` itself when ``folded``)."""
    if not folded:
        text = fold(text)
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(0), m.start(), m.end()
        if "." in word:
            word = word.replace(".", "")
        if len(word) > 2 and word[-2:].lower() == "'s":
            base = word[:-2]
            out.append(Token(base.lower(), base, start, end - 2))
            out.append(Token(POSSESSIVE, POSSESSIVE, end - 2, end))
        else:
            out.append(Token(word.lower(), word, start, end))
    return out


def raw_words(folded: str) -> list[str]:
    """The regex matches ``tokenize`` starts from, before ``split_word``: for callers that memoize per word."""
    return _TOKEN.findall(folded)


def split_word(word: str) -> tuple[str, ...]:
    """The token(s) one regex match makes, in folded original case, as ``tokenize`` makes them: dots dropped
    ("U.S." -> "US"), a possessive split off ("China's" -> "China", "'s")."""
    if "." in word:
        word = word.replace(".", "")
    if len(word) > 2 and word[-2:].lower() == "'s":
        return word[:-2], POSSESSIVE
    return (word,)


def surface(text: str) -> list[str]:
    """Word tokens in their folded original case, possessives split, separators dropped: ``tokenize`` without
    offsets, for the many aliases compiled at load time."""
    out: list[str] = []
    for word in _TOKEN.findall(fold(text)):
        if word in SEPARATORS:
            continue
        if "." in word:
            word = word.replace(".", "")
        if len(word) > 2 and word[-2:].lower() == "'s":
            out.append(word[:-2])
            out.append(POSSESSIVE)
        else:
            out.append(word)
    return out


def key(text: str) -> str:
    """The lookup key of an alias: lowercase tokens joined by spaces, separators dropped."""
    return " ".join(surface(text)).lower()


def slug(text: str) -> str:
    return "-".join(key(text).replace("'", "").split())
