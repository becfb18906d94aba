"""The attribute ruler and the rule lemmatizer, memoized per token.

For the small English models the two components' output for a token (its POS, morphology and lemma, plus the
tag and dependency label the ruler may rewrite) is a function of the token's text, fine-grained tag and
dependency label only: every ruler pattern is keyed on LOWER/ORTH/TAG/DEP/IS_SPACE, and the rule lemmatizer
reads the text, POS and morphology the ruler set. A few multi-token patterns ("gon na", "let 's", expletive
"there is") make a token depend on its neighbours too; tokens whose text could be the target of such a
pattern carry their neighbours' (text, tag, dep) in their key.

``TagLemmaCache`` keeps the original components. A document whose tokens are all in the cache gets its
values in bulk through ``Doc.from_array``; otherwise the original components run for the missing tokens only
(the ruler's matcher runs only on the windows around them) and their results are recorded. The cache is per
process (forked workers each fill their own) and bounded: it is emptied when it reaches ``max_entries``. If
the ruler's patterns use anything else (other token attributes, operators, other attributes set) the cache is
disabled and the originals simply run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

FACTORY = "detente_tag_lemma_cache"
# Attribute names, which Doc.to_array/from_array accept as well as the ids in spacy.attrs (a Cython module with no
# stub, so a type checker cannot see those ids).
KEY_ATTRS: list[int | str] = ["ORTH", "TAG", "DEP"]
OUT_ATTRS: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "DEP"]
_MATCH_KEYS = {"LOWER", "ORTH", "TEXT", "TAG", "DEP", "IS_SPACE"}
_SET_ATTRS = {"TAG", "POS", "MORPH", "LEMMA", "DEP"}
DEFAULT_MAX_ENTRIES = 200_000


def _lower_test(constraint: Any) -> Callable[[str], bool]:
    """Whether a lower-cased token text could satisfy a pattern's LOWER constraint (conservative)."""
    if isinstance(constraint, str):
        return lambda low: low == constraint
    if isinstance(constraint, dict) and len(constraint) == 1:
        (op, value), = constraint.items()
        if op == "IN":
            values = set(value)
            return lambda low: low in values
        if op == "NOT_IN":
            values = set(value)
            return lambda low: low not in values
        if op == "REGEX":
            rx = re.compile(value)
            return lambda low: rx.search(low) is not None
    return lambda low: True


class TagLemmaCache:
    """Drop-in for ``attribute_ruler`` followed by ``lemmatizer``, with identical output."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self.ruler: Any = None
        self.lemmatizer: Any = None
        self.enabled = False
        self.left = 0
        self.right = 0
        self._ctx_tests: list[Callable[[str], bool]] = []
        self._needs_ctx: dict[int, bool] = {}
        self.cache: dict[tuple[Any, ...], tuple[int, ...]] = {}
        self.hits = 0
        self.misses = 0

    def set_components(self, ruler: Any, lemmatizer: Any) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.enabled = self._analyse()
        _index_as_sets(lemmatizer)
        self.cache.clear()
        self._needs_ctx.clear()

    def _analyse(self) -> bool:
        """Read the ruler's patterns; False where the per-token memo would not be exact."""
        if getattr(self.lemmatizer, "mode", None) not in ("rule", "lookup"):
            return False
        left = right = 0
        tests: list[Callable[[str], bool]] = []
        for entry in self.ruler.patterns:
            if not set(entry["attrs"]) <= _SET_ATTRS:
                return False
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    return False
                for tok in pattern:
                    if not set(tok) <= _MATCH_KEYS:
                        return False
                if len(pattern) > 1:
                    index = entry.get("index", 0)
                    index = index if index >= 0 else len(pattern) + index
                    left = max(left, index)
                    right = max(right, len(pattern) - 1 - index)
                    target = pattern[index]
                    if "LOWER" in target:
                        tests.append(_lower_test(target["LOWER"]))
                    else:
                        tests.append(lambda low: True)
        self.left, self.right, self._ctx_tests = left, right, tests
        return True

    def _context(self, orth: int, doc: Doc) -> bool:
        low = doc.vocab[orth].lower_
        needs = any(test(low) for test in self._ctx_tests)
        self._needs_ctx[orth] = needs
        return needs

    def _run_originals(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        return self.lemmatizer(doc)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not self.enabled or n == 0:
            return self._run_originals(doc)
        rows = doc.to_array(KEY_ATTRS).tolist()
        needs_ctx = self._needs_ctx
        left, right = self.left, self.right
        keys: list[tuple[Any, ...]] = []
        for i, row in enumerate(rows):
            orth = row[0]
            ctx = needs_ctx.get(orth)
            if ctx is None:
                ctx = self._context(orth, doc)
            if ctx:
                around = tuple(tuple(rows[j]) if 0 <= j < n else None
                               for j in range(i - left, i + right + 1) if j != i)
                keys.append((*row, around))
            else:
                keys.append(tuple(row))
        cache = self.cache
        values = [cache.get(k) for k in keys]
        if None not in values:
            self.hits += 1
            doc.from_array(OUT_ATTRS, _uint64_rows(values))
            return doc
        self.misses += 1
        return self._fill(doc, keys, values)

    def _fill(self, doc: Doc, keys: list[tuple[Any, ...]], values: list[Any]) -> Doc:
        """Run the original components for the tokens missing from the cache only, exactly as they would run on
        the whole document: the ruler's matches aimed at a missing token are found on the untouched document
        and applied in the ruler's order; the lemmatizer then visits the missing tokens."""
        ruler, lemmatizer = self.ruler, self.lemmatizer
        missing = [i for i, v in enumerate(values) if v is None]
        wanted = set(missing)
        # Every match aimed at a missing token lies within [i - left, i + right], and within [i, i] unless the
        # token could be the target of a multi-token pattern (its key then carries its neighbours): match those
        # windows only (merged where they touch), then order as AttributeRuler.match does.
        n = len(doc)
        ranges: list[list[int]] = []
        for i in missing:
            if len(keys[i]) > len(KEY_ATTRS):
                lo, hi = max(0, i - self.left), min(n, i + self.right + 1)
            else:
                lo, hi = i, i + 1
            if ranges and lo <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], hi)
            else:
                ranges.append([lo, hi])
        strings, indices, matcher = ruler.vocab.strings, ruler.indices, ruler.matcher
        matches = []
        for lo, hi in ranges:
            span = doc[lo:hi]
            for match_id, start, end in matcher(span, allow_missing=True, as_spans=False):
                start += lo
                end += lo
                attr_id = int(strings[match_id])
                index = indices[attr_id]
                target = start + index if index >= 0 else end + index
                if target in wanted:
                    matches.append((attr_id, match_id, start, end))
        matches.sort()
        ruler.set_annotations(doc, matches)
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        overwrite = lemmatizer.overwrite
        for i in missing:
            token = doc[i]
            if overwrite or token.lemma == 0:
                token.lemma_ = lemmatizer.lemmatize(token)[0]
        out = doc.to_array(OUT_ATTRS)
        rows = out.tolist()
        cache = self.cache
        if len(cache) + len(missing) > self.max_entries:
            cache.clear()
        for i in missing:
            value = tuple(rows[i])
            values[i] = value
            cache[keys[i]] = value
        doc.from_array(OUT_ATTRS, _uint64_rows(values))
        return doc


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer tests candidate forms with ``form in index``, and the English tables hold each part of
    speech's index as a list (57,528 nouns): a linear scan per rule, half of a new word's cost. The same
    members as a frozenset answer every test the same way."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def _uint64_rows(values: list[Any]) -> Ints2d:
    """The rows as the uint64 array ``Doc.from_array`` reads; thinc's ``Ints2d`` is the name spaCy's stub gives a
    2-d integer numpy array (thinc casts its own arrays the same way)."""
    return cast(Ints2d, numpy.array(values, dtype=numpy.uint64))


@Language.factory(FACTORY, default_config={"max_entries": DEFAULT_MAX_ENTRIES})
def make_tag_lemma_cache(nlp: Language, name: str, max_entries: int) -> TagLemmaCache:
    return TagLemmaCache(max_entries)


def install(nlp: Language, max_entries: int = DEFAULT_MAX_ENTRIES) -> Language:
    """Replace adjacent ``attribute_ruler`` + ``lemmatizer`` in ``nlp`` by one ``TagLemmaCache`` (in place)."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return nlp
    at = names.index("attribute_ruler")
    if names.index("lemmatizer") != at + 1:
        return nlp
    ruler = nlp.remove_pipe("attribute_ruler")[1]
    lemmatizer = nlp.remove_pipe("lemmatizer")[1]
    # add_pipe is typed as returning any component; the factory makes a TagLemmaCache
    if at < len(nlp.pipe_names):
        comp = nlp.add_pipe(FACTORY, name="tag_lemma", before=nlp.pipe_names[at],
                            config={"max_entries": max_entries})
    else:
        comp = nlp.add_pipe(FACTORY, name="tag_lemma", config={"max_entries": max_entries})
    cast(TagLemmaCache, comp).set_components(ruler, lemmatizer)
    return nlp
