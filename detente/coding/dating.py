"""When an event happened, and what its date says: an event dated long before publication is about whoever
held the office then, and an act dated after publication has not happened yet."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.compose import Coded, Composer
from detente.coding.context import DocumentContext
from detente.coding.lexicon import Lexicon
from detente.coding.modality import dated_modality
from detente.coding.participants import Sides
from detente.coding.same_event import countries, earlier_mentions, within
from detente.coding.speaker import speaker_of
from detente.ontology import ONTOLOGY
from detente.records import DateResolution, Modality
from detente.resolve.dates import event_tense, resolve_event_date, tells_its_own_time
from detente.resolve.places import Dateline, meeting_reference
from detente.syntax import children, clause_head

_RESOLVE_AGAIN_DAYS = 180  # an event this far from publication is resolved again as of its own date
# How many sentences back, in the same paragraph, an event's date carries to a later sentence about it.
CARRY_DATE_SENTENCES = 3
# Verbal acts (PLOVER quad classes 1 and 3) but meetings: done by saying them.
_SAID_QUADS = frozenset({1, 3})


def date_event(sent: Span, trigger: Token, published: dt.date | None, skip_to: int = 0) -> DateResolution:
    """The event's own date (``skip_to``: characters of a dateline opening the sentence, which date nothing)."""
    return resolve_event_date(sent, trigger, published, skip_to)


def far_from_publication(date: DateResolution, published: dt.date | None) -> bool:
    """Far enough from publication that its actors are resolved again as of the event's own date."""
    return bool(date.date and published and date.precision != "unresolved" and
                abs((date.date - published).days) > _RESOLVE_AGAIN_DAYS)


def as_dated(cand: Candidate, date: DateResolution, published: dt.date | None,
             composer: Composer) -> tuple[Coded, Modality]:
    """The candidate's act and modality given its date (``modality.dated_modality``): an act dated after
    publication is announced, not yet happened, and announced cooperation is an intention."""
    coded = cand.coded
    modality = dated_modality(cand.modality, date, published, demand=cand.needs_speaker_source)
    if modality != cand.modality and coded.type in composer.cooperative:
        coded = composer.intended(coded)
    return coded, modality


def carried_date(ctx: DocumentContext, index: int, trigger: Token, event_type: str, modality: Modality,
                 sides: Sides) -> DateResolution | None:
    """An event told on from the sentences just before keeps the date they gave: "Blinken held talks with Qin
    Gang on Sunday. The two sides discussed Taiwan", "During the meeting, Blinken urged ...". The earlier
    mention, within ``CARRY_DATE_SENTENCES`` in the same paragraph, is the same event: the same type (or a
    meeting this one hangs on: "during the meeting"), the same modality, and no country or named person that it
    lacks (side by side, but for meetings); the nearest such mention decides. Not when this sentence has a
    temporal expression or a word of time of its own, even one that resolves to no date ("days later", "again",
    ``dates.tells_its_own_time``), nor for a perfect ("has accused"): both tell of a time of their own."""
    earlier_ones = list(earlier_mentions(ctx, index, CARRY_DATE_SENTENCES))
    if not earlier_ones or _perfect(trigger) or tells_its_own_time(trigger.sent):
        return None
    hangs_on_meeting = meeting_reference(trigger)
    sources, targets = sides.sources.actors, sides.targets.actors
    for earlier in earlier_ones:
        meeting = hangs_on_meeting and earlier.type == "CONSULT"
        if (earlier.type != event_type and not meeting) or earlier.modality != modality:
            continue
        if within(earlier, sources, targets, same_people=True, directed=not meeting and event_type != "CONSULT"):
            if earlier.date_precision == "unresolved":
                return None  # the nearest telling of the event decides: it gave no date
            return DateResolution(earlier.date, earlier.date_end, earlier.date_precision, earlier.date_text)
    return None


def _perfect(trigger: Token) -> bool:
    """A perfect clause ("has accused", "had met") places its event in a period of its own, not on a day told
    before."""
    head = clause_head(trigger)
    return head.tag_ == "VBN" and any(a.lemma_ == "have" for a in children(head, "aux"))


def dateline_index(ctx: DocumentContext) -> int | None:
    """The index of the sentence the story's dateline opens (the first, or the first after a title or byline
    line), or None without a dateline."""
    if not ctx.dateline_end:
        return None
    for sentence in ctx.sentences:
        if sentence.start < ctx.dateline_end <= sentence.end:
            return sentence.index
    return None


def dateline_chars(ctx: DocumentContext, index: int) -> int:
    """How many characters of sentence ``index`` are the story's dateline (with any title lines before it)."""
    if index != dateline_index(ctx):
        return 0
    start = next(s.start for s in ctx.sentences if s.index == index)
    return max(0, ctx.dateline_end - start)


def filed(dateline: Dateline | None, published: dt.date | None) -> DateResolution | None:
    """The day a story's dateline names ("BEIJING, June 19 (Reuters) -"), in the year that puts it on or just
    before publication: the day its relative dates count from and its lead happened on."""
    day = dateline.date(published) if dateline else None
    return DateResolution(day, None, "day", dateline.date_text) if dateline and day else None


def lead_date(ctx: DocumentContext, index: int, modality: Modality) -> DateResolution | None:
    """A wire story's lead tells what happened the day it was filed: an event of the dateline's own sentence
    that names no date of its own took place on the dateline's day (not a planned or supposed one)."""
    return ctx.filed if index == dateline_index(ctx) and modality in ("asserted", "negated") else None


def said_date(sent: Span, cand: Candidate, event_type: str, modality: Modality, sides: Sides,
              published: dt.date | None, lexicon: Lexicon, skip_to: int = 0) -> DateResolution | None:
    """A verbal act its speaker does by saying it is dated by the saying: "Putin said Thursday that Russia
    supports the proposal", "'We reject the allegations,' the spokesperson said on Monday", "Beijing said on
    Friday it would respond firmly". Only an asserted verbal act (support, demand, accusation, refusal, threat,
    promise; not a meeting) in the present or future tense (a past one was done before it was told: "said on
    Friday that it closed 12 outlets" leaves the closing undated), whose speaker is its source (their countries)
    or resolves to no country ("the military said Wednesday", "Dodik's lawyer said Thursday": nobody of another
    side, so nothing says the stance was not the one the saying voiced).
    A past content about the target's own conduct is a judgement passed by the saying (``judged_conduct``):
    "'The Kabul authorities have failed to address the threat,' the envoy said Monday" → Monday; so is an act
    whose source is the speaker, read from what is said (``needs_speaker_source``: "'The attackers were in touch
    with handlers in Afghanistan,' the spokesman told reporters on Wednesday" → Wednesday)."""
    verb = saying_verb(cand, event_type, modality, sides, lexicon)
    if verb is None:
        return None
    said = resolve_event_date(sent, verb, published, skip_to)
    return said if said.precision != "unresolved" else None


def saying_verb(cand: Candidate, event_type: str, modality: Modality, sides: Sides, lexicon: Lexicon,
                modalities: frozenset[str] = frozenset({"asserted"})) -> Token | None:
    """The verb of saying whose saying does the verbal act (``said_date`` says which acts), or None: its date and
    place are the act's when the act's own words give none. ``modalities``: those a saying does the act in (a
    promise of what will be done, "said it would work with", is dated when the work is to be, but was made where
    it was said)."""
    if modality not in modalities or event_type == "CONSULT" or ONTOLOGY.type_quads.get(event_type) not in _SAID_QUADS:
        return None
    if event_tense(cand.token) == "past" and not judged_conduct(cand) and not cand.needs_speaker_source:
        return None  # (an act read from the saying itself, its speaker the source, is done by saying it)
    speaker = countries(sides.speaker)
    if speaker and not speaker <= countries(sides.sources.actors):
        return None  # another side's stance, told by its opponent: not done by this saying
    _, _, verb = speaker_of(cand.mention.anchor, lexicon)
    return None if verb is None or verb.i == cand.token.i else verb


def judged_conduct(cand: Candidate) -> bool:
    """Does the event's clause tell of its target's own conduct, its subject being the target and no source
    ("the Kabul authorities have failed to ...", "Washington violated the deal")? Then the verbal act is the
    speaker's judgement of that conduct, made when it is said, whenever the conduct was; a past act of the
    source's own ("said Friday that China rejected the offer") was done before it was told."""
    targets = {a.token.i for a in cand.targets}
    sources = {a.token.i for a in cand.sources}
    subjects = children(clause_head(cand.token), "nsubj", "nsubjpass")
    return any(s.i in targets and s.i not in sources for s in subjects)


def date_in_context(ctx: DocumentContext, index: int, sent: Span, cand: Candidate, event_type: str,
                    modality: Modality, sides: Sides, published: dt.date | None, lexicon: Lexicon,
                    date: DateResolution) -> DateResolution:
    """``date``, the event's own, unless its words give none: then the saying's for a verbal act done by saying
    it (``said_date``: a day the sentence names, before the dateline's: "TIRASPOL, March 28. /TASS/. X said on
    Monday he is worried" was said on Monday), the dateline's day for the lead (``lead_date``), or the date an
    earlier sentence gave the same event (``carried_date``)."""
    if date.precision != "unresolved" or date.text is not None:
        return date
    return said_date(
        sent, cand, event_type, modality, sides, published, lexicon, dateline_chars(ctx, index),
    ) or lead_date(ctx, index, modality) or carried_date(ctx, index, cand.token, event_type, modality, sides) or date
