"""What a statement does when no trigger word names it: criticism, reproach, demand and denial in what a speaker
says (or an editorial says in its own voice).

News reports most verbal conflict as content: "Washington claims the system poses a threat", "Akram said Kabul
was failing to rein in separatists", "'why doesn't the U.S. give us the missile,' said the adviser", "he said
it might be necessary to renegotiate the rules", "the minister said the S-400 poses no threat". The verb of
saying is no event; what the content does to another actor is:

- content that judges an actor negatively — a word of negative judgement (``data/criticism_words.txt``, derived
  from WordNet) about the actor, the actor failing to act, or posing a threat or challenge — is the speaker's
  ACCUSE (disapprove) of that actor; a reproachful question ("why doesn't X ...") likewise, and it replaces the
  negated act it asks about;
- content declaring an act necessary, or a deontic copula on another actor ("the Council must be united"), is
  the speaker's REQUEST; a demand whose "they" was read as the speaker is on the addressee; proposing what another
  actor should or could do ("suggested the United States could close the offices") is a REQUEST on it;
- an actor threatening a good ("was threatening the security of the region") said of it by another is that
  speaker's ACCUSE, not a THREATEN;
- content denying a judgement of the speaker's own side ("poses no threat", "no one can say that I am
  implicated") is the speaker's REJECT of the accusation; not accepting ("does not recognize the court") is
  REJECT by the subject.

The judged actor is the judgement word's owner or its clause's subject (or that subject's owner: "actions by
the US"), never the speaker, the speaker's own "we", or a phrase inside the speaker's; with nobody judged there
is no accusation. A sentence that already has an accusation gets none here. Only sentences already parsed are
read, and only their speech verbs' content: no sentence is parsed for this. The demand readers are
``demands.py``'s; who speaks and who is judged, and the candidate a statement makes, ``voice.py``'s.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.allegations import allegations, argued, filed, harbouring, legal_steps, owned_claims, warrant
from detente.coding.candidates import Candidate
from detente.coding.compose import Coded
from detente.coding.criticism import FAILURE_VERBS, POSING_NOUNS, POSING_VERBS, QUESTION_WORDS, is_criticism
from detente.coding.demands import addressed, directive, necessity, need, obligation, suggestion
from detente.coding.investigations import investigations
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.naming import naming
from detente.coding.nounclass import noun_class
from detente.coding.refusals import screen as screen_refusals
from detente.coding.spans import make_arg
from detente.coding.speaker import speaker_of
from detente.coding.subjects import clause_subject
from detente.coding.threats import screen as screen_threats
from detente.coding.threats import threatener
from detente.coding.valence import is_negative
from detente.coding.voice import (
    FIRST_PERSON,
    OWN_SIDE,
    TOPIC_SPEECH_VERBS,
    direct_owner,
    evaluated,
    is_generic,
    judged,
    marks_quote,
    negated,
    own_side,
    owner_of,
    personal,
    speaking,
    statement,
    subject_of,
)
from detente.coding.words import ACCUSATION_CUES, looks_like_actor, named_actor
from detente.syntax import child, condition_clause, is_verbal, lemma, prep_objects, tokens

_DATA = load_data("statements.yaml")
ACCEPTANCE_VERBS = frozenset(_DATA["acceptance_verbs"])
ALLEGATION_NOUNS = frozenset(_DATA["allegation_nouns"])
OPPOSING_WORDS = frozenset(_DATA["opposing_words"])
PROPOSAL_NOUNS = frozenset(_DATA["proposal_nouns"])
ENDANGERED_NOUNS = frozenset(_DATA["endangered_nouns"])
ENDANGERED_CLASSES = frozenset(_DATA["endangered_classes"])
ANSWERING_VERBS = frozenset(_DATA["answering_verbs"])
ANSWERING_PREPS = frozenset(_DATA["answering_preps"])
ANSWERED_NOUNS: dict[str, str] = {str(k): str(v) for k, v in _DATA["answered_nouns"].items()}
CRITIC_PREPS = frozenset(_DATA["critic_preps"])
VERBAL_CONFLICT_NOUNS = frozenset(_DATA["verbal_conflict_nouns"])
VERBAL_NOUNS = frozenset(_DATA["verbal_nouns"])
CONCERN_NOUNS = frozenset(_DATA["concern_nouns"])
EASING_VERBS = frozenset(_DATA["easing_verbs"])
RECEPTION_VERBS = frozenset(_DATA["reception_verbs"])
RECEPTION_NOUNS: dict[str, str] = {str(k): str(v) for k, v in _DATA["reception_nouns"].items()}
# "has not done enough", "is doing nothing to stop": a verb of doing with a measure of too little (``_falls_short``)
DOING_VERBS = frozenset(str(w) for w in _DATA["doing_verbs"])
SHORT_MEASURES = frozenset(str(w) for w in _DATA["short_measures"])
NOTHING_MEASURES = frozenset(str(w) for w in _DATA["nothing_measures"])
REPROACH_MODALS = frozenset(str(w) for w in _DATA["reproach_modals"])


def revise(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues,
           editorial: bool = False) -> list[Candidate]:
    """``candidates`` with the statement-level events of ``sent`` added (and an act a reproachful question
    negates removed); in an ``editorial`` the outlet's own voice is a speaker."""
    # a thing endangers, it does not threaten; "as opposed to" or a thing breaking a rule refuses nothing
    candidates = [_as_disapproval(c) for c in screen_refusals(screen_threats(candidates), lexicon, cues)]
    candidates = [warrant(_war_of_words(c)) for c in candidates]  # an arrest ordered is a warrant (allegations.py)
    candidates += [a for a in (_alleged(c, cues) for c in candidates) if a is not None]
    candidates += legal_steps(sent, candidates, lexicon, cues)  # the grounds of a legal step (allegations.py)
    candidates += owned_claims(sent, candidates, cues)  # "Trump's claim that Obama wiretapped him" (allegations.py)
    candidates = _answered(sent, candidates, cues)  # defending oneself against criticism rejects it
    candidates = _received(sent, candidates, cues)  # "met with opposition from China": refused by China
    candidates = investigations(sent, candidates, lexicon, cues, editorial)  # police work (investigations.py)
    if not any(c.coded.type == "ACCUSE" for c in candidates):
        candidates = _concerns(sent, candidates, lexicon, cues)  # "to ease U.S. concerns about ...": the US disapproves
    if not any(c.coded.type == "ACCUSE" for c in candidates):
        named = naming(sent, cues, {c.token.i for c in candidates})  # "called X's move irresponsible" (naming.py)
        candidates += [named] if named is not None else []
    if not any(c.coded.type == "REQUEST" and c.sources for c in candidates):
        candidates = suggestion(sent, candidates, cues) or candidates  # a verb of proposing needs no speech verb
    if not editorial and not marks_quote(sent) and not any(
            lemma(t) in lexicon.speech_verbs or lemma(t) in TOPIC_SPEECH_VERBS for t in tokens(sent)):
        return candidates
    taken = {c.token.i for c in candidates} | {c.mention.anchor.i for c in candidates}
    out = list(candidates)
    out.extend(filed(sent, out, lexicon, cues))  # "the lawsuit says ...": the filer alleges (allegations.py)
    if not any(c.coded.type == "ACCUSE" for c in out):
        accusation = _question(sent, lexicon, cues, editorial) or _judgement(sent, lexicon, cues, taken, editorial)
        if accusation is not None:
            if "reproach" in accusation.notes:
                # the act the question asks about did not happen: the reproach is the event
                out = [c for c in out if c.token not in accusation.token.subtree]
            out.append(accusation)
    if not any(c.coded.type == "ACCUSE" for c in out):
        out.extend(allegations(out, cues))  # a wrongful act another side is claimed to have done (allegations.py)
    if not any(c.coded.type == "ACCUSE" for c in out):
        out.extend(harbouring(sent, lexicon, cues, editorial))  # those behind an attack placed in another country
    out.extend(argued(sent, out, cues))  # "Hawaii argued that the order will harm ...": a case (allegations.py)
    out = [addressed(_as_denial(_endangering(c, lexicon, cues, editorial), sent, lexicon, cues), lexicon)
           for c in out]
    if not any(c.coded.type == "REJECT" for c in out):
        out.extend(_refusals(sent, lexicon, cues, taken))
        if not any(c.coded.type == "REJECT" for c in out):
            out.extend(_denial(sent, lexicon, cues, taken, editorial))
    if not any(c.coded.type == "REQUEST" for c in out):
        out = directive(sent, out, cues, taken) or out
    if not any(c.coded.type == "REQUEST" for c in out):
        out = need(sent, out, lexicon, cues, editorial) or out
    if not any(c.coded.type == "REQUEST" for c in out):
        out.extend(necessity(sent, lexicon, cues, taken, editorial) or
                   obligation(sent, lexicon, cues, taken, editorial))
    out.sort(key=lambda c: c.token.i)
    return out


# -- accusations ----------------------------------------------------------------------------------------------


def _judgement(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> Candidate | None:
    """The first negative judgement of another actor in what someone says: a judgement word, or failing to act."""
    for tok in tokens(sent):
        regret = _regretted(tok)  # "should not have commented": the negation is the reproach's content
        if tok.i in taken and not regret:  # a regretted act read as one is still regretted
            continue
        short = _falls_short(tok, cues)
        failing = short or regret or (lemma(tok) in FAILURE_VERBS and tok.pos_ == "VERB" and
                                      child(tok, "xcomp") is not None)
        posing = _poses(tok)
        plain = not failing and not posing and not is_criticism(tok)  # only a plain evaluative word, if any
        if plain and not is_negative(tok):
            continue
        speaks, speaker = speaking(tok, lexicon, editorial)
        if not speaks or (negated(tok, cues) and not short and not regret):
            continue
        who = evaluated(tok) if plain else (subject_of(tok) if failing or posing else None) or judged(tok)
        if who is None or not looks_like_actor(who) and owner_of(who) is None:
            continue
        who = who if looks_like_actor(who) else owner_of(who) or who
        # "it should have acted sooner", "he's cynical": a pronoun's regret or state is the speaker's own as often
        # as another's
        if own_side(who, speaker) or is_generic(who) or ((regret or plain) and who.pos_ == "PRON"):
            continue
        if plain and _supposed(tok):  # "if relations are unstable, ...": a case put, no judgement made
            continue
        # "has not done enough" is read at its measure: the negation is the reproach, not its denial
        anchor = child(tok, "dobj", "advmod") if short else None
        made = statement(anchor or tok, "ACCUSE", "disapprove", "111", speaker, "judgement", cues, targets=[who])
        if regret and not negated(tok, cues):
            made.notes.append("reproach")  # "should have apologized": the act did not happen
        if personal(who):  # "senators said Trump should not have commented", "Trump's remarks were wrong": USA > USA
            made.notes.remove(OWN_SIDE)
        return made
    return None


def _supposed(tok: Token) -> bool:
    """A word in a condition ("if China-US relations are unstable, ..."): a case the speaker supposes, not a
    judgement made."""
    return any(condition_clause(t) for t in (tok, *list(tok.ancestors)[:2]))


def _falls_short(tok: Token, cues: Cues) -> bool:
    """"Has not done enough", "is doing nothing to stop": a verb of doing with a measure of too little (negated
    "enough", plain "nothing"); "has done nothing wrong" defends."""
    if lemma(tok) not in DOING_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    measure = child(tok, "dobj", "advmod")
    if measure is None or any(c.dep_ == "amod" for c in measure.children):
        return False
    if measure.lower_ in SHORT_MEASURES:
        return negated(tok, cues)
    return measure.lower_ in NOTHING_MEASURES and not negated(tok, cues)


def _regretted(tok: Token) -> bool:
    """"Should not have commented", "ought to have acted": a modal of duty with a perfect infinitive says what its
    subject wrongly did or failed to do, a reproach whether negated or not; a passive ("should have been
    ignored") names no doer."""
    if tok.tag_ != "VBN" or tok.pos_ not in ("VERB", "AUX") or child(tok, "auxpass", "nsubjpass") is not None:
        return False
    auxes = [c for c in tok.children if c.dep_ == "aux"]
    return any(lemma(c) == "have" for c in auxes) and any(c.lower_ in REPROACH_MODALS for c in auxes)


def _poses(tok: Token) -> bool:
    """"Poses a threat", "the challenges China poses": a posing verb with a posed judgement noun."""
    if lemma(tok) not in POSING_VERBS or tok.pos_ != "VERB":
        return False
    obj = child(tok, "dobj")
    return (obj is not None and lemma(obj) in POSING_NOUNS) or (tok.dep_ == "relcl" and lemma(tok.head) in POSING_NOUNS)


def _question(sent: Span, lexicon: Lexicon, cues: Cues, editorial: bool) -> Candidate | None:
    """"Why doesn't the U.S. give us the missile": asking another actor why it did not act reproaches it."""
    for tok in tokens(sent):
        if lemma(tok) not in QUESTION_WORDS or tok.dep_ != "advmod":
            continue
        verb = tok.head
        if not is_verbal(verb) or not any(c.dep_ == "neg" for c in verb.children):
            continue
        subj, _ = clause_subject(verb)
        speaks, speaker = speaking(verb, lexicon, editorial)
        if subj is None or not speaks or not looks_like_actor(subj) or own_side(subj, speaker):
            continue
        return statement(verb, "ACCUSE", "disapprove", "111", speaker, "reproach", cues, targets=[subj])
    return None


# -- refusals and denials -------------------------------------------------------------------------------------


def _refusals(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int]) -> list[Candidate]:
    """"Dodik does not recognize the court": not accepting is a refusal (verbs of refusing are the lexicon's)."""
    out = []
    for tok in tokens(sent):
        if tok.i in taken or lemma(tok) not in ACCEPTANCE_VERBS or tok.pos_ != "VERB" or \
                not clause_flags(tok, cues).negated:
            continue
        subj = subject_of(tok)
        obj = child(tok, "dobj")
        if subj is not None and looks_like_actor(subj) and obj is not None:
            owner = obj if looks_like_actor(obj) else owner_of(obj)
            if owner is None and not _authored(obj) and not any(looks_like_actor(t) for t in obj.subtree):
                continue  # "does not recognize dog meat as edible": nobody's claim or authority is refused
            out.append(statement(tok, "REJECT", None, "120", None, "refusal", cues, sources=[subj],
                                  targets=[owner] if owner is not None else []))
    return out


def _authored(obj: Token) -> bool:
    """A thing some party puts forward, though its author is not named: "does not accept the decision", "does not
    recognize the resolution" (a proposal, a decision, a claim: ``proposal_nouns`` and ``allegation_nouns``)."""
    return lemma(obj) in PROPOSAL_NOUNS or lemma(obj) in ALLEGATION_NOUNS


def _as_disapproval(cand: Candidate) -> Candidate:
    """"The United States opposes China's maritime expansion": opposing what another actor does, rather than a
    proposal or a measure put forward, disapproves of that actor (ACCUSE 111, PLOVER's criticism), not a refusal."""
    if cand.coded.type != "REJECT" or cand.child is not None or lemma(cand.token) not in OPPOSING_WORDS:
        return cand
    obj = child(cand.token, "dobj") or next((child(p, "pobj") for p in cand.token.children
                                             if p.dep_ == "prep" and p.lower_ == "to"), None)
    if obj is None or lemma(obj) in PROPOSAL_NOUNS or looks_like_actor(obj):
        return cand
    owner = direct_owner(obj)
    if owner is None or obj.pos_ != "NOUN":
        return cand
    cand.coded = Coded("ACCUSE", "disapprove", "111")
    cand.targets = [make_arg(owner, "object")]
    cand.notes.append("disapproval")
    return cand


def _war_of_words(cand: Candidate) -> Candidate:
    """"Escalate the war of words against Iraq": a war, battle or fight of words is disapproval (ACCUSE 111) of
    the other side, not an armed attack, nor a threat of one when it is planned ("plans to escalate the war of
    words")."""
    if cand.coded.type not in ("ASSAULT", "THREATEN"):
        return cand
    for tok in (cand.token, cand.mention.anchor, *([cand.child.token] if cand.child is not None else [])):
        if lemma(tok) in VERBAL_CONFLICT_NOUNS and any(lemma(o) in VERBAL_NOUNS for _, o in prep_objects(tok, ("of",))):
            cand.coded = Coded("ACCUSE", "disapprove", "111")
            cand.notes.append("war-of-words")
            return cand
    return cand


def _alleged(cand: Candidate, cues: Cues) -> Candidate | None:
    """"The Taliban rejected Pakistan's allegation that ...", "we reject allegations by the army spokesperson":
    an allegation rejected or denied whose owner is named was made by that owner, an accusation (ACCUSE allege,
    112) of the one rejecting it. Without an owner ("rejected the allegations") nobody is known to have made it."""
    if cand.coded.type != "REJECT":
        return None
    noun = cand.child.token if cand.child is not None else child(cand.token, "dobj")
    if noun is None or lemma(noun) not in ALLEGATION_NOUNS:
        return None
    owner = direct_owner(noun)
    if owner is None or owner.pos_ == "PRON":
        return None
    speaker = cand.speaker.token if cand.speaker is not None else None
    accused = [a.token for a in cand.sources] or ([speaker] if speaker is not None else [])
    if not accused:
        return None
    made = statement(noun, "ACCUSE", "allege", "112", speaker, "alleged", cues, targets=accused, sources=[owner])
    made.notes.remove(OWN_SIDE)  # a party's allegation against its own government is coded (USA > USA)
    return made


def _answered(sent: Span, candidates: list[Candidate], cues: Cues) -> list[Candidate]:
    """"Russia defended itself against U.S. criticism of its ties", "defended its policy against accusations from
    Washington": defending against a criticism or an accusation rejects it (REJECT 120), and a critic named with
    the noun made it (ACCUSE of the defender). The defence is then no support (SUPPORT 052, the lexicon's
    reading of "defend"): what is defended is the defender's own conduct."""
    if any(c.coded.type == "REJECT" for c in candidates):
        return candidates
    for verb in tokens(sent):
        if lemma(verb) not in ANSWERING_VERBS or verb.pos_ != "VERB" or negated(verb, cues):
            continue
        obj, subj = child(verb, "dobj"), subject_of(verb)
        noun = _answered_noun(verb) or (_answered_noun(obj) if obj is not None else None)
        if noun is None or subj is None or not looks_like_actor(subj) or (
                named_actor(obj) is not None):
            continue  # "defended Russia against criticism": support of another, the lexicon's reading
        critic = direct_owner(noun, CRITIC_PREPS, named=True)
        if critic is not None and own_side(critic, subj):
            critic = None
        out = [c for c in candidates if c.token != verb]
        out.append(statement(verb, "REJECT", None, "120", None, "answered", cues, sources=[subj],
                             targets=[critic] if critic is not None else []))
        if critic is not None:
            cameo = ANSWERED_NOUNS[lemma(noun)]
            mode = "disapprove" if cameo == "111" else "allege"
            out.append(statement(noun, "ACCUSE", mode, cameo, None, "answered", cues, targets=[subj],
                                 sources=[critic]))
        return out
    return candidates


def _answered_noun(tok: Token) -> Token | None:
    """The criticism or accusation ``tok`` is defended against ("against U.S. criticism")."""
    for p in tok.children:
        noun = child(p, "pobj") if p.dep_ == "prep" and p.lower_ in ANSWERING_PREPS else None
        if noun is not None and lemma(noun) in ANSWERED_NOUNS:
            return noun
    return None


def _received(sent: Span, candidates: list[Candidate], cues: Cues) -> list[Candidate]:
    """"Malaysia's submission met with opposition from China", "the plan drew criticism from Seoul": the critic
    refuses (an opposing noun, REJECT 120) or disapproves of (ACCUSE 111) the subject, or the subject's owner. The
    lexicon's meeting read from "met with" is then none."""
    for verb in tokens(sent):
        if lemma(verb) not in RECEPTION_VERBS or verb.pos_ != "VERB" or negated(verb, cues):
            continue
        noun = child(verb, "dobj") or next((child(p, "pobj") for p in verb.children
                                            if p.dep_ == "prep" and p.lower_ == "with"), None)
        if noun is None or lemma(noun) not in RECEPTION_NOUNS or any(c.dep_ == "compound" for c in noun.children):
            continue  # "met with opposition leaders": a meeting
        critic = next((o for _, o in prep_objects(noun, ("from",))), None) or \
            next((o for _, o in prep_objects(verb, ("from",))), None)
        subj = subject_of(verb)
        if critic is None or critic.pos_ == "PRON" or not looks_like_actor(critic) or subj is None:
            continue
        judged_ = subj if looks_like_actor(subj) else direct_owner(subj)
        if judged_ is not None and (judged_.pos_ == "PRON" or own_side(judged_, critic) or is_generic(judged_)):
            judged_ = None
        type_ = RECEPTION_NOUNS[lemma(noun)]
        made = statement(noun, type_, "disapprove" if type_ == "ACCUSE" else None,
                         "111" if type_ == "ACCUSE" else "120", None, "received", cues, sources=[critic],
                         targets=[judged_] if judged_ is not None else [])
        return [c for c in candidates if c.token != verb and c.token != noun] + [made]
    return candidates


def _concerns(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues) -> list[Candidate]:
    """"Japanese concerns over Chinese military activity", "taking steps to ease U.S. concerns about transferring
    equipment": an actor's concerns are its disapproval (ACCUSE 110) of the actor "about"/"over" names, or of the
    one an easing verb says caused them. Easing the concerns is then no act of its own (the lexicon reads "ease"
    as easing a measure)."""
    for noun in tokens(sent):
        if lemma(noun) not in CONCERN_NOUNS or noun.pos_ != "NOUN" or negated(noun, cues):
            continue
        owner = direct_owner(noun, CRITIC_PREPS, named=True)
        if owner is None or any(c.dep_ == "prep" and c.lower_ in CRITIC_PREPS for c in noun.children):
            continue  # only an owning word: "concerns from ..." is rarer and often a source of news
        verb = noun.head if noun.dep_ == "dobj" and lemma(noun.head) in EASING_VERBS else None
        about = next((o for _, o in prep_objects(noun, ("about", "over"))), None)
        target = about if about is not None and looks_like_actor(about) else \
            direct_owner(about) if about is not None else None
        if target is None and verb is not None:
            target = _doer(verb, lexicon)
        if target is None or not looks_like_actor(target) or own_side(target, owner) or is_generic(target):
            continue
        made = statement(noun, "ACCUSE", "disapprove", "110", None, "concern", cues, targets=[target],
                         sources=[owner])
        return [c for c in candidates if verb is None or c.token != verb] + [made]
    return candidates


def _doer(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who does ``verb``: its subject, or for "taking steps to ease ..." the subject of the verb whose object the
    infinitive describes; "it" in what an actor says of itself is that actor ("China said it issued ...")."""
    subj = subject_of(verb)
    if (subj is None or not looks_like_actor(subj)) and verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "dobj":
        subj = subject_of(verb.head.head)
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ == "it":
        speaker = speaking(subj, lexicon, False)[1]
        return speaker if speaker is not None and looks_like_actor(speaker) else subj
    return subj


def _nobody(tok: Token | None) -> bool:
    """"No one", "nobody": a speaker that is nobody ("no one can say that I am implicated")."""
    if tok is None:
        return False
    return tok.lower_ in ("nobody", "none") or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _as_denial(cand: Candidate, sent: Span, lexicon: Lexicon, cues: Cues) -> Candidate:
    """An accusation of the speaker that the speaker says nobody can make, or that did not happen ("no one can
    say that I am implicated in any corrupt affair," he said; "we never violated the deal," the minister said)
    is the speaker's denial of it: REJECT."""
    if cand.coded.type != "ACCUSE" or not any(t.token.pos_ == "PRON" and t.token.lower_ in FIRST_PERSON
                                              for t in cand.targets):
        return cand
    says, _, verb = speaker_of(cand.token, lexicon)
    if verb is not None and (_nobody(says) or clause_flags(verb, cues).negated):
        speaker = speaker_of(verb, lexicon)[0] or _root_speaker(sent, lexicon)
    elif says is not None and negated(cand.token, cues):
        speaker = says
    else:
        return cand
    if speaker is None or _nobody(speaker):
        return cand
    return statement(cand.token, "REJECT", None, "120", speaker, "denial", cues)


def _root_speaker(sent: Span, lexicon: Lexicon) -> Token | None:
    """The subject of the sentence's main verb of saying ("..., Berisha said")."""
    root = sent.root
    if lemma(root) in lexicon.speech_verbs:
        subj, _ = clause_subject(root)
        return subj
    return None


def _denial(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> list[Candidate]:
    """"The S-400 poses no threat", "we are not violating anything": a speaker denying a negative judgement of
    the speaker's side, or of nobody named, rejects the accusation (REJECT, CAMEO 12)."""
    for tok in tokens(sent):
        if tok.i in taken or not (is_criticism(tok) or lemma(tok) in ACCUSATION_CUES):
            continue
        speaks, speaker = speaking(tok, lexicon, False)
        if speaker is None or not speaks or not negated(tok, cues):
            continue
        who = judged(tok)
        if who is not None and not own_side(who, speaker):
            continue
        return [statement(tok, "REJECT", None, "120", speaker, "denial", cues)]
    return []


# -- endangering a good ---------------------------------------------------------------------------------------


def _endangering(cand: Candidate, lexicon: Lexicon, cues: Cues, editorial: bool) -> Candidate:
    """"The Afghan government was threatening the security of the region," the spokesman said: an actor that
    threatens a good (security, stability, integrity, peace: ``endangered_nouns``, or a WordNet state or
    attribute) announces nothing and coerces nobody; said of it by another, it is a judgement of it (ACCUSE
    disapprove, 111), as "poses a threat to" is. Threatening an actor ("threatened Taiwan") or with a measure
    ("threatened sanctions") stays a threat; unsaid (a story's narration) it is left as read."""
    if cand.coded.type != "THREATEN" or cand.child is not None or cand.mention.sense.role != "threaten":
        return cand
    verb = cand.token
    obj = child(verb, "dobj")
    if not is_verbal(verb) or obj is None or looks_like_actor(obj) or not (
            lemma(obj) in ENDANGERED_NOUNS or noun_class(obj) in ENDANGERED_CLASSES):
        return cand
    doer = threatener(verb)
    if doer is None:
        doer, via = clause_subject(verb)
        doer = doer if via in ("subj", "inherited") else None
    if doer is None or not looks_like_actor(doer):
        return cand
    speaks, speaker = speaking(verb, lexicon, editorial)
    if not speaks or own_side(doer, speaker) or is_generic(doer):
        return cand
    return statement(verb, "ACCUSE", "disapprove", "111", speaker, "endangering", cues, targets=[doer])
