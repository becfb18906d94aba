"""Named entities from rules — dates, numbers and names — instead of the model's statistical NER.

The small English model's NER is the dearest part of its pipeline (an embedding layer of its own and a
transition system over every token: about half the parse), while event coding reads only a few labels from it.
Here dates, times and amounts come from token patterns run by spaCy's compiled ``Matcher``; names are the
tagger's proper-noun runs, typed by what the actor knowledge base and the gazetteer know about them (the
caller passes both in as plain functions, so this layer does not depend on them). Names nobody listed are typed
by their head word ("... Ministry" ORG, "... Strait" LOC, "... Airport" FAC) and are people otherwise. Labels
follow OntoNotes (PERSON NORP ORG GPE LOC FAC EVENT DATE TIME CARDINAL ORDINAL MONEY PERCENT), so code reading
``ent_type_`` works with either source. Word tables live in ``data/entities.yaml``; month names come from the one
month table (``detente/resolve/date_data/calendar.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from spacy.vocab import Vocab

from detente import datafiles
from detente.readers.dates import MONTH_FORMS

DATA = ("detente.nlp", "data/entities.yaml")
FACTORY = "detente_rule_entities"

# (start, end, label) character spans of a text: label "" marks known words that are not names (titles)
NameLabeller = Callable[[str], list[tuple[int, int, str]]]
PlaceLabeller = Callable[[str], str | None]

_NAME_TAGS = ["NNP", "NNPS"]
_REACH = 7  # longest date, time or amount pattern (tokens), counted from the anchor word it must contain
_MAX_KNOWN = 100_000  # memoized name stretches
# "1st" ... "200th": a set lookup, far cheaper in the matcher than a regular expression on every token
_NUMBER_ORDINALS = [f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
                    for d in range(1, 201)]
_DAY_ORDINALS = _NUMBER_ORDINALS[:31]
_DECADES = [f"{y}s" for y in range(1800, 2100, 10)]  # "the 1990s"
_WORDS = re.compile(r"'s|[\w.]+|[^\w\s]")  # how the tokenizer splits the multi-word entries of the tables
_YEARS = range(1800, 2101)
# Pattern keys in the order they win overlaps; within one key the longest match wins.
_PRIORITY = ("MONEY", "PERCENT", "TIME", "DATE", "ORDINAL", "NAME", "CARDINAL")


@dataclass(frozen=True, slots=True)
class EntityWords:
    """The word lists of ``data/entities.yaml``, lowercase."""

    lists: dict[str, list[str]]

    def __getitem__(self, key: str) -> list[str]:
        return self.lists[key]

    def set(self, key: str) -> frozenset[str]:
        return frozenset(self.lists[key])


def month_words() -> list[str]:
    """Month names and abbreviations, the abbreviations also with a full stop ("Jan.", "Sept.")."""
    abbreviations = [a for forms in MONTH_FORMS for a in forms[1:]]
    return [*(forms[0] for forms in MONTH_FORMS), *abbreviations, *(f"{a}." for a in abbreviations)]


@cache
def load_entity_words(path: Path | None = None) -> EntityWords:
    """The bundled word tables, or a file of the same shape; ``months`` defaults to the one month table."""
    raw = datafiles.load(*DATA) if path is None else datafiles.load_file(path, as_type=".yaml")
    lists = {k: [str(w).lower() for w in v] for k, v in raw.items()}
    lists.setdefault("months", month_words())
    return EntityWords(lists)


_TokenPattern = dict[str, Any]  # one token of a Matcher pattern


def _in(words: list[str], **extra: Any) -> _TokenPattern:
    return {"LOWER": {"IN": words}, **extra}


def _bridge_words(w: EntityWords) -> list[str]:
    """Words that join two proper-noun runs into one name ("Ministry of Commerce", "Xi 's")."""
    return [*w["bridges"], "-", "–", "'s"]


def _patterns(w: EntityWords) -> dict[str, list[list[_TokenPattern]]]:
    """Token patterns per key. Optional pieces ("?") let one pattern cover "March", "March 3" and "March 3,
    2024"; the matcher keeps the longest match of each key."""
    month = _in(w["months"], TAG="NNP")
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    day_th = {"LOWER": {"IN": _DAY_ORDINALS}}
    year = {"SHAPE": "dddd"}
    decade = {"LOWER": {"IN": _DECADES}}
    rel = _in(w["relative"])
    unit = _in(w["units"])
    count = {"LOWER": {"IN": w["counters"]}} | {"OP": "+"}
    num = {"LIKE_NUM": True}
    shift = _in(w["shifts"])
    dash = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}
    weekday = _in(w["weekdays"], IS_TITLE=True)
    ordinal = {"LOWER": {"IN": w["ordinals"]}}
    tod = _in(w["times_of_day"])
    mag = _in(w["magnitudes"], OP="?")
    date: list[list[_TokenPattern]] = [
        [month, {**day, "OP": "?"}],
        [month, day, {"ORTH": ","}, year],
        [month, day_th],
        [month, {"ORTH": ",", "OP": "?"}, year],
        [day, month, {**year, "OP": "?"}],
        [{"LOWER": {"IN": [*w["ordinals"]]}, "OP": "?"}, day_th, {"LOWER": "of"}, month],
        [shift, dash, {**rel, "OP": "?"}, weekday],
        [weekday],
        [rel, {**num, "OP": "?"}, unit],
        [rel, {"LOWER": {"IN": w["counters"]}}, unit],
        [shift, rel, unit],
        [shift, dash, year],
        [shift, dash, month],
        [_in(w["parts"]), {"LOWER": "of"}, {"LOWER": {"IN": ["the", *w["relative"]]}, "OP": "?"}, unit],
        [_in(w["parts"]), {"LOWER": "of"}, year],
        [_in(w["parts"]), {"LOWER": "of"}, month],
        [ordinal, unit],
        [num, unit, _in(w["after_duration"], OP="?")],
        [count, unit, _in(w["after_duration"], OP="?")],
        [_in(w["deictic"])],
        [decade],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["weekend", "holidays"]}}],
        [year],
        *([*({"LOWER": word} for word in _WORDS.findall(holiday))] for holiday in w["holidays"]),
    ]
    time: list[list[_TokenPattern]] = [
        [{"SHAPE": {"IN": ["d:dd", "dd:dd"]}}, _in(w["clock"], OP="?")],
        [num, _in(w["clock"])],
        [_in([*w["deictic"], "this", "last", "next", *w["weekdays"]]), tod],
        [{"LOWER": "tonight"}],
    ]
    money: list[list[_TokenPattern]] = [
        [{"ORTH": {"IN": w["currency_symbols"]}}, {**num, "OP": "+"}, mag],
        [{**num, "OP": "+"}, mag, _in(w["currency_words"])],
    ]
    percent: list[list[_TokenPattern]] = [
        [num, _in(["%", "percent"])],
        [num, {"LOWER": "per"}, {"LOWER": "cent"}],
    ]
    name_tok = {"TAG": {"IN": _NAME_TAGS}, "OP": "+"}
    adj_name = {"TAG": "JJ", "IS_TITLE": True, "OP": "?"}  # "Chinese", "American": a demonym before a name
    bridge = {"LOWER": {"IN": _bridge_words(w)}}
    the_in = {"LOWER": "the", "OP": "?"}
    name: list[list[_TokenPattern]] = [
        [adj_name, name_tok],
        [{"TAG": "JJ", "IS_TITLE": True}],
        [adj_name, name_tok, bridge, the_in, name_tok],
        [adj_name, name_tok, bridge, the_in, name_tok, bridge, the_in, name_tok],
    ]
    return {
        "MONEY": money, "PERCENT": percent, "TIME": time, "DATE": date,
        "ORDINAL": [[ordinal], [{"LOWER": {"IN": _NUMBER_ORDINALS}}]],
        "NAME": name,
        "CARDINAL": [[{**num, "TAG": "CD", "OP": "+"}, mag]],
    }  # fmt: skip


class RuleEntities:
    """A pipeline component that sets ``doc.ents`` from rules; it needs the tagger's tags, not the parse. The
    name and place labellers are set after construction (``set_labellers``): they are functions over the
    knowledge base and the gazetteer, which spaCy's config system cannot carry."""

    def __init__(self, vocab: Vocab, label_names: NameLabeller | None = None,
                 label_place: PlaceLabeller | None = None, words: EntityWords | None = None) -> None:
        self.words = words or load_entity_words()
        self._label_names: NameLabeller = label_names or _unset
        self._label_place: PlaceLabeller = label_place or _unset
        self._known: dict[str, list[tuple[int, int, str]]] = {}
        # Names are looked for everywhere; dates, times and amounts only in sentences with a word they need
        # (a number, a month, "week", "yesterday", ...): most patterns test a word list on every token.
        self._names_matcher = Matcher(vocab)
        self._amounts_matcher = Matcher(vocab)
        for key, patterns in _patterns(self.words).items():
            matcher = self._names_matcher if key == "NAME" else self._amounts_matcher
            matcher.add(key, patterns, greedy="LONGEST")
        w = self.words
        anchors = {*w["months"], *w["weekdays"], *w["units"], *w["deictic"], *w["times_of_day"], *w["ordinals"],
                   *w["percent"], *w["currency_symbols"], *w["currency_words"], "tonight", "holidays",
                   *_NUMBER_ORDINALS, *_DECADES,
                   *(word for holiday in w["holidays"] for word in _WORDS.findall(holiday))}
        self._anchors = numpy.array(sorted(vocab.strings.add(a) for a in anchors), dtype=numpy.uint64)
        self._name_tags = numpy.array([vocab.strings.add(t) for t in _NAME_TAGS], dtype=numpy.uint64)
        self._adjective = vocab.strings.add("JJ")
        self._name_bridges = numpy.array(sorted(vocab.strings.add(w) for w in [*_bridge_words(self.words), "the"]),
                                         dtype=numpy.uint64)
        self._clock_shapes = numpy.array([vocab.strings.add(s) for s in ("d:dd", "dd:dd")], dtype=numpy.uint64)
        self._rank = {vocab.strings[k]: i for i, k in enumerate(_PRIORITY)}
        self._key_label = {vocab.strings[k]: k for k in _PRIORITY}
        self._org = self.words.set("org_words")
        self._loc = self.words.set("loc_words")
        self._fac = self.words.set("fac_words")
        self._event = self.words.set("event_words")
        self._groups = self.words.set("groups")
        self._languages = self.words.set("languages")
        self._heads = self._org | self._loc | self._fac | self._event
        self._bridges = self.words.set("bridges") | {"-", "–", "the", "'s"}
        self._months = self.words.set("months")
        self._weekdays = self.words.set("weekdays")

    def set_labellers(self, label_names: NameLabeller, label_place: PlaceLabeller) -> None:
        self._label_names = label_names
        self._label_place = label_place
        self._known.clear()

    def _known_names(self, text: str) -> list[tuple[int, int, str]]:
        """The name labeller's answer, memoized per stretch of text (news repeats its names; the knowledge
        base does not change while the pipeline runs). Bounded: cleared when full."""
        found = self._known.get(text)
        if found is None:
            if len(self._known) >= _MAX_KNOWN:
                self._known.clear()
            found = self._known[text] = self._label_names(text)
        return found

    def __call__(self, doc: Doc) -> Doc:
        return self._label(doc, *self._windows([doc])[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """``nlp.pipe`` hands batches: the word tests run once over a whole batch's tokens."""
        for batch in minibatch(docs, size=batch_size):
            for doc, windows in zip(batch, self._windows(batch), strict=True):
                yield self._label(doc, *windows)

    def _label(self, doc: Doc, name_windows: list[tuple[int, int]], amount_windows: list[tuple[int, int]]) -> Doc:
        matches = []
        for matcher, windows in ((self._names_matcher, name_windows), (self._amounts_matcher, amount_windows)):
            for s, e in windows:
                matches += [(key, s + a, s + b) for key, a, b in matcher(doc[s:e])]
        found = sorted(matches, key=lambda m: (self._rank[m[0]], m[1] - m[2], m[1]))
        taken = bytearray(len(doc))
        spans: list[Span] = []
        for key, start, end in found:
            if any(taken[start:end]):
                continue
            label = self._key_label[key]
            if label == "NAME":
                new = [self._name_with_article(doc, span, taken) for span in self._names(doc, start, end)]
            elif label == "DATE":
                if not self._plausible_date(doc, start, end):
                    continue
                new = [Span(doc, self._with_article(doc, start, taken), end, label=label)]
            else:
                new = [Span(doc, start, end, label=label)]
            for span in new:
                taken[span.start:span.end] = b"\x01" * len(span)
                spans.append(span)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    def _windows(self, docs: Sequence[Doc]) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
        """Per document, the token windows the name patterns and the amount patterns can match in, found for a
        whole batch in one vectorized test: the compiled matcher still tests every pattern on every token it
        sees, and most tokens can start neither.

        - Names: a name match is made only of proper nouns, capitalized adjectives ("Chinese"), bridge words
          ("of", "'s", "-") and "the", and holds a proper noun or a capitalized adjective: the maximal runs of
          such tokens that hold one.
        - Dates, times and amounts: every such pattern contains an anchor (a number, a month, "week",
          "yesterday", ...) and is at most ``_REACH`` tokens long: the tokens around the anchors."""
        if not docs:
            return []
        arr = numpy.concatenate([doc.to_array(["LOWER", "LIKE_NUM", "SHAPE", "TAG", "IS_TITLE"]).reshape(-1, 5)
                                 for doc in docs])
        anchor = (arr[:, 1] != 0) | numpy.isin(arr[:, 0], self._anchors) | numpy.isin(arr[:, 2], self._clock_shapes)
        core = numpy.isin(arr[:, 3], self._name_tags) | ((arr[:, 3] == self._adjective) & (arr[:, 4] != 0))
        member = core | numpy.isin(arr[:, 0], self._name_bridges)
        out: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
        offset = 0
        for doc in docs:
            end = offset + len(doc)
            out.append((_runs(member[offset:end], core[offset:end]), _around(anchor[offset:end])))
            offset = end
        return out

    @staticmethod
    def _free_article(doc: Doc, start: int, taken: bytearray) -> bool:
        """A "the" right before ``start`` that no other entity holds."""
        return start > 0 and not taken[start - 1] and doc[start - 1].lower_ == "the"

    def _name_with_article(self, doc: Doc, span: Span, taken: bytearray) -> Span:
        """"the United Nations", "the Taiwan Strait", "the United States" take their article, as OntoNotes
        (the model's training data) marks them; people, peoples and one-word countries do not ("the
        Philippines" is marked without it)."""
        if self._free_article(doc, span.start, taken) and (
                span.label_ in ("ORG", "LOC", "FAC", "EVENT") or (span.label_ == "GPE" and len(span) > 1)):
            return Span(doc, span.start - 1, span.end, label=span.label_)
        return span

    def _with_article(self, doc: Doc, start: int, taken: bytearray) -> int:
        """"the past week", "the New Year", "the 1990s" take their article (matched without it: an optional
        first token doubles the matcher's work on every token); a month, weekday or year does not ("the 2024
        election")."""
        first = doc[start]
        if not self._free_article(doc, start, taken) or first.shape_ == "dddd" or \
                first.lower_ in self._months or first.lower_ in self._weekdays:
            return start
        return start - 1

    def _plausible_date(self, doc: Doc, start: int, end: int) -> bool:
        """Years in range; a bare four-digit number before a plural noun is a count ("2000 troops"); a month
        right after a name is part of it ("Theresa May")."""
        for tok in doc[start:end]:
            if tok.shape_ == "dddd" and int(tok.text) not in _YEARS:
                return False
        if end - start == 1:
            tok = doc[start]
            if tok.shape_ == "dddd" and end < len(doc) and doc[end].tag_ in ("NNS", "NNPS"):
                return False
            if tok.lower_ in self._months and start > 0 and doc[start - 1].tag_ in _NAME_TAGS:
                return False
        return True

    def _names(self, doc: Doc, start: int, end: int) -> list[Span]:
        """Entities inside one proper-noun stretch: the knowledge base's names, then the words it does not know
        grouped into runs and typed by their head word."""
        chunk = doc[start:end]
        base = chunk.start_char
        # per token: (label, item number) from the knowledge base, or None for a word it does not know; label
        # "" is a known word that is not a name (a title), unless it is a head word that makes names
        # ("Ministry", "Airport"), which joins the unknown run around it.
        known: list[tuple[str, int] | None] = [None] * len(chunk)
        for k, (s, e, label) in enumerate(self._known_names(chunk.text)):
            span = doc.char_span(base + s, base + e, alignment_mode="expand")
            if span is None:
                continue
            lo, hi = max(span.start, start), min(span.end, end)
            if not label and all(t.lower_ in self._heads for t in doc[lo:hi]):
                continue
            for i in range(lo, hi):
                known[i - start] = (label, k)
        out: list[Span] = []
        i = 0
        n = len(chunk)
        while i < n:
            here = known[i]
            j = i + 1
            while j < n and known[j] == here:
                j += 1
            if here is None:
                s, e = i, j
                while s < e and (chunk[s].lower_ in self._bridges or chunk[s].tag_ not in _NAME_TAGS):
                    s += 1
                while e > s and (chunk[e - 1].lower_ in self._bridges or chunk[e - 1].tag_ not in _NAME_TAGS):
                    e -= 1
                if s < e:
                    self._add_unknown(out, doc, start + s, start + e)
            elif here[0]:
                out.append(Span(doc, start + i, start + j, label=here[0]))
            i = j
        # "Adrianna" (nobody listed) + "Zhang" (a known surname): one person
        merged: list[Span] = []
        for span in out:
            if merged and span.label_ == merged[-1].label_ == "PERSON" and merged[-1].end == span.start:
                merged[-1] = Span(doc, merged[-1].start, span.end, label="PERSON")
            else:
                merged.append(span)
        return merged

    def _add_unknown(self, out: list[Span], doc: Doc, start: int, end: int) -> None:
        label = self._unknown_label(doc[start:end])
        prev = out[-1] if out else None
        if prev is not None and prev.end == start:
            # "Tony" + "Blinken" is one person; "Beijing" + "Capital International Airport" one airport;
            # "China" + "Daily" one newspaper
            if label == prev.label_ == "PERSON" or label in ("ORG", "FAC", "EVENT") and \
                    prev.label_ in ("GPE", "NORP", "ORG", "PERSON"):
                out[-1] = Span(doc, prev.start, end, label=label)
                return
        out.append(Span(doc, start, end, label=label))

    def _unknown_label(self, run: Span) -> str:
        words = [t.lower_ for t in run]
        last = words[-1]
        if len(words) == 1 and last in self._groups:
            return "NORP"
        if len(words) == 1 and last in self._languages:
            return "LANGUAGE"
        if last in self._fac:
            return "FAC"
        if last in self._loc:
            return "LOC"
        if last in self._event:
            return "EVENT"
        if last in self._org or any(w in self._org for w in words):
            return "ORG"
        text = run.text
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return "ORG"  # an acronym nobody listed
        place = self._label_place(text)
        if place is not None:
            return place
        return "PERSON"


def _runs(member: numpy.ndarray, core: numpy.ndarray) -> list[tuple[int, int]]:
    """The maximal runs of ``member`` tokens that hold a ``core`` token (every core token is a member), as
    (start, end). One pass in Python: a sentence is a few dozen tokens, where numpy's per-call cost (a diff and
    a test per run) was eight times the loop's."""
    out: list[tuple[int, int]] = []
    start = -1
    held = False
    for i, (is_member, is_core) in enumerate(zip(member.tolist(), core.tolist(), strict=True)):
        if is_member:
            if start < 0:
                start, held = i, False
            held = held or is_core
        elif start >= 0:
            if held:
                out.append((start, i))
            start = -1
    if start >= 0 and held:
        out.append((start, len(member)))
    return out


def _around(anchor: numpy.ndarray) -> list[tuple[int, int]]:
    """Windows of ``_REACH`` tokens on each side of every anchor, merged where they touch."""
    n = len(anchor)
    windows: list[tuple[int, int]] = []
    for i in numpy.flatnonzero(anchor).tolist():
        s, e = max(i - _REACH, 0), min(i + _REACH + 1, n)
        if windows and s <= windows[-1][1]:
            windows[-1] = (windows[-1][0], e)
        else:
            windows.append((s, e))
    return windows


def _unset(text: str) -> Any:
    raise RuntimeError("RuleEntities used before set_labellers(): build the pipeline with detente.nlp.load_nlp")


@Language.factory(FACTORY)
def make_rule_entities(nlp: Language, name: str) -> RuleEntities:
    return RuleEntities(nlp.vocab)
