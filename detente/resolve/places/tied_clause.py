"""The place another clause of an act's sentence gives it when its own clause names none (issue 12, session 17):
a clause coordinated with the act's, one telling what went on as it was done, one describing who took part. Each
is read by the place rules of ``event`` against its own clause; this module says which clauses may lend a place."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from detente.records import Location
from detente.resolve.dates.vocabulary import lexicon as date_lexicon
from detente.resolve.places.cues import PLACE_LABELS, place_cues
from detente.resolve.places.event import keeps_event_place, part_of_place, place_attachment, place_spans
from detente.resolve.places.naming import resolve_mention, written_place
from detente.syntax import clause_head, has_to_marker, lemma, path_to

# How a party of the act hangs on it: subject, object, "by" agent, or a preposition's object ("patrols around").
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "prep", "agent"})


def tied_clause_place(sent: Span, trigger: Token, context_countries: Iterable[str] = ()) -> Location | None:
    """The place another clause of the sentence gives an act that names none in its own: a clause coordinated with
    the act's ("captured 40 fighters and were holding them at the city of Jalalabad"), one that tells what went
    on as it was done ("was killed as tanks fought a battle on the edge of the town of Jenin"), or one that
    describes who took part ("shot dead by pirates who boarded his yacht off the town of Macapa"), each read by its
    own clause's place rules (``keeps_event_place`` against that clause). Never what the act says, asks or is about
    ("urged Seoul to let the US deploy missiles in South Korea"), nor a clause of another time or an aim ("after
    a protest in Lyon"); when such clauses name two places, neither."""
    context = {c.upper() for c in context_countries}
    own = clause_head(trigger)
    found: dict[str, tuple[Span, Location]] = {}
    for span in place_spans(sent):
        attach = place_attachment(span)
        if attach is None or not _where_located(span):
            continue
        clause = clause_head(attach)
        if (_content_below(clause, own) and not _describes_party(clause, own, trigger)) or \
                not keeps_event_place(path_to(attach, clause), clause):
            continue
        found_place = resolve_mention(span, context)
        if found_place is not None:
            found[found_place.name] = (span, found_place)
    if len(found) != 1:
        return None
    span, place = next(iter(found.values()))
    return written_place(span, place)


def _where_located(span: Span) -> bool:
    """Is the place where something is, by a location preposition: "in Kabul", "at the nearby city of Jalalabad",
    "on the edge of the town of Jenin", "in Washington and New York" (each)?"""
    cues = place_cues()
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i and root.head.ent_type_ in PLACE_LABELS:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in cues.place_nouns:
        root = root.head.head
    part = part_of_place(root)
    preps = cues.location_preps if part is None else cues.location_preps | cues.part_preps
    root = part or root
    return root.dep_ == "pobj" and root.head.lower_ in preps


def _content_below(clause: Token, own: Token) -> bool:
    """Does ``clause`` lie below the act's clause as what it says, asks or is about (a complement, an infinitive,
    a clause on one of its nouns), not as a clause coordinated with it or telling what went on meanwhile?"""
    if clause.i == own.i or own not in clause.ancestors:
        return False
    tok = clause
    while tok.head.i != own.i:
        tok = tok.head
    return tok.dep_ != "conj" and not (tok.dep_ == "advcl" and _at_once(tok))


def _describes_party(clause: Token, own: Token, trigger: Token) -> bool:
    """Is ``clause`` a relative or participle clause on who does the act or whom it is done to or with, its
    subject, object or agent ("pirates who boarded his yacht off Macapa", "patrols around the air base they
    secured near Kandahar")? Those parties were where the act was."""
    if clause.dep_ not in ("relcl", "acl") or clause.head.i == clause.i:
        return False
    noun = clause.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "pobj":
        noun = noun.head
    return noun.head.i in (trigger.i, own.i) and noun.dep_ in _PARTY_DEPS


def _at_once(clause: Token) -> bool:
    """Does the adverbial clause tell what went on as the act was done: "as tanks fought a battle", "while passing
    through a tunnel", a bare participle ("holed up in a house")? Not one of another time or an aim ("after
    attacking a post", "to condemn the attack": the date resolver's ``simultaneous_markers`` decide)."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    if marks:
        return all(m in date_lexicon().simultaneous_markers for m in marks)
    return not has_to_marker(clause) and clause.tag_ in ("VBG", "VBN")
