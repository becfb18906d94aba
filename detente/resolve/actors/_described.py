"""An actor the span describes by its words: an office holder, a group or a country.

"US Secretary of State" in 2023 names Blinken; "Chinese officials" is ``CHN GOV``, "rebel forces" ``REB`` with no
country, "Beijing" the Chinese government, "Albanians of southern Serbia" Serbian civilians. The country comes
from the span, never from a guess.
"""

from __future__ import annotations

from ...records import Actor
from ._cues import actor_country
from ._index import Index, Lex, pick_sector
from ._offices import holder_for, subordinate
from ._reading import Decision, Reading
from ._span import Item
from ._standing import person_actor


def described_actor(ix: Index, r: Reading, name_run: list[Item] | None) -> Decision:
    span, items, heads, cues, office_lex = r.span, r.items, r.heads, r.cues, r.office_lex
    text = r.text
    country = actor_country(cues, items)
    seg0 = [it for it in heads if it.seg == 0 and not it.poss]
    agents = agent_words(seg0) or agent_words([it for it in heads if not it.poss])
    former = any(lx.code == "former" for it in seg0 for lx in it.of("modifier"))
    if office_lex is not None and not former and not subordinate(items, r.office_item):
        holder = holder_for(ix, office_lex, country, items, r.on, r.ctx)
        if holder is not None:
            return person_actor(ix, text, holder, r.on, office_lex, False), holder
    sector = pick_sector(agents)
    seats = [lx.sector for it in seg0 for lx in it.of("seat") if lx.sector]
    if seats and agents and all(a.rank == 0 for a in agents):
        sector = seats[0]  # "Pentagon officials": the seat's sector, as with a body
    if sector is None and office_lex is not None:
        sector = office_lex.sector
    if country is None:
        defaults = [lx.code for it in heads for lx in it.of("default_country")]
        if defaults and not any(c.pri < 2 for c in cues):
            country = defaults[0]
    name = span.slice(name_run[0].start, name_run[-1].end) if name_run else None
    if country is None and office_lex is not None and office_lex.code != "adhoc" and office_lex.scopes:
        if len(office_lex.scopes) == 1:  # "Secretary of State", "Treasury Secretary": only the US says so
            country = next(iter(office_lex.scopes))
    if sector is None and not agents:
        kinds = {c.kind for c in cues if c.code == country and c.pri == 0} or {
            c.kind for c in cues if c.code == country
        }
        sector = _country_sector(kinds, items, country)
        if any(c.kind == "people" and c.pri == 0 for c in cues):
            sector = "CVL"  # "Albanians of southern Serbia": people, wherever they live
            kinds.discard("country")
        if country and name is None and kinds & {"country", "capital", "seat", "demonym"}:
            return Actor(text, ix.country_names.get(country), country, sector, f"country/{country}"), None
        if country and name is None and kinds & {"place", "city"}:
            places = (lx.name for it in items for lx in it.lexes if lx.kind in kinds and lx.code == country)
            place = next(places, None) or ix.country_names.get(country)
            return Actor(text, place, country, sector, None), None
    if former and (sector is None or sector in ix.former_elite):
        sector = "ELI"
    if country is None and sector is None:
        return None, None
    if country is None and name is None and not agents and office_lex is None:
        return None, None
    return Actor(text, name, country, sector, None), None


def agent_words(items: list[Item]) -> list[Lex]:
    """The agent words of the items, an office counting as a strong one and a capitalised marker as a weak one."""
    out: list[Lex] = []
    for it in items:
        offices = it.of("office")
        # "chief executive" is a business word, but "Hong Kong's chief executive" is an office
        out += [Lex("agent", sector=lx.sector, rank=1) for lx in offices] if offices else it.of("agent")
        out += [Lex("agent", sector=lx.sector, rank=0) for lx in it.of("marker") if lx.sector and it.cap]
    return out


def _country_sector(kinds: set[str], items: list[Item], country: str | None) -> str | None:
    """The sector a country word gives: a seat's own, a capital's government, a city's or a people's civilians."""
    if "seat" in kinds:
        return next((lx.sector for it in items for lx in it.of("seat") if lx.code == country), "GOV")
    if "capital" in kinds:
        return "GOV"
    if kinds & {"city", "people"}:
        return "CVL"
    return None
