"""Allegations in neutral words and legal steps: what one side alleges another did, with no word of blame.

Most accusations in news carry no trigger word. Two structures mark a reported act as alleged rather than
established, and the labelling guide codes the allegation as ACCUSE `allege`:

- a wrongful act claimed (``allegations``): "Russia claimed that Ukrainian forces shelled the plant". The
  reported act is an event the coder reads as material conflict (``wrongdoing_types``), asserted as done (not
  planned, possible or negated), and it is the content of a verb of alleging (``allegation_verbs``: claim,
  allege, contend, charge) whose subject is not its agent nor the agent's owner. "Said" alone is attribution:
  the guide codes the reported act, not an accusation, and so does this module;
- charges as the grounds of a legal step (``legal_steps``): "was convicted on five of the charges against
  him", "arrested a journalist on charges of espionage" (``charge_nouns`` under "on"), or an act done
  "allegedly" (``alleging_adverbs``) that another actor's arrest, sanction or accusation is for. The actor of
  the step alleges it of its target; with none named, only an agentless passive keeps it (the participants
  step, as for "was accused of").

Only candidates and parses already made are read; no sentence is parsed for this.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from detente.coding.candidates import Candidate, prominence
from detente.coding.compose import Coded
from detente.coding.conventions import load_conventions, why_not
from detente.coding.criticism import is_criticism
from detente.coding.lexicon import Lexicon, Sense, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.spans import make_arg
from detente.coding.subjects import clause_subject
from detente.coding.triggers import Trigger
from detente.coding.voice import COMMENTATORS, direct_owner, negated, speaking, statement
from detente.coding.words import looks_like_actor, named_actor, names_people
from detente.syntax import child, clause_verb, is_verbal, lemma, tokens

# Below a lexicon sense: the allegation is read off what was reported, not named.
WEIGHT = 0.55
_DATA = load_data("allegations.yaml")
WRONGDOING_TYPES = frozenset(str(t) for t in _DATA["wrongdoing_types"])
ALLEGATION_VERBS = frozenset(str(v) for v in _DATA["allegation_verbs"])
CHARGE_NOUNS = frozenset(str(w) for w in _DATA["charge_nouns"])
ALLEGING_ADVERBS = frozenset(str(w) for w in _DATA["alleging_adverbs"])
GROUNDS_PREPS = frozenset(str(w) for w in _DATA["grounds_preps"])
ALLEGING_ADJECTIVES = frozenset(str(w) for w in _DATA["alleging_adjectives"])
GROUNDS_ADJECTIVE_PREPS = frozenset(str(w) for w in _DATA["grounds_adjective_preps"])
LEGAL_ACT_TYPES = frozenset(str(t) for t in _DATA["legal_act_types"])
WARRANT_NOTES = frozenset(f"composed:{o}" for o in _DATA["warrant_orders"])
WARRANT_ACTS = frozenset(str(a) for a in _DATA["warrant_acts"])
HANDLER_NOUNS = frozenset(str(w) for w in _DATA["handler_nouns"])
HOSTILE_NOUNS = frozenset(str(w) for w in _DATA["hostile_nouns"])
OPERATING_VERBS = frozenset(str(w) for w in _DATA["operating_verbs"])
ATTACK_NOUNS = frozenset(str(w) for w in _DATA["attack_nouns"])
FACED_NOUNS = frozenset(str(w) for w in _DATA["faced_nouns"])
FACED_VERBS = frozenset(str(w) for w in _DATA["faced_verbs"])
CLAIM_NOUNS = frozenset(str(w) for w in _DATA["claim_nouns"])
CLAIM_OWNER_PREPS = frozenset(str(w) for w in _DATA["claim_owner_preps"])
ACTION_NOUNS = frozenset(str(w) for w in _DATA["action_nouns"])
BRINGING_VERBS = frozenset(str(w) for w in _DATA["bringing_verbs"])
CLAIM_AGAINST_PREPS = frozenset(str(w) for w in _DATA["claim_against_preps"])
CLAIM_DEED_PREPS = frozenset(str(w) for w in _DATA["claim_deed_preps"])
ARGUING_VERBS = frozenset(str(w) for w in _DATA["arguing_verbs"]) | ALLEGATION_VERBS
_ACCUSER_PREPS = frozenset({"by", "from"})
LEGAL_DOCUMENTS = frozenset(str(w) for w in _DATA["legal_documents"])
COURT_DOCUMENTS = frozenset(str(w) for w in _DATA["court_documents"])
COURT_WORDS = frozenset(str(w) for w in _DATA["court_words"])
FILING_PREPS = frozenset(str(w) for w in _DATA["filing_preps"])
REPORT_NOUNS = frozenset(str(w) for w in _DATA["report_nouns"])
SUIT_NOUNS = frozenset(str(w) for w in _DATA["suit_nouns"])
AGAIN_NOUNS = frozenset(str(w) for w in _DATA["again_nouns"])


def allegations(candidates: list[Candidate], cues: Cues) -> list[Candidate]:
    """The claimants' allegations of the wrongful acts ``candidates`` report (at most one per claimant)."""
    out: list[Candidate] = []
    speakers: set[int] = set()
    for made in (_reported(c, cues) for c in candidates):
        if made is not None and made.sources[0].token.i not in speakers:
            speakers.add(made.sources[0].token.i)
            out.append(made)
    return out


def _reported(cand: Candidate, cues: Cues) -> Candidate | None:
    """"X claimed Y attacked Z": the claimant's ACCUSE (allege) of the reported wrongful act's agent."""
    if cand.coded.type not in WRONGDOING_TYPES or cand.modality != "asserted" or cand.flags.negated or \
            not cand.sources:
        return None
    speaker, verb = claimant(cand.mention.anchor)
    if speaker is None or verb is None or clause_flags(verb, cues).negated:
        return None
    agent = cand.sources[0].token
    if _same_side(agent, speaker) or not looks_like_actor(agent):
        return None
    return _accusation(cand.token, "112", speaker, agent, "reported", cues, spoken=True)


def claimant(anchor: Token) -> tuple[Token | None, Token | None]:
    """(speaker, verb) when the clause of ``anchor`` is the content of a verb of alleging ("X claims that ...",
    "..., X alleged", "X, which claims ..."): a complement or parenthetical link up, no relative clause or noun
    modifier between (a clause on a noun is that noun's, not the claim's)."""
    cur = anchor
    while cur.head != cur:
        head = cur.head
        if cur.dep_ in ("ccomp", "parataxis") and head.pos_ == "VERB" and lemma(head) in ALLEGATION_VERBS:
            subj, via = clause_subject(head)
            if subj is not None and via in ("subj", "relcl", "inherited") and looks_like_actor(subj):
                return subj, head
            return None, None
        if cur.dep_ in ("relcl", "acl", "advcl"):
            return None, None
        cur = head
    return None, None


def _same_side(agent: Token, speaker: Token) -> bool:
    """The agent is the speaker, inside the speaker's phrase, or a pronoun or a phrase a pronoun owns ("claimed
    that its forces shelled ..."): in a claim, "it", "they", "our" most often stand for the claimant."""
    return agent == speaker or agent in speaker.subtree or speaker in agent.subtree or agent.pos_ == "PRON" or \
        any(c.dep_ == "poss" and c.pos_ == "PRON" for c in agent.children)


def _accusation(tok: Token, cameo: str, source: Token | None, accused: Token | None, note: str, cues: Cues, *,
                spoken: bool = False) -> Candidate:
    """An ACCUSE (allege) of ``accused`` read at ``tok``: 112 for a claimed act (its claimant the ``spoken``
    speaker too), 115 for charges (charge, indict, bring to trial). With no ``source``, the participants step
    keeps a charge only as an agentless passive (``legal.agentless_charge``)."""
    sense = Sense(lemmas=(lemma(tok),), pos="noun" if tok.pos_ == "NOUN" else "verb", type="ACCUSE",
                  mode="allege", cameo=cameo, weight=WEIGHT)
    return Candidate(mention=Trigger(token=tok, sense=sense, anchor=tok), coded=Coded("ACCUSE", "allege", cameo),
                     modality="asserted", flags=clause_flags(tok, cues),
                     sources=[make_arg(source, "subject")] if source is not None else [],
                     targets=[make_arg(accused, "object")] if accused is not None else [],
                     speaker=make_arg(source, "speaker") if spoken and source is not None else None,
                     weight=WEIGHT, prominence=prominence(tok), notes=[note])


# -- claims owned ---------------------------------------------------------------------------------------------


def owned_claims(sent: Span, candidates: list[Candidate], cues: Cues) -> list[Candidate]:
    """"Trump's claim that Obama wiretapped him", "allegations made by Spicer that GCHQ spied": a claim noun with
    its owner and the doer its content names is the owner's allegation (ACCUSE allege, 112), whatever the
    sentence does with it (repeats, denies, cites). The guide codes a party's claim against its own government
    (USA > USA), so no own-side note. Nouns another candidate already reads as an accusation are left to it."""
    taken = {c.token.i for c in candidates if c.coded.type == "ACCUSE"}
    out: list[Candidate] = []
    for noun in tokens(sent):
        if noun.pos_ != "NOUN" or noun.i in taken:
            continue
        again = _named_again(noun, cues) if not _denied(noun, candidates) else None
        if again is not None:
            out.append(again)
            continue
        if lemma(noun) in CLAIM_NOUNS:
            owner, accused = _claim_owner(noun), _claimed_doer(noun)
        elif lemma(noun) in ACTION_NOUNS:
            owner, accused = _bringer(noun), _brought_against(noun)
            if owner is None and accused is not None and _brought_unnamed(noun) and not negated(noun, cues):
                made = _accusation(noun, "112", None, accused, "brought", cues)  # the guide keeps no accuser
                made.mention = replace(made.mention, nominal=True)
                out.append(made)
                continue
        else:
            continue
        if owner is not None and accused is None and lemma(noun) in SUIT_NOUNS and _told_brought(noun) and \
                not negated(noun, cues):
            out.append(_accusation(noun, "112", owner, None, "suit-brought", cues))  # against the story's other side
            continue
        if owner is None or accused is None or _same_side(accused, owner) or negated(noun, cues):
            continue
        out.append(_accusation(noun, "112", owner, accused, "claim-owned", cues))
    return out


def _named_again(noun: Token, cues: Cues) -> Candidate | None:
    """"GCHQ rejected the allegations", "Russia has denied the charge", "the claims were ridiculous": a definite
    claim or charge noun with no owner, bringer or accused of its own names again the accusation the story told
    before. It is coded as that accusation (a nominal ACCUSE with no sides, which the participants step gives
    the sides of the story's latest accusation, as it does "the attack"); the guide codes each mention. Nothing
    in the sentence says who, so a noun any of whose words name an actor is left to the readings above."""
    definite = load_conventions().definite_determiners
    if lemma(noun) not in AGAIN_NOUNS or not any(c.dep_ == "det" and c.lower_ in definite for c in noun.children):
        return None
    if any(looks_like_actor(t) for t in noun.subtree if t != noun) or negated(noun, cues) or \
            any(c.dep_ in ("acl", "relcl", "ccomp", "prep") for c in noun.children):
        return None
    made = _accusation(noun, "112", None, None, "claim-again", cues)
    made.mention = replace(made.mention, nominal=True)
    return made


def _denied(noun: Token, candidates: list[Candidate]) -> bool:
    """The noun is what a denial or a criticism acts on ("denies the charges", "rejected the allegations",
    "slamming the accusation as ridiculous", "the allegations were unfounded"): the guide codes the denial REJECT
    and no accusation beside it; a criticism of the claim is the critic's one event."""
    if any(c.coded.type in ("REJECT", "ACCUSE") and c.token != noun and noun in c.token.subtree for c in candidates):
        return True
    verb = noun.head  # "the allegations were unfounded": the claim judged false is a denial too
    return noun.dep_ == "nsubj" and lemma(verb) == "be" and any(c.dep_ in ("acomp", "attr") for c in verb.children)


def _claim_owner(noun: Token) -> Token | None:
    """Who made the claim: its possessor ("his claim"), or the agent of a participle on it ("made by X")."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            return _clause_subject_of(noun) or c  # "Trump doubled down on his claim": Trump
        if c.dep_ == "poss" and looks_like_actor(c):
            return c
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                obj = child(a, "pobj") if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ in CLAIM_OWNER_PREPS) \
                    else None
                if obj is not None and looks_like_actor(obj):
                    return obj
    return None


def _bringer(noun: Token) -> Token | None:
    """Who brings a legal action: its owner or "by" agent as for a claim, its own "by" phrase ("the suit against
    Germany by Namibian leaders"), or the subject of a verb of bringing it ("the US has brought charges")."""
    owner = _claim_owner(noun)
    if owner is not None:
        return owner
    by = next((named_actor(child(p, "pobj")) for p in noun.children
               if p.dep_ == "prep" and p.lower_ in CLAIM_OWNER_PREPS), None)
    if by is not None:
        return by
    if noun.dep_ == "dobj" and lemma(noun.head) in BRINGING_VERBS and is_verbal(noun.head):
        subj, via = clause_subject(noun.head)
        return named_actor(subj) if via in ("subj", "relcl", "inherited") else None
    return None


def _told_brought(noun: Token) -> bool:
    """The sentence tells a suit brought ("a lawsuit brought by X", "X filed a suit", "the suit by X"), not one
    only named by its owner ("Namibia's lawsuit was dismissed": the dismissal is the event)."""
    if any(c.dep_ == "prep" and c.lower_ in CLAIM_OWNER_PREPS for c in noun.children) or \
            any(c.dep_ == "acl" and c.tag_ == "VBN" and child(c, "agent") is not None for c in noun.children):
        return True
    return noun.dep_ == "dobj" and lemma(noun.head) in BRINGING_VERBS and is_verbal(noun.head)


def _brought_unnamed(noun: Token) -> bool:
    """"Fraud charges brought against X", "charges were filed against X": brought in the passive, no bringer named."""
    verb = noun.head if noun.dep_ == "nsubjpass" else next(
        (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return verb is not None and lemma(verb) in BRINGING_VERBS and not any(c.dep_ == "agent" for c in verb.children)


def _brought_against(noun: Token) -> Token | None:
    """Whom a legal action is brought against: its "against" phrase, or that of a participle on it ("a suit filed
    by X against Y"), if it names an actor."""
    heads = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    return next((named_actor(child(p, "pobj")) for h in heads for p in h.children
                 if p.dep_ == "prep" and p.lower_ in CLAIM_AGAINST_PREPS and child(p, "pobj") is not None), None)


def _clause_subject_of(noun: Token) -> Token | None:
    """The actor subject of the clause a noun is in ("Spicer repeated his claim"), read as a possessive
    pronoun's referent: it is the nearest candidate, which the references step does not try within a sentence."""
    verb = clause_verb(noun, 3)
    if verb is None:
        return None
    subj, _via = clause_subject(verb)
    return named_actor(subj)


def _claimed_doer(noun: Token) -> Token | None:
    """Whom the claim names as the doer: the subject of its "that" clause (the agent of a passive one), its
    "against" phrase, or the owner of the deed its "of" phrase names. A clause that only classifies ("that X
    is Y") names no act."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in CLAIM_AGAINST_PREPS:
            obj = named_actor(child(c, "pobj"))
            if obj is not None:
                return obj
        if c.dep_ == "prep" and c.lower_ in CLAIM_DEED_PREPS:
            deed = child(c, "pobj")  # "claims of GCHQ collusion", "allegations of Russian meddling": the deed's doer
            doer = direct_owner(deed) if deed is not None else None
            if doer is not None and doer.pos_ != "PRON":
                return doer
        if c.dep_ in ("acl", "ccomp") and is_verbal(c) and any(m.dep_ == "mark" and m.lower_ == "that"
                                                             for m in c.children):
            if lemma(c) == "be" and any(k.dep_ in ("attr", "acomp") for k in c.children):
                continue
            by = child(c, "agent")
            agent = named_actor(child(by, "pobj") if by is not None else child(c, "nsubj"))
            if agent is not None:
                return agent
    return None


# -- a case argued ---------------------------------------------------------------------------------------------


def argued(sent: Span, candidates: list[Candidate], cues: Cues) -> list[Candidate]:
    """"Hawaii argued that the new order will harm its Muslim population": a party arguing that something harms
    or wrongs is its allegation (ACCUSE allege, 112) against the owner of what it argues about, else against
    whom the participants step finds on the story's other side. What is argued is a case, not a forecast, so a
    future in the content does not screen it; no own-side note (a state argues against its own government)."""
    if any(c.coded.type == "ACCUSE" for c in candidates):
        return []
    for verb in tokens(sent):
        if verb.pos_ != "VERB" or lemma(verb) not in ARGUING_VERBS or clause_flags(verb, cues).negated:
            continue
        content = child(verb, "ccomp")
        subj, via = clause_subject(verb)
        if content is None or subj is None or via not in ("subj", "relcl", "inherited") or subj.pos_ == "PRON" or \
                not looks_like_actor(subj) or lemma(subj) in COMMENTATORS:
            continue
        if not any(is_criticism(t) and not negated(t, cues) for t in content.subtree):
            continue
        about = child(content, "nsubj", "nsubjpass")
        owner = direct_owner(about) if about is not None else None
        made = _accusation(verb, "112", subj, owner, "argued", cues, spoken=True) if owner is not None and \
            not _same_side(owner, subj) else _accusation(verb, "112", subj, None, "argued", cues, spoken=True)
        return [made]
    return []


# -- a filing speaks ------------------------------------------------------------------------------------------


def filed(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues) -> list[Candidate]:
    """"The lawsuit says ...", "the state said in court papers ...", "... according to Hawaii's filing": what a
    legal document says is its filer's allegation (ACCUSE allege, 112), whatever its words: a claim made in a
    case is contested by definition. The accused is the owner of the content's subject, else whom the
    participants step finds on the story's other side (as for a case argued). No filer named, no allegation."""
    if any(c.coded.type == "ACCUSE" for c in candidates):
        return []
    for verb in tokens(sent):
        if verb.lower_ != "according" and (not is_verbal(verb) or clause_flags(verb, cues).negated):
            continue
        if lemma(verb) in lexicon.speech_verbs or lemma(verb) in ARGUING_VERBS:
            filer = _filer(verb)
        elif verb.lower_ == "according":
            doc = next((child(p, "pobj") for p in verb.children if p.lower_ == "to"), None)
            filer = _document_owner(doc) if doc is not None and _is_document(doc) else None
        else:
            continue
        if filer is None:
            continue
        content = child(verb, "ccomp", "parataxis") if verb.lower_ != "according" else verb.head
        about = child(content, "nsubj", "nsubjpass") if content is not None else None
        owner = direct_owner(about) if about is not None else None
        accused = owner if owner is not None and owner != filer and not _same_side(owner, filer) else None
        return [_accusation(verb, "112", filer, accused, "filed", cues, spoken=True)]
    return []


def _is_document(tok: Token, *, published: bool = False) -> bool:
    """A filing noun, or "court papers"; with ``published``, a report noun too."""
    if lemma(tok) in LEGAL_DOCUMENTS or (published and lemma(tok) in REPORT_NOUNS):
        return True
    return lemma(tok) in COURT_DOCUMENTS and any(
        c.dep_ in ("compound", "amod") and lemma(c) in COURT_WORDS for c in tok.children)


def _filer(verb: Token) -> Token | None:
    """Who speaks through a filing at ``verb``: the filing's owner when it is the subject ("the Maryland lawsuit
    argues"), the subject when the verb speaks "in" one ("the state said in court papers")."""
    subj, _ = clause_subject(verb)
    if subj is not None and _is_document(subj, published=True):
        return _document_owner(subj)
    for p in verb.children:
        doc = child(p, "pobj") if p.dep_ == "prep" and p.lower_ in FILING_PREPS else None
        if doc is not None and _is_document(doc) and subj is not None and (
                looks_like_actor(subj) or subj.pos_ == "PRON") and lemma(subj) not in COMMENTATORS:
            return subj
    return None


def _document_owner(doc: Token) -> Token | None:
    """The filer a filing names: its possessor, a name before it ("the Maryland lawsuit"), or the agent of
    "brought/filed by"."""
    for c in doc.children:
        if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN") and lemma(c) not in COURT_WORDS and \
                looks_like_actor(c):  # "court papers" are no court's
            return c
    return _claim_owner(doc)


# -- legal steps ----------------------------------------------------------------------------------------------


def legal_steps(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues) -> list[Candidate]:
    """The charges a sentence reports as the grounds of a legal step: "was convicted on five of the charges
    against him", "ordered the arrest of X for allegedly trying to ...". The labelling guide codes charges as
    ACCUSE `allege` (PLOVER: "sue, indict, or charge") beside the arrest or the conviction itself; at most one
    per sentence. Grounds told as fact ("sentenced for defying ...") are the act's, no allegation."""
    for tok in tokens(sent):
        found = None
        if tok.pos_ == "NOUN" and lemma(tok) in CHARGE_NOUNS | FACED_NOUNS:
            # charges as the grounds of a step ("convicted on charges of"), else charges faced or answered
            found = _on_charges(tok, candidates, lexicon, cues) if lemma(tok) in CHARGE_NOUNS else None
            if found is None and lemma(tok) in FACED_NOUNS:
                found = _faced(tok, candidates, cues)
        elif tok.lower_ in ALLEGING_ADVERBS and tok.dep_ == "advmod":
            found = _allegedly(tok, candidates, cues)
        elif tok.lower_ in ALLEGING_ADJECTIVES and tok.dep_ == "amod":
            found = _alleged_grounds(tok, candidates, lexicon, cues)
        if found is not None:
            return [found]
    return []


def _faced(noun: Token, candidates: list[Candidate], cues: Cues) -> Candidate | None:
    """"The union faces allegations of intimidation", "to answer allegations about his response": the one facing
    or answering charges is accused, by the charges' owner or "by"/"from" phrase, else by nobody named (a nominal
    accusation the participants step keeps with an empty source, as it keeps a trial faced)."""
    verb = noun.head
    if noun.dep_ != "dobj" or lemma(verb) not in FACED_VERBS or not is_verbal(verb) or negated(verb, cues) or \
            any(c.token == noun for c in candidates):
        return None
    accused, _ = clause_subject(verb)
    if accused is None or not looks_like_actor(accused):
        return None
    accuser = direct_owner(noun, _ACCUSER_PREPS, named=True)
    made = _accusation(noun, "112", accuser, accused, "faced", cues)
    made.mention = replace(made.mention, nominal=True)
    return made


def warrant(cand: Candidate) -> Candidate:
    """"Prosecutors ordered the arrest of X": an arrest ordered is a warrant, the orderer's allegation against X
    (ACCUSE allege, 115), not the arrest, which has not happened (the labelling guide's courts rule)."""
    if f"{cand.coded.type}:{cand.coded.mode}" not in WARRANT_ACTS or not WARRANT_NOTES.intersection(cand.notes):
        return cand
    cand.coded = Coded("ACCUSE", "allege", "115")
    cand.notes.append("warrant")
    return cand


def _on_charges(noun: Token, candidates: list[Candidate], lexicon: Lexicon, cues: Cues) -> Candidate | None:
    """"Was convicted on five of the 11 charges against him", "arrested him on charges of espionage", "was
    impeached amid accusations of misconduct": charges that are the grounds (``grounds_preps``) of an act against
    someone are an allegation of that someone, by the act's agent when named."""
    cur = noun
    for _ in range(4):  # "on five of the 11 charges": up through "of" and a number to "on"
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return None
        prep = cur.head
        if prep.lower_ in GROUNDS_PREPS and is_verbal(prep.head):
            return _against(prep.head, candidates, lexicon, cues, "charges")
        if prep.lower_ != "of":
            return None
        cur = prep.head
    return None


def _against(verb: Token, candidates: list[Candidate], lexicon: Lexicon, cues: Cues, note: str) -> Candidate | None:
    """The allegation of the one ``verb`` acts against, on grounds hung on ``verb``: its passive subject or its
    object when that names people (by its subject, or the passive's "by" agent), else the target of a legal step
    read at ``verb`` or at the verb it is a conjunct of ("impeached and removed from office amid ..."), by that
    step's actor."""
    if clause_flags(verb, cues).negated or _no_act(verb, candidates, lexicon):
        return None
    accused = child(verb, "nsubjpass") or child(verb, "dobj")
    if accused is not None and names_people(accused):
        source = _agent(verb) if child(verb, "nsubjpass") is not None else child(verb, "nsubj")
        return _accusation(verb, "115", source, accused, note, cues)
    for cand in candidates:
        if cand.coded.type in LEGAL_ACT_TYPES and cand.targets and not cand.flags.negated and \
                (cand.token == verb or verb in cand.token.conjuncts) and names_people(cand.targets[0].token):
            source = cand.sources[0].token if cand.sources else None
            made = _accusation(cand.token, "115", source, cand.targets[0].token, note, cues)
            made.prominence = cand.prominence  # the grounds of the act stand where the act stands
            return made
    return None


def _no_act(verb: Token, candidates: list[Candidate], lexicon: Lexicon) -> bool:
    """``verb`` names a legal step that was read as no event ("have arrested at least 2,400 people since
    February": a count, no candidate), or one the labelling guide codes as none: its grounds are no event either."""
    at = [c for c in candidates if c.token == verb or verb in c.token.conjuncts]  # "impeached and removed"
    if not at:
        return any(s.type in LEGAL_ACT_TYPES for s in lexicon.lookup(lemma(verb), "verb"))
    conv = load_conventions()
    return any(why_not(c, conv) is not None for c in at)


def _alleged_grounds(adjective: Token, candidates: list[Candidate], lexicon: Lexicon,
                     cues: Cues) -> Candidate | None:
    """"The FBI is seeking him for alleged links to the hijackers", "arrested for suspected espionage": a deed
    called alleged that is the grounds ("for"/"over") of an act against someone is the actor's allegation."""
    noun = adjective.head
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in GROUNDS_ADJECTIVE_PREPS:
        return None
    verb = prep.head
    if verb.dep_ in ("dobj", "nsubjpass") and names_people(verb):  # "arrested [a journalist for ...]"
        verb = verb.head
    if not is_verbal(verb):
        return None
    if verb.dep_ == "relcl" and child(verb, "dobj") is None and child(verb, "nsubjpass") is None and \
            child(verb, "nsubj") is not None and names_people(verb.head):
        # "a man the FBI is seeking for ...": the one sought is the clause's antecedent
        source = child(verb, "nsubj")
        if clause_flags(verb, cues).negated or source is None or not looks_like_actor(source) or \
                _no_act(verb, candidates, lexicon):
            return None
        return _accusation(verb, "115", source, verb.head, "alleged-grounds", cues)
    return _against(verb, candidates, lexicon, cues, "alleged-grounds")


def _allegedly(adverb: Token, candidates: list[Candidate], cues: Cues) -> Candidate | None:
    """"Ordered the arrest of X for allegedly trying to undermine the constitution": an act reported as alleged,
    the grounds of another actor's act against its doer, is that actor's allegation of the doer."""
    act = adverb.head
    for cand in candidates:
        if cand.coded.type not in LEGAL_ACT_TYPES or not cand.sources or cand.flags.negated or \
                "warrant" in cand.notes:  # the warrant is itself the allegation
            continue
        if act not in cand.mention.anchor.subtree or act == cand.mention.anchor:
            continue
        accused = cand.targets[0].token if cand.targets else None
        if accused is None or not names_people(accused):
            continue
        made = _accusation(act, "115", cand.sources[0].token, accused, "allegedly", cues)
        made.prominence = cand.prominence  # the grounds of the act stand where the act stands
        return made
    return None


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb, if it names someone."""
    agent = child(verb, "agent")
    obj = child(agent, "pobj") if agent is not None else None
    return obj if obj is not None and looks_like_actor(obj) else None


# -- a country that harbours the attackers --------------------------------------------------------------------


def harbouring(sent: Span, lexicon: Lexicon, cues: Cues, editorial: bool) -> list[Candidate]:
    """"Attackers collaborated with partners in Afghanistan", "the attack was directed by ringleaders operating
    from Afghanistan", said by a party: those behind an attack located in or operating from another country
    is the speaker's allegation against that country (ACCUSE allege, 112), the charge of harbouring or
    sponsoring them. The attackers themselves stay as they are read; at most one per sentence."""
    for tok in tokens(sent):
        country = _behind_from(tok)
        clause = clause_verb(tok, 8) if country is not None else None
        if country is None or clause is None or not _about_an_attack(tok, clause):
            continue
        speaks, speaker = speaking(tok, lexicon, editorial)
        if not speaks or negated(clause, cues) or (speaker is not None and country in speaker.subtree):
            continue
        return [statement(tok, "ACCUSE", "allege", "112", speaker, "harbouring", cues, targets=[country])]
    return []


def _behind_from(tok: Token) -> Token | None:
    """The country ``tok`` is placed in, when ``tok`` is one of those behind an attack: "partners in
    Afghanistan", "ringleaders operating from Afghanistan" (``handler_nouns``, or a hostile noun with an
    operating verb)."""
    if tok.pos_ != "NOUN":
        return None
    if lemma(tok) in HANDLER_NOUNS:
        place = _place(tok, ("in", "from"))
        if place is not None:
            return place
    if lemma(tok) in HANDLER_NOUNS or lemma(tok) in HOSTILE_NOUNS:
        for acl in (c for c in tok.children if c.dep_ in ("acl", "relcl") and lemma(c) in OPERATING_VERBS):
            place = _place(acl, ("from", "in", "out"))
            if place is not None:
                return place
    return None


def _place(tok: Token, preps: tuple[str, ...]) -> Token | None:
    """A country named by a preposition on ``tok`` ("in Afghanistan", "from Afghan soil" is not one)."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
        obj = child(prep, "pobj")
        if obj is not None and obj.ent_type_ == "GPE" and looks_like_actor(obj):
            return obj
    return None


def _about_an_attack(tok: Token, clause: Token) -> bool:
    """``tok`` is itself a hostile agent, or its ``clause``'s subject is one or an attack ("attackers collaborated
    with ...", "the attack was directed by ...")."""
    if lemma(tok) in HOSTILE_NOUNS:
        return True
    subj = child(clause, "nsubj", "nsubjpass")
    return subj is not None and (lemma(subj) in HOSTILE_NOUNS or lemma(subj) in ATTACK_NOUNS)
