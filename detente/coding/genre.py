"""A story about one country's home affairs with no conflict in it reports no exchange between parties: the guide
leaves business, economy, science and politics at home uncoded (docs/labelling.md, the sixth and ninth draws'
decisions: "economics, science", "lifestyle and business news"), and their words are trigger words ("is proposing
$16.2 billion", "vowed to repeal", "teamed up with", "offering courses", "attending the summit").

No word marks such a story; its structure does. A story is one of home business or policy when every coded event
has its sides in one and the same country (a president and his Congress, a ministry and its firms, a party and its
voters) and none of them is conflict (PLOVER's verbal or material conflict: no accusation, ban, arrest or attack):
its acts are plans, deals, offers and meetings. Its exchanges (an agreement, a meeting, cooperation, aid, a
concession or a retreat: ``home_exchange_types``) are the ordinary business of one country's politics, economy or
society, not exchanges between parties. A demand and a statement of support are said of someone, and stay. A story
with conflict at home (an attack and the meeting that follows it, a law that dismantles a government and its
signing) is news of events, and keeps them all; so does a story whose events name two countries' sides anywhere
(tariffs on Chinese panels, a contract for jets with Indonesia).

Read once per story, from its records, when the story is done (``Coder._finish``): a story's genre is known only
from all of it."""

from __future__ import annotations

from detente.coding.convention_words import Conventions, load_conventions
from detente.records import Actor, Mention

__all__ = ["firm_deal", "home_business", "without_home_exchanges"]

# A genre is a story's: read only where events of two sentences or more tell it (a one-sentence text, a snippet
# coded alone, says nothing of the story it came from).
_MIN_SENTENCES = 2
_CONFLICT = frozenset({3, 4})  # PLOVER/CAMEO quad classes: verbal and material conflict
_FIRM = "BUS"  # the KB's sector of firms
_PARTIES = 2  # a deal is between two parties: a firm's own pledge is the decision's to judge (coding/decision.py)


def home_business(records: list[Mention]) -> bool:
    """Whether the story's events, of two sentences or more, are all of one country's sides (actors of no country
    aside) and none of them is conflict."""
    if len({rec.sentence_index for rec in records}) < _MIN_SENTENCES:
        return False
    if any(rec.quad_class in _CONFLICT for rec in records):
        return False
    countries = {a.country for rec in records for a in (*rec.source, *rec.target) if a.country}
    return len(countries) == 1


def firm_deal(rec: Mention, conv: Conventions) -> bool:
    """An exchange between firms: the guide codes company-to-company deals `-` (docs/labelling.md, the ninth
    draw's decisions). Every side is a firm (the KB's sector ``BUS``) or a name the KB does not know ("Uber",
    "Mobileye"), two at least and one a firm: a state, its offices or any known body on a side make it news."""
    if rec.type.lower() not in conv.home_exchange_types:
        return False
    sides = (*rec.source, *rec.target)
    firms = [a for a in sides if a.sector == _FIRM]
    return len(sides) >= _PARTIES and bool(firms) and all(a.sector == _FIRM or _unknown(a) for a in sides)


def _unknown(actor: Actor) -> bool:
    """A name the KB does not know: no sector, entry or canonical name (a country named has its name)."""
    return actor.sector is None and actor.id is None and actor.name is None


def without_home_exchanges(records: list[Mention], conv: Conventions | None = None) -> list[Mention]:
    """The story's records, less its deals between firms, and its exchanges when it is a story of one country's
    business or policy."""
    conv = conv or load_conventions()
    records = [rec for rec in records if not firm_deal(rec, conv)]
    if not home_business(records):
        return records
    return [rec for rec in records if rec.type.lower() not in conv.home_exchange_types]
