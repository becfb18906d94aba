"""A wire story's dateline ("BEIJING, June 19 (Reuters) - ", "WASHINGTON — "): where the story was filed."""

from __future__ import annotations

import re

from detente.records import Location
from detente.resolve.places.gazetteer import lookup_place

_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2}))?"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}))?(?: \([A-Za-z .&]+\))?\s*(?:-{1,2}|–|—)\s")


def dateline_place(text: str) -> Location | None:
    """The place a story's dateline names, found in the gazetteer; None without a dateline."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    region = match.group("region")
    context = []
    if region:
        where = lookup_place(region.title())
        if where is not None and where.country:
            context.append(where.country)
    found = lookup_place(match.group("place").title(), context)
    if found is None or (context and found.country not in context):
        return None
    return found

