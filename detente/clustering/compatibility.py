"""Compatible: could two mentions of one block describe one happening? Each part is a refusal an analyst makes
(another medium, other countries, dates that do not meet, places apart, another side, another voice, another
kind of act); docs/events.md, "Compatible".
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from detente.clustering.acts import trigger_act
from detente.clustering.blocks import SETTING_MODE_FAMILIES, STATEMENT_FAMILIES, UNDIRECTED_FAMILIES, family
from detente.clustering.features import ClusterMention, Named, named_actor, norm

# Two mentions dated to the day from different documents still match when this many days apart:
# outlets in different time zones and relative dates ("on Tuesday") resolved against different publication
# days disagree by one day. Within one document dates come from one reference day, so they must overlap.
DATE_TOLERANCE_DAYS = 1
# Inside one article an undated mention retells what came *before* it. An undated lead is the news of the day,
# not the event dated to a past day or month further down ("Kenya launched an operation" is not "a deadly
# January attack"): it takes such a date only when the windows meet. A season or a year is as often a frame the
# coder read off a background phrase ("at the beginning of 2023") and does not separate.
RETELLING_PRECISIONS = frozenset({"day", "month"})
# Inside one article two different named places (finer than a country) this far apart are two happenings:
# arrests in Anbar and arrests in Erbil, 310 km apart. Across articles a dateline and the place of the event are
# easily confused, so only the countries are compared there.
PLACES_APART_KM = 200.0


def windows_meet(a: ClusterMention, b: ClusterMention, slack_days: int) -> bool:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return False
    slack = dt.timedelta(days=slack_days)
    return a.lo <= b.hi + slack and b.lo <= a.hi + slack


def dates_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    if a.doc_id == b.doc_id:
        # "the talks" later in the article that dated them; otherwise one reference day, no slack
        if a.weak and b.weak:
            return True
        if a.weak or b.weak:
            undated, dated = (a, b) if a.weak else (b, a)
            return (dated.precision not in RETELLING_PRECISIONS or undated.sentence_index >= dated.sentence_index
                    or windows_meet(a, b, 0))
        return windows_meet(a, b, 0)
    if a.weak and b.weak:
        return a.hi is not None and a.hi == b.hi  # two undated reports: only from the same publication day
    return windows_meet(a, b, DATE_TOLERANCE_DAYS if a.day and b.day else 0)


EARTH_RADIUS_KM = 6371.0


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Great-circle distance between two located places, or None when one lacks coordinates."""
    if a.get("lat") is None or a.get("lon") is None or b.get("lat") is None or b.get("lon") is None:
        return None
    la, lb = math.radians(a["lat"]), math.radians(b["lat"])
    dlon = math.radians(b["lon"] - a["lon"])
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def places_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two different named places finer than a country, far apart: what one article tells in two places
    happened twice. (Across articles a dateline and the place of the event are easily confused.)"""
    if "country" in (a.get("precision"), b.get("precision")):
        return False
    if norm(a.get("name")) == norm(b.get("name")):
        return False
    km = _km(a, b)
    return km is not None and km > PLACES_APART_KM


def places_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    if a.location is None or b.location is None:
        return True
    if a.doc_id == b.doc_id and places_apart(a.location, b.location):
        return False
    ca, cb = a.location.get("country"), b.location.get("country")
    if ca and cb:
        return bool(ca == cb)
    return norm(a.location.get("name")) == norm(b.location.get("name"))


def countries_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """The same countries, or one mention's countries among the other's: a visit whose host was not resolved
    ("Blinken's June visit") can be the visit to Beijing told elsewhere; USA–CHN is never USA–RUS."""
    mine, theirs = set(a.countries), set(b.countries)
    return mine <= theirs or theirs <= mine


def directions_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """Same actor side and same recipient side, where both name one (compound actors allowed)."""
    if a.src_countries and b.src_countries and not a.src_countries & b.src_countries:
        return False
    return not (a.tgt_countries and b.tgt_countries and not a.tgt_countries & b.tgt_countries)


def sides_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Both name actors of one country on different sides (the state, an armed group, society): the army's
    rescue is not the militants' attack, the rebels' claim not the government's accusation."""
    return _kinds_apart(a.sides, b.sides)


def targets_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Both name targets of one country of different kinds: the soldiers who shot the militants are not the
    attack that killed the elders, a plea to civilians is not an order to the army."""
    return _kinds_apart(a.hit, b.hit)


def _kinds_apart(mine: dict[str, frozenset[str]], theirs: dict[str, frozenset[str]]) -> bool:
    """Some country both name has no kind in common between the two."""
    return any(not kinds & theirs[c] for c, kinds in mine.items() if c in theirs)


def persons_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Both name the people of one country and none is shared: Blinken–Wang Yi is not Blinken–Xi. A person who
    is in a report only as the unnamed voice of its quote (``voice_only``) does not count: a spokesman's words
    are his principal's, and the coder gives a quote the speaker it found sentences away."""
    for country, mine in a.persons.items():
        mine = tuple(x for x in mine if not voice_only(x, a))
        theirs = tuple(y for y in b.persons.get(country, ()) if not voice_only(y, b))
        if mine and theirs and not any(x.same(y) for x in mine for y in theirs):
            return True
    return False


def voice_only(person: Named, m: ClusterMention) -> bool:
    """Is the person in this report only as the speaker of its quote, never named in its sentence? Such a person
    is the voice the coder carried over from the sentence that introduced the quote, not someone the report
    places in the happening."""
    speaker = named_actor(m.speaker) if m.speaker else None
    if speaker is None or not speaker.same(person):
        return False
    sentence = f" {norm(m.sentence)} "
    return not any(f" {norm(a.get('text'))} " in sentence for a in [*m.source, *m.target]
                   if norm(a.get("text")) and (n := named_actor(a)) is not None and n.same(person))


def same_voice(x: dict[str, Any], y: dict[str, Any]) -> bool | None:
    """Are two actors one voice? True or False where their names or sectors tell, None where nothing does. Two
    specific participants are compared as actors are; a specific one and an unnamed one ("the military") differ
    when both sectors are known and differ (the army is not the foreign office's spokesman). Two unnamed ones
    tell nothing: coders give one envoy a GOV and a LEG sector in two sentences."""
    if norm(x.get("text")) and norm(x.get("text")) == norm(y.get("text")):
        return True
    nx, ny = named_actor(x), named_actor(y)
    if nx and ny:
        return nx.same(ny)
    if (nx or ny) and x.get("sector") and y.get("sector") and x["sector"] != y["sector"]:
        return False
    return None


def _reported_as(speaker: dict[str, Any], other: ClusterMention) -> bool:
    """Is ``other`` the speaker's own statement, retold ("the ministry said Wang accused...")?"""
    return any(same_voice(speaker, actor) for actor in other.source)


def speakers_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """Two statements (``STATEMENT_FAMILIES``) said by two different speakers are two events, unless one is
    reported as the other's: the army's statement is not the foreign office spokesman's."""
    if family(a.type) not in STATEMENT_FAMILIES or a.speaker is None or b.speaker is None:
        return False
    if same_voice(a.speaker, b.speaker) is not False:
        return False
    return not (_reported_as(a.speaker, b) or _reported_as(b.speaker, a))


def two_voices(a: ClusterMention, b: ClusterMention) -> bool:
    """Two statements whose speakers are both given, one of them a named participant, and not known to be one
    voice (neither retold as the other's): Chaudhry told a news channel, and "a statement from the ISPR" said, the
    same day. Not a refusal (the unnamed voice may be him described), but no "one side anonymous" retelling
    either: a statement repeated by a second spokesman is a second statement. Two unnamed voices tell nothing."""
    if family(a.type) not in STATEMENT_FAMILIES or a.speaker is None or b.speaker is None:
        return False
    if same_voice(a.speaker, b.speaker) or not (named_actor(a.speaker) or named_actor(b.speaker)):
        return False
    return not (_reported_as(a.speaker, b) or _reported_as(b.speaker, a))


def own_voice(m: ClusterMention) -> bool:
    """Is the outlet that publishes the report among its sources, speaking in its own voice (an editorial's "the
    US must acknowledge China's concerns", coded with the paper as the one who demands)?"""
    voice = norm(m.outlet)
    return bool(voice) and any((n := named_actor(a)) is not None and n.name == voice for a in m.source)


def one_outlet_statement(a: ClusterMention, b: ClusterMention) -> bool:
    """Two statements of one article that its outlet makes in its own voice to the same addressees: an editorial
    makes one case over many sentences, and a case argued on one day to one addressee is one statement (as the
    same statement quoted twice in one story is one)."""
    return (a.doc_id == b.doc_id and family(a.type) in STATEMENT_FAMILIES and bool(a.tgt_countries)
            and a.tgt_countries == b.tgt_countries and own_voice(a) and own_voice(b))


def triggers_conflict(a: ClusterMention, b: ClusterMention) -> bool:
    """The triggers name two different kinds of act: a reaffirmed commitment is not a signed pact."""
    act_a, act_b = trigger_act(a.trigger), trigger_act(b.trigger)
    return act_a is not None and act_b is not None and act_a != act_b


REMOTE_MODE = "phone"  # PLOVER's mode for exchanges at a distance: calls, letters, messages


def modes_compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """An exchange at a distance (a call, a letter) and an encounter are different happenings even between the
    same people in the same days; a mention whose mode is unknown is taken as an encounter, since the reports
    that leave the medium unsaid ("the Xi-Biden meeting", "held talks") are mostly about meetings. Outside
    ``SETTING_MODE_FAMILIES`` two known modes that differ are two acts (a seizure and martial law, an air strike
    and a shooting); a report that names no mode joins either. An outlet's own case (``one_outlet_statement``)
    is one statement whatever its points ask: that the US change course and that it work with China."""
    if (a.mode == REMOTE_MODE) != (b.mode == REMOTE_MODE):
        return False
    if one_outlet_statement(a, b):
        return True
    return a.mode is None or b.mode is None or a.mode == b.mode or family(a.type) in SETTING_MODE_FAMILIES


def compatible(a: ClusterMention, b: ClusterMention) -> bool:
    """Could both mentions describe one happening? (They are already in one block.)"""
    return (
        modes_compatible(a, b)
        and countries_compatible(a, b)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and (family(a.type) in UNDIRECTED_FAMILIES
             or (directions_compatible(a, b) and not sides_conflict(a, b) and not targets_conflict(a, b)))
        and not persons_conflict(a, b)
        and not speakers_conflict(a, b)
        and not triggers_conflict(a, b)
    )
