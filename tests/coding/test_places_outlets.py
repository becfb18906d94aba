"""Places and dates on other newsrooms' copy (issue 12, session 15): sites named after their town, the partners
of a meeting held, TASS's dateline and the saying's day before the dateline's. Constructed sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from detente.coding import Coder
from detente.records import Document, Mention
from detente.resolve.places import read_dateline, resolve_event_place

MONDAY = dt.date(2017, 3, 27)


def code(coder: Coder, text: str, published: dt.date | None = MONDAY) -> list[Mention]:
    doc = Document(id=f"outlet-{hash(text)}", text=text, published=published)
    return next(iter(coder.code_documents([doc])))[1]


def one(coder: Coder, text: str, event_type: str, published: dt.date | None = MONDAY) -> Mention:
    return next(m for m in code(coder, text, published) if m.type == event_type)


# -- a site named after its town keeps its own name (naming._as_written) ----------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "written", "name"),
    [
        ("The French president held a meeting with German Chancellor Angela Merkel at Boston City Hall.", "CONSULT",
         "Boston City Hall", "Boston"),
        ("Hundreds of activists protested outside Los Angeles City Hall on Monday.", "PROTEST",
         "Los Angeles City Hall", "Los Angeles"),
        ("Russian jets bombed the Kandahar airport.", "ASSAULT", "Kandahar airport", "Kandahār"),  # as before
    ],
)  # fmt: skip
def test_a_site_named_after_its_town_is_written_whole(coder: Coder, text: str, event_type: str, written: str,
                                                      name: str) -> None:
    found = one(coder, text, event_type).location
    assert found is not None and (found.text, found.name) == (written, name)


def test_a_town_before_a_common_noun_is_the_town_alone(coder: Coder) -> None:
    """Only a site's own capitalized name joins the town: "Boston police" is no site."""
    found = one(coder, "Boston police arrested two Iranian diplomats in Boston on Monday.", "COERCE").location
    assert found is not None and found.text == "Boston"


# -- the partners of a meeting held (event._participant, _acts) -------------------------------------------------


def _parsed(nlp: Language, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A sentence parsed as given (word, head, dependency, part of speech, tag, entity): the parser hangs a place
    on a meeting's partner only in some sentences, so the rule is tested on that parse itself."""
    words, heads, deps, pos, tags, ents = (list(column) for column in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents,
               lemmas=[w.lower() for w in words])


def test_the_partner_of_a_meeting_held_places_it(coder: Coder) -> None:
    """"held a meeting with X in Y", the place hung on X: the "with" hangs on the verb whose object is the
    meeting and names its partners as "a meeting with X" would, so a place hung on them is the meeting's."""
    doc = _parsed(coder.nlp, [
        ("Walsh", 1, "nsubj", "PROPN", "NNP", "B-PERSON"), ("held", 1, "ROOT", "VERB", "VBD", "O"),
        ("a", 3, "det", "DET", "DT", "O"), ("meeting", 1, "dobj", "NOUN", "NN", "O"),
        ("with", 1, "prep", "ADP", "IN", "O"), ("Kenny", 4, "pobj", "PROPN", "NNP", "B-PERSON"),
        ("in", 5, "prep", "ADP", "IN", "O"), ("Dublin", 6, "pobj", "PROPN", "NNP", "B-GPE"),
        (".", 1, "punct", "PUNCT", ".", "O"),
    ])  # fmt: skip
    found = resolve_event_place(doc[:], doc[3])
    assert found is not None and found.name == "Dublin"
    assert resolve_event_place(doc[:], doc[1]) is not None  # the verb as the trigger, as before


def test_the_partners_of_a_meeting_refused_do_not_place_the_refusal(coder: Coder) -> None:
    """The act is the refusal, not the meeting its object names: "rejected a meeting with officials in Tokyo" was
    not done in Tokyo."""
    refusal = one(coder, "China rejected a meeting with officials in Tokyo.", "REJECT")
    assert refusal.location is None


# -- TASS's dateline (dateline._DATELINE) and the saying's day (dating.date_in_context) --------------------------


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("MOSCOW, February 7. /TASS/. Russia's ambassador said", "Moscow", (2, 7)),
        ("TIRASPOL, March 28. /TASS/. The leader said", "Tiraspol", (3, 28)),
        ("WASHINGTON, March 25 /TASS/ - Kissinger believes", "Washington", (3, 25)),
    ],
)  # fmt: skip
def test_tass_datelines(text: str, place: str, day: tuple[int, int]) -> None:
    found = read_dateline(text)
    assert found is not None and found.place is not None and found.place.name == place
    assert (found.month, found.day) == day
    assert text[found.length :].split()[0] not in ("/TASS/.", "/TASS/")  # the agency is part of the dateline


def test_slashes_in_running_text_are_no_dateline() -> None:
    assert read_dateline("The US. /TASS/ reported that Russia met China.") is None


def test_a_tass_lead_is_placed_and_dated_by_its_dateline(coder: Coder) -> None:
    [lead] = code(coder, "MOSCOW, March 27. /TASS/. Russian Foreign Minister Sergey Lavrov criticized the United "
                         "States.")
    assert lead.location is not None and lead.location.name == "Moscow"
    assert (lead.date, lead.date_precision) == (MONDAY, "day")


def test_the_saying_day_comes_before_the_datelines(coder: Coder) -> None:
    """The lead takes the dateline's day only when the sentence names none: "said on Sunday" dates the stance
    it voices, though the story was filed on Tuesday."""
    lead = one(coder, "MOSCOW, March 28. /TASS/. Russian Foreign Minister Sergey Lavrov said on Sunday Russia "
                      "rejects the American proposal.", "REJECT")
    assert (lead.date, lead.date_precision) == (dt.date(2017, 3, 26), "day")
    lead = one(coder, "BEIJING, March 28 (Reuters) - Chinese Foreign Minister Wang Yi said on Sunday that China "
                      "rejects the American proposal.", "REJECT")
    assert (lead.date, lead.date_precision) == (dt.date(2017, 3, 26), "day")


# -- the ground a show of force covers (event._ground) and land a place possesses (event._owned_land) -------------


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        ("Chinese warships patrolled the South China Sea on Monday.", "MOBILIZE", "South China Sea"),
        ("American and Afghan forces scoured Afghanistan's eastern highlands for the militants.", "MOBILIZE",
         "Afghanistan"),
        ("Russian jets bombed Syria's northern provinces.", "ASSAULT", "Syria"),  # land struck, its possessor
    ],
)  # fmt: skip
def test_the_ground_covered_places_the_act(coder: Coder, text: str, event_type: str, expected: str) -> None:
    found = one(coder, text, event_type).location
    assert found is not None and found.name == expected


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Russia mobilized troops against Ukraine.", "MOBILIZE"),  # whom force is massed against is elsewhere
        ("China deployed warships against Taiwan.", "MOBILIZE"),
        ("Militants attacked Russia's embassy.", "ASSAULT"),  # a possessed site says whose, not where
    ],
)  # fmt: skip
def test_an_adversary_or_an_owner_does_not_place_the_act(coder: Coder, text: str, event_type: str) -> None:
    assert one(coder, text, event_type).location is None
