"""One event told over several sentences: which mention of the sentences just before is the same event.

News tells a meeting once with its place and day ("Blinken held talks with Qin Gang in Beijing on Sunday") and
then goes on about it without repeating them ("The two sides discussed Taiwan", "During the meeting, Blinken
urged ..."). The later sentence's event may take the place and date the earlier one gave when it is the same
event: close by, in the same paragraph, between the same countries, as ``places.carried_place`` and
``dating.carried_date`` decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from detente.coding.context import DocumentContext
from detente.records import Actor, Mention

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def same_paragraph(ctx: DocumentContext, first: int, last: int) -> bool:
    """No blank line between sentence ``first`` and sentence ``last`` of the document."""
    sentences = ctx.sentences
    if not (0 <= first <= last < len(sentences)):
        return False
    return _BLANK_LINE.search(ctx.doc.text, sentences[first].start, sentences[last].start) is None


def earlier_mentions(ctx: DocumentContext, index: int, window: int) -> Iterator[Mention]:
    """The mentions of the ``window`` sentences before sentence ``index`` in its paragraph, the latest
    sentence first (most confident first within a sentence)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in reversed(ctx.records):  # in sentence order: only the last few are looked at
        if m.sentence_index < index - window:
            break
        if m.sentence_index < index:
            by_sentence.setdefault(m.sentence_index, []).append(m)
    for i in sorted(by_sentence, reverse=True):
        if not same_paragraph(ctx, i, index):
            return
        yield from sorted(by_sentence[i], key=lambda m: -m.confidence)


def countries(actors: Iterable[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def within(earlier: Mention, sources: list[Actor], targets: list[Actor], extra: Iterable[str] = (),
           same_people: bool = False, directed: bool = False) -> bool:
    """The event's actors are among the earlier mention's: every country of theirs is one of its participants'
    (or ``extra``); ``directed``: side by side, its sources' among the earlier sources' and its targets' among the
    earlier targets' ("Afghanistan rejected ... Pakistan rejected ..." are two acts); ``same_people``: every
    person or body the knowledge base names is one of the earlier actors too."""
    mine = countries([*sources, *targets])
    theirs = countries(earlier.source) | countries(earlier.target) | set(extra)
    if not mine or not mine <= theirs:
        return False
    if directed and not (countries(sources) and countries(sources) <= countries(earlier.source) and
                         countries(targets) <= countries(earlier.target) | set(extra)):
        return False
    if same_people:
        known = {a.id for a in [*earlier.source, *earlier.target] if a.id}
        return all(a.id in known for a in [*sources, *targets] if a.id and not a.id.startswith("country/"))
    return True
