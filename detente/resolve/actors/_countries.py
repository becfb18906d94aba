"""Which countries a text names: ``ActorKB.countries_in`` without building a ``Span``.

The coder's prefilter asks this of nearly every sentence before anything is parsed, so it must be cheap. The
answer must still be the one a full ``Scanner.scan`` gives: the same greedy longest match over *every* key (a
longer key that names no country still swallows the words it covers, and an agent or office word after a body
makes that body a portfolio, "Serbian Labour Minister"), the same case and acronym rules and the same one-edit
spelling correction. Left out is everything only ``resolve`` needs: ``Item`` objects, offsets, apposition zones.
Per-token work is kept small by remembering, per word as written, everything that does not depend on its
neighbours (its tokens, the longest key it can start, what it means alone, its spelling correction), and per key
as written what that key tells; a longer key is tried only while the words so far begin some key.

(A cheaper exit for sentences with no word that can begin a country key was measured and dropped: with surnames,
places and common words such as "new" among the keys' first words, under 3% of sentences could take it.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from ._data import NON_STATE
from ._fuzzy import FUZZY_MIN
from ._index import COUNTRY_KINDS, PROPER_KINDS, Index, Lex
from ._span import Scanner
from ._text import POSSESSIVE, SEPARATORS, fold, key, raw_words, split_word

_ACRONYM_NAMES = frozenset({"surname", "person"})
_TITLES = frozenset({"agent", "office"})
# Memo sizes: cleared rather than evicted when full; news vocabulary recurs, so a long run rarely gets there.
_WORDS_MAX = 200_000
_KEYS_MAX = 200_000
# texts whose answer ``named_in`` keeps: a document's sentences are asked twice (the prefilter's actor test, then
# the document's two main countries in coding), a third of the VOA corpus's questions repeat an earlier one
_TEXTS_MAX = 20_000


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one scanned item tells ``countries_in``: the states it names, and what the portfolio rule asks of it
    and of its neighbours."""

    codes: frozenset[str]  # states named (NON_STATE codes already removed)
    body: bool  # a "body" reading: possibly a portfolio ("Labour" in "Serbian Labour Minister")
    place: bool  # a COUNTRY_KINDS reading, whatever its code: may say whose portfolio it is
    title: bool  # an agent or office reading: makes a body just before it a portfolio
    bodies: frozenset[str] = frozenset()  # non-state codes named (IGO ...): not countries, but actors of events
    press: bool = False  # its states come from a news outlet alone ("told VOA", "Reuters reported")
    # its states come from one person's surname alone: that person's name words ("david", "cameron"), so that
    # the surname inside another full name ("Doug Cameron") names no country (``_other_person``)
    surname_of: frozenset[str] | None = None
    # its states come from a word that is also a known person's surname, with an outlet's or a firm's name
    # beside it ("Fox": Vicente Fox, Fox News): that person's name words, so that "Lindsay Fox" names no country
    namesake: frozenset[str] | None = None


_NOTHING = _Reading(frozenset(), False, False, False)


@dataclass(frozen=True, slots=True)
class _Token:
    """One token and what the scan needs of it that its neighbours cannot change."""

    low: str
    orig: str  # folded, case kept
    longest: int  # tokens of the longest key that may start here (0: none, or a separator or possessive)
    alone: _Reading  # its reading when no longer key starting here matches (spelling correction included)
    sep: bool = False  # "," ";" "(" ")": an item of its own, and no key spans it
    poss: bool = False  # "'s": never an item
    unknown: bool = False  # a lowercase long word unknown as spelled: corrected only if a portfolio asks
    name: bool = False  # a capitalized word no entry explains, or a surname only: a word of a person's name


class CountryFinder:
    """``countries_in`` for one index; its memos assume the index does not change after loading (it does not)."""

    def __init__(self, index: Index, scanner: Scanner) -> None:
        self._ix = index
        self._scanner = scanner  # for its spelling corrector, built on first use and shared with ``resolve``
        self._words: dict[str, tuple[_Token, ...]] = {}
        self._keys: dict[str, _Reading | None] = {}
        self._texts: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        # word-boundary prefixes of multi-word keys: a window is extended only while it could still become a key
        self._prefixes = frozenset(_prefixes(index.lex))
        self._prefixes_cs = frozenset(_prefixes(index.lex_cs))

    def countries_in(self, text: str, press: bool = True) -> set[str]:
        return self.named_in(text, press)[0]

    def named_in(self, text: str, press: bool = True) -> tuple[set[str], set[str]]:
        """The countries ``text`` names, and the non-state actors' codes it names ("the UN" IGO), in one scan;
        remembered per text (new sets every time: callers may change theirs). ``press=False`` leaves out the
        countries only a news outlet gives ("told VOA", "Reuters reported"): the outlet reports, it is not a
        party to what it reports."""
        try:
            countries, bodies, outlets = self._texts[text]
        except KeyError:
            countries, bodies, outlets = self._scan(text)
            if len(self._texts) >= _TEXTS_MAX:
                self._texts.clear()
            self._texts[text] = countries, bodies, outlets
        return set(countries if press else countries - outlets), set(bodies)

    def _scan(self, text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        words = self._words
        toks = [t for w in raw_words(fold(text)) for t in (words.get(w) or self._learn(w))]
        readings, unknown, starts = self._read(toks)
        out: set[str] = set()
        bodies: set[str] = set()
        outlets: set[str] = set()
        others: set[str] = set()
        for k, r in enumerate(readings):
            if r.codes and not (r.body and self._portfolio(readings, unknown, k)) and \
                    not _other_person(r, toks, starts[k]):
                out |= r.codes
                (outlets if r.press else others).update(r.codes)
            bodies |= r.bodies
        # a country the text also names otherwise is named, outlet or not
        return frozenset(out), frozenset(bodies), frozenset(outlets - others)

    def _portfolio(self, readings: list[_Reading], unknown: dict[int, str], k: int) -> bool:
        """ "Serbian Labour Minister": a body name between a demonym or country and an agent or office word is
        the office's portfolio, not the body (the British Labour Party); the demonym says whose."""
        if k == 0 or k + 1 >= len(readings) or not readings[k - 1].place:
            return False
        if readings[k + 1].title:
            return True
        word = unknown.get(k + 1)
        if word is None:
            return False
        # a lowercase correction keeps only common readings: an agent word ("Labour ministre") or nothing
        fixed = self._scanner.fuzzy.correct(word, proper=False)
        return fixed is not None and any(lx.kind in _TITLES for lx in self._ix.lex.get(fixed, ()))

    # ------------------------------------------------------------------ the scan
    def _read(self, toks: list[_Token]) -> tuple[list[_Reading], dict[int, str], list[int]]:
        """``Scanner.scan``'s items as readings, the items that are a lowercase unknown word (by position), and the
        token each item starts at."""
        readings: list[_Reading] = []
        unknown: dict[int, str] = {}
        starts: list[int] = []
        n_tok = len(toks)
        i = 0
        while i < n_tok:
            t = toks[i]
            if t.longest > 1:
                longer = self._longer(toks, i, min(i + t.longest, n_tok))
                if longer is not None:
                    readings.append(longer[0])
                    starts.append(i)
                    i = longer[1]
                    continue
            i += 1
            if t.poss:
                continue
            if t.unknown:
                unknown[len(readings)] = t.low
            readings.append(t.alone)
            starts.append(i - 1)
        return readings, unknown, starts

    def _longer(self, toks: list[_Token], i: int, end: int) -> tuple[_Reading, int] | None:
        """The longest key of two or more tokens starting at ``i`` (and ending by ``end``) that keeps a reading
        under the case rules, with the position after it."""
        lex, lex_cs = self._ix.lex, self._ix.lex_cs
        prefixes, prefixes_cs = self._prefixes, self._prefixes_cs
        t = toks[i]
        k_low, k_cs = t.low, t.orig
        best: tuple[_Reading, int] | None = None
        for m in range(i + 1, end):
            x = toks[m]
            if x.sep:
                break  # no key spans a separator
            k_low = f"{k_low} {x.low}"
            k_cs = f"{k_cs} {x.orig}"
            if k_low in lex or k_cs in lex_cs:
                reading = self._key_reading(k_cs, k_low, toks[i : m + 1])
                if reading is not None:
                    best = (reading, m + 1)
            if k_low not in prefixes and k_cs not in prefixes_cs:
                break
        return best

    def _key_reading(self, k_cs: str, k_low: str, toks: Sequence[_Token]) -> _Reading | None:
        """The reading of a key as written (None: no reading survives the case rules). Remembered by ``k_cs``:
        the case and acronym tests depend only on the words as written, which it spells out."""
        try:
            return self._keys[k_cs]
        except KeyError:
            pass
        cs_lexes = list(self._ix.lex_cs.get(k_cs, ()))
        lexes = cs_lexes + self._ix.lex.get(k_low, [])
        cap = any(t.orig[:1].isupper() for t in toks)
        if all(t.orig.isupper() and len(t.orig) <= 3 for t in toks):
            # an acronym in capitals ("AI") is not a name written in capitals (Ai Weiwei)
            lexes = [lx for lx in lexes if lx.kind not in _ACRONYM_NAMES or lx in cs_lexes]
        found = [lx for lx in lexes if cap or lx.kind not in PROPER_KINDS]  # no date: every place is current
        reading = self._reading(found, k_low) if found else None
        if len(self._keys) >= _KEYS_MAX:
            self._keys.clear()
        self._keys[k_cs] = reading
        return reading

    def _learn(self, word: str) -> tuple[_Token, ...]:
        """The tokens of one regex match of the text, with all that the scan can know of them alone."""
        toks = tuple(self._token(orig) for orig in split_word(word))
        if len(self._words) >= _WORDS_MAX:
            self._words.clear()
        self._words[word] = toks
        return toks

    def _token(self, orig: str) -> _Token:
        low = orig.lower()
        if low in SEPARATORS:
            return _Token(low, orig, 0, _NOTHING, sep=True)
        if low == POSSESSIVE:
            return _Token(low, orig, 0, _NOTHING, poss=True)
        longest = max(self._ix.first.get(low, 0), self._ix.first_cs.get(orig, 0))
        lexes = self._ix.lex_cs.get(orig, []) + self._ix.lex.get(low, [])
        name = orig[:1].isupper() and orig.isalpha() and len(orig) > 1 and \
            all(lx.kind == "surname" for lx in lexes) and low not in self._ix.particles.joins
        if longest and (low in self._ix.lex or orig in self._ix.lex_cs):
            alone = self._key_reading(orig, low, (_Token(low, orig, longest, _NOTHING),))
            if alone is not None:
                return _Token(low, orig, longest, alone, name=name)
        # unknown as spelled: "Ethopia" may be a one-edit misspelling of a long name
        if len(low) < FUZZY_MIN or not low.isalpha():
            return _Token(low, orig, longest, _NOTHING, name=name)
        if not orig[:1].isupper():
            return _Token(low, orig, longest, _NOTHING, unknown=True)
        fixed = self._scanner.fuzzy.correct(low, proper=True)
        lexes = self._ix.lex.get(fixed, []) if fixed is not None else []
        return _Token(low, orig, longest, self._reading(lexes, low) if lexes else _NOTHING, name=name)

    # ------------------------------------------------------------------ what readings name
    def _reading(self, lexes: list[Lex], low: str) -> _Reading:
        """``countries_in``'s rule for one item: country words give their code, a person or body its (latest)
        country, a surname only when a single person bears it and it is not a common one."""
        owners = {lx.entity.id for lx in lexes if lx.kind == "surname" and lx.entity is not None}
        unique_surname = len(owners) == 1 and low not in self._ix.weak_surnames
        codes: set[str] = set()
        press = True
        for lx in lexes:
            if lx.kind in COUNTRY_KINDS and lx.code:
                codes.add(lx.code)
                press = False
            elif lx.entity is not None and (lx.kind in ("person", "body") or (lx.kind == "surname" and unique_surname)):
                t = lx.entity.latest()
                codes.add(t.country if t and t.country else lx.entity.country)
                press = press and lx.kind == "body" and ((t.sector if t else None) or lx.entity.sector) == "JRN"
        own = frozenset(w for e in (lx.entity for lx in lexes if lx.kind == "surname") if e is not None
                        for w in key(e.name).split())
        surname_of = own if unique_surname and all(
            lx.kind == "surname" or lx.entity is None and lx.kind not in COUNTRY_KINDS for lx in lexes) else None
        namesake = own if owners and all(lx.kind in ("surname", "body") for lx in lexes) else None
        return _Reading(
            codes=frozenset(codes - NON_STATE),
            bodies=frozenset(codes & NON_STATE),
            body=any(lx.kind == "body" for lx in lexes),
            place=any(lx.kind in COUNTRY_KINDS for lx in lexes),
            title=any(lx.kind in _TITLES for lx in lexes),
            press=press and bool(codes - NON_STATE),
            surname_of=surname_of,
            namesake=namesake,
        )


def _other_person(r: _Reading, toks: list[_Token], start: int) -> bool:
    """Is a one-word reading a word of another person's full name, which names no country (as ``resolve``
    decides, ``_persons.surnamed_person``)? A person's full name is one name: "Doug Cameron" is not David
    Cameron, "Lindsay Fox" not Fox News, "Solomon Lew" (a name the spelling corrector reads as the Solomons)
    not the Solomon Islands. The word before must be a name word that is not the known person's own, nor a
    function word capitalized to open a sentence ("But Cameron said"). Only a word read by the spelling
    corrector alone opens another's name: a country, city or outlet before a name says whose ("Sydney Test",
    "American Ed Moses"), and a known surname as a given name ("Warren Truss") was measured and not kept."""
    own = r.surname_of if r.surname_of is not None else r.namesake
    here = toks[start]
    if own is None and not (here.name and r is here.alone):
        return False
    own = own or frozenset()
    if start >= 1 and _name_of_other(toks[start - 1], own):
        return True
    opens = r.surname_of is None and r.namesake is None  # a word read only by the spelling corrector
    return opens and here.name and r is here.alone and start + 1 < len(toks) and \
        _name_of_other(toks[start + 1], own)


def _name_of_other(tok: _Token, own: frozenset[str]) -> bool:
    """Is ``tok`` a word of a person's name that is not one of ``own`` (the known person's name words)?"""
    return tok.name and tok.low not in own and tok.low not in STOP_WORDS


def _prefixes(table: dict[str, list[Lex]]) -> set[str]:
    """Every proper word-boundary prefix of the multi-word keys: "united states of" for "united states of america"."""
    out: set[str] = set()
    for k in table:
        words = k.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words)))
    return out
