"""A story about one country's home affairs reports no cooperation between parties: the guide leaves business,
economy, science and politics at home uncoded (docs/labelling.md, the sixth and ninth draws' decisions: "economics,
science", "lifestyle and business news"), and their words are trigger words ("is proposing $16.2 billion",
"vowed to repeal", "teamed up with", "signed agreements", "attending the summit").

No word marks such a story; its structure does. A story whose every coded event has its sides in one and the same
country (a president and his Congress, a ministry and its firms, a party and its voters) is home news, and what it
codes as cooperation (PLOVER's verbal and material cooperation: meeting, agreeing, offering, supporting) is the
ordinary business of one country's politics, economy or society, not an exchange between parties. Its conflict stays:
an attack, an arrest, a ban blocked by a judge, an accusation are labelled at home too. A story that names two
countries' sides anywhere (tariffs on Chinese panels, a contract for jets with Indonesia) keeps all its events.

Read once per story, from its records, when the story is done (``Coder._finish``): the genre of a story is
known only from all of it."""

from __future__ import annotations

from detente.records import Mention

__all__ = ["home_story", "without_home_cooperation"]

_COOPERATION = frozenset({1, 2})  # PLOVER/CAMEO quad classes: verbal and material cooperation


def home_story(records: list[Mention]) -> bool:
    """Whether every side of every event the story codes is of one country (actors of no country aside)."""
    countries = {a.country for rec in records for a in (*rec.source, *rec.target) if a.country}
    return len(countries) == 1


def without_home_cooperation(records: list[Mention]) -> list[Mention]:
    """The story's records, less its cooperation when it is a story of one country's home affairs."""
    if not home_story(records):
        return records
    return [rec for rec in records if rec.quad_class not in _COOPERATION]
