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
read, and only their speech verbs' content: no sentence is parsed for this.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from detente.coding.accusations import about_actor
from detente.coding.allegations import allegations, legal_steps
from detente.coding.candidates import Candidate, prominence
from detente.coding.compose import Coded, load_composer
from detente.coding.criticism import FAILURE_VERBS, NECESSITY_WORDS, POSING_VERBS, QUESTION_WORDS, is_criticism
from detente.coding.lexicon import Lexicon, Sense, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.nounclass import noun_class
from detente.coding.refusals import screen as screen_refusals
from detente.coding.spans import make_arg
from detente.coding.speaker import QUOTE_MARKS, in_quote, speaker_of
from detente.coding.subjects import clause_subject
from detente.coding.threats import screen as screen_threats
from detente.coding.threats import threatener
from detente.coding.triggers import Trigger
from detente.coding.words import ACCUSATION_CUES, looks_like_actor
from detente.syntax import child, has_to_marker, is_relative_pronoun, is_verbal, lemma, modal, tokens

# The participants step drops an accusation so noted whose targets are all of its source's countries: a judgement
# of one's own side is what that side perceives or debates, not an accusation of the other (participants.py).
OWN_SIDE = "editorial-disapproval"
# Below a lexicon sense: the act is read off the content, not named.
WEIGHT = 0.55
_DATA = load_data("statements.yaml")
COMMENTATORS = frozenset(_DATA["commentators"])
POSING_NOUNS = frozenset(_DATA["posing_nouns"])
TOPIC_SPEECH_VERBS = frozenset(_DATA["topic_speech_verbs"])
ACCEPTANCE_VERBS = frozenset(_DATA["acceptance_verbs"])
ALLEGATION_NOUNS = frozenset(_DATA["allegation_nouns"])
OPPOSING_WORDS = frozenset(_DATA["opposing_words"])
PROPOSAL_NOUNS = frozenset(_DATA["proposal_nouns"])
DIRECTIVE_VERBS = frozenset(_DATA["directive_verbs"])
ENDANGERED_NOUNS = frozenset(_DATA["endangered_nouns"])
ENDANGERED_CLASSES = frozenset(_DATA["endangered_classes"])
SUGGESTION_VERBS = frozenset(_DATA["suggestion_verbs"])
_TOPIC_PREPS = frozenset({"about", "of", "on", "over"})
GENERIC_DETERMINERS = frozenset(_DATA["generic_determiners"])
_FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
_OWNER_PREPS = frozenset({"of", "by"})
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "ROOT", "relcl", "advcl", "xcomp", "conj", "acl"})


def revise(sent: Span, candidates: list[Candidate], lexicon: Lexicon, cues: Cues,
           editorial: bool = False) -> list[Candidate]:
    """``candidates`` with the statement-level events of ``sent`` added (and an act a reproachful question
    negates removed); in an ``editorial`` the outlet's own voice is a speaker."""
    # a thing endangers, it does not threaten; "as opposed to" or a thing breaking a rule refuses nothing
    candidates = [_as_disapproval(c) for c in screen_refusals(screen_threats(candidates))]
    candidates += [a for a in (_alleged(c, cues) for c in candidates) if a is not None]
    candidates += legal_steps(sent, candidates, cues)  # charges as the grounds of a legal step (allegations.py)
    if not any(c.coded.type == "REQUEST" and c.sources for c in candidates):
        candidates = _suggestion(sent, candidates, cues) or candidates  # a verb of proposing needs no speech verb
    if not editorial and not _marks_quote(sent) and not any(
            lemma(t) in lexicon.speech_verbs or lemma(t) in TOPIC_SPEECH_VERBS for t in tokens(sent)):
        return candidates
    taken = {c.token.i for c in candidates} | {c.mention.anchor.i for c in candidates}
    out = list(candidates)
    if not any(c.coded.type == "ACCUSE" for c in out):
        accusation = _question(sent, lexicon, cues, editorial) or _judgement(sent, lexicon, cues, taken, editorial)
        if accusation is not None:
            if "reproach" in accusation.notes:
                # the act the question asks about did not happen: the reproach is the event
                out = [c for c in out if c.token not in accusation.token.subtree]
            out.append(accusation)
    if not any(c.coded.type == "ACCUSE" for c in out):
        out.extend(allegations(out, cues))  # a wrongful act another side is claimed to have done (allegations.py)
    out = [_addressed(_as_denial(_endangering(c, lexicon, cues, editorial), sent, lexicon, cues), lexicon)
           for c in out]
    if not any(c.coded.type == "REJECT" for c in out):
        out.extend(_refusals(sent, lexicon, cues, taken))
        if not any(c.coded.type == "REJECT" for c in out):
            out.extend(_denial(sent, lexicon, cues, taken, editorial))
    if not any(c.coded.type == "REQUEST" for c in out):
        out = _directive(sent, out, cues, taken) or out
    if not any(c.coded.type == "REQUEST" for c in out):
        out.extend(_necessity(sent, lexicon, cues, taken, editorial) or
                   _obligation(sent, lexicon, cues, taken, editorial))
    out.sort(key=lambda c: c.token.i)
    return out


# -- who speaks, who is judged ------------------------------------------------------------------------------


def _voice(tok: Token, lexicon: Lexicon, editorial: bool) -> tuple[bool, Token | None]:
    """(speaks, speaker): whether ``tok`` is in what someone says, and who; an editorial's own clause is the
    outlet's (speaker None)."""
    speaker, _, _ = speaker_of(tok, lexicon)
    if speaker is None:
        speaker = _topic_speaker(tok)
    if speaker is not None:
        return tok not in speaker.subtree and lemma(speaker) not in COMMENTATORS, speaker
    # words inside quotation marks with no speaker in the sentence are someone's: the sentence before names
    # whom (``participants`` takes that speaker when the quote goes on from it)
    return editorial or in_quote(tok.doc.text, tok.idx), None


def _marks_quote(sent: Span) -> bool:
    return any(t.text in QUOTE_MARKS for t in sent)


def _topic_speaker(tok: Token) -> Token | None:
    """Who speaks about what ``tok`` is in: "Ishiba has spoken openly about the challenges China poses"."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head == cur:
            return None
        if cur.dep_ == "prep" and cur.lower_ in _TOPIC_PREPS and lemma(head) in TOPIC_SPEECH_VERBS and \
                is_verbal(head):
            subj = _subject(head)
            return subj if subj is not None and looks_like_actor(subj) else None
        cur = head
    return None


def _own(tok: Token, speaker: Token | None) -> bool:
    """The speaker's own side: the speaker, a phrase inside the speaker's, or "we"/"I"."""
    if tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":  # not "US"
        return True
    return speaker is not None and (tok == speaker or tok in speaker.subtree or speaker in tok.subtree)


def _owner(noun: Token) -> Token | None:
    """Whose thing a noun is: "China's aggression", "Chinese aggression", "actions of/by the US", "the
    perceptions, policies and actions of the US" (an owner of one of its conjuncts)."""
    for n in (noun, *noun.conjuncts):
        owner = _own_owner(n)
        if owner is not None:
            return owner
    return None


def _own_owner(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")):
            if looks_like_actor(c):
                return c
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in _OWNER_PREPS:
            obj = child(p, "pobj")
            if obj is not None and obj.pos_ != "PRON" and looks_like_actor(obj):
                return obj
    return None


def _subject(clause: Token) -> Token | None:
    """Whom a clause says something about: its grammatical subject, passive or not ("Berisha was involved in
    corrupt acts"), or the subject it inherits."""
    s = child(clause, "nsubj", "nsubjpass")
    if s is None:  # "said Iran is flagrantly defying": the parser may hang the subject on the auxiliary
        s = next((child(a, "nsubj") for a in clause.children if a.dep_ == "aux" and child(a, "nsubj")), None)
    if s is not None and s.dep_ != "expl" and s.lower_ != "there" and not is_relative_pronoun(s):
        return s
    subj, via = clause_subject(clause)
    return subj if via in ("subj", "inherited", "relcl") else None


def _negated(tok: Token, cues: Cues) -> bool:
    """The judgement is denied: "poses no threat", "were not counterproductive" (the "not" on the copula)."""
    if clause_flags(tok, cues).negated:
        return True
    return tok.dep_ in ("acomp", "attr", "dobj", "oprd") and clause_flags(tok.head, cues).negated


def _generic(tok: Token) -> bool:
    """"Any party", "all countries": nobody in particular is judged."""
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in tok.children)


def _clause(tok: Token) -> Token:
    """The verb or predicate whose clause ``tok`` sits in (a few steps up at most)."""
    cur = tok
    for _ in range(4):
        if (is_verbal(cur) or cur.pos_ in ("AUX", "ADJ")) and cur.dep_ in _CLAUSE_DEPS | {"acomp"}:
            return cur
        if cur.head == cur:
            return cur
        cur = cur.head
    return cur


def judged(tok: Token) -> Token | None:
    """The actor a judgement word is about: its owner ("the US' short-sighted policies"), the owner of the noun
    it describes, its clause's subject or that subject's owner ("actions by the US ... created risks"), or
    what "about"/"over" points at."""
    owner = _owner(tok)
    if owner is not None:
        return owner
    if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        owner = _owner(tok.head)
        if owner is not None:
            return owner
    subj = _subject(_clause(tok))
    if subj is not None:
        if looks_like_actor(subj):
            return subj
        owner = _owner(subj)
        if owner is not None:
            return owner
    return about_actor(tok)


def _statement(tok: Token, type_: str, mode: str | None, cameo: str, speaker: Token | None, note: str,
               cues: Cues, targets: Iterable[Token] = (), sources: Iterable[Token] = ()) -> Candidate:
    """A candidate for what the statement does. With no source phrase the speaker (or the editorial's outlet) is
    the source, and the participants step then needs a target; a demand or denial aimed at nobody named keeps the
    speaker as its own source phrase. A judgement of the speaker's own country is dropped there
    (``OWN_SIDE``)."""
    sense = Sense(lemmas=(lemma(tok),), pos="noun" if tok.pos_ == "NOUN" else "verb", type=type_, mode=mode,
                  cameo=cameo, weight=WEIGHT)
    tgt = [make_arg(t, "object") for t in targets]
    src = [make_arg(s, "subject") for s in sources]
    if not src and not tgt and speaker is not None:
        src = [make_arg(speaker, "subject")]
    notes = [note] + ([OWN_SIDE] if type_ == "ACCUSE" else [])
    return Candidate(mention=Trigger(token=tok, sense=sense, anchor=tok), coded=Coded(type_, mode, cameo),
                     modality="asserted", flags=clause_flags(tok, cues), sources=src, targets=tgt,
                     speaker=make_arg(speaker, "speaker") if speaker is not None else None, weight=WEIGHT,
                     needs_speaker_source=not src, prominence=prominence(tok), notes=notes)


# -- accusations ----------------------------------------------------------------------------------------------


def _judgement(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> Candidate | None:
    """The first negative judgement of another actor in what someone says: a judgement word, or failing to act."""
    for tok in tokens(sent):
        if tok.i in taken:
            continue
        failing = lemma(tok) in FAILURE_VERBS and tok.pos_ == "VERB" and child(tok, "xcomp") is not None
        posing = _poses(tok)
        if not failing and not posing and not is_criticism(tok):
            continue
        speaks, speaker = _voice(tok, lexicon, editorial)
        if not speaks or _negated(tok, cues):
            continue
        who = (_subject(tok) if failing or posing else None) or judged(tok)
        if who is None or not looks_like_actor(who) and _owner(who) is None:
            continue
        who = who if looks_like_actor(who) else _owner(who) or who
        if _own(who, speaker) or _generic(who):
            continue
        return _statement(tok, "ACCUSE", "disapprove", "111", speaker, "judgement", cues, targets=[who])
    return None


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
        speaks, speaker = _voice(verb, lexicon, editorial)
        if subj is None or not speaks or not looks_like_actor(subj) or _own(subj, speaker):
            continue
        return _statement(verb, "ACCUSE", "disapprove", "111", speaker, "reproach", cues, targets=[subj])
    return None


# -- refusals and denials -------------------------------------------------------------------------------------


def _refusals(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int]) -> list[Candidate]:
    """"Dodik does not recognize the court": not accepting is a refusal (verbs of refusing are the lexicon's)."""
    out = []
    for tok in tokens(sent):
        if tok.i in taken or lemma(tok) not in ACCEPTANCE_VERBS or tok.pos_ != "VERB" or \
                not clause_flags(tok, cues).negated:
            continue
        subj = _subject(tok)
        obj = child(tok, "dobj")
        if subj is not None and looks_like_actor(subj) and obj is not None:
            owner = obj if looks_like_actor(obj) else _owner(obj)
            if owner is None and not _authored(obj) and not any(looks_like_actor(t) for t in obj.subtree):
                continue  # "does not recognize dog meat as edible": nobody's claim or authority is refused
            out.append(_statement(tok, "REJECT", None, "120", None, "refusal", cues, sources=[subj],
                                  targets=[owner] if owner is not None else []))
    return out


def _authored(obj: Token) -> bool:
    """A thing some party puts forward, though its author is not named: "does not accept the decision", "does not
    recognize the resolution" (a proposal, a decision, a claim: ``proposal_nouns`` and ``allegation_nouns``)."""
    return lemma(obj) in PROPOSAL_NOUNS or lemma(obj) in ALLEGATION_NOUNS


def _addressed(cand: Candidate, lexicon: Lexicon) -> Candidate:
    """"EU officials told national governments that they shouldn't close borders": a demand whose "they" was
    read as the speakers themselves is on the addressee, to whom it was said."""
    if cand.coded.type != "REQUEST" or cand.speaker is None or not cand.targets:
        return cand
    speaker = cand.speaker.token
    if not all(t.token == speaker or t.token in speaker.subtree for t in cand.targets):
        return cand
    _, addressee, _ = speaker_of(cand.token, lexicon)
    if addressee is not None and looks_like_actor(addressee) and addressee.pos_ != "PRON":
        cand.targets = [make_arg(addressee, "object")]
        cand.notes.append("addressee")
    return cand


def _as_disapproval(cand: Candidate) -> Candidate:
    """"The United States opposes China's maritime expansion": opposing what another actor does, rather than a
    proposal or a measure put forward, disapproves of that actor (ACCUSE 111, PLOVER's criticism), not a refusal."""
    if cand.coded.type != "REJECT" or cand.child is not None or lemma(cand.token) not in OPPOSING_WORDS:
        return cand
    obj = child(cand.token, "dobj") or next((child(p, "pobj") for p in cand.token.children
                                             if p.dep_ == "prep" and p.lower_ == "to"), None)
    if obj is None or lemma(obj) in PROPOSAL_NOUNS or looks_like_actor(obj):
        return cand
    owner = _own_owner(obj)
    if owner is None or obj.pos_ != "NOUN":
        return cand
    cand.coded = Coded("ACCUSE", "disapprove", "111")
    cand.targets = [make_arg(owner, "object")]
    cand.notes.append("disapproval")
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
    owner = _own_owner(noun)
    if owner is None or owner.pos_ == "PRON":
        return None
    speaker = cand.speaker.token if cand.speaker is not None else None
    accused = [a.token for a in cand.sources] or ([speaker] if speaker is not None else [])
    if not accused:
        return None
    made = _statement(noun, "ACCUSE", "allege", "112", speaker, "alleged", cues, targets=accused, sources=[owner])
    made.notes.remove(OWN_SIDE)  # a party's allegation against its own government is coded (USA > USA)
    return made


def _nobody(tok: Token | None) -> bool:
    """"No one", "nobody": a speaker that is nobody ("no one can say that I am implicated")."""
    if tok is None:
        return False
    return tok.lower_ in ("nobody", "none") or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _as_denial(cand: Candidate, sent: Span, lexicon: Lexicon, cues: Cues) -> Candidate:
    """An accusation of the speaker that the speaker says nobody can make, or that did not happen ("no one can
    say that I am implicated in any corrupt affair," he said; "we never violated the deal," the minister said)
    is the speaker's denial of it: REJECT."""
    if cand.coded.type != "ACCUSE" or not any(t.token.pos_ == "PRON" and t.token.lower_ in _FIRST_PERSON
                                              for t in cand.targets):
        return cand
    says, _, verb = speaker_of(cand.token, lexicon)
    if verb is not None and (_nobody(says) or clause_flags(verb, cues).negated):
        speaker = speaker_of(verb, lexicon)[0] or _root_speaker(sent, lexicon)
    elif says is not None and _negated(cand.token, cues):
        speaker = says
    else:
        return cand
    if speaker is None or _nobody(speaker):
        return cand
    return _statement(cand.token, "REJECT", None, "120", speaker, "denial", cues)


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
        speaks, speaker = _voice(tok, lexicon, False)
        if speaker is None or not speaks or not _negated(tok, cues):
            continue
        who = judged(tok)
        if who is not None and not _own(who, speaker):
            continue
        return [_statement(tok, "REJECT", None, "120", speaker, "denial", cues)]
    return []


# -- demands --------------------------------------------------------------------------------------------------


def _necessity(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> list[Candidate]:
    """"It might be necessary to renegotiate Schengen rules": a speaker declaring an act necessary demands it."""
    for tok in tokens(sent):
        if lemma(tok) not in NECESSITY_WORDS or tok.pos_ != "ADJ" or tok.i in taken or tok.dep_ == "amod":
            continue  # "any measures necessary to prevent ...": a description, not a demand
        act = child(tok, "xcomp") or child(tok, "ccomp")
        if act is None and tok.dep_ == "acomp":  # "it was necessary to ...": the infinitive hangs on the copula
            act = child(tok.head, "xcomp") or child(tok.head, "ccomp")
        if act is None or not is_verbal(act) or _negated(tok, cues):
            continue
        said_of = child(tok.head if tok.dep_ == "acomp" else tok, "nsubj")
        if said_of is not None and said_of.lower_ != "it":
            continue  # "deterrence was necessary to resist ...": a means to an end, not a demand
        speaks, speaker = _voice(tok, lexicon, editorial)
        if not speaks:
            continue
        subj, via = clause_subject(act)
        targets = [subj] if subj is not None and via == "subj" and looks_like_actor(subj) and \
            not _own(subj, speaker) else []
        return [_statement(tok, "REQUEST", None, "020", speaker, "necessity", cues, targets=targets)]
    return []


def _obligation(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int], editorial: bool) -> list[Candidate]:
    """"The Council must be clear and united", "the council must be united": a deontic copula or passive on
    another actor is a demand on it (an active verb under "must" is read by the candidates' own deontic rule,
    and a demand found there is not made twice)."""
    for tok in tokens(sent):
        if tok.i in taken or tok.dep_ not in _CLAUSE_DEPS or not (
                (tok.pos_ == "AUX" and lemma(tok) == "be") or (tok.pos_ == "VERB" and child(tok, "nsubjpass"))):
            continue
        if not clause_flags(tok, cues).deontic:
            continue
        subj = _subject(tok)
        speaks, speaker = _voice(tok, lexicon, editorial)
        if subj is None or not speaks or not looks_like_actor(subj) or _own(subj, speaker) or _generic(subj):
            continue
        return [_statement(tok, "REQUEST", None, "020", speaker, "obligation", cues, targets=[subj])]
    return []


def _directive(sent: Span, candidates: list[Candidate], cues: Cues, taken: set[int]) -> list[Candidate] | None:
    """"The governor told city council members to draft regulations", "advised Kyiv to accept": telling an actor
    to do something is a demand on it (a verb of saying with an addressee and a "to" infinitive;
    ``directive_verbs``). Its mode and code are the demanded act's, and that act, the demand's content, is no
    event of its own. The candidates with the demand, or None when there is none."""
    for tok in tokens(sent):
        if tok.i in taken or lemma(tok) not in DIRECTIVE_VERBS or tok.pos_ != "VERB" or \
                clause_flags(tok, cues).negated:
            continue
        addressee, act, subj = child(tok, "dobj"), child(tok, "xcomp"), _subject(tok)
        if addressee is None or act is None or not has_to_marker(act) or subj is None or \
                not looks_like_actor(addressee) or not looks_like_actor(subj):
            continue
        content = [c for c in candidates if c.token in act.subtree]
        coded = load_composer().apply("request", Coded("REQUEST", None, "020"), content[0].coded) if content \
            else Coded("REQUEST", None, "020")
        demand = _statement(tok, "REQUEST", coded.mode, coded.cameo, None, "directive", cues, targets=[addressee],
                            sources=[subj])
        return [c for c in candidates if c not in content] + [demand]
    return None


def _suggestion(sent: Span, candidates: list[Candidate], cues: Cues) -> list[Candidate] | None:
    """"The senator suggested the United States could close the consulate", "proposed that Germany should pay",
    "recommended that Iran halt enrichment": proposing what *another* actor should do is a demand on it (the
    labelling guide: "a suggestion I'm making" is a REQUEST). The content must be put as something to do (a modal,
    or the bare subjunctive); "suggested China was behind the attack" is a claim, not a proposal. The proposed act
    is the demand's content, no event of its own; an offer read from the verb itself ("proposed", AGREE) is left
    for the participants step to weigh, since only it knows whether the addressee is the proposer's own country
    (then the demand is dropped, ``OWN_SIDE``, and the offer stands). The candidates with the demand, or None."""
    for tok in tokens(sent):
        if lemma(tok) not in SUGGESTION_VERBS or tok.pos_ != "VERB" or clause_flags(tok, cues).negated:
            continue
        act, proposer = child(tok, "ccomp"), _subject(tok)
        if act is None or proposer is None or not looks_like_actor(proposer) or proposer.pos_ == "PRON":
            continue
        addressee = child(act, "nsubj")
        if addressee is None or not looks_like_actor(addressee) or _own(addressee, proposer) or \
                lemma(addressee) == lemma(proposer) or not _proposed(act):
            continue
        content = [c for c in candidates if c.token in act.subtree]
        coded = load_composer().apply("request", Coded("REQUEST", None, "020"), content[0].coded) if content \
            else Coded("REQUEST", None, "020")
        demand = _statement(tok, "REQUEST", coded.mode, coded.cameo, None, "suggestion", cues,
                            targets=[addressee], sources=[proposer])
        demand.notes.append(OWN_SIDE)  # what one's own country should do is a plan or an offer, no demand on another
        return [c for c in candidates if c not in content] + [demand]
    return None


def _proposed(act: Token) -> bool:
    """Content put as an act to do: under a modal ("could close", "should pay") or in the bare subjunctive ("that
    Iran halt"), not a statement of fact ("China was behind it"), a forecast ("India will attack") nor a guess ("India
    might be behind the attack", "could have sent the drones": a copula or a perfect infers, it proposes nothing)."""
    if lemma(act) == "be" or any(c.dep_ == "aux" and lemma(c) == "have" for c in act.children):
        return False
    if any(c.dep_ == "aux" and modal(c) in ("deontic", "possible", "would") for c in act.children):
        return True  # not "will": "suggested India will attack" foretells
    if any(c.dep_ in ("aux", "auxpass") for c in act.children):
        return False
    subj = child(act, "nsubj")  # "that Iran halt": a plain form with a singular subject is no present tense
    return act.tag_ == "VB" or (act.tag_ == "VBP" and subj is not None and subj.tag_ in ("NN", "NNP"))


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
    speaks, speaker = _voice(verb, lexicon, editorial)
    if not speaks or _own(doer, speaker) or _generic(doer):
        return cand
    return _statement(verb, "ACCUSE", "disapprove", "111", speaker, "endangering", cues, targets=[doer])
