"""From one parsed sentence to event candidates: trigger, type, modality and argument spans (unresolved).

The steps, each in its own module:

1. find trigger mentions (``triggers.find_triggers``);
2. let governing triggers absorb the act in their complement (``governors``), composed by ``compose``'s tables;
3. read the modality of each event's clause (``modality``), turning unrealised acts into intentions or threats
   and refused ones into rejections; deontic clauses ("the US must not cross red lines") become demands of the
   speaker;
4. read the arguments (``arguments``) and the speaker of reported speech (``speaker``).

Resolution of the spans to actors happens later, in ``coder``; nothing here knows about the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from detente.coding.accusations import find_accusations
from detente.coding.arguments import (
    Args,
    complement_targets,
    condition_subject,
    governed_args,
    mention_args,
    protested_at,
    subject_args,
)
from detente.coding.compose import Coded, Composer
from detente.coding.convention_words import load_conventions
from detente.coding.criticism import is_criticism
from detente.coding.governors import pair_governors
from detente.coding.lexicon import Lexicon, Sense, load_data
from detente.coding.modality import Cues, Flags, clause_flags
from detente.coding.occasions import meeting_occasion
from detente.coding.spans import Arg, make_arg
from detente.coding.speaker import speaker_of
from detente.coding.subjects import clause_subject
from detente.coding.triggers import Trigger, find_triggers
from detente.coding.words import ACCUSATION_CUES, WANTING_VERBS, is_investigating_body, looks_like_actor
from detente.records import Modality
from detente.syntax import child, condition_clause, is_verbal, lemma, tokens, would_is_future


@dataclass(slots=True)
class Candidate:
    """One event read from a sentence, its arguments still text."""

    mention: Trigger
    coded: Coded
    modality: Modality
    flags: Flags
    sources: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    speaker: Arg | None = None
    addressee: Arg | None = None
    child: Trigger | None = None
    weight: float = 0.9
    needs_speaker_source: bool = False  # a demand in the author's or speaker's voice
    prominence: float = 1.0
    notes: list[str] = field(default_factory=list)

    @property
    def token(self) -> Token:
        return self.mention.token

    @property
    def trigger_text(self) -> str:
        if self.child is not None and self.child.token != self.mention.token:
            return f"{self.mention.text} … {self.child.text}"
        return self.mention.text


def _deontic_candidates(sent: Span, anchored: set[int], cues: Cues) -> list[Token]:
    """Verbs under must/should/need to with an actor subject and no trigger of their own."""
    out = []
    for tok in tokens(sent):
        if not is_verbal(tok) or tok.i in anchored or tok.pos_ == "AUX":
            continue
        flags = clause_flags(tok, cues)
        if not flags.deontic:
            continue
        subj, via = clause_subject(tok)
        if subj is None or not looks_like_actor(subj) or via not in ("subj", "inherited", "relcl"):
            continue
        if subj.pos_ == "PRON" and subj.lower_ in ("we", "i", "us"):
            continue  # "we need to keep in mind": a speaker's resolve, not a demand on others
        out.append(tok)
    return out


def _condition(verb: Token) -> Token | None:
    """The "if"/"unless" clause a verb is conditional on."""
    return next((c for c in verb.children if condition_clause(c)), None)


def _conditional_threats(sent: Span, anchored: set[int], cues: Cues) -> list[Token]:
    """Verbs with no trigger of their own that announce what an actor will do, or stop doing, unless another
    acts: "Turkey will buy Russian aircraft if the F-35 freeze is not lifted", "if this happens, Turkey will
    not buy any more US aircraft". A promise with a plain condition ("will attend if invited") is no threat:
    the condition is negative ("unless", "if ... not") or the announced act is a refusal."""
    out = []
    for tok in tokens(sent):
        if not is_verbal(tok) or tok.i in anchored or tok.pos_ == "AUX":
            continue
        cond = _condition(tok)
        if cond is None:
            continue
        flags = clause_flags(tok, cues)
        if not (flags.future or flags.would):
            continue
        unless = any(g.dep_ == "mark" and g.lower_ == "unless" for g in cond.children)
        if not (unless or flags.negated or clause_flags(cond, cues).negated):
            continue
        subj, via = clause_subject(tok)
        if subj is None or via not in ("subj", "inherited") or not looks_like_actor(subj) or \
                (subj.pos_ == "PRON" and subj.lower_ in ("we", "i")):
            continue
        out.append(tok)
    return out


def _threat_only(verb: Token, lexicon: Lexicon, cues: Cues) -> Candidate:
    speaker, _, _ = speaker_of(verb, lexicon)
    sense = Sense(lemmas=(lemma(verb),), pos="verb", type="THREATEN", cameo="130", weight=0.55)
    m = Trigger(token=verb, sense=sense, anchor=verb)
    cand = Candidate(mention=m, coded=Coded("THREATEN", None, "130"), modality="asserted",
                     flags=clause_flags(verb, cues), sources=subject_args(verb, speaker),
                     targets=condition_subject(verb), weight=0.55, notes=["conditional-threat"],
                     prominence=prominence(verb))
    if speaker is not None:
        cand.speaker = make_arg(speaker, "speaker")
    return cand


def _inside_same_type(m: Trigger, others: list[Trigger]) -> bool:
    """A noun event inside another mention's clause with the same type is that event again ("held talks on
    the sidelines of the G20 meetings")."""
    for o in others:
        if o is m or o.nominal or o.sense.type != m.sense.type:
            continue
        if any(a == o.anchor for a in m.token.ancestors):
            return True
    return False


def extract(sent: Span, lexicon: Lexicon, composer: Composer, cues: Cues,
            editorial: bool = False) -> list[Candidate]:
    """Event candidates of one sentence, in trigger order, before actor resolution and merging; in an
    ``editorial`` the outlet's own disapproval is an accusation (``accusations``)."""
    mentions = find_triggers(sent, lexicon)
    pairs = pair_governors(mentions)
    used, composed, siblings = pairs.used, pairs.composed, pairs.siblings
    out: list[Candidate] = []
    for m in mentions:
        if id(m) in used:
            continue
        kid = composed.get(id(m))
        if m.owner is not None:
            continue  # an object its verb has read ("lifted sanctions", "would not meet demands")
        if kid is None:
            if not m.sense.alone:
                continue
            if m.nominal and not m.sense.standalone and not (m.adjunct or m.sides_named or _doer_named(m)):
                continue
            if m.nominal and _inside_same_type(m, mentions):
                continue
            if _agrees_in_opinion(m) or _offers_words(m):
                continue
        cand = _candidate(m, kid, composed, lexicon, composer, cues, siblings.get(id(kid), []) if kid else [])
        if cand is not None:
            out.append(cand)
            if kid is not None and (_rejected_proposal(m, kid) or _referred_inquiry(m, kid)):
                grandkid = composed.get(id(kid))
                made = _candidate(kid, grandkid, composed, lexicon, composer, cues,
                                  siblings.get(id(grandkid), []) if grandkid else [])
                if made is not None:  # decision's content rule leaves it: the request's own child
                    out.append(made)
    # a stop that governed no act ("must stop its provocations") leaves its verb to the rules below
    live = [m for m in mentions if m.sense.role != "stop" or id(m) in composed]
    anchored = {m.anchor.i for m in live} | {m.token.i for m in live}
    for verb in _deontic_candidates(sent, anchored, cues):
        out.append(_deontic_only(verb, lexicon, composer, cues))
    for verb in _conditional_threats(sent, anchored, cues):
        out.append(_threat_only(verb, lexicon, cues))
    if not any(c.coded.type == "ACCUSE" for c in out):
        # a disapproval word read only in its verb's default sense ("said Iran is flagrantly defying the council")
        # is the speaker's accusation rather than the act
        weak = {c.token.i: c for c in out if c.mention.sense.fallback and lemma(c.token) in ACCUSATION_CUES}
        for m, speaker, accused in find_accusations(sent, lexicon, cues, anchored - set(weak), editorial):
            if m.token.i in weak:
                out.remove(weak[m.token.i])
            out.append(Candidate(mention=m, coded=_coded(m.sense), modality="asserted",
                                 flags=clause_flags(m.token, cues), targets=[accused],
                                 speaker=make_arg(speaker, "speaker") if speaker is not None else None,
                                 weight=m.sense.weight, needs_speaker_source=True,
                                 notes=["reported-disapproval" if speaker is not None else "editorial-disapproval"]))
    out = _measure_argued(sent, out, cues)
    out.sort(key=lambda c: c.token.i)
    return out


def _measure_argued(sent: Span, out: list[Candidate], cues: Cues) -> list[Candidate]:
    """A party arguing that a measure is lawful or needed defends it against its challengers: the guide's "a
    government defending its measure against a challenge REJECT" ("Justice department lawyers argue that the
    revised ban is an extension of ..."). The measure as the subject of what is argued is no act of the sentence,
    so the arguer's REJECT (120) replaces it; whom it rejects is left to the participants step (the story's other
    side). Content holding a criticism word is a case against the measure (allegations.argued)."""
    for verb in tokens(sent):
        if verb.pos_ != "VERB" or lemma(verb) not in _compose_list("defence_verbs"):
            continue
        content = child(verb, "ccomp")
        subj, via = clause_subject(verb)
        if content is None or subj is None or via not in ("subj", "relcl", "inherited") or \
                subj.pos_ == "PRON" or not looks_like_actor(subj) or clause_flags(verb, cues).negated:
            continue
        about = child(content, "nsubj", "nsubjpass")
        measure = next((c for c in out if about is not None and c.token == about and
                        c.coded.type in _compose_list("measure_types")), None)
        if measure is None or any(is_criticism(t) for t in content.subtree):
            continue
        sense = Sense(lemmas=(lemma(verb),), pos="verb", type="REJECT", cameo="120", weight=measure.weight)
        return [c for c in out if c is not measure] + [Candidate(
            mention=Trigger(token=verb, sense=sense, anchor=verb), coded=Coded("REJECT", None, "120"),
            modality="asserted", flags=clause_flags(verb, cues), sources=[make_arg(subj, "subject")],
            weight=measure.weight, prominence=prominence(verb), notes=["measure-argued"])]
    return out


def _doer_named(m: Trigger) -> bool:
    """A single verbal act named by a noun whose own "from" phrase names its doer by name ("a promise from
    Palestinian leader Yasser Arafat to hunt down bombers", "an ultimatum from the US envoy Anthony Zinni"): the
    phrase says who made it, so it is reported as "X promised" is. Plurals stay out ("threats from China",
    "empty promises from him" are dangers or habits), and so do common nouns for people ("support from union
    members", "support from the public": no one act of a party); only the types of ``said_noun_types``."""
    if m.token.tag_ != "NN" or m.sense.type not in _compose_list("said_noun_types"):
        return False
    return any(p.dep_ == "prep" and p.lower_ == "from" and
               any(o.dep_ == "pobj" and o.ent_type_ in _NAMED for o in p.children) for p in m.token.children)


_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _agrees_in_opinion(m: Trigger) -> bool:
    """"She agrees with the president that the contribution is too high", "the Taoiseach agreed with him":
    agreeing with someone, or with an idea, and nothing agreed upon (no act governed, no object, no terms in an
    ``agreement_terms_preps`` phrase, no clause of purpose) shares a view; it commits no one to an act."""
    tok = m.token
    if m.nominal or m.sense.type != "AGREE" or lemma(tok) != "agree":
        return False
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
    if "with" not in preps:
        return False
    # the terms may hang on the party agreed with ("agreed with the IAEA on a plan")
    partners = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children]
    preps |= {g.lower_ for o in partners for g in o.children if g.dep_ == "prep"}
    if preps & _compose_list("agreement_terms_preps"):
        return False
    return not any(c.dep_ in ("dobj", "obj", "xcomp", "advcl") for c in tok.children)


def _offers_words(m: Trigger) -> bool:
    """"Hasn't offered a shred of evidence", "offers his take", "statements he offered": what is offered is words
    or facts (``offered_words``; the conventions' ``unoffered_objects`` too, except as the direct object, which
    ``asides.no_offer`` reads), no act anyone commits to; the offer of a plan, talks or aid stays AGREE."""
    tok = m.token
    if m.nominal or m.sense.type != "AGREE" or lemma(tok) != "offer":
        return False
    extra = _compose_list("offered_words")
    words = extra | load_conventions().unoffered_objects
    offered = child(tok, "dobj", "obj")
    if offered is None:
        # "statements he offered"
        return tok.dep_ == "relcl" and lemma(tok.head) in words
    held = [o for p in offered.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    return lemma(offered) in extra or any(lemma(o) in words for o in held)  # "a shred of evidence"


@lru_cache(maxsize=8)
def _compose_list(key: str) -> frozenset[str]:
    """A list of types in ``compose.yaml`` that a rule here reads."""
    return frozenset(load_data("compose.yaml")[key])


def _rejected_proposal(m: Trigger, kid: Trigger) -> bool:
    """A proposal named by a noun with its maker (a possessor, a "by" phrase) that a refusal takes ("Tehran
    rejected its offer of new talks", "rejected Pakistan's proposal for joint patrols"): the offer was made, an
    act of its own beside the refusal (a reaction and the act it reacts to); a proposal with no maker named
    ("rejected the offer", "rejected calls for talks") is read through the refusal alone."""
    if m.sense.role != "reject" or not kid.nominal:
        return False
    return any(c.dep_ == "poss" for c in kid.token.children) or \
        any(c.dep_ == "prep" and c.lower_ == "by" and child(c, "pobj") is not None for c in kid.token.children)


def _referred_inquiry(m: Trigger, kid: Trigger) -> bool:
    """An investigation asked of an investigating body ("asked the Police Ombudsman to investigate the
    taskforce", "called on prosecutors to investigate"): a referral, which sets the inquiry going; the guide codes
    the request and the inquiry, a REQUEST and an ACCUSE `investigate` (docs/labelling.md: inquiries are ACCUSE
    `investigate`). Asking a government to investigate ("urged Russia to investigate") stays one demand, and so
    does a demand for an investigation named by a noun ("demanded an investigation")."""
    if m.sense.type != "REQUEST" or kid.nominal or kid.sense.type != "ACCUSE" or kid.sense.mode != "investigate":
        return False
    asked = child(m.token, "dobj", "obj")
    if asked is None:
        asked = next((o for p in m.token.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                      for o in p.children if o.dep_ == "pobj"), None)
    return asked is not None and is_investigating_body(asked)


def _own_agency(m: Trigger, kid: Trigger, composer: Composer) -> bool:
    """An order addressed to the orderer's own agency ("ordered its military to seal border areas", "instructed
    the police to take all measures"): the object of the order, or the subject of what it orders, is a force or
    an office with no owner but a pronoun and no other party's name on it ("Israeli troops", "Hamas
    officials")."""
    addressee = child(m.token, "dobj", "obj") or child(kid.anchor, "nsubj")
    if addressee is None or addressee.i == kid.token.i or lemma(addressee) not in composer.own_agencies:
        return False
    return not any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ or c.is_title)
                   for c in addressee.children)


def _forbids(m: Trigger, composer: Composer) -> bool:
    """An order that another party not do something ("instructed publishers not to print anything without
    permission", "ordered shops not to open"): a restriction imposed on it, not a demand; an order to one's own
    forces stays an order."""
    told = child(m.token, "xcomp", "ccomp")
    if told is None or not any(c.dep_ == "neg" for c in told.children):
        return False
    addressee = child(m.token, "dobj", "obj") or child(told, "nsubj")
    return addressee is not None and lemma(addressee) not in composer.own_agencies


def _coded(sense: Sense) -> Coded:
    return Coded(sense.type, sense.mode, sense.cameo)


def _candidate(m: Trigger, kid: Trigger | None, composed: dict[int, Trigger], lexicon: Lexicon,
               composer: Composer, cues: Cues, kid_siblings: list[Trigger]) -> Candidate | None:
    speaker, addressee, _ = speaker_of(m.anchor, lexicon)
    anchor = m.anchor
    if m.sense.pos == "adj" and anchor.dep_ in ("acomp", "attr", "oprd") and is_verbal(anchor.head):
        anchor = anchor.head  # "must be ready to mediate": the copula carries the modals
    elif m.phrase is not None and is_verbal(anchor.head) and not is_verbal(anchor):
        anchor = anchor.head
    flags = clause_flags(anchor, cues) if not m.nominal else clause_flags(m.token, cues)
    if not m.nominal and m.anchor != m.token:
        flags.merge(clause_flags(m.token, cues))  # "no talks were held", "will hold the planned talks"
    args = mention_args(m, speaker)
    coded = _coded(m.sense)
    weight = m.sense.weight
    notes: list[str] = []
    modality: Modality
    if kid is not None:
        # the governed act may itself govern one ("refused to agree to talks"): use its composition
        kid_coded = _coded(kid.sense)
        grandkid = composed.get(id(kid))
        if grandkid is not None and kid.sense.role == "intent":
            kid_coded = _coded(grandkid.sense)  # "rejected an offer of talks" rejects the talks
        elif grandkid is not None and kid.sense.role:
            kid_coded = composer.apply(kid.sense.role, kid_coded, _coded(grandkid.sense))
        kid_flags = clause_flags(kid.anchor if not kid.nominal else kid.token, cues)
        role = m.sense.role or "intent"
        if role == "order" and _own_agency(m, kid, composer):
            role = "instruct"  # "ordered its military to seal the border": the order, not the act
        other = _wanted_actor(m, kid) if role == "intent" and not m.sense.commitment else None
        if other is not None:
            # "Pakistan expects the Afghan government to uphold ...": an appeal to another, not one's own plan
            role, coded = "request", Coded("REQUEST", None, "020")
        elif role == "intent" and (not m.sense.commitment or m.sense.pos == "adj") and _others_act(m, kid):
            return None  # "expected the groups would reach agreement": a forecast or a wish, no one's plan
        elif role == "intent" and _plotted(m):
            role = "plot"  # "had been planning to attack": a plot found out, the act planned, not a threat
        elif role == "intent" and kid_coded.type in composer.material_conflict and _considered(m, cues):
            role = "plot"  # "considering sanctions": the measure weighed, no threat announced
            notes.append("considered")
        unwilling = role == "intent" and _unwilling(m, flags)
        if role == "intent" and (kid_flags.negated or unwilling):
            coded = composer.refused(kid_coded)  # "determination not to compromise", "not prepared to negotiate"
            notes.append("intent-not")
        else:
            coded = composer.apply(role, coded, kid_coded)
        kid_args = mention_args(kid, speaker)
        for sib in kid_siblings:
            sib_args = mention_args(sib, speaker)
            kid_args.targets.extend(a for a in sib_args.targets
                                    if not any(a.token == t.token for t in kid_args.targets))
        args = governed_args(m, kid, args, kid_args)
        if other is not None:
            args.targets = [make_arg(other, "object")]
            notes.append("wanted-of-another")
        if not m.sense.alone:
            weight = kid.sense.weight
        notes.append(f"composed:{role}")
        # A commitment is what happened: "agreed to set up a working group" is an agreement made (AGREE asserted)
        # whose content is to come; a plan or wish ("is planning a trip") stands for the planned act.
        modality = "planned" if role in ("intent", "plot") and not m.sense.commitment and coded.type != "REJECT" \
            else "asserted"
        if flags.negated and not unwilling:
            modality = "negated"
        elif "considered" in notes:
            modality = "hypothetical"
        elif flags.conditional or flags.possible or \
                (flags.would and not would_is_future("assertion", reported=speaker is not None)):
            modality = "hypothetical"
        elif flags.future:
            modality = "planned"
    else:
        modality = flags.modality(reported=speaker is not None)
        if m.sense.role == "order" and _forbids(m, composer):
            coded = composer.apply("forbid", coded, coded)  # "instructed publishers not to print ..."
            notes.append("forbidden")
        if m.sense.role == "intent" and not m.sense.commitment and modality == "asserted" and \
                any(c.dep_ in ("ccomp", "xcomp") for c in m.token.children):
            modality = "planned"  # "hopes that pandas would return": the hoped-for act is to come
        if m.sense.role and not args.targets:
            args.targets = complement_targets(m)
        if flags.deontic:
            modality = "asserted"
        elif modality == "negated" and (flags.future or flags.would) and \
                composer.family(coded.type) == "cooperative":
            coded = composer.refused(coded)  # "will not accept", "would not meet demands"
            modality = "asserted"
            notes.append("refused")
        elif modality in ("planned", "hypothetical") and coded.type in composer.cooperative:
            if modality == "planned" or speaker is not None:
                coded = composer.intended(coded)
                modality = "planned"
                notes.append("intended")
        elif modality in ("planned", "hypothetical") and coded.type in composer.material_conflict and \
                not flags.conditional:  # an act inside an "if" clause is the condition, not what is threatened
            if speaker is not None or _self_announced(m) or (modality == "planned" and _first_person(args)):
                coded = composer.intended(coded)
                notes.append("threat")
    if not args.targets and coded.type == "THREATEN":
        args.targets = condition_subject(kid.anchor if kid is not None else m.anchor) or \
            condition_subject(m.anchor)
    if not args.targets and coded.type == "PROTEST":
        args.targets = protested_at(m.anchor)
    cand = Candidate(mention=m, coded=coded, modality=modality, flags=flags, sources=args.sources,
                     targets=args.targets, child=kid, weight=weight, notes=notes,
                     prominence=1.0 if _said_alongside(m, coded) or meeting_occasion(m, coded) else
                     prominence(m.anchor if not m.nominal else m.token))
    if speaker is not None:
        cand.speaker = make_arg(speaker, "speaker")
    if addressee is not None:
        cand.addressee = make_arg(addressee, "addressee")
    if flags.deontic and (not notes or (kid is not None and m.sense.role == "intent")) and \
            not any(a.token.pos_ == "PRON" and a.token.lower_ in ("we", "i") for a in cand.sources):
        _make_demand(cand, composer, demanded=_coded(kid.sense) if kid is not None else None)
    return cand


_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj", "amod", "npadvmod"})


def prominence(tok: Token) -> float:
    """How central the event's clause is: 1.0 in the main clause (or in what a speaker said), 0.85 for each
    subordinate clause or prepositional phrase it sits in ("following the invasion", "suspected of blowing
    up", "in which 20 people were killed"). Ranks the sentence's main event above background."""
    k = 0
    cur = tok
    while cur.head != cur:
        if cur.dep_ in _SUBORDINATE or cur.dep_ == "pobj":
            k += 1
        cur = cur.head
    return 0.85 ** k


def _said_alongside(m: Trigger, coded: Coded) -> bool:
    """A verbal act in a participle trailing the main clause, with no subject, marker or auxiliary of its own
    ("made an emergency visit to Sharon and Arafat, urging negotiation"; "denied involvement in the attack,
    accusing Indian intelligence instead"): a second act the same actor reports, which the guide codes
    ("a sentence carries as many events as it reports"; participial background is coded, ``core: false``), not
    background for ``decision`` to drop. Only the verbal types of ``trailing_act_types`` (``compose.yaml``): a
    material act in such a participle ("..., killing 20") stays the main act's detail."""
    verb = m.anchor
    if m.nominal or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < verb.head.i:
        return False
    if coded.type not in _compose_list("trailing_act_types"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)


def _wanted_actor(m: Trigger, kid: Trigger) -> Token | None:
    """Whom a verb of wanting wants to act, when not its own subject: "Pakistan expects the Afghan government to
    uphold its responsibilities", "wants Japan to be prepared" (``wanting_verbs`` in ``words.yaml``)."""
    if m.nominal or lemma(m.token) not in WANTING_VERBS or kid.nominal:
        return None
    clause = kid.anchor
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # "to uphold its responsibilities and deny ..."
    if clause.head != m.token or clause.dep_ not in ("ccomp", "xcomp"):
        return None
    other = child(clause, "nsubj") if clause.dep_ == "ccomp" else child(m.token, "dobj", "obj")
    if other is None or other.pos_ == "PRON" or not looks_like_actor(other):
        return None
    return other


def _unwilling(m: Trigger, flags: Flags) -> bool:
    """Willingness denied ("soldiers were not prepared to negotiate", "is not ready to accept"): saying one is not
    willing to act is refusing to (PLOVER's REJECT: refusing talks, aid or concessions), not a willingness that
    did not happen."""
    return flags.negated and m.sense.commitment and m.sense.pos == "adj"


def _plotted(m: Trigger) -> bool:
    """A plan told in the perfect or past progressive ("had been planning to attack", "claimed to have been
    planning attacks", "were plotting to kill"): a plan found out or confessed after the fact, which no one
    announced to its target, so PLOVER's threat (a communicated intent) does not hold; the guide codes the act,
    planned. A plan told as present ("plans to impose sanctions", "is planning to strike") stays the intent."""
    if m.nominal or m.sense.commitment or m.sense.pos != "verb":
        return False
    auxes = {a.lower_ for a in m.token.children if a.dep_ in ("aux", "auxpass")}
    return "been" in auxes or "had" in auxes or (m.token.tag_ == "VBG" and bool(auxes & {"was", "were"}))


def _considered(m: Trigger, cues: Cues) -> bool:
    """A measure weighed, not chosen ("is considering targeting firms with sanctions", "will meet to consider
    industrial action"): the guide codes the act itself, hypothetical, as it codes a plot; no one announced it to
    its target, so it is no threat (docs/labelling.md: a state "considering" an attack ASSAULT hypothetical).
    Considering a plea or talks is left to the intent reading."""
    return not m.nominal and m.sense.pos == "verb" and lemma(m.token) in cues.considering_verbs


def _others_act(m: Trigger, kid: Trigger) -> bool:
    """The act in a finite clause of a wish, expectation or resolve that has a doer of its own, not a pronoun that
    may be the wisher ("he hopes Boje arrives in time", "expected the four groups would reach agreement", "was
    determined that its summit should be staged in Africa"): what someone hopes or expects another to do is
    none of their own plans, and no demand when that other is no actor (``_wanted_actor`` takes those)."""
    if m.nominal or kid.nominal:
        return False
    clause = kid.anchor
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head != (m.anchor if m.sense.pos == "adj" else m.token):
        return False
    doer = child(clause, "nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
    return doer is not None and doer.pos_ != "PRON"


def _self_announced(m: Trigger) -> bool:
    """"X warned it would smash ...": an unrealised act whose subject is a pronoun for an actor higher up."""
    subj, _ = clause_subject(m.anchor)
    return subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "we", "he", "she")


def _first_person(args: Args) -> bool:
    return any(a.token.lower_ in ("we", "i") for a in args.sources)


def _make_demand(cand: Candidate, composer: Composer, demanded: Coded | None = None) -> None:
    """A deontic clause ("the US must not cross red lines") is the speaker's demand on its subject."""
    demanded = demanded or cand.coded
    cand.coded = composer.apply("demand", Coded("REQUEST", None, "100"), demanded)
    cand.targets = cand.sources
    cand.sources = []
    cand.needs_speaker_source = True
    cand.modality = "asserted"
    cand.notes.append("deontic")


def _deontic_only(verb: Token, lexicon: Lexicon, composer: Composer, cues: Cues) -> Candidate:
    speaker, _, _ = speaker_of(verb, lexicon)
    sense = Sense(lemmas=(lemma(verb),), pos="verb", type="REQUEST", cameo="100", mode="change", weight=0.55)
    m = Trigger(token=verb, sense=sense, anchor=verb)
    flags = clause_flags(verb, cues)
    cand = Candidate(mention=m, coded=Coded("REQUEST", "change", "1042"), modality="asserted", flags=flags,
                     sources=[], targets=subject_args(verb, speaker), weight=0.55, notes=["deontic"],
                     needs_speaker_source=True)
    if speaker is not None:
        cand.speaker = make_arg(speaker, "speaker")
    return cand
