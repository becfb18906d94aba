"""The other side of an act whose text names one side only: whom a directed act with no recipient named is aimed
at ("Afghanistan's ministry rejected the allegations": Pakistan's), who imposed a measure that names only whom it
hits ("sanctions against Turkey": the United States), and the two countries a story is mostly about ("the two
countries"). Kept apart from ``participants.py`` because the reading is one of countries counted over the clause,
the sentence and the document, not of what one phrase resolves to.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.candidates import Candidate
from detente.coding.context import DocumentContext
from detente.coding.earlier import SUBCLAUSE_DEPS
from detente.coding.lexicon import load_data
from detente.coding.sentence import sentence_text
from detente.coding.spans import Arg
from detente.records import Actor

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

# Types whose acts are always done to someone: with no recipient named, the other side takes it.
_RECIPIENTS = load_data("recipients.yaml")
DIRECTED_TYPES = frozenset(str(t) for t in _RECIPIENTS["directed_types"])


def other_side(kb: ActorKB, ctx: DocumentContext, cand: Candidate, sources: list[Actor],
               targets: list[Actor]) -> list[Actor]:
    """Whom a directed act with no recipient named is aimed at (see ``counterpart``): "Afghanistan's
    ministry called Pakistan's assertions baseless", "Berisha rejected the allegations" in a story of US
    sanctions on him. Applied by ``Participants.domestic_target`` once the place has had its say."""
    if targets or cand.coded.type not in DIRECTED_TYPES or cand.mention.sense.fallback or \
            any(n.startswith("classifier:") for n in cand.notes):
        return []  # an act read from its verb's default meaning, or guessed by the statistical layer
        # (coding/classifier.py), needs a recipient the text names
    # whom an act is aimed at is named in its own clause: "leading South Korea to call for its own weapons"
    # is no call on the US named elsewhere in the sentence; a speaker's statement read from what was said
    # (coding/statements.py) is aimed at whoever it answers, not at someone named in it ("Akar said the
    # S-400 poses no threat to NATO systems" denies an accusation, not NATO)
    spoken = cand.needs_speaker_source or (cand.speaker is not None and
                                           any(a.token == cand.speaker.token for a in cand.sources))
    clause = set() if spoken else codes_in(kb, clause_text(cand.mention.anchor))
    return counterpart(kb, ctx, cand, sources, cand.sources, clause)


def counterpart(kb: ActorKB, ctx: DocumentContext, cand: Candidate, side: list[Actor], phrases: list[Arg],
                where: set[str] | None) -> list[Actor]:
    """The other party to an act whose one ``side`` is of one country: the one other country named
    ``where`` (the countries of the sentence, or of the act's clause) outside that side's own ``phrases``;
    naming no other, the document's own country when the story is about that one, else the other of the
    two countries the document is about (named in two sentences at least)."""
    own = {a.country for a in side if a.country}
    if len(own) != 1:
        return []
    if where is None:
        where = codes_in(kb, sentence_text(cand.token.doc))
    named = where - own
    described: set[str] = set()
    if named:
        # countries inside the actor's own phrase describe it ("Al-Shabab, a U.S.-designated group")
        for arg in phrases:
            described |= codes_in(kb, phrase_text(arg.token))
        named -= described
    if len(named) > 1:
        return []
    if not named and ctx.home is not None and own == {ctx.home}:
        named = own  # in a story about one country its actors' acts are done at home
    if not named:
        dyad = document_dyad(kb, ctx)
        if len(dyad) < 2 or not own < set(dyad):
            return []
        named = set(dyad) - own
        counts = ctx.country_counts or Counter()
        if named & described or any(counts[c] < 2 for c in named):
            return []  # the story's other country is the one describing the actor here, or barely named
    country = next(iter(named))
    return [Actor(text=country, name=None, country=country, sector=None)]


def codes_in(kb: ActorKB, text: str) -> set[str]:
    """The codes of the countries and the intergovernmental bodies a text names."""
    countries, bodies = kb.named_in(text, press=False)
    return countries | bodies


def document_dyad(kb: ActorKB, ctx: DocumentContext) -> list[str]:
    """The two countries a document is mostly about ("the two countries" refers to them)."""
    if ctx.country_counts is None:
        counts: Counter[str] = Counter()
        for s in ctx.sentences:
            counts.update(kb.countries_in(s.text, press=False))
        ctx.country_counts = counts
    # ties by name, so the answer never depends on the order sets were filled in
    return [c for c, _ in sorted(ctx.country_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]


def clause_text(tok: Token) -> str:
    """The words of the clause ``tok`` acts in (its verb's subtree): "leading South Korea to call for its own
    weapons" is about no other country even when the sentence names the US elsewhere."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return " ".join(t.text for t in node.subtree)


def phrase_text(tok: Token) -> str:
    """The words of the noun phrase ``tok`` heads, appositions included, clauses on it left out: "Al-Shabab, a
    U.S.-designated terrorist group" but not "the shipping line, which the State Department has called ..."."""
    clauses = {t.i for c in tok.children if c.dep_ in SUBCLAUSE_DEPS for t in c.subtree}
    return " ".join(t.text for t in tok.subtree if t.i not in clauses)
