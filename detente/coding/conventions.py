"""What the labelling guide says is not an event, applied to a sentence's candidates before they are resolved.

Dictionary coders over-code: every trigger word becomes an event. The guide (docs/labelling.md, "Conventions
and hard cases" and the decisions of each draw) names the kinds of sentence that carry no event although a
trigger word is in them, and these hold for any news, not only the sentences they were written from:

- **commentary**: analysts, academics, think-tank fellows and former officials quoted for their views make no
  event; an act of someone else they report in the past tense is still that someone's event;
- **predictions and worries**: what "could", "might" or "will likely" happen, what someone fears will;
- **habits and counts over a period**: "seldom criticized", "regularly displacing", "regular attacks", "passed
  10 times last year";
- **a journalist's request for comment**, answered or not;
- **an agreement carried out**: "implementing the important consensus", "maintain the truce" carry out an
  agreement made before; they make none;
- **a reading of an event**: "the trip meant China and the US were stepping up engagement", "the visit shows
  they are deepening their partnership" say what an event means, not a second act;
- **a vehicle's movements**: "the Iranian vessel arrived in eastern China" is no visit (the guide: movements of
  a ship are not coded; a visit is made by people);
- **a wish to receive**: "Malaysia hopes to get concessionary loans" is no offer of aid by Malaysia;
- **an act only possible**: one read as hypothetical ("if the US seeks communication", "in hopes that the US can
  help push for") was not done; a conditional threat or promise was made, and stays;
- **people at large**: an act in what "some", "others" or "people" believe, suggest or want is their opinion;
- **sport, hazards, landmarks and practices to stop** (session 14): a sentence amid sport news (``sport``), a
  violent act done by a fire, a storm, an accident or an illness (``hazards``), a past event named by its date
  with nobody doing it (``history``), a violent act named as what is ended or prevented (``endings``);
- **obituaries, questions put and no comment** (session 15): a story that opens on a death by no one's hand
  (``obituaries``), a question asked of someone ("asked Lukin if ...") as a REQUEST, "declined to comment" as a
  REJECT;
- **conditions** (session 16): a noun act in an "if" clause, and a conditional threat whose condition the
  speaker's own side must meet ("if we do not solve ..., they will come to us").
- **genre by title and structure** (session 16): an obituary named by its title ("Obituary: X", "X dies aged
  90"; ``obituaries``), and a story of one country's business or policy, whose exchanges the coder drops when the
  story is done (``genre``, called from ``Coder._finish``: a genre needs all of the story).

Each rule is a small test on the parse; the word classes are data (``data/conventions.yaml``). The habit frame
lives in ``habits``, the meeting and offer words that name no act in ``asides``. ``screen`` is called once per
parsed sentence (one line in ``coder.py``) and returns the candidates it keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from detente.coding.allegiances import allegiance
from detente.coding.anchors import act_anchors, clause_chain
from detente.coding.asides import in_passing, no_offer
from detente.coding.cameo import quad_class
from detente.coding.convention_words import Conventions, load_conventions
from detente.coding.endings import ended
from detente.coding.habits import habitual
from detente.coding.hazards import by_a_hazard
from detente.coding.history import named_by_date, of_an_age
from detente.coding.obituaries import obituary
from detente.coding.opinions import authors_view, opinion_title
from detente.coding.recommendations import recommended
from detente.coding.reflexives import self_inflicted
from detente.coding.sport import amid_sport
from detente.coding.words import looks_like_actor
from detente.syntax import (
    child,
    clause_head,
    clause_tense,
    condition_clause,
    has_to_marker,
    is_verbal,
    lemma,
    modal,
    subject,
)

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate

__all__ = ["Conventions", "commentator_names", "is_commentator", "load_conventions", "screen", "why_not"]

# Types that a warning or a condition makes of a possibility: "Ankara is warning it could turn to Russia" is a
# threat that was made (docs/labelling.md, Types), so possibility is no reason to drop them.
_SPOKEN_POSSIBLE = frozenset({"THREATEN"})
def commentator_names(text: str, conv: Conventions | None = None) -> frozenset[str]:
    """Surnames of the people a document introduces as commentators, so that a later "Sneider said" is one."""
    conv = conv or load_conventions()
    out: set[str] = set()
    for m in conv.introductions.finditer(text):
        name = m.group(1) or m.group(2)
        if name and name[0].isupper():
            out.add(name)
    return frozenset(out)


@lru_cache(maxsize=2)
def _names_of(text: str) -> frozenset[str]:
    return commentator_names(text)


def screen(sent: Span, candidates: list[Candidate], document: str = "", title: str | None = None) -> list[Candidate]:
    """The candidates the guide codes; ``document`` is the whole text, where commentators are introduced, and
    ``title`` its title, which names a story's genre where its text does not (an obituary)."""
    if not candidates:
        return candidates
    conv = load_conventions()
    if amid_sport(sent.text, document, conv):
        return []  # sport news: a game's words are no acts between parties (``sport``)
    if obituary(document, conv, title):
        return []  # a life's story: no news of acts between parties (``obituaries``)
    if opinion_title(title, conv):
        candidates = [c for c in candidates if not authors_view(c)]  # the piece's own views (``opinions``)
    names = _names_of(document) if document else frozenset()
    return [c for c in candidates if why_not(c, conv, names) is None]


def why_not(cand: Candidate, conv: Conventions, names: frozenset[str] = frozenset()) -> str | None:
    """The convention by which ``cand`` is no event, or None when it is one."""
    if _commentary(cand, conv, names):
        return "commentary"
    tests = (("prediction", _prediction), ("habitual", habitual), ("inquiry", _inquiry), ("question", _question),
             ("regulation", _routine_regulation), ("generic", _generic), ("counterfactual", _counterfactual),
             ("question put", _question_put), ("unrealised", _unrealised), ("attempted", _attempted),
             ("people at large", _people_at_large), ("foretold", _foretold), ("receipt", _receipt),
             ("carried out", _carried_out), ("reading", _reading),
             ("vehicle", _vehicle), ("in passing", in_passing), ("no offer", no_offer),
             ("in a condition", _in_a_condition),
             ("own condition", _own_condition), ("recommended", recommended), ("self-inflicted", self_inflicted),
             ("allegiance", allegiance), ("history", of_an_age),
             ("named by date", named_by_date), ("hazard", by_a_hazard), ("ended", ended))
    return next((name for name, test in tests if test(cand, conv)), None)


# -------------------------------------------------------------------------------------------- commentary


def is_commentator(tok: Token, conv: Conventions, names: frozenset[str] = frozenset()) -> bool:
    """A speaker or actor phrase naming a commentator: its head or an apposition is a role noun ("analysts",
    "Matthew Brummer, a professor"), a role noun compounded on it ("political analyst Alfatih Mahmoud"), a
    former office holder, or a name the document introduced as one. An apposition naming an office ("Professor
    Mesut Casin, a presidential adviser") makes the speaker an official voice, as the guide decides."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "appos")]
    if any(lemma(h) in conv.office_roles and not _former(h, conv) for h in heads):
        return False
    for h in heads:
        if lemma(h) in conv.commentator_roles or h.lower_ in conv.commentator_roles or _former(h, conv):
            return True
        if any(c.dep_ in ("compound", "amod", "nmod") and c.is_lower and lemma(c) in conv.commentator_roles
               for c in h.children):
            return True
    return tok.pos_ == "PROPN" and tok.text in names


def _former(tok: Token, conv: Conventions) -> bool:
    return any(c.dep_ in ("amod", "advmod", "compound") and c.lower_ in conv.former_marks for c in tok.children)


def _commentary(cand: Candidate, conv: Conventions, names: frozenset[str]) -> bool:
    """A commentator's view, or an act by one named by role ("experts say wind will be crucial to fight ...")."""
    if any(_role_noun(a.token, conv) for a in cand.sources):
        return True
    if cand.speaker is None or not is_commentator(cand.speaker.token, conv, names):
        return False
    if any(a.token == cand.speaker.token for a in cand.sources):
        return False  # their own act ("there is no one that can say I am implicated", a former premier denies)
    # an act of someone else the commentator reports is coded for that someone, when it happened: a past
    # clause, or an event named by a noun ("Ishiba's call for an Asian NATO stems from ...")
    if cand.modality != "asserted":
        return True
    return not (cand.token.pos_ == "NOUN" or clause_tense(cand.token, frozenset()) == "past")


def _role_noun(tok: Token, conv: Conventions) -> bool:
    return lemma(tok) in conv.commentator_roles and tok.pos_ == "NOUN"


# ------------------------------------------------------------------------------------------- predictions


def _prediction(cand: Candidate, conv: Conventions) -> bool:
    """A possibility ("could be compromised", "will likely increase") or the content of a worry or expectation
    ("fears ... are becoming more dangerous", "is expected to harden", "at risk of interception"). A threat
    and a demand stay: a warning that something could happen is a threat that was made, and a hedged demand
    ("may have to ask the U.S.", "expects Kabul to uphold") is a demand that was made (the guide's Types)."""
    if cand.coded.type in _SPOKEN_POSSIBLE:
        return False
    demand = cand.coded.type == "REQUEST"
    if cand.mention.nominal and cand.modality == "asserted":
        anchors = [cand.token]  # a noun event that happened is not predicted by its clause ("will add to calls")
        if not _noun_owned_by_clause(cand.token):
            return False
    else:
        anchors = act_anchors(cand)
    for anchor in anchors:
        chain = clause_chain(anchor)
        for verb in chain:
            for c in verb.children:
                if c.dep_ == "advmod" and c.lower_ in conv.epistemic_adverbs:
                    return True
                if not demand and c.dep_ in ("aux", "auxpass") and modal(c) == "possible" and \
                        c.lower_ not in ("can", "ca"):
                    return True
        if not demand and _under_prediction(chain[-1], conv):
            return True
    return False


def _noun_owned_by_clause(noun: Token) -> bool:
    """A noun event that is its clause's subject or object: "the attack could happen" is predicted."""
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")


def _under_prediction(head: Token, conv: Conventions) -> bool:
    """The clause is the complement of a word of worry or forecast, up to the sentence's main clause; a belief
    ("I do not believe there will be an arrest") only when what is believed has not happened. A clause, not a
    noun: "concern over the drills" judges drills that happened, and the guide codes them."""
    cur = head
    for _ in range(8):
        gov = cur.head
        if gov == cur:
            return False
        if cur.dep_ in ("ccomp", "xcomp", "acl", "pcomp") and is_verbal(cur):
            word = lemma(gov)
            if word in conv.prediction_heads:
                return True
            if word in conv.belief_heads and clause_tense(head, frozenset()) != "past":
                return True
        if cur.dep_ in ("ROOT", "relcl", "parataxis"):
            return False
        cur = gov
    return False


# ----------------------------------------------------------------------------------------------- inquiry


def _inquiry(cand: Candidate, conv: Conventions) -> bool:
    """A request for comment (a journalist's, answered or not) is no REQUEST and no CONSULT, declining to comment
    no REJECT (``_no_comment``); nor is a source's
    request not to be named ("said the official, who asked not to be named"), or a question put by reporters
    the sentence leaves unnamed ("Asked where bin Laden was, the spokesman said ...")."""
    if cand.coded.type == "REJECT":
        return _no_comment(cand.mention.anchor, conv)
    if cand.coded.type not in ("REQUEST", "CONSULT"):
        return False
    for anchor in act_anchors(cand):
        if lemma(anchor) in conv.inquiry_verbs and (_anonymity(anchor, conv) or _asked_by_nobody(anchor)):
            return True
        if lemma(anchor) in conv.inquiry_verbs or lemma(anchor) in conv.inquiry_nouns:
            for t in anchor.subtree:
                if t != anchor and lemma(t) in conv.inquiry_nouns and t.pos_ == "NOUN":
                    return True
        head = anchor.head
        if lemma(head) in ("respond", "reply", "answer") and any(c.lower_ in ("not", "n't") for c in head.children):
            return True
    return False


def _no_comment(verb: Token, conv: Conventions) -> bool:
    """"Declined to comment", "refused to comment on the report": no answer to the press, which the guide codes
    as no event ("had no comment"), not a refusal of a party's demand."""
    return any(c.dep_ == "xcomp" and lemma(c) in conv.inquiry_nouns for c in verb.children)


def _anonymity(verb: Token, conv: Conventions) -> bool:
    """"Asked not to be named", "requested that he not be identified": a source's condition to the press."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and lemma(c) in conv.anonymity_verbs and \
                any(a.dep_ == "auxpass" for a in c.children):
            return True
    return False


def _asked_by_nobody(verb: Token) -> bool:
    """A fronted participle with no asker ("Asked about the talks, Wang said ..."): the main clause's subject was
    asked, by reporters; "Asked by Beijing to mediate, Qatar agreed" names the asker and stays."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent", "mark") or
                (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)


# --------------------------------------------------------------------------------------------- questions


def _question(cand: Candidate, conv: Conventions) -> bool:
    """An act asked about is not reported as done: a direct question ("Will it end?", "Is this going to include
    other leaders?") and an indirect one ("asked Lai if he agreed with them", "about whether Rubio has
    responded"). A reproachful question ("why doesn't the U.S. give us ...") is an accusation that was made
    (``statements``): it stays."""
    sent = cand.token.sent
    if cand.coded.type == "ACCUSE":
        return False
    if sent.text.rstrip(" \"'”’»").endswith("?") and not any(t.lower_ == "why" for t in sent):
        return True
    for anchor in act_anchors(cand):
        head = clause_chain(anchor)[-1]
        for c in head.children:
            if c.dep_ == "mark" and c.lower_ == "whether":
                return True
            if c.dep_ == "mark" and c.lower_ == "if" and head.dep_ in ("ccomp", "advcl") and \
                    lemma(head.head) in conv.question_verbs:
                return True
    return False


def _question_put(cand: Candidate, conv: Conventions) -> bool:
    """A question put is no demand: "asked Lukin if the hysteria was hampering his contacts", "asked the minister
    whether he still believes ...", "asked what would be the right thing", "did not ask any specific questions",
    "asked the minister about the talks" (session 17: a subject to answer on).
    PLOVER's REQUEST asks a party for an act; a question asks for an answer, which the guide leaves to the
    answer (a reporter's question is the press's, "asked for comment" is ``_inquiry``). "Asked X to do" and
    "asked for" ask for an act, and stay."""
    if cand.coded.type != "REQUEST":
        return False
    verb = cand.mention.anchor
    if lemma(verb) not in conv.question_verbs or not is_verbal(verb):
        return False
    if any(c.dep_ == "xcomp" or (c.pos_ == "ADP" and c.lower_ == "for") for c in _with_conjuncts(verb.children)):
        return False  # "asked the US to lift the tariffs", "asked for help", "asked about X and for help"
    return any(_a_question(c, conv) for c in verb.children)


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Tokens and their conjuncts: "asked about the refugees and for help" hangs "for" on "about"."""
    return [t for tok in tokens for t in (tok, *tok.conjuncts)]


def _a_question(tok: Token, conv: Conventions) -> bool:
    """A clause that is a question ("if"/"whether" or a wh-word first) or a noun of questions."""
    if tok.dep_ in ("dobj", "obj") and tok.pos_ == "NOUN":
        return lemma(tok) in conv.question_nouns
    if tok.dep_ == "prep" and tok.lower_ in conv.question_preps:
        return True  # "asked the minister about the talks": a subject to answer on
    if tok.dep_ != "ccomp":
        return False
    first = min(tok.subtree, key=lambda t: t.i)
    return first.lower_ in ("if", "whether") or first.tag_ in ("WP", "WRB", "WDT", "WP$")


# --------------------------------------------------------------------------------- regulation, generic


def _routine_regulation(cand: Candidate, conv: Conventions) -> bool:
    """A ban or restriction against a disease is routine regulation, not an act against a party
    (docs/labelling.md: a dog-meat ban, import and flight restrictions against a pandemic or bird flu)."""
    return cand.coded.type.lower() in conv.regulation_types and \
        any(lemma(t) in conv.health_words or t.lower_ in conv.health_words for t in cand.token.sent)


def _generic(cand: Candidate, conv: Conventions) -> bool:
    """An act of or on nobody in particular: "everybody knows somebody who has been arrested"."""
    for anchor in act_anchors(cand):
        head = clause_head(anchor)
        if head.dep_ == "relcl" and head.head.lower_ in conv.indefinite_pronouns:
            return True
    args = [*cand.sources, *cand.targets]
    return bool(args) and all(a.token.lower_ in conv.indefinite_pronouns for a in args)


# ------------------------------------------------------------------------------ counterfactuals, foretold


def _perfect_modal(verb: Token) -> bool:
    """"would (probably never) have happened", "could have stopped": a modal with a perfect infinitive."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(modal(a) in ("would", "possible") for a in auxes) and \
        any(lemma(a) == "have" for a in auxes)


def _unreal_condition(verb: Token) -> bool:
    """"If the EU had allowed ...": a past perfect under "if", the condition of a counterfactual."""
    return condition_clause(verb, ("if",)) and \
        any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and _perfect_modal(verb.head)


def _counterfactual(cand: Candidate, conv: Conventions) -> bool:
    """What would have happened, or its condition, did not happen ("if the EU had allowed milder restrictions,
    Brexit would never have happened"): the guide's counterfactuals are no event, a threat neither (a threat is
    about what is to come)."""
    for anchor in act_anchors(cand):
        for verb in clause_chain(anchor):
            if _perfect_modal(verb) or _unreal_condition(verb):
                return True
    return False


def _unrealised(cand: Candidate, conv: Conventions) -> bool:
    """An act read as hypothetical (under "if", "in hopes that", "can help push for") is one nobody did or
    announced: the story names it as a possibility. A conditional threat or promise ("sanctions could follow if
    Ankara goes ahead", "if you are willing, we will help") is a commitment that was made, and stays; so is a
    hedged demand ("may have to ask the U.S. to lift the tariffs": the guide's Types)."""
    return cand.modality == "hypothetical" and cand.coded.type.lower() not in conv.commitment_types and \
        not cand.flags.deontic


def _in_a_condition(cand: Candidate, conv: Conventions) -> bool:
    """A noun act in the clause a condition opens ("might speak up if the attacks continue", "if they elevate the
    threat") is what may happen, not what did: the modality of a noun does not follow its clause's "if", so the
    clause is read here. Only the condition: the act it conditions ("we will strike if ...") is a commitment."""
    if not cand.mention.nominal:
        return False  # a verb under "if" is read hypothetical, and ``_unrealised`` judges it
    return any(condition_clause(verb, conv.condition_marks) for verb in clause_chain(cand.token))


def _own_condition(cand: Candidate, conv: Conventions) -> bool:
    """A threat read from a consequence whose condition the speaker's own side must meet ("if we do not solve the
    problems in Africa, they will come to us", "if we don't capture them, they will die"): a warning of what the
    speaker's inaction brings, not a demand backed by a harm the actor will do (the guide's THREATEN)."""
    if "conditional-threat" not in cand.notes:
        return False
    return any(condition_clause(c, conv.condition_marks) and
               any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in conv.own_condition_subjects for s in c.children)
               for c in cand.token.children)


def _attempted(cand: Candidate, conv: Conventions) -> bool:
    """An act in the complement of a noun of trying, wanting, pressing or failing ("efforts to impose
    sanctions", "under pressure to resign", "failure to sell missiles", "interest in making aid conditional") was
    not done: the noun names an attempt or a wish, and the guide codes acts that happened or were announced."""
    act = cand.mention.anchor
    if not is_verbal(act):
        return False
    gov = act.head
    if act.dep_ == "pcomp" and gov.dep_ == "prep" and gov.lower_ in ("in", "at", "of"):
        gov = gov.head  # "interest in making", "attempt at forming"
    elif not (act.dep_ in ("acl", "xcomp") and has_to_marker(act)):
        return False
    return gov.pos_ == "NOUN" and lemma(gov) in conv.attempt_nouns


def _people_at_large(cand: Candidate, conv: Conventions) -> bool:
    """An act in what people at large say, believe or want ("some believe the attack was a blunder", "others
    suggest the bombing was a plot", "people in the Philippines want their government to ...") is their opinion:
    the guide codes people in the street quoted for their views as no event, like commentators."""
    for anchor in act_anchors(cand):
        for head in clause_chain(anchor):
            gov = head.head
            if head.dep_ != "ccomp" or gov == head:
                continue
            subj = child(gov, "nsubj")
            if subj is not None and (subj.lower_ in conv.people_at_large or subj.lower_ in conv.indefinite_pronouns):
                return True
    return False


def _foretold(cand: Candidate, conv: Conventions) -> bool:
    """A threat the coder read from someone else's possible act ("she says they believe rebels could again
    attack villages"): a speaker's forecast of another's act, not a threat its actor made. A threat is made
    by its actor (a warning verb, "said it would", "we will"): only an actor named by a noun other than the
    speaker, in a clause with a modal of possibility and no condition, is foretold. A condition makes it a
    warning ("the European Community may halt mediation if cooperation founders, the Dutch minister said": a
    conditional warning is a threat, the guide's Types)."""
    if cand.coded.type != "THREATEN" or "threat" not in cand.notes or cand.speaker is None:
        return False
    if not cand.sources or any(a.token.pos_ == "PRON" or a.token == cand.speaker.token for a in cand.sources):
        return False
    chain = clause_chain(cand.mention.anchor)
    if any(condition_clause(c) for verb in chain for c in verb.children):
        return False
    return any(c.dep_ in ("aux", "auxpass") and modal(c) == "possible" and c.lower_ not in ("can", "ca")
               for verb in chain for c in verb.children)


# Cooperation, verbal and material (``_reading``).
_COOPERATIVE = frozenset({1, 2})


# ----------------------------------------------------------------------------------------------- receipt


def _receipt(cand: Candidate, conv: Conventions) -> bool:
    """An intent whose content is receiving an act ("hopes to get concessionary loans", "wants to obtain military
    aid from the US"): its holder is the recipient, so it is no agreement or offer by them; what the giver does
    has not happened."""
    if cand.coded.type != "AGREE" or cand.child is None:
        return False
    act = cand.child.token
    return act.pos_ == "NOUN" and act.dep_ in ("dobj", "obj") and lemma(act.head) in conv.receiving_verbs


# ------------------------------------------------------------------------------------------- carried out


def _carried_out(cand: Candidate, conv: Conventions) -> bool:
    """An agreement noun carried by a verb of carrying out ("implementing the important consensus of the two
    heads of state", "maintain the truce") is an agreement made before, not one made now."""
    anchor = cand.mention.anchor
    return cand.mention.sense.type == "AGREE" and cand.token.pos_ == "NOUN" and anchor != cand.token and \
        lemma(anchor) in conv.carrying_out_verbs  # the noun's own sense: "maintain engagements" is a planned meeting


# ----------------------------------------------------------------------------------------------- reading


def _reading(cand: Candidate, conv: Conventions) -> bool:
    """A cooperative act in what a thing or an event is said to mean or show ("the trip meant China and the US
    were stepping up engagement", "the visit shows they are deepening their partnership") is a reading of that
    event, not an act of its own; an actor's "shows" ("Beijing showed it was ready") is left to the rules."""
    if quad_class(cand.coded.cameo) not in _COOPERATIVE:
        return False
    for anchor in act_anchors(cand):
        top = clause_chain(anchor)[-1]
        gov = top.head
        if top.dep_ != "ccomp" or gov == top or lemma(gov) not in conv.reading_verbs:
            continue
        subj = subject(gov)
        if subj is not None and not looks_like_actor(subj):
            return True
    return False


# ----------------------------------------------------------------------------------------------- vehicle


def _vehicle(cand: Candidate, conv: Conventions) -> bool:
    """A visit, a trip or an arrival whose every traveller is a ship, a plane or a convoy ("the Iranian vessel
    arrived in eastern China"): the movement of a vehicle, which the guide does not code, not a visit by a party."""
    return cand.coded.type == "CONSULT" and cand.coded.mode == "visit" and bool(cand.sources) and \
        all(lemma(a.token) in conv.vehicle_nouns for a in cand.sources)
