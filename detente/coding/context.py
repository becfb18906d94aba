"""What the coder knows about the document whose sentences it is coding: one record per document, passed to
the components that need it (who was named before, which countries the document is about)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from detente.coding.compose import Coded
from detente.coding.references import Mentioned
from detente.nlp import Sentence
from detente.records import Actor, DateResolution, Document, Location, Mention
from detente.resolve.actors import DocumentActors


@dataclass(slots=True)
class DocumentContext:
    """Per-document state while its sentences are coded.

    ``countries``: those the prefilter found in the sentences worth parsing (the context for place names);
    ``country_counts``: every sentence's countries, counted on the first "the two countries";
``dateline``: the place a wire story's dateline names; ``filed``: the day it names, as
    the date of the story's lead; ``dateline_end``: where the dateline ends in the text (0 without one);
    ``home``: the one country the document is clearly about, if any."""

    doc: Document
    sentences: list[Sentence]
    actors: DocumentActors
    countries: set[str]
    selected: list[Sentence] = field(default_factory=list)
    country_counts: Counter[str] | None = None
    records: list[Mention] = field(default_factory=list)
    dateline: Location | None = None
    filed: DateResolution | None = None
    dateline_end: int = 0
    home: str | None = None  # the one country the document is clearly about (``selection.home_country``)
    # actors described, not named ("a senior State Department official"), with their head word, latest last: a
    # later "the official" is the same one
    described: list[tuple[str, Actor]] = field(default_factory=list)
    # the speakers and sources of each coded sentence, in order: what a later pronoun or "the ministry" may stand
    # for (``coding/references.py``)
    mentioned: list[Mentioned] = field(default_factory=list)
    # the sense the story settled for each measure word ("a ban on travel": SANCTION), by lemma: what a later bare
    # "the ban" means (``coding/story_senses.py``)
    measure_senses: dict[str, Coded] = field(default_factory=dict)

    @property
    def day(self) -> dt.date | None:
        """The day the story's sentences are resolved against: its dateline's day, else its publication date."""
        return self.filed.date if self.filed else self.doc.published
