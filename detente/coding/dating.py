"""When an event happened, and what its date says: an event dated long before publication is about whoever
held the office then, and an act dated after publication has not happened yet."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.compose import Coded, Composer
from detente.coding.modality import dated_modality
from detente.records import DateResolution, Modality
from detente.resolve.dates import resolve_event_date

_RESOLVE_AGAIN_DAYS = 180  # an event this far from publication is resolved again as of its own date


def date_event(sent: Span, trigger: Token, published: dt.date | None) -> DateResolution:
    return resolve_event_date(sent, trigger, published)


def far_from_publication(date: DateResolution, published: dt.date | None) -> bool:
    """Far enough from publication that its actors are resolved again as of the event's own date."""
    return bool(date.date and published and date.precision != "unresolved" and
                abs((date.date - published).days) > _RESOLVE_AGAIN_DAYS)


def as_dated(cand: Candidate, date: DateResolution, published: dt.date | None,
             composer: Composer) -> tuple[Coded, Modality]:
    """The candidate's act and modality given its date (``modality.dated_modality``): an act dated after
    publication is announced, not yet happened, and announced cooperation is an intention."""
    coded = cand.coded
    modality = dated_modality(cand.modality, date, published, demand=cand.needs_speaker_source)
    if modality != cand.modality and coded.type in composer.cooperative:
        coded = composer.intended(coded)
    return coded, modality
