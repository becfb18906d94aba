"""Where an event happens, and what that says about who takes part in it.

A place can be a participant: an act done in a country is done to it ("fired shells at targets in Jericho"),
except for verbal acts, where it is only the venue; a meeting abroad with nobody named is a visit to that
country; an ethnic group with no better identity belongs to the country where it acts. A place also sets a
meeting's mode (PLOVER CONSULT modes): multilateral at a summit or forum, a visit when it is where the
recipient is, third-party when neither side belongs there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate
from detente.coding.compose import Coded
from detente.coding.context import DocumentContext
from detente.coding.dating import dateline_index, saying_verb
from detente.coding.lexicon import Lexicon
from detente.coding.merge import same_actor
from detente.coding.nounclass import noun_class
from detente.coding.participants import Resolved, Sides
from detente.coding.same_event import earlier_mentions, within
from detente.coding.sentence import sentence_text
from detente.coding.words import PLACE_NOUNS, RESIDENT_WORDS
from detente.ontology import ONTOLOGY
from detente.records import Actor, Location, Mention, Modality
from detente.resolve.dates import tells_its_own_time
from detente.resolve.places import at_capital, country_place, meeting_reference, resolve_event_place
from detente.resolve.places.tied_clause import tied_clause_place
from detente.resolve.places.venues import named_venue_place, venue_name
from detente.syntax import has_to_marker, lemma

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

# How many first sentences of a story with a dateline report what happened where it was filed.
LEAD_SENTENCES = 2
# How many sentences back a meeting's place carries to a later sentence about it.
CARRY_PLACE_SENTENCES = 2
# Verbal acts aimed at an actor: where they are said is a venue, never their recipient.
_VENUE_ONLY = frozenset({"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT"})
_PLACE_PREPS = frozenset({"in", "at", "into", "near", "inside", "across", "to", "from", "on", "outside"})
_WHERE_PREPS = frozenset({"in", "at", "inside", "near", "across", "outside"})
# Verbal acts (PLOVER quad classes 1 and 3): said, so said where their speaker was.
_VERBAL_QUADS = frozenset({1, 3})
# A happening an act is done in ("killed in clashes", "during an attempted coup"): its place is the act's.
_OCCASION_PREPS = frozenset({"in", "during"})
_OCCASION_CLASSES = frozenset({"act", "event"})
# Material acts done to someone or something, which happen where it is ("an arrest of five people in Irbil").
_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Shows of force over the ground they cover, their direct object ("patrolled the South China Sea", "scoured
# Afghanistan's eastern highlands"); not whom they are aimed at ("mobilized troops against Ukraine").
_GROUND_TYPES = frozenset({"MOBILIZE"})
# Material acts (PLOVER quad classes 2 and 4), done where their doers are: "Taliban fighters in southern Afghanistan
# attacked", "dozens of people in Anaheim protested".
_MATERIAL_QUADS = frozenset({2, 4})
# A verbal act is said where its saying is, done or not: "said it would work with", "said it does not support".
_SAID_MODALITIES = frozenset({"asserted", "negated", "planned"})


class Places:
    """Places events and lets the place decide participants and meeting modes; ``multilateral``: words that
    make a meeting multilateral ("summit", "forum", ...); ``lexicon``: the coder's own (a user's ``--lexicon``
    too), whose light verbs and material senses decide what an act was done in."""

    def __init__(self, kb: ActorKB, multilateral: tuple[str, ...], lexicon: Lexicon) -> None:
        self.kb = kb
        self.multilateral = multilateral
        self.lexicon = lexicon

    def locate(self, sent: Span, trigger: Token, context_countries: set[str], coded: Coded | None = None,
               act: Token | None = None) -> Location | None:
        """The event's place (``context_countries``: the document's, for ambiguous names); for an agreement, plan
        or promise (AGREE) with none of its own, the place of the act agreed on (``act``): "paving the way for a
        US visit", "agreed to hold talks in Geneva" happen where that act is to happen; a strike or an arrest
        (``_PATIENT_TYPES``) where what it is done to is ("the arrest of five people in Irbil"); a material act where
        its doers are ("fighters in the south attacked")."""
        patient = coded is not None and coded.type in _PATIENT_TYPES
        ground = coded is not None and coded.type in _GROUND_TYPES
        doer = coded is not None and ONTOLOGY.type_quads.get(coded.type) in _MATERIAL_QUADS
        found = resolve_event_place(sent, trigger, context_countries, patient, occasions(trigger, self.lexicon),
                                    ground=ground, doer=doer)
        if found is None and act is not None and act.i != trigger.i and coded is not None and coded.type == "AGREE":
            found = resolve_event_place(sent, act, context_countries)
        for fight in ([] if found is not None or not patient else fights_of_the_parties(trigger, self.lexicon)):
            found = resolve_event_place(sent, fight, context_countries, True, occasions(fight, self.lexicon))
            if found is not None:
                break
        return found

    def host_place(self, coded: Coded, cand: Candidate, sides: Sides) -> Location | None:
        """A visit or a hosting with no place named happened in the host's country ("Xi hosted Biden")."""
        if coded.type != "CONSULT" or not (coded.mode == "visit" or cand.mention.sense.swap):
            return None
        countries = {a.country for a in sides.targets.actors if a.country}
        return country_place(next(iter(countries))) if len(countries) == 1 else None

    def meeting_place(self, coded: Coded, cand: Candidate, sides: Sides, location: Location | None) -> Location | None:
        """The event's place, else the host's country for a visit or hosting; a meeting placed in a country and
        no city is drawn at its capital's point (still country precision, under the country's name): "visited
        China" is a visit to Beijing's government, not to the middle of Gansu, China's centroid."""
        location = location or self.host_place(coded, cand, sides)
        return at_capital(location) if location is not None and coded.type == "CONSULT" else location

    def lead_place(self, ctx: DocumentContext, index: int) -> Location | None:
        """A wire story's lead happened where it was filed: the dateline's place for an event of the first
        sentences that names none of its own."""
        lead = dateline_index(ctx)
        return ctx.dateline if lead is not None and lead <= index < lead + LEAD_SENTENCES else None

    def carried_place(self, ctx: DocumentContext, index: int, cand: Candidate, coded: Coded, modality: Modality,
                      sides: Sides) -> Location | None:
        """The place the rest of the document gives an event that names none: a meeting told just before
        (``meeting_before``) or the place the document gives the named venue it hangs on (``venue_place``: "on the
        sidelines of the APEC summit"), else the place another clause of its sentence gives it (``tied_clause_place``:
        "captured 40 fighters and were holding them at the city of Jalalabad"). Not the dateline's beyond the lead
        (``lead_place``): the guide uses a dateline for the sentence it opens, and no read draw labels a later act at
        the dateline's city."""
        return self.said_place(ctx, cand, coded, modality, sides) or \
            self.meeting_before(ctx, index, cand, coded, modality, sides) or self.venue_place(ctx, cand, coded) or \
            tied_clause_place(cand.token.sent, cand.token, ctx.countries)

    def said_place(self, ctx: DocumentContext, cand: Candidate, coded: Coded, modality: Modality,
                   sides: Sides) -> Location | None:
        """A verbal act its speaker does by saying it was done where it was said, as it is dated by the saying
        (``dating.saying_verb``): "'The US supports the two-state solution,' she told reporters in New York",
        "In Washington, the IMF said it would work with the new cabinet". The saying's own place only (its
        clause, its audience: ``resolve_event_place``), never the speaker's ("officials in Beijing said")."""
        verb = saying_verb(cand, coded.type, modality, sides, self.lexicon, _SAID_MODALITIES)
        return resolve_event_place(cand.token.sent, verb, ctx.countries) if verb is not None else None

    def meeting_before(self, ctx: DocumentContext, index: int, cand: Candidate, coded: Coded, modality: Modality,
                       sides: Sides) -> Location | None:
        """A meeting told on from the sentences just before took place where they said: "Blinken held talks with
        Qin Gang in Beijing. The two sides discussed Taiwan", "Blinken visited China. He met Xi Jinping",
        "During the meeting, Blinken urged ...". The event is a meeting (not a call) or hangs on "the meeting";
        the earlier one is a meeting with a place, within ``CARRY_PLACE_SENTENCES`` in the same paragraph, and
        every country of this event's is one of its participants' or its place's; the nearest such meeting
        decides (when it has no place, none is carried past it)."""
        if modality != "asserted" or coded.mode == "phone":
            return None
        meetings = [m for m in earlier_mentions(ctx, index, CARRY_PLACE_SENTENCES)
                    if m.type == "CONSULT" and m.mode != "phone" and m.modality == "asserted"]
        if not meetings:
            return None
        if coded.type != "CONSULT" and not meeting_reference(cand.token):
            return self.said_at_meeting(meetings, index, cand, coded, sides)
        for earlier in meetings:
            where = earlier.location
            extra = [where.country] if where is not None and where.country else []
            if within(earlier, sides.sources.actors, sides.targets.actors, extra=extra):
                return where  # the nearest meeting of these countries decides, placed or not
        return None

    def venue_place(self, ctx: DocumentContext, cand: Candidate, coded: Coded) -> Location | None:
        """An event at a named venue took place where the document puts it: "Xi met Biden on the sidelines of the
        APEC summit" in a story that says "the APEC summit in San Francisco" → San Francisco
        (``resolve.places.venues``). Not a call: it is held from afar."""
        name = venue_name(cand.token) if coded.mode != "phone" else None
        return named_venue_place(ctx.doc.text, name, ctx.countries) if name else None

    def said_at_meeting(self, meetings: list[Mention], index: int, cand: Candidate, coded: Coded,
                        sides: Sides) -> Location | None:
        """A verbal act between the two sides of a meeting told in the sentence just before, with no time of its
        own, was said at that meeting: "Wang Yi met Blinken in Beijing on Sunday. Wang urged Washington to stop
        arming Taiwan" → Beijing. Not a material act, not a one-sided one, and not after another sentence."""
        if ONTOLOGY.type_quads.get(coded.type) not in _VERBAL_QUADS or not sides.sources.actors or \
                not sides.targets.actors or tells_its_own_time(cand.token.sent):
            return None
        nearest = meetings[0]
        if nearest.sentence_index != index - 1:
            return None
        where = nearest.location
        extra = [where.country] if where is not None and where.country else []
        return where if within(nearest, sides.sources.actors, sides.targets.actors, extra=extra) else None

    def place_sides(self, coded: Coded, cand: Candidate, location: Location | None, sides: Sides) -> None:
        """Lets the place complete the participants: a visit abroad, residents of the place, a place acted on."""
        sources, targets = sides.sources, sides.targets
        if coded.type == "CONSULT" and not targets.actors and location is not None and location.country and \
                len({a.country for a in sources.actors}) == 1 and \
                location.country not in {a.country for a in sources.actors}:
            # "Wang Yi held talks in Washington": a meeting abroad is a visit to that country
            targets.actors = [Actor(text=location.text, name=location.name, country=location.country, sector=None)]
        where = self.place_actor(location, cand, where_only=True)
        if where is not None:
            # CAMEO codes an ethnic group by the state it lives in: "ethnic Albanians demonstrated in Serbia"
            sources.actors = _residents(sources, where)
            targets.actors = _residents(targets, where)
        place = where or self.place_actor(location, cand)
        if not any(a.country for a in targets.actors) and (coded.type not in _VENUE_ONLY or cand.child is not None):
            # "fired shells at targets in Jericho", "will evacuate settlements in the Gaza Strip": an act
            # done in a place is done to that country
            if place is not None and not any(same_actor(place, x) for x in sources.actors):
                targets.actors = targets.actors + [place]

    def place_actor(self, location: Location | None, cand: Candidate, where_only: bool = False) -> Actor | None:
        """The country where an act happens, as a recipient: the resolved location, else the first place
        named in the act's own clause ("exploded bombs in the capital Kabul"); with ``where_only`` only a
        place it happens in, not one it goes to or comes from."""
        if location is not None and location.country:
            return Actor(text=location.text, name=location.name, country=location.country, sector=None)
        preps = _WHERE_PREPS if where_only else _PLACE_PREPS
        anchor = cand.child.anchor if cand.child is not None else cand.mention.anchor
        skip = {t.i for c in anchor.children if separate_clause(c) for t in c.subtree}
        for tok in anchor.subtree:
            if tok.i in skip or tok.dep_ != "pobj":
                continue
            prep = tok.head
            if prep.lower_ not in preps and not (prep.lower_ == "of" and lemma(prep.head) in PLACE_NOUNS):
                continue
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ("GPE", "LOC"):
                continue
            text = " ".join(t.text for t in tok.subtree if t.dep_ in ("compound", "amod") or t == tok)
            country = self.kb.country_of_name(text) or self.kb.metonym_country(text)
            if country is None:
                found = self.kb.countries_in(text)
                country = next(iter(found)) if len(found) == 1 else None
            if country:
                return Actor(text=text, name=text, country=country, sector=None)
        return None

    def consult_mode(self, coded: Coded, sent: Span, location: Location | None, sources: list[Actor],
                     targets: list[Actor]) -> Coded:
        """Meetings: multilateral at a summit or forum, third-party at a place neither side belongs to, a
        visit when it is where the recipient is (PLOVER CONSULT modes)."""
        if coded.type != "CONSULT" or coded.mode in ("phone", "visit") and coded.cameo != "040":
            return coded
        low = f" {sentence_text(sent.doc).lower()} "
        if any(f" {w} " in low or f" {w}," in low or f"({w})" in low for w in self.multilateral):
            return Coded("CONSULT", "multilateral", coded.cameo if coded.cameo != "042" else "040")
        if coded.mode in ("phone", "third-party") or location is None or not location.country:
            return coded
        src = {a.country for a in sources if a.country}
        tgt = {a.country for a in targets if a.country}
        if location.country in tgt and location.country not in src:
            return Coded("CONSULT", "visit", "042")
        if src and tgt and location.country not in src | tgt:
            return Coded("CONSULT", "third-party", "044")
        return coded


def occasions(trigger: Token, lexicon: Lexicon) -> list[Token]:
    """The happenings an act is done in: an act or event noun under in/during hung on it ("killed during an
    attempted coup in Haiti", "shot dead eight militants in an encounter in southern Kashmir", "killed ten people
    in an attack on a bus in the West Bank"). The act is part of that happening, so it is where the happening is;
    what is only a reason or a topic ("in retaliation for attacks in Gaza", "in violation of a truce") hangs its
    place on another noun, which the place rules refuse. A light verb's object is the act itself ("reached
    agreement during talks in Germany")."""
    found = [obj for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in _OCCASION_PREPS
             for obj in prep.children if obj.dep_ == "pobj" and noun_class(obj) in _OCCASION_CLASSES]
    if trigger.pos_ == "VERB" and lexicon.is_light(lemma(trigger), trigger.lower_):
        found += [obj for obj in trigger.children if obj.dep_ in ("dobj", "obj") and obj.pos_ == "NOUN"]
    return found


def fights_of_the_parties(trigger: Token, lexicon: Lexicon) -> list[Token]:
    """Material acts told of the act's patient or agent in a relative clause: "killed three militants who attacked
    a jeep in the Gaza Strip", "killed the attackers who laid siege to a hotel in Beledweyne". Those struck down
    in their own attack were struck where it was; a clause of another kind is a story apart ("arrested a reporter
    who had worked in Hong Kong")."""
    parties = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    parties += [o for c in trigger.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return [r for p in parties for r in p.children if r.dep_ == "relcl" and _material(r, lexicon)]


def _material(verb: Token, lexicon: Lexicon) -> bool:
    """Does the verb, or the noun it takes as object, have a material sense of a strike or a seizure ("attacked",
    "laid siege")?"""
    senses = [*lexicon.lookup(lemma(verb), "verb"),
              *(s for o in verb.children if o.dep_ in ("dobj", "obj") for s in lexicon.lookup(lemma(o), "noun"))]
    return any(s.type in _PATIENT_TYPES for s in senses)


def separate_clause(tok: Any) -> bool:
    """A clause with its own time and place: a finite relative, complement or adverbial clause (not an
    infinitive: in "a call for forces to be deployed in East Timor" the place is the act's)."""
    if tok.dep_ not in ("relcl", "ccomp", "parataxis", "advcl"):
        return False
    return not has_to_marker(tok)


def _residents(side: Resolved, place: Actor) -> list[Actor]:
    return [resident(a, d, place) for a, d in zip(side.actors, side.described(), strict=True)]


def resident(actor: Actor, description: str, place: Actor) -> Actor:
    """An "ethnic ..." group with no better identity takes the country where the act happens."""
    words = set(f"{actor.text} {description}".lower().split())
    if actor.id is None and words & RESIDENT_WORDS and place.country and actor.country != place.country:
        return Actor(actor.text, actor.name, place.country, actor.sector, actor.id)
    return actor
