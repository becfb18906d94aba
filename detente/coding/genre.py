"""A story about one country's home affairs reports no exchange between parties: the guide leaves business,
economy, science and politics at home uncoded (docs/labelling.md, the sixth and ninth draws' decisions: "economics,
science", "lifestyle and business news"), and their words are trigger words ("is proposing $16.2 billion",
"vowed to repeal", "teamed up with", "signed agreements", "attending the summit").

No word marks such a story; its structure does. A story whose every coded event has its sides in one and the same
country (a president and his Congress, a ministry and its firms, a party and its voters) is home news. An exchange
(an agreement, a meeting, cooperation, aid, a concession or a retreat: ``home_exchange_types``) that it codes with
no counterpart of a country, or no actor of one, is the ordinary business of one country's politics, economy or
society (a plan proposed, a firm's partnership, a party's vow), not an exchange between parties. What stays: an
exchange whose two sides the story names (a president meets his party's leaders: the guide codes meetings at home),
a demand and a statement of support, which are said of someone and labelled at home, and all conflict (an attack,
an arrest, a ban blocked by a judge). A story whose events name two countries' sides anywhere (tariffs on Chinese
panels, a contract for jets with Indonesia) keeps all its events.

Read once per story, from its records, when the story is done (``Coder._finish``): a story's genre is known only
from all of it."""

from __future__ import annotations

from detente.coding.convention_words import Conventions, load_conventions
from detente.records import Mention

__all__ = ["home_story", "without_home_exchanges"]

# A genre is a story's: read only where events of two sentences or more tell it (a one-sentence text, a snippet
# coded alone, says nothing of the story it came from).
_MIN_SENTENCES = 2


def home_story(records: list[Mention]) -> bool:
    """Whether every side of every event the story codes is of one country (actors of no country aside), in
    events of two sentences or more."""
    if len({rec.sentence_index for rec in records}) < _MIN_SENTENCES:
        return False
    countries = {a.country for rec in records for a in (*rec.source, *rec.target) if a.country}
    return len(countries) == 1


def without_home_exchanges(records: list[Mention], conv: Conventions | None = None) -> list[Mention]:
    """The story's records, less its one-sided exchanges when it is a story of one country's home affairs."""
    if not home_story(records):
        return records
    conv = conv or load_conventions()
    return [rec for rec in records if not _one_sided_exchange(rec, conv)]


def _one_sided_exchange(rec: Mention, conv: Conventions) -> bool:
    """An exchange coded without a side of a country: no counterpart, or no actor, that a country is known of."""
    if rec.type.lower() not in conv.home_exchange_types:
        return False
    return not any(a.country for a in rec.source) or not any(a.country for a in rec.target)
