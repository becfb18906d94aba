"""Which place in its sentence is an event's: the place attached to the event's own clause (by in/at, as the
object of a visit, the destination of travel, a venue's place or host), searched in the clauses the event's
date is searched in (``dates.event_clauses``). Nothing attached → None, never a guess."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.records import Location
from detente.resolve.dates import ClauseCandidate, event_clauses
from detente.resolve.places.cues import PLACE_LABELS as _PLACE_LABELS
from detente.resolve.places.cues import place_cues
from detente.resolve.places.gazetteer import _gazetteer, country_named, lookup_place, normalize_place
from detente.resolve.places.naming import _area_kind, _possessor, resolve_mention, written_place
from detente.syntax import clause_head, lemma, path_to, prep_attachment, tokens

# The prepositions that name whom an act is done with: "talks with Wang Yi in Vienna", "talks between Afghan and
# British officials in Kabul".
_WITH = frozenset({"with", "between"})


@dataclass(slots=True)
class _Candidate(ClauseCandidate):
    keeps: bool  # the words between place and clause leave it the event's place (see keeps_event_place)


def place_spans(sent: Span) -> tuple[Span, ...]:
    """The place mentions of a sentence, kept per parsed sentence: each act of the sentence, and the other
    clauses that may place it (``tied_clause``), asks the same spans."""
    kept: dict[tuple[int, int], tuple[Span, ...]] = sent.doc.user_data.setdefault("detente.place_spans", {})
    key = (sent.start, sent.end)
    if key not in kept:
        kept[key] = tuple(_found_place_spans(sent))
    return kept[key]


def _found_place_spans(sent: Span) -> list[Span]:
    gaz = _gazetteer()
    spans = []
    capitals = _capital_spans(sent)
    possessors = {p.start for p in (_possessor(e) for e in sent.ents if e.label_ in _PLACE_LABELS) if p is not None}
    for ent in sent.ents:
        if any(c.start <= ent.start < c.end for c in capitals):
            continue  # the "China" of "China's capital" names the capital's country, not the place
        if ent.start in possessors:
            continue  # the "China" of "China's Xinjiang region" qualifies the place named after it
        if ent.label_ in _PLACE_LABELS or (ent.label_ == "ORG" and normalize_place(ent.text) in gaz.landmarks) or \
                _area_kind(ent) is not None:
            spans.append(ent)
    return spans + capitals


def _capital_spans(sent: Span) -> list[Span]:
    """"the Austrian capital", "China's capital", "the U.S. capital": a capital named by its country only (one
    that names itself, "the capital, Kabul", is found by its name)."""
    cues = place_cues()
    found = []
    for tok in tokens(sent):
        if tok.pos_ != "NOUN" or lemma(tok) not in cues.capital_nouns:
            continue
        if any(c.dep_ in ("appos", "prep") and (c.ent_type_ in _PLACE_LABELS or
                                                any(g.ent_type_ in _PLACE_LABELS for g in c.children))
               for c in tok.children):
            continue
        country = [c for c in tok.children
                   if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE")]
        if country:
            found.append(sent.doc[country[0].left_edge.i : tok.i + 1])
    return found


def place_attachment(span: Span) -> Token | None:
    """The token a place reports the location of, or None when the syntax makes it something else (a topic,
    an origin, an actor): "met in Malta" → met; "at the Filoli estate" → met; "travel to Washington" → travel;
    "visited Beijing" → visited; "a US visit" → visit."""
    cues = place_cues()
    outside = [t for t in span if not (span.start <= t.head.i < span.end) and t.pos_ in ("NOUN", "PROPN")]
    root = outside[0] if outside else span.root
    while root.dep_ in ("conj", "appos") and root.head.ent_type_ in _PLACE_LABELS:
        root = root.head  # "in Beijing and Shanghai", "in Bali, Indonesia": the first names the relation
    before = span.doc[span.start - 2] if span.start - 2 >= span.sent.start else None
    if before is not None and span.doc[span.start - 1].text == "," and lemma(before) in cues.place_nouns and \
            before.pos_ == "NOUN":
        root = before  # "in the capital, Kabul", however the parser hung the name
    elif root.dep_ == "appos" and lemma(root.head) in cues.place_nouns:
        root = root.head  # "in the capital, Kabul"
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in cues.place_nouns:
        root = root.head.head  # "in the Swiss city of Geneva"
    part = part_of_place(root)
    if part is not None:
        root = part  # "on the edge of the town of Jenin": the part stands where the place stands
    head = root.head
    if _describes_named_place(root):
        return None  # "in the Red Sea port city of Jeddah": the sea says where Jeddah lies, Jeddah is the place
    if root.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in cues.visit_nouns | cues.venue_nouns:
        return head  # "a US visit", "the San Francisco meeting"
    venue = _hosted_venue(root)
    if venue is not None:
        return venue  # "a Singapore-hosted forum", "a summit hosted by Indonesia": where the host is
    if _town_named_doer(span, root):
        return head  # "Melbourne construction workers walked off the job", "a Seattle court ruled"
    if root.dep_ in ("compound", "nmod", "poss") and head.dep_ == "pobj":
        root, head = head, head.head  # "at the Filoli estate", "at Hong Kong's City Hall"
    attached = prep_attachment(root)
    if attached is not None:
        prep, to = attached
        if prep in cues.location_preps and to.pos_ == "ADV" and lemma(to) in cues.place_adverbs and \
                to.head.i != to.i:
            return to.head  # "killed dozens of militants elsewhere in Hirshabelle"
        if prep in cues.location_preps or (part is not None and prep in cues.part_preps):
            return to
        if prep in cues.landmark_preps and _landmark(span):
            return to  # "meeting on Capitol Hill"
        if prep == "to" and lemma(to) in cues.motion_lemmas:
            return to
        if prep in cues.transit_preps and lemma(to) in cues.transit_lemmas:
            return to  # "sailed through the Taiwan Strait": where the ship was
        return None
    if root.dep_ == "dobj" and head.lemma_.lower() in cues.visit_verbs | cues.transit_verbs:
        return head  # "visited Beijing", "transited the Taiwan Strait"
    return None


def _landmark(span: Span) -> bool:
    """Is the place a landmark the gazetteer knows ("Capitol Hill", "the White House")? One is stood on as well as
    in ("on Capitol Hill"); a country or town "on" an act is what it is aimed at ("pressure on Beijing")."""
    return normalize_place(span.text) in _gazetteer().landmarks


def part_of_place(root: Token) -> Token | None:
    """The part of a place this place is named as the whole of: the "edge" of "on the northern edge of the Gaza
    Strip", the "outskirts" of "on the outskirts of Kabul" (``part_nouns``). What happens there happens in it."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" and \
            lemma(root.head.head) in place_cues().part_nouns and root.head.head.dep_ == "pobj":
        return root.head.head
    return None


def _describes_named_place(root: Token) -> bool:
    """Does this place modify a kind of place that names its own ("the Red Sea port city of Jeddah", "the Black Sea
    resort of Sochi")? It tells where that place lies; the named one is where things happen."""
    head = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or lemma(head) not in place_cues().place_nouns:
        return False
    return any(prep.lower_ == "of" and any(o.dep_ == "pobj" and o.ent_type_ in _PLACE_LABELS for o in prep.children)
               for prep in head.children)


def _hosted_venue(root: Token) -> Token | None:
    """The venue noun a place hosts: "a Singapore-hosted forum" (the name hangs on "hosted"), "the summit
    hosted by Indonesia" (the name is the participle's agent)."""
    cues = place_cues()
    participle = None
    if root.dep_ in ("npadvmod", "compound") and root.head.dep_ == "amod":
        participle = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.dep_ == "acl":
        participle = root.head.head
    if participle is not None and participle.lemma_.lower() in cues.venue_participles and \
            participle.head.lemma_.lower() in cues.venue_nouns:
        return participle.head
    return None


def _venue_clause(clause: Token) -> Token:
    """A place in a participle on a venue ("the APEC summit hosted by the US in San Francisco") is the venue's:
    its clause is the one the venue noun sits in."""
    cues = place_cues()
    while clause.dep_ == "acl" and clause.lemma_.lower() in cues.venue_participles and \
            clause.head.lemma_.lower() in cues.venue_nouns and clause.head.i != clause.i:
        clause = clause_head(clause.head)
    return clause


def keeps_event_place(path: list[Token], trigger: Token, patient: bool = False,
                      occasion_ids: frozenset[int] = frozenset(), doer: bool = False) -> bool:
    """The words between a place and its clause (up to the trigger, when the place hangs below it) leave it the
    event's place: event, venue and travel nouns ("on the sidelines of the G20 meetings in Bali", "a comeback
    to the United States"), never an office or an issue ("head of the party's office in Beijing", "Russia's war
    in Ukraine"); with ``patient`` (a material act), also what the act is done to (``_patient``); the happenings
    the act is done in (``occasion_ids``, their token indices: "killed during an attempted coup in Haiti") and,
    for a material act, what they are done to ("killed ten people in an attack on a bus in the West Bank"); with
    ``doer`` (a material act), who does it (``_doer``: "Taliban fighters in southern Afghanistan attacked")."""
    cues = place_cues()
    if doer and path and _doer(path[0], trigger):
        return True
    nouns = cues.venue_nouns | cues.motion_lemmas | cues.visit_nouns
    for n, tok in enumerate(path):
        if tok.i == trigger.i:
            return True
        if n == 0 and tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.site_nouns and tok.dep_ == "pobj" and \
                tok.head.lower_ in cues.location_preps:
            continue  # "confined in internment camps in Xinjiang": a site in or at the place
        if tok.i in occasion_ids or (patient and (_patient(tok, trigger, occasion_ids) or _agent(tok))):
            continue
        if n == 0 and _seated_doer(tok):
            continue
        if n <= 1 and _audience(path[0]) and (n == 0 or tok.lower_ == "to"):
            continue  # "told reporters in Beijing", "speaking to reporters at the White House"
        if tok.dep_ == "prep":
            if tok.lower_ not in cues.path_preps and not _participant(tok, trigger) and not _occasion(tok, path[:n]):
                return False
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in nouns and not _participant(tok, trigger):
            return False
    return True


def _doer(tok: Token, trigger: Token) -> bool:
    """Is ``tok`` the subject of the act, or what a quantity subject counts ("Taliban fighters in southern
    Afghanistan attacked", "dozens of people in Anaheim protested")? Who does a material act with their own hands
    is where it is done; a verbal act's speaker may speak from anywhere, so the caller asks only for material
    acts ("officials in Beijing said" stays unplaced)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "soldiers and police in the north raided ..."
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        tok = tok.head.head  # "dozens of people in Anaheim", "thousands of protesters in Yangon"
    return tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.dep_ == "nsubj" and tok.head.i == trigger.i


def _audience(tok: Token) -> bool:
    """Is ``tok`` whom a speaker speaks to ("told reporters in Beijing", "speaking to journalists at the White
    House")? A place hung on the audience is where the words were said (``audience_nouns``; never the speaker:
    "officials in Beijing said" is who spoke)."""
    if tok.pos_ != "NOUN" or lemma(tok) not in place_cues().audience_nouns:
        return False
    return tok.dep_ in ("dobj", "obj", "dative") or (tok.dep_ == "pobj" and tok.head.lower_ == "to")


def _patient(tok: Token, trigger: Token, occasion_ids: frozenset[int] = frozenset()) -> bool:
    """What a material act is done to, or the preposition that hangs it on the act: its direct object ("attacked
    villages in the north") or the object of against/on/of/at hung on the act or its object ("airstrikes against IS
    in Syria", "imposed a curfew on six townships in Yangon", "the arrest of five people in Irbil"). A strike or an
    arrest happens where its target is, so a place hung on the target is the act's."""
    preps = place_cues().patient_preps

    def acted_on(head: Token) -> bool:
        """The act ("the arrest of"), its object ("imposed a curfew on several districts in X"), or the verb it
        is the object of ("launched an assault on a base in X")."""
        return head.i == trigger.i or head.i in occasion_ids or \
            (head.dep_ in ("dobj", "obj") and head.head.i == trigger.i) or \
            (trigger.dep_ in ("dobj", "obj") and head.i == trigger.head.i)

    if tok.dep_ == "prep":
        return tok.lower_ in preps and acted_on(tok.head)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "obj"):
        return tok.head.i == trigger.i
    return tok.dep_ == "pobj" and tok.head.lower_ in preps and acted_on(tok.head.head)


def _whose_act(span: Span) -> bool:
    """Is the place a country named as the doer of a material act noun, "the US bombing", "Russia's attack on
    Kyiv"? A country's strikes are its own, not strikes in it; a town's are where they were ("the Bali bombing")."""
    root, cues = span.root, place_cues()
    if root.dep_ not in ("compound", "nmod", "amod", "poss") or root.head.pos_ != "NOUN" or \
            lemma(root.head) in cues.place_nouns | cues.site_nouns or _owned_land(root.head):
        return False
    found = lookup_place(span.text)
    return found is not None and found.precision == "country"


def _occasion(prep: Token, below: list[Token]) -> bool:
    """Is ``prep`` the "for" of an occasion gone to or joined ("will join Waltz for the Jeddah talks", "arrived
    for talks in Geneva")? Whoever goes or joins for it is where it is held; what is only asked or pressed "for"
    is not (``occasion_verbs``)."""
    cues = place_cues()
    return prep.lower_ == "for" and lemma(prep.head) in cues.occasion_verbs and \
        any(t.dep_ == "pobj" and t.head.i == prep.i and lemma(t) in cues.venue_nouns for t in below)


def _struck(span: Span, trigger: Token, occasion_ids: frozenset[int] = frozenset()) -> bool:
    """Is the place what a material act is done to: its direct object ("shelled Kharkiv", "the airstrikes targeted
    the Damasha and Shabeelow areas"), the object of against/on/of/at on the act, its object or its occasion
    ("launched strikes on Nablus", "wounded in the bombing of Kandahar airport"), a town naming a site struck
    ("bombed Gaza City security buildings") or a place possessing the land struck ("scoured Afghanistan's eastern
    highlands")? Then the act happened there. A country naming the site says whose it
    is ("attacked a US base"), not where."""
    obj = _area_kind(span) or span.root
    if obj.dep_ in ("compound", "nmod") and obj.head.pos_ == "NOUN" and obj.i < obj.head.i:
        site = next((t for t in obj.head.subtree if t.i > obj.i and lemma(t) in place_cues().site_nouns and
                     t.pos_ == "NOUN" and obj.head in (t, *t.ancestors)), None)
        found = lookup_place(span.text) if site is not None else None
        if site is None or found is None or found.precision == "country":
            return False
        obj = obj.head
    elif obj.dep_ == "poss" and _owned_land(obj.head):
        obj = obj.head  # "scoured Afghanistan's eastern highlands", "shelled Ukraine's cities"
    if obj.dep_ in ("dobj", "obj"):
        return obj.head.i == trigger.i
    return obj.dep_ == "pobj" and _patient(obj, trigger, occasion_ids)


def _owned_land(noun: Token) -> bool:
    """Is the noun a stretch of land or a natural feature ("highlands", "cities", "border areas"), so that the place
    possessing it says where it lies? A possessed site or body ("Russia's embassy", "Ukraine's army") only says
    whose it is."""
    cues, words = place_cues(), {lemma(noun), noun.lower_}  # (the tagger may call "highlands" a verb: the
    # possessor hung on it says it is a noun)
    return bool(words & (cues.feature_nouns | cues.area_nouns | cues.place_nouns)) and not words & cues.capital_nouns


def _removed_from(span: Span) -> Token | None:
    """The verb of driving out whose "from" or "out of" the place is: "flush out militants from the Boni Forest",
    "drove the rebels out of Goma". Where they are driven from is where the driving is done."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in place_cues().place_nouns:
        root = root.head.head  # "from the town of Bunia"
    if root.dep_ != "pobj":
        return None
    prep = root.head
    verb = prep.head
    if prep.lower_ == "of" and verb.lower_ == "out" and verb.dep_ == "prep":
        verb = verb.head  # "out of Goma"
    elif prep.lower_ != "from":
        return None
    if verb.dep_ in ("dobj", "obj"):
        verb = verb.head  # "flush out the rebels from the forest", the place hung on whom they drive out
    return verb if verb.pos_ == "VERB" and lemma(verb) in place_cues().removal_verbs else None


def _agent(tok: Token) -> bool:
    """Who does a material act, named by "by", or the "by" itself: "airstrikes by the army and partners in the
    Middle Shabelle region have killed 50", "raids by soldiers in Mandalay detained 40". Troops and aircraft
    strike where they are, so a place hung on the agent of a strike or an arrest is the act's (a verbal act's
    speaker may be anywhere: it is never asked)."""
    if tok.dep_ == "agent" or (tok.dep_ == "prep" and tok.lower_ == "by"):
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "the army and partners in ..."
    return tok.dep_ == "pobj" and tok.head.lower_ == "by"


def _seated_doer(tok: Token) -> bool:
    """Is ``tok`` a body that sits in one place and does the act, its subject or "by" agent ("a court in northern
    Nigeria rejected the appeal", "sentenced by a court in Moscow")? It acts where it sits (``seat_nouns``)."""
    if tok.pos_ != "NOUN" or lemma(tok) not in place_cues().seat_nouns:
        return False
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _participant(tok: Token, trigger: Token) -> bool:
    """A person the act is done with or to ("met Blinken in Beijing", "talks with Wang Yi in Vienna", "held a
    meeting with Kenny at Boston City Hall"): a place hung on them is where they took part, the act's place."""
    if tok.dep_ == "prep":
        return tok.lower_ in _WITH and _acts(tok.head, trigger)
    person = tok.ent_type_ == "PERSON"
    if not person and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in place_cues().participant_nouns and
                           tok.dep_ in ("dobj", "obj", "dative", "pobj", "conj")):
        return False
    head = tok.head
    if head.i == trigger.i:
        return tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "dative")
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "talks between Afghan and British officials in Kabul"
    return tok.dep_ == "pobj" and tok.head.lower_ in _WITH and _acts(tok.head.head, trigger)


def _acts(tok: Token, trigger: Token) -> bool:
    """Is ``tok`` the act: its trigger, or the verb an act noun is the object of ("held a meeting with Kenny",
    "had talks with Wang"), whose "with" names the act's partners as the noun's would."""
    return tok.i == trigger.i or (trigger.dep_ in ("dobj", "obj") and tok.i == trigger.head.i)


def _candidates(sent: Span, trigger: Token, patient: bool = False, occasion_ids: frozenset[int] = frozenset(),
                doer: bool = False) -> list[_Candidate]:
    found = []
    for span in place_spans(sent):
        if patient and _whose_act(span):
            continue
        attach = place_attachment(span)
        if attach is None and patient and _struck(span, trigger, occasion_ids):
            attach = trigger
        if attach is None and patient:
            attach = _removed_from(span)
        if attach is None:
            continue
        clause = _venue_clause(clause_head(attach))
        path = path_to(attach, clause)
        below_trigger = attach.i == trigger.i or any(t.i == trigger.i for t in path)
        hops = 0 if below_trigger else len(path)
        if _hosted_venue(span.root) is not None:
            hops += len(sent)  # the host's country only when no place of the venue itself is named
        keeps = keeps_event_place(path, trigger, patient, occasion_ids, doer)
        found.append(_Candidate(span, attach, clause, hops, abs(span.start - trigger.i), keeps))
    return found


def _ordered(sent: Span, trigger: Token, patient: bool = False, occasion_ids: frozenset[int] = frozenset(),
             doer: bool = False) -> Iterator[_Candidate]:
    """Places in the clauses dates.event_clauses walks, best first; for a relative clause, the places of its
    antecedent ("the G20 summit in New Delhi, which was attended by Biden")."""
    candidates = _candidates(sent, trigger, patient, occasion_ids, doer)
    for clause, role in event_clauses(trigger):
        if role == "antecedent":
            yield from (c for c in candidates if c.attach.i == clause.i)
            return
        if role == "purpose" and not patient:
            continue  # a statement issued "to condemn the attack in Kabul" was not made in Kabul
        mine = [c for c in candidates if c.clause.i == clause.i and c.keeps and
                (role != "coordinated" or _located(c.span))]
        yield from sorted(mine, key=lambda c: (c.hops, c.distance))
        if role in ("own", "shared"):
            visits = {v.i for v in _visit_participles(clause) + _doing_subjects(clause)}
            yield from sorted((c for c in candidates if c.clause.i in visits and c.keeps),
                              key=lambda c: (c.hops, c.distance))


def _visit_participles(clause: Token) -> list[Token]:
    """Bare participles of visiting on the clause: "Visiting Beijing, Blinken urged China to ..." was said where
    he visited, as "while visiting Beijing" is (``visit_participles``). Not "having visited" (before), nor one
    with a marker of its own (dates.event_clauses reads "while", "after")."""
    return [c for c in clause.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and lemma(c) in place_cues().visit_participles and
            not any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children)]


def _doing_subjects(clause: Token) -> list[Token]:
    """Present participles on the clause's subject: what the subject was doing when it acted, and where
    ("troops operating in the West Bank shot ...", "leaders meeting in Germany have reached an agreement"). A past
    participle tells what was done to it before ("troops trained in the US attacked ..." were not in the US)."""
    return [p for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
            for p in s.children if p.dep_ == "acl" and p.tag_ == "VBG"]


def _located(span: Span) -> bool:
    """Is the place where something is (in, at, near ...), not where something goes: "removed from office in
    Kabul" places the impeachment coordinated before it, "met Xi and flew to Beijing" does not place the meeting."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in place_cues().location_preps


def resolve_event_place(sent: Span, trigger: Token, context_countries: Iterable[str] = (),
                        patient: bool = False, occasions: Iterable[Token] = (), ground: bool = False,
                        doer: bool = False) -> Location | None:
    """The place of the event whose trigger is ``trigger``: a GPE/LOC/FAC attached by in/at to the trigger or its
    clause, the object of visit, or the destination of travel/trip ("to Washington"), searched in the same
    clauses as its date (dates.event_clauses); with ``patient`` (a material act: a strike, an arrest), also one
    hung on what the act is done to ("airstrikes against IS in Syria"). ``occasions``: the happenings the act is
    done in, whose places are its own ("killed during an attempted coup in Haiti"; the caller knows which nouns
    name a happening). With ``ground`` (a show of force), also the place it covers (``_ground``); with ``doer`` (a
    material act), one hung on its subject (``_doer``). Nothing attached → None, never a guess."""
    context = {c.upper() for c in context_countries}
    for cand in _ordered(sent, trigger, patient, frozenset(t.i for t in occasions), doer):
        found = resolve_mention(cand.span, context)
        if found is not None:
            return written_place(cand.span, found)
    if ground:
        return _ground(sent, trigger, context)
    return _peoples_land(trigger) if patient else None


def _ground(sent: Span, trigger: Token, context: set[str]) -> Location | None:
    """The ground a show of force covers: a place that is its direct object ("warships patrolled the South China
    Sea") or possesses the land that is ("forces scoured Afghanistan's eastern highlands"). Forces are where they
    patrol or search; whom they are massed against is elsewhere, so no preposition is asked."""
    for span in place_spans(sent):
        obj = span.root
        if obj.dep_ == "poss" and _owned_land(obj.head):
            obj = obj.head
        if obj.dep_ in ("dobj", "obj") and obj.head.i == trigger.i:
            found = resolve_mention(span, context)
            if found is not None:
                return written_place(span, found)
    return None


def _peoples_land(trigger: Token) -> Location | None:
    """The country of the land a material act is done to, named by its people's adjective: "bombings of Georgian
    villages", "a drone attack on Ukrainian cities" happened in Georgia, in Ukraine (a country's centroid, at
    country precision). Only land (``area_nouns``, ``place_nouns``): "attacked Kenyan troops" or "a French base"
    say whose they are, not where."""
    cues = place_cues()
    for tok in trigger.sent:
        if tok.pos_ != "NOUN" or lemma(tok) not in cues.area_nouns | cues.place_nouns or \
                lemma(tok) in cues.capital_nouns or not _patient(tok, trigger):
            continue
        for adjective in tok.children:
            if adjective.dep_ in ("amod", "compound") and adjective.ent_type_ == "NORP":
                country = country_named(adjective.text)
                if country is not None:
                    text = f"{adjective.text} {tok.text}"
                    return Location(text, country.name, country.country, country.lat, country.lon, country.precision)
    return None


def meeting_reference(trigger: Token) -> bool:
    """Does the event hang on a meeting told before: a definite meeting noun as the trigger ("the talks focused
    on trade") or as an adjunct of its clause ("during the meeting, Blinken urged ...", "at their talks")? Such an
    event took place at that meeting, so it may take the meeting's place and date from an earlier sentence."""
    cues = place_cues()

    def definite(noun: Token) -> bool:
        return lemma(noun) in cues.meeting_nouns and any(
            c.dep_ in ("det", "poss") and c.lower_ in cues.meeting_determiners for c in noun.children)

    if definite(trigger):
        return True
    for clause, role in event_clauses(trigger):
        if role == "antecedent":
            return False
        for prep in clause.children:
            if prep.dep_ == "prep" and prep.lower_ in cues.meeting_preps:
                if any(obj.dep_ == "pobj" and definite(obj) for obj in prep.children):
                    return True
    return False


def _town_named_doer(span: Span, root: Token) -> bool:
    """Is the place a town or region naming who acts, the subject or agent it modifies ("Melbourne construction
    workers walked off the job", "Anaheim police arrested", "a Seattle court ruled")? A town's people and bodies
    act in it; a country's ("US troops", "Afghan forces") act anywhere, so a country never places its doers
    (``_keeps_event`` then asks that the noun be the act's doer or a seated body)."""
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ == "NOUN":
        head = head.head  # "Melbourne construction workers": the town names the workers
    if root.dep_ not in ("compound", "nmod") or head.pos_ != "NOUN" or head.i < root.i:
        return False
    if head.dep_ not in ("nsubj", "nsubjpass") and not (head.dep_ == "pobj" and head.head.dep_ == "agent"):
        return False
    found = lookup_place(span.text)
    return found is not None and found.precision != "country"
