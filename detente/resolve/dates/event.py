"""The date of one event: the temporal expression of its trigger's own clause, resolved by the event's tense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from detente.records import DateResolution
from detente.resolve.dates.clauses import ClauseCandidate, ClauseRole, event_clauses
from detente.resolve.dates.expression import as_date, parse_date_expression
from detente.resolve.dates.finding import date_expressions
from detente.resolve.dates.vocabulary import lexicon
from detente.syntax import Tense, clause_head, clause_tense, path_to


def _orders(path: list[Token]) -> bool:
    """The expression dates something the event is ordered against ("after a deep freeze earlier this year",
    "speaking ahead of Wednesday's hearing")."""
    words = lexicon().ordering_words
    return any(tok.lower_ in words and tok.dep_ in ("prep", "mark", "advmod", "amod") for tok in path)


# A date that modifies a noun ("the 2004 bombing", "Blinken's June visit") dates that noun's event only.
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "nmod", "poss"})
# A noun whose event is the act's own when a date modifies it: the act itself, its subject or object ("the
# 2004 bombing killed ...", "attended the 2023 summit"), or its occasion ("in a Jan. 23 press briefing", "killed
# in the 2004 bombing"); never a topic ("opened over the 2004 bombing").
_OWN_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_OCCASION_PREPS = frozenset({"in", "at", "during"})


def _dates_the_act(noun: Token, trigger: Token) -> bool:
    """May a date modifying ``noun`` be the date of the trigger's act?"""
    if noun.i == trigger.i or any(c.dep_ in ("relcl", "acl") and c.i == trigger.i for c in noun.children):
        return True  # (an acl: "a 2015 press release calling for", see _participle_noun)
    if noun.dep_ in _OWN_NOUN_DEPS:
        return noun.head.i == trigger.i
    return noun.dep_ == "pobj" and noun.head.lower_ in _OCCASION_PREPS and noun.head.head.pos_ in ("VERB", "AUX")


def _means_clause(clause: Token) -> Token:
    """A participle on a noun that is the act's means or occasion ("in a joint statement issued at their meeting in
    July, they agreed", "in a letter dated Feb. 4") lends its time to the clause the noun's preposition hangs on."""
    lex = lexicon()
    noun = clause.head
    if clause.dep_ == "acl" and clause.lemma_.lower() in lex.means_participles and noun.dep_ == "pobj" and \
            noun.head.dep_ == "prep" and noun.head.lower_ not in lex.ordering_words and noun.head.head.i != noun.i:
        return clause_head(noun.head.head)
    return clause


def _candidates(sent: Span, trigger: Token, skip_to: int = 0) -> list[ClauseCandidate]:
    found = []
    for span in date_expressions(sent):
        if span.start <= trigger.i < span.end or span.start_char - sent.start_char < skip_to:
            continue
        root = span.root
        attach = root.head
        if root.dep_ in _NOUN_MODIFIERS and attach.pos_ in ("NOUN", "PROPN") and not _dates_the_act(attach, trigger):
            continue
        clause = clause_head(attach)
        path = path_to(attach, clause)
        on_trigger = next((n for n, t in enumerate(path) if t.i == trigger.i), None)
        if _orders(path if on_trigger is None else path[:on_trigger]):
            continue  # "after a meeting earlier this month" still dates the meeting itself
        lifted = _means_clause(clause)
        if lifted.i != clause.i:
            path += path_to(clause, lifted)
            clause = lifted
        hops = 0 if attach.i == trigger.i or any(t.i == trigger.i for t in path) else len(path)
        found.append(ClauseCandidate(span, attach, clause, hops, abs(span.start - trigger.i)))
    return found


def _in_clause(candidates: list[ClauseCandidate], clause: Token) -> list[ClauseCandidate]:
    return sorted((c for c in candidates if c.clause.i == clause.i), key=lambda c: (c.hops, c.distance))


def _on_noun(candidates: list[ClauseCandidate], noun: Token) -> Iterator[ClauseCandidate]:
    """Dates of a noun an act is told on: its own ("the summit this year", "a 2015 press release") and its passive
    participles' ("comments made by the president on Monday"), which say when the thing named was made."""
    for c in candidates:
        if c.span.start <= noun.i < c.span.end or c.attach.i == noun.i or \
                (c.clause.dep_ == "acl" and c.clause.tag_ == "VBN" and c.clause.head.i == noun.i):
            yield c


def _participle_noun(trigger: Token) -> Token | None:
    """The noun whose present participle the trigger's clause is ("a 2015 press release calling for a ban"): the
    thing named does the act, so the act is as old as the thing."""
    clause = clause_head(trigger)
    if clause.dep_ == "acl" and clause.tag_ == "VBG" and clause.head.pos_ == "NOUN" and clause.head.i != clause.i:
        return clause.head
    return None


def _ordered_candidates(sent: Span, trigger: Token, skip_to: int = 0) -> Iterator[tuple[ClauseCandidate, ClauseRole]]:
    """Date expressions that may date the trigger, best first, with the role of the clause they are in."""
    candidates = _candidates(sent, trigger, skip_to)
    for clause, role in event_clauses(trigger):
        if role == "antecedent":  # "in November, when they met"; "the summit this year, which Biden attended"
            yield from ((c, role) for c in _on_noun(candidates, clause))
        else:
            yield from ((c, role) for c in _in_clause(candidates, clause))
    noun = _participle_noun(trigger)
    if noun is not None:
        yield from ((c, "antecedent") for c in _on_noun(candidates, noun))


def _aim_ahead(resolution: DateResolution, published: dt.date | None, tense: Tense) -> bool:
    """A date in the purpose of an act told as done that lies after publication is the aim's deadline ("launched
    a campaign to cut emissions by 2030"), not when the act was done."""
    return tense != "future" and resolution.date is not None and published is not None and \
        resolution.date > published


def event_tense(trigger: Token) -> Tense:
    """Tense of the trigger's clause, for choosing which Thursday or May a date means: the grammar's
    ``clause_tense`` with this package's planning words ("is planning a trip", "is expected to visit")."""
    return clause_tense(trigger, lexicon().future_lemmas)


def resolve_event_date(sent: Span, trigger: Token, published: dt.date | None, skip_to: int = 0) -> DateResolution:
    """The date of the event whose trigger (verb or event noun) is ``trigger``: the temporal expression of the
    trigger's own clause, not the reporting verb's ("met Kritenbrink on Thursday, officials said on Friday" →
    Thursday). Clauses joined by "and", infinitives and "when/as" clauses share their head's date. Nothing found:
    the publication date with precision ``unresolved``. The sentence's first ``skip_to`` characters (a wire
    story's dateline, "BEIJING, June 19 (Reuters) -") are no part of its grammar and date nothing in it."""
    pub = as_date(published)
    tense = event_tense(trigger)
    unanchored: str | None = None
    for cand, role in _ordered_candidates(sent, trigger, skip_to):
        resolution = parse_date_expression(cand.span.text, pub, tense="future" if role == "promised" else tense)
        if resolution is None or (role == "purpose" and _aim_ahead(resolution, pub, tense)):
            continue
        if resolution.date is None:
            unanchored = unanchored or resolution.text
            continue
        return resolution
    return DateResolution(pub, None, "unresolved", unanchored)
