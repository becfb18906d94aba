"""Finding a sentence's temporal expressions: spaCy's DATE entities grown to their full phrase, and the month,
weekday and season words the small model leaves untagged."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.resolve.dates.vocabulary import MONTHS, WEEKDAYS, lexicon
from detente.syntax import tokens

# Prepositions a date expression is widened to: "on Thursday", "by the year's end", "after May 3" (which the
# parser then refuses, the event being ordered against the date rather than on it).
_PREPOSITIONS = frozenset(
    "on in at by since from during over until till before after through throughout between around within".split()
)
# Entities a month or weekday word inside is part of a name, never a date.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"})
_RELATIVE_YEARS = frozenset({"this year", "last year", "next year"})
_LEFT_MODIFIERS = {"early", "late", "mid", "last", "next", "this", "the", "earlier", "later", "coming", "past"}


def date_expressions(sent: Span) -> list[Span]:
    """Candidate temporal expressions of a sentence: spaCy's DATE entities (and TIME entities that name a relative
    day, "tonight"), widened to their preposition ("on
    Thursday"), their "of the New Year" tail and a range's second half, plus month, weekday and season words the
    small model leaves untagged ("Blinken's June visit")."""
    doc = sent.doc
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for ent in sent.ents:
        if ent.label_ != "DATE" and not _relative_day_time(ent):
            continue
        spans.append(_widen(doc, sent, ent.start, ent.end))
        taken.update(range(ent.start, ent.end))
    seasons = lexicon().seasons
    for tok in tokens(sent):
        if tok.i in taken:
            continue
        low = tok.lower_.rstrip(".")
        if _in_name(tok):
            continue  # the "Jun" of Dong Jun, the "May" of Theresa May
        is_month = low in MONTHS and tok.tag_ == "NNP" and len(low) > 2 and tok.is_title
        is_weekday = low in WEEKDAYS and tok.is_title
        is_season = low in seasons and tok.i > sent.start and doc[tok.i - 1].lower_ in _LEFT_MODIFIERS | {"over"} \
            and not _happening_of(tok)
        if not (is_month or is_weekday or is_season):
            continue
        start, end = tok.i, tok.i + 1
        while start > sent.start and doc[start - 1].lower_ in _LEFT_MODIFIERS | {"-"}:
            start -= 1
        while end < sent.end and (doc[end].like_num or doc[end].lower_ == ","):
            if doc[end].lower_ == "," and not (end + 1 < sent.end and doc[end + 1].like_num):
                break
            end += 1
        spans.append(_widen(doc, sent, start, end))
        taken.update(range(start, end))
    unique = _year_joined(doc, sorted(set(spans)))
    return [doc[s:e] for s, e in unique]


def _year_joined(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A month the tagger splits from the year that follows it ("In May" + "this year", "in March" + "last
    year") is one expression: the year says which May, the month which part of the year."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] == start and doc[start:end].text.lower() in _RELATIVE_YEARS and \
                any(t.lower_.rstrip(".") in MONTHS for t in doc[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _relative_day_time(ent: Span) -> bool:
    """A TIME entity that names a day counted from publication ("tonight", "this morning", "last night"): the
    tagger files it as a time of day, but it dates the event as surely as "today" does."""
    return ent.label_ == "TIME" and ent.text.lower() in lexicon().relative_days


def _happening_of(tok: Token) -> bool:
    """Is the season word a noun of happening with what it happens to ("the fall of the United States", "the fall
    of Kabul"), not a season ("the summer of 2021")?"""
    after = tok.doc[tok.i + 1 : tok.i + 3]
    return len(after) == 2 and after[0].lower_ == "of" and not after[1].like_num


def tells_its_own_time(sent: Span) -> bool:
    """Does the sentence say when things happened, whether or not that resolves to a date: a temporal
    expression, or a word of time ("days later", "again", "has repeatedly")? Its events do not take a date told
    in an earlier sentence."""
    words = lexicon().own_time_words
    return any(tok.lower_ in words for tok in tokens(sent)) or bool(date_expressions(sent))


def _in_name(tok: Token) -> bool:
    """A word inside a longer name, next to another word of it ("Dong Jun", "Theresa May", "June Smith"); a
    possessor before it is no part of its name ("Blinken's June visit", which a model may tag as one name)."""
    if tok.ent_type_ not in _NAME_LABELS or tok.ent_iob_ not in ("B", "I"):
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.ent_iob_ == "I" else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" else None
    return any(t is not None and t.pos_ == "PROPN" and t.tag_ != "POS" for t in (before, after))


def _widen(doc: Doc, sent: Span, start: int, end: int) -> tuple[int, int]:
    """Token bounds of a date expression grown to its full phrase."""
    # a range's second half the entity missed: "January 8" + "to 9"
    while end + 1 < sent.end and doc[end].lower_ in ("to", "and", "-", "–", "through") and doc[end + 1].like_num:
        end += 2
    # "the first day" + "of the New Year"
    if end + 1 < sent.end and doc[end].lower_ == "of":
        tail = end + 1
        while tail < sent.end and doc[tail].lower_ in ("the", "this", "next", "last"):
            tail += 1
        if tail < sent.end and (
            doc[tail].ent_type_ in ("DATE", "EVENT")
            or doc[tail].lower_.rstrip(".") in MONTHS
            or doc[tail].lower_ in ("year", "month", "week", "new")
        ):
            end = tail + 1
            while end < sent.end and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == doc[tail].ent_type_:
                end += 1
            if doc[tail].lower_ == "new" and end < sent.end and doc[end].lower_ == "year":
                end += 1
    # "Wednesday night": the parser hangs the weekday on the time of day as a compound, which alone would read as
    # a noun's modifier (below) and date nothing
    if end < sent.end and doc[end - 1].lower_ in WEEKDAYS and doc[end].lower_ in lexicon().day_times:
        end += 1
    root = doc[start:end].root
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and not (start <= root.head.i < end) and \
            root.head.pos_ in ("NOUN", "PROPN"):
        return start, end  # "the 2004 bombing", "at Friday's meeting": the article and preposition are the noun's
    while start > sent.start and doc[start - 1].lower_ in ("the", "this", "last", "next"):
        start -= 1
    if start > sent.start and doc[start - 1].lower_ in _PREPOSITIONS:
        start -= 1
    return start, end
