"""What a place mention names: the gazetteer entry, looked up inside the places that qualify it ("Bali,
Indonesia", "China's Xinjiang region", "the Swiss city of Geneva"), a place the gazetteer lacks kept under the
name the text gives it with its kind ("Lamu County"), and the text as the sentence words it ("Basra province").
Which mention is an event's is ``event``'s question; this module answers what one mention is."""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.records import Location
from detente.resolve.places.cues import PLACE_LABELS as _PLACE_LABELS
from detente.resolve.places.cues import place_cues
from detente.resolve.places.gazetteer import (
    _gazetteer,
    _lookup_in,
    capital_of,
    country_named,
    lookup_place,
    normalize_place,
)
from detente.syntax import lemma

_RANK = {"city": 0, "place": 0, "region": 1, "country": 2}


def _area_kind(span: Span) -> Token | None:
    """The area noun a name tagged as a person or body modifies, making it a place: "the Kachin region", "the
    Damasha and Shabeelow areas" (the tagger reads unfamiliar place names as persons; no person names an area)."""
    root = span.root
    head = root.head
    if span.label_ in ("PERSON", "ORG") and root.dep_ in ("compound", "nmod") and head.i >= span.end and \
            head.pos_ == "NOUN" and lemma(head) in place_cues().area_nouns:
        return head
    return None


def _possessor(span: Span) -> Span | None:
    """The place named as the possessor of this one or of the kind noun it names: the "China" of "China's Xinjiang
    region", the "Indonesia" of "Indonesia's Bali". It qualifies the place, as "Bali, Indonesia" does."""
    heads = {span.root.i}
    if span.root.dep_ in ("compound", "nmod", "appos"):
        heads.add(span.root.head.i)  # "China's Xinjiang region", "Georgia's capital, Tbilisi"
    for ent in span.sent.ents:
        if ent.label_ in _PLACE_LABELS and ent.end <= span.start and ent.root.dep_ == "poss" and \
                ent.root.head.i in heads:
            return ent
    return None


def _qualifiers(span: Span) -> list[str]:
    """Places in apposition or a comma list right after a place ("Bali, Indonesia", "the United States,
    specifically California"), the "in X" inside an entity ("the Great Hall of the People in Beijing") and a place
    possessing it ("China's Xinjiang region")."""
    doc = span.doc
    found = []
    if " in " in span.text:
        found.append(span.text.split(" in ", 1)[1])
    possessor = _possessor(span)
    if possessor is not None:
        found.append(possessor.text)  # "China's Xinjiang region"
    for ent in span.sent.ents:
        if ent.label_ not in _PLACE_LABELS or ent.start < span.end:
            continue
        between = doc[span.end : ent.start]
        if any(t.text == "," for t in between) and all(
            t.is_punct or t.lower_ in ("specifically", "namely", "state", "province") for t in between
        ):
            found.append(ent.text)
            span = ent
            continue
        break
    return found


def _kind_country(span: Span) -> list[Location]:
    """The country of the kind a place is named after: the "Swiss" of "the Swiss city of Geneva", "the Afghan
    capital, Kabul"."""
    cues = place_cues()
    root = span.root
    kind = None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in cues.place_nouns:
        kind = root.head.head
    elif root.dep_ == "appos" and lemma(root.head) in cues.place_nouns:
        kind = root.head
    elif span.start - 2 >= span.sent.start and span.doc[span.start - 1].text == ",":
        before = span.doc[span.start - 2]
        kind = before if lemma(before) in cues.place_nouns and before.pos_ == "NOUN" else None
    if kind is None:
        return []
    found = [country_named(c.text) for c in kind.children
             if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE")]
    return [c for c in found if c is not None]


def resolve_mention(span: Span, context: set[str]) -> Location | None:
    """One place mention with the places that qualify it: the head looked up inside the narrowest qualifying
    country or region ("Bali, Indonesia" → Bali; "Paris, Texas" → Paris in Texas); a head that cannot be found
    there falls back to the qualifier ("Woodside, California" → California when the gazetteer lacks Woodside)."""
    if lemma(span.root) in place_cues().capital_nouns and span.root.pos_ == "NOUN":
        capital = capital_of(" ".join(t.text for t in span if t.i != span.root.i and t.dep_ != "det" and
                                      t.dep_ != "case").strip())
        return Location(span.text, capital.name, capital.country, capital.lat, capital.lon, capital.precision) \
            if capital else None
    head_text = span.text.split(" in ", 1)[0] if " in " in span.text else span.text
    qualifiers = [q for q in (lookup_place(t, context) for t in _qualifiers(span)) if q is not None]
    qualifiers += _kind_country(span)
    head = lookup_place(head_text, context)
    unlisted = _unlisted(span) if head is None else None
    containers = [q for q in qualifiers if q.precision in ("country", "region")]
    if not containers:
        return head or unlisted or (qualifiers[0] if qualifiers else None)
    narrowest = min(containers, key=lambda q: _RANK[q.precision])
    inside = _lookup_in(head_text, narrowest)
    if inside is not None:
        return inside
    if head is not None and head.country == narrowest.country and narrowest.precision == "country":
        return head
    if unlisted is not None:  # "Lamu County, Kenya": the county as named, at its country's point
        return Location(unlisted.text, unlisted.name, narrowest.country, narrowest.lat, narrowest.lon,
                        unlisted.precision)
    return narrowest


def _unlisted(span: Span) -> Location | None:
    """A place the gazetteer lacks that the text names by its kind: proper names before a place noun, inside the
    entity ("Lamu County") or right after it ("the Middle Shabelle region"). Kept under the name the text gives
    (no country or point of its own: a qualifier supplies them, ``_resolve``); a name with no kind is no place
    (an entity the model took for a place, or a town too small to tell from a person's name)."""
    cues = place_cues()
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    after = span.doc[span.end] if span.end < span.sent.end else None
    if len(words) > 1 and words[-1].lower_ in cues.place_nouns | cues.feature_nouns:
        kind, name = words[-1], words  # "Lamu County", "the Boni Forest"
    elif after is not None and after.pos_ == "NOUN" and lemma(after) in cues.place_nouns and \
            span.root.head.i == after.i:
        kind, name = after, words  # "the Middle Shabelle region"
    elif (area := _area_kind(span)) is not None:
        kind, name = area, words  # "the Damasha and Shabeelow areas": the first name
    elif span.label_ == "FAC" and len(words) > 1 and words[-1].lower_ in cues.site_nouns:
        kind, name = words[-1], words  # "the Hilton Hotel", "the Trump Hotel": a site by its own name
    else:
        return None
    proper = [t for t in name if t.i != kind.i]
    if not proper or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in proper):
        return None
    text = " ".join(t.text for t in name)
    if normalize_place(text) in _gazetteer().unplaced or kind.lower_ in cues.capital_nouns:
        return None
    if kind.lower_ in cues.town_nouns:
        return Location(span.text, text, None, None, None, "city")
    if span.label_ == "FAC" and kind.lower_ in cues.site_nouns:
        if all(t.lower_ in cues.place_nouns | cues.site_nouns for t in proper):
            return None  # "City Hall": a kind, not a name; the town it stands in places it
        return Location(span.text, text, None, None, None, "place")
    return Location(span.text, text, None, None, None, "region")


def _as_written(span: Span, found: Location) -> Location:
    """The place's text as the sentence words it, with the kind noun the name heads: "bombed areas in Basra
    province" is extracted as "Basra province", "at Boston City Hall" as "Boston City Hall" (a site named after
    its town, its own name's words between: the tagger may split them off); the gazetteer's name, Basrah or
    Boston, stays the resolved one."""
    kind = _named_kind(span)
    if kind is None or found.text != span.text:
        return found
    words = [t.text_with_ws for t in span if not (t.i == span.start and t.dep_ == "det")]
    between = span.doc[span.end : kind.i + 1].text
    return Location(f"{''.join(words).strip()} {between}", found.name, found.country, found.lat, found.lon,
                    found.precision)


def _named_kind(span: Span) -> Token | None:
    """The kind noun (a place, area or site noun) a place names, right after it ("Basra province") or after the
    capitalized words of the site's own name, all modifying it ("Boston City Hall", "Los Angeles City Hall")."""
    root, cues = span.root, place_cues()
    head = root.head
    kinds = cues.place_nouns | cues.area_nouns | cues.site_nouns
    if root.dep_ not in ("compound", "nmod", "amod") or head.i < span.end or head.sent != span.sent or \
            head.pos_ not in ("NOUN", "PROPN") or lemma(head) not in kinds:
        return None
    between = span.doc[span.end : head.i]
    if head.pos_ == "NOUN" and not between:
        return head  # "Basra province", "Kandahar airport"
    name = [*between, head]
    if all(t.is_title and t.pos_ == "PROPN" for t in name) and all(t.head.i == head.i and t.dep_ == "compound"
                                                                   for t in between):
        return head  # "Boston City Hall"
    return None


def _feature_of(span: Span, found: Location) -> Location:
    """A known place naming a natural feature is that feature: "in Iraq's Anbar desert" is the Anbar desert, not
    the province (a region, at the place's point and in its country)."""
    after = span.doc[span.end] if span.end < span.sent.end else None
    if after is None or after.pos_ not in ("NOUN", "PROPN") or after.lower_ not in place_cues().feature_nouns or \
            span.root.head.i != after.i or span.root.dep_ not in ("compound", "nmod", "amod"):
        return found
    words = [t.text for t in span if t.dep_ not in ("det", "case", "poss") and not t.is_punct]
    name = " ".join([*words, after.text])
    return Location(f"{span.text} {after.text}", name, found.country, found.lat, found.lon, "region")


def written_place(span: Span, found: Location) -> Location:
    """The resolved place of a mention as the event is given it: the natural feature it names (``_feature_of``)
    with the words the sentence names it by (``_as_written``)."""
    return _as_written(span, _feature_of(span, found))
