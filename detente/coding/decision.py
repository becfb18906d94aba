"""Deciding between the events one sentence's candidates give: the acts it reports, not every trigger word.

Dictionary coders keep every trigger word they find; the labelling guide codes the acts a sentence reports.
Nine rules (``RULES``), each named by what it finds:

- ``content``: the content of a demand, a threat or an allegation is no event of its own ("G7 urges Russia to
  accept a ceasefire" is a REQUEST; "accuses the group of killing, maiming and looting" is one ACCUSE). The
  composition tables (``compose``) fold the one act a governing trigger takes; this catches the rest: a second
  act in the same content (coordinated, or deeper in it), the object of a deontic verb ("the US should use
  sanctions"). A deed an accusation names by a noun ("rebuked Russia over the bombings of villages") stays, as
  the guide codes it again;
- ``judged``: an act a judgement word qualifies is what the speaker's accusation is about ("said Iran is
  flagrantly defying the council"), not Iran's defiance as a second event; a deed named by a noun ("the unjust
  detention of its citizens") stays, as under ``content``;
- ``restated``: one material act told twice in one clause chain ("sentenced him ... and banned him from
  politics"), two types of one quad class: the more confident reading stands;
- ``background``: a subordinate clause's act beside a more confident main-clause act of the same actor ("X, who
  resigned in 2013, rejected the charges"); not an act of purpose on the main act's verb ("met him to offer
  aid": two acts), nor one in a clause whose own subject names another party ("after residents were displaced
  by fighting between rebels and troops");
- ``forecast``: a warning that announces no coming act of its speaker ("warned of a possible IS resurgence",
  "has warned that other member states could decide to quit", "warned residents to stay away") is a forecast
  or an advice, which the guide does not code ("worries and predictions that something could happen are []"),
  not a THREATEN;
- ``carrier``: a letter or a message that carries its sender's demand, accusation or offer ("sent a letter
  urging him to ...") is the channel of that act, not also talks (CONSULT);
- ``business``: a company's or an NGO's own pledge, investment or work with no party of another country
  ("pledged to become carbon neutral", "invested heavily in renewables") is its own business, not an AGREE or a
  COOPERATE;
- ``public``: talks whose every other side is the public, the press or experts ("talking to voters") are no
  meeting between parties (CONSULT);
- ``setting``: a rally at or during which someone speaks ("said during a rally in Michigan", "At a rally in
  Nashville, Trump slammed the ruling") is where a statement was made, a campaign's meeting, not a crowd's protest.

The rules that choose between two events (``restated``, ``carrier``, ``background``) run last and compare only
with the events the other rules kept, so that two rules never drop each other's event.

Rules are structural, over the parse, and run after each candidate became a record (so that an act dropped for
want of an actor takes nothing with it). ``decide`` is called once per sentence from ``coder.py``. The types
are data (``data/decision.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.coding.lexicon import load_data, load_lexicon
from detente.coding.merge import same_actor
from detente.coding.words import looks_like_actor
from detente.records import Mention
from detente.syntax import child, condition_clause, has_to_marker, lemma, modal

if TYPE_CHECKING:
    from detente.coding.candidates import Candidate

__all__ = ["RULES", "Decision", "content_of", "decide", "load_decision"]

# The link from a verbal act down into its content: a complement clause, an object, a prepositional phrase
# ("accuses X of killing"), an infinitive ("calls to impose"). Not a relative clause ("the activist who was
# arrested" reports an act of its own), not coordination at the act's own level ("accused X and imposed").
_INTO_CONTENT = frozenset({"xcomp", "ccomp", "dobj", "obj", "oprd", "prep", "acl"})
# Links inside the content: the same, their objects, their coordinated members and subjects ("urged that the
# attacks stop"); an adverbial clause only as an infinitive of purpose (``_infinitive``): "as Tehran rejected
# the offer" under a warning is an act of its own.
_WITHIN_CONTENT = _INTO_CONTENT | frozenset({"pobj", "pcomp", "conj", "compound", "amod", "nmod", "poss",
                                              "nsubj", "nsubjpass", "appos"})
# Material cooperation and material conflict: two such acts of one class by one actor in one clause chain are one
# measure told twice; two verbal acts ("met and signed a declaration") are two.
_MATERIAL = frozenset({2, 4})
# How a judgement word qualifies an act: "flagrantly defying", "illegal sanctions".
_QUALIFIERS = frozenset({"advmod", "amod"})
# Verbal cooperation and verbal conflict: the acts a letter carries.
_VERBAL = frozenset({1, 3})


@dataclass(frozen=True, slots=True)
class Decision:
    """The bundled table: the types whose content is no event of its own."""

    content_types: frozenset[str]
    warning_verbs: frozenset[str]
    consequence_nouns: frozenset[str]
    message_nouns: frozenset[str]
    business_sectors: frozenset[str]
    public_nouns: frozenset[str]
    deed_types: frozenset[str]
    deed_accusations: frozenset[str]
    circumstance_preps: frozenset[str]
    business_types: frozenset[str]
    press_sectors: frozenset[str]
    setting_preps: frozenset[str]
    setting_types: frozenset[str]


@lru_cache(maxsize=1)
def load_decision() -> Decision:
    data = load_data("decision.yaml")
    return Decision(**{name: frozenset(str(t) for t in data[name]) for name in Decision.__dataclass_fields__})


def _heads(cand: Candidate) -> set[int]:
    """The tokens a candidate's act sits on: its trigger and anchor, and those of the act it governs."""
    out = {cand.token.i, cand.mention.anchor.i}
    if cand.child is not None:
        out |= {cand.child.token.i, cand.child.anchor.i}
    return out


def content_of(inner: Token, outer: Candidate) -> bool:
    """Is ``inner`` inside what ``outer`` asks, threatens or alleges: reached from ``outer``'s act down a
    complement link, then links within it."""
    heads = _heads(outer)
    if inner.i in heads:
        return False
    links: list[str] = []
    cur = last = inner
    while cur.i not in heads:
        if cur.head.i == cur.i:
            return False  # the root: not below the act
        # "urged him to work with partners to intercept": an infinitive the parser calls adverbial
        links.append("xcomp" if cur.dep_ == "advcl" and _infinitive(cur) else cur.dep_)
        last, cur = cur, cur.head
    *within, into = links
    if into == "prep" and cur.i in (outer.token.i, outer.mention.anchor.i) and \
            last.lower_ in load_decision().circumstance_preps:
        return False  # "after a meeting with them, told the council to draft rules": when, not what is asked
    return into in _INTO_CONTENT and all(d in _WITHIN_CONTENT for d in within)


def _infinitive(verb: Token) -> bool:
    """A "to" clause with no subject of its own."""
    return has_to_marker(verb) and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _in_content(cand: Candidate, others: Sequence[Candidate], conf: Decision) -> bool:
    """An act inside the content of another act of a content type (and of another type: a demand within a
    demand is the same demand, which merging handles)."""
    spared = {cand.coded.type, *(conf.deed_accusations if _named_deed(cand, conf) else ())}
    return any(o is not cand and o.coded.type in conf.content_types and o.coded.type not in spared and
               content_of(cand.token, o) for o in others)


def _named_deed(cand: Candidate, conf: Decision) -> bool:
    """A material act named by a noun with no act of its own under it ("rebuked Russia over bombings of Georgian
    villages", "the killing of demonstrators ... is unacceptable"): the deed an accusation is about, which the
    guide codes again as a (backgrounded) event of its own ("Repeated mentions", docs/labelling.md); what a
    demand asks for or a threat holds out is still content, and so is a verb ("accused the group of killing,
    maiming and looting": one accusation)."""
    return cand.mention.nominal and cand.child is None and cand.coded.type in conf.deed_types


def _judged(cand: Candidate, others: Sequence[Candidate]) -> bool:
    """An act a judgement word qualifies ("flagrantly defying", "illegal sanctions") is what the speaker's
    accusation is about, not a second event."""
    acts = {cand.token.i} | ({cand.child.token.i} if cand.child is not None else set())
    return any(o is not cand and o.coded.type == "ACCUSE" and o.coded.type != cand.coded.type and
               o.token.dep_ in _QUALIFIERS and o.token.head.i in acts for o in others)


def _shares_source(a: Mention, b: Mention) -> bool:
    return any(same_actor(x, y) for x in a.source for y in b.source)


def _restated(cand: Candidate, rec: Mention, pairs: Sequence[tuple[Candidate, Mention]]) -> bool:
    """One quad class per clause chain for material acts: coordinated verbs ("sentenced Dodik to a year in prison
    and banned him from politics") or a participle with no subject of its own elaborating its verb ("imposed
    strict measures, barring women from education"), by the same actor, in the same material quad class but of
    two types, are one measure told twice: the more confident reading stands. Acts of two quad classes
    ("opposes China's expansion and gives military support to its rivals") and verbal acts ("met and signed a
    declaration") stay two."""
    tok = cand.mention.anchor
    for o, orec in pairs:
        if o is cand or orec.type == rec.type or orec.quad_class != rec.quad_class or \
                rec.quad_class not in _MATERIAL or not _shares_source(rec, orec):
            continue
        if (orec.confidence, -o.token.i) < (rec.confidence, -cand.token.i):
            continue  # the more confident reading stands; of two equally confident ones, the first
        other = o.mention.anchor
        if (tok.dep_ in ("conj", "advcl") and tok.head.i == other.i and _elaborates(tok)) or \
                (other.dep_ == "conj" and other.head.i == tok.i):
            return True
    return False


def _elaborates(tok: Token) -> bool:
    """A coordinated verb, or a participle with no subject or conjunction of its own ("..., barring them")."""
    if tok.dep_ == "conj":
        return True
    return tok.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def _background(cand: Candidate, rec: Mention, pairs: Sequence[tuple[Candidate, Mention]]) -> bool:
    """An act in a subordinate clause or phrase (relative, adverbial, a preposition's object: prominence below
    1, ``candidates.prominence``) beside a more confident main-clause act of another type by the same actor is
    background to it: "Berisha, who resigned in 2013, rejected the allegations" reports the rejection. The
    sentence's most confident act is never dropped, so the answer a sentence gives does not change."""
    if cand.prominence >= 1.0:
        return False
    return any(o is not cand and o.prominence >= 1.0 and orec.type != rec.type and _shares_source(rec, orec)
               and orec.confidence > rec.confidence and not _purpose_of(cand, o) and not _named_apart(cand, o)
               for o, orec in pairs)


def _named_apart(cand: Candidate, main: Candidate) -> bool:
    """The subordinate act's clause has a subject of its own, named by other words than the main act's doers
    ("officials are pleading with civilians to go back, after civilians were displaced by fighting between
    rebels and government forces"): another party's story told as a fact, not the main actor's background,
    even when both are of one country. A relative pronoun or a pronoun ("X, who resigned", "after he resigned")
    is the same actor."""
    own = _own_subject(cand.mention.anchor, main.mention.anchor)
    if own is None or own.pos_ == "PRON" or not main.sources:
        return False
    return lemma(own) not in {lemma(a.token) for a in main.sources}


def _own_subject(tok: Token, main: Token) -> Token | None:
    """The subject of the nearest clause above ``tok`` (itself included) below the main act's verb: "fighting"
    in "after civilians were displaced by fighting" has "civilians"."""
    cur = tok
    while cur.i != main.i and cur.head.i != cur.i:
        subj = child(cur, "nsubj", "nsubjpass")
        if subj is not None:
            return subj
        cur = cur.head
    return None


def _purpose_of(cand: Candidate, main: Candidate) -> bool:
    """An act in a "to" infinitive of purpose hung on the main act's verb ("met the deputy leader last night to
    offer him a place on the ticket"): a second act the actor did, not background to the first."""
    verb = cand.mention.anchor
    return verb.dep_ in ("advcl", "xcomp") and verb.head.i == main.mention.anchor.i and _infinitive(verb)


def _forecast(cand: Candidate, rec: Mention, conf: Decision) -> bool:
    """A THREATEN read from a warning verb that threatens nothing: PLOVER's THREATEN is the speaker announcing a
    coming act of its own against someone, and "warn" says as often what others may do or what is so ("warned
    that militants were planning attacks", "warned that other member states could decide to quit", "warned of a
    possible IS resurgence", "warned residents to stay away from the border"): a forecast or an advice, which
    the guide does not code as a threat ("worries and predictions that something could happen are []")."""
    verb = cand.mention.anchor
    if rec.type != "THREATEN" or lemma(verb) not in conf.warning_verbs:
        return False
    return not _threat_made(verb, conf)


def _threat_made(verb: Token, conf: Decision) -> bool:
    """Whether a warning announces a coming act: a condition ("warned that if ..."), an act that will come
    ("warned that police will no longer tolerate rallies"), one that may come from the speaker, a pronoun or
    nobody named ("warned it could turn to Russia", "warned that terrorists will not be spared"), consequences
    ("warned Washington of severe consequences"), or no content at all ("warned Tokyo"). Another party's
    possible act ("other member states could decide to quit"), what a thing will do ("counterfeit condoms will
    not protect") and what is or was so are forecasts."""
    if _conditional(verb):
        return True
    said = child(verb, "ccomp")
    if said is None and verb.dep_ == "parataxis":
        said = verb.head  # "'Cherry picking is not an option,' he warned": the quote is the sentence's root
    if said is not None:
        if _conditional(said):
            return True
        doer = child(said, "nsubj", "nsubjpass", "expl")
        modals = {modal(c) for c in said.children if c.dep_ in ("aux", "auxpass")}
        if doer is None or doer.pos_ == "PRON" or doer.dep_ == "nsubjpass":
            return bool(modals & {"future", "would", "possible"})  # "warned it could turn to Russia"
        if not looks_like_actor(doer):
            return False  # what a thing will do: "counterfeit condoms will not protect against disease"
        return bool(modals & {"future", "would"})  # "police will no longer tolerate rallies"; not "could decide"
    if child(verb, "xcomp") is not None:
        return False  # "warned residents to stay away": an advice
    objects = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return not objects or any(lemma(o) in conf.consequence_nouns for o in objects)


def _conditional(verb: Token) -> bool:
    return any(condition_clause(c) for c in verb.children)


def _carrier(cand: Candidate, rec: Mention, pairs: Sequence[tuple[Candidate, Mention]], conf: Decision) -> bool:
    """A letter or a message that carries a verbal act of its sender ("sent a letter to Rubio urging him to ...",
    "a letter accusing Beijing of ...", "demanded in a letter that ..."): the letter is the channel of the
    demand or the accusation, one act, not also talks (CONSULT). A letter with no such act beside it stays."""
    noun = cand.token
    if rec.type != "CONSULT" or noun.pos_ != "NOUN" or lemma(noun) not in conf.message_nouns:
        return False
    if _carries_words(noun):
        return True  # "wrote a letter saying the ruling was an error": a statement, coded for what it says or not
    near = {noun.i, noun.head.i, noun.head.head.i}  # the letter, its verb or preposition, the verb above that
    for o, orec in pairs:
        if o is cand or orec.type == rec.type or orec.quad_class not in _VERBAL:
            continue
        act = o.mention.anchor
        if act.i in near or act.head.i in near:  # "sent a letter ..., urging", "a letter urging", "urged in a letter"
            return True
    return False


def _carries_words(noun: Token) -> bool:
    """A letter whose words the sentence gives: a clause of saying on the letter or on the verb it is the object
    or the "in" phrase of ("sent a letter insisting that they block ...", "wrote a letter saying ...", "'...,' they
    wrote in the letter"). The letter is then a statement, its sender's say, not talks: no labelling of the read
    draws codes such a letter CONSULT, whether or not what it says is an event."""
    holders = [noun]
    if noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ == "in"):
        holders.append(noun.head if noun.dep_ == "dobj" else noun.head.head)
    return any(_says(c) for h in holders for c in h.children) or _attributes_quote(holders[-1])


def _attributes_quote(verb: Token) -> bool:
    """The verb attributes a quotation before it ("'...,' the unions wrote in the letter"), which the parser hangs
    the verb on as the quotation's clause: a quotation mark lies between the two."""
    if verb.dep_ not in ("ccomp", "parataxis") or verb.head.i > verb.i:
        return False
    return any(q in t.text for t in verb.doc[verb.head.i + 1:verb.i] for q in _QUOTES)


_QUOTES = ('"', "\u201d", "''")


def _says(clause: Token) -> bool:
    """A reported clause, or a participle of saying with one ("saying that ...", "urging him to ...")."""
    if clause.dep_ in ("ccomp", "parataxis"):
        return True
    return clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBG" and \
        any(c.dep_ in ("ccomp", "xcomp") for c in clause.children)


def _business(rec: Mention, conf: Decision) -> bool:
    """A company's or an NGO's own pledge, plan, investment or work with no party of another country ("Iberdrola
    pledged to become carbon neutral by 2050", "has invested heavily in renewables", "an NGO that worked with the
    archaeologists"): its own business, not cooperation between political actors (``business_types``)."""
    if rec.type not in conf.business_types or not rec.source or \
            not all(a.sector in conf.business_sectors for a in rec.source):
        return False
    home = {a.country for a in rec.source}
    return all(t.country is None or t.country in home for t in rec.target)


def _public(cand: Candidate, rec: Mention, conf: Decision) -> bool:
    """Talks whose every other side is the public, the press or experts ("has trouble talking to voters", "spoke
    with experts", "met residents"): a politician's or an outlet's contact with people at large, not a meeting
    between parties that PLOVER's CONSULT is; so is an interview with a news outlet the knowledge base knows
    (``press_sectors``: "speaking to the Washington Post"). A named group's leaders or officials are parties,
    and stay. Decided here, after the record is made, not in the screen: the people it names stay known to the
    story ("Wang Yi met reporters. ... Wang said")."""
    if rec.type != "CONSULT" or not cand.targets:
        return False
    if _named_outlet(cand, rec, conf):
        return True  # "Speaking to the Washington Post, Trump said", "sources who spoke to CNN": an interview
    return all(a.token.pos_ == "NOUN" and lemma(a.token) in conf.public_nouns for a in cand.targets)


def _named_outlet(cand: Candidate, rec: Mention, conf: Decision) -> bool:
    """Talks with news outlets named as such ("the Washington Post", "CNN"): an interview. Not a visit, and not
    people of the trade named by a noun ("a meeting with publishers" is one with the people censored)."""
    return rec.mode != "visit" and bool(rec.target) and all(a.sector in conf.press_sectors for a in rec.target) \
        and all(a.token.pos_ == "PROPN" for a in cand.targets)


def _setting(cand: Candidate, rec: Mention, pairs: Pairs, conf: Decision) -> bool:
    """A rally or a protest named as where or when someone spoke ("said during a rally in Michigan", "Speaking at
    a rally, Trump called ...", "At a rally, Trump slammed the ruling"): the place of a statement, not an event.
    The noun is the object of ``setting_preps`` on a verb of saying or on another candidate's verbal act."""
    tok = cand.token
    if rec.type not in conf.setting_types or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or \
            tok.head.lower_ not in conf.setting_preps:
        return False
    verb = tok.head.head
    if lemma(verb) in load_lexicon().speech_verbs | {"speak"}:
        return True
    return any(o.token.i == verb.i and r.quad_class in _VERBAL for o, r in pairs)


RULES = ("content", "judged", "restated", "background", "forecast", "carrier", "business", "public", "setting")

Pairs = Sequence[tuple["Candidate", Mention]]
Check = Callable[["Candidate", Mention, Pairs, Decision], bool]

# Each rule's test: the candidate, its record, the events it is compared with, the table.
_CHECKS: dict[str, Check] = {
    "content": lambda c, r, ps, conf: _in_content(c, [o for o, _ in ps], conf),
    "judged": lambda c, r, ps, conf: _judged(c, [o for o, _ in ps]) and not _named_deed(c, conf),
    "restated": lambda c, r, ps, conf: _restated(c, r, ps),
    "background": lambda c, r, ps, conf: _background(c, r, ps),
    "forecast": lambda c, r, ps, conf: _forecast(c, r, conf),
    "carrier": lambda c, r, ps, conf: _carrier(c, r, ps, conf),
    "business": lambda c, r, ps, conf: _business(r, conf),
    "public": lambda c, r, ps, conf: _public(c, r, conf),
    "setting": lambda c, r, ps, conf: _setting(c, r, ps, conf),
}
# Rules that choose between two events ("the main clause's act, not its background"): they compare only with the
# events every rule before them kept, so that two rules never drop each other's event and leave the sentence
# with nothing (``judged`` drops a demand, then ``background`` drops the accusation beside that demand). The
# other rules say what a word is, whatever else is kept: an act inside a warning is its content also when the
# warning is a forecast. They run first, over every candidate, in ``RULES`` order, then these, in theirs.
_CHOOSING = frozenset({"restated", "carrier", "background"})


def decide(pairs: Pairs, rules: Sequence[str] = RULES) -> list[Mention]:
    """The records of a sentence, without those that are the content of another act (``rules`` names which
    tests run: all by default)."""
    conf = load_decision()
    kept = [p for p in pairs if not any(_CHECKS[rule](*p, pairs, conf) for rule in rules
                                        if rule not in _CHOOSING)]
    for rule in (r for r in rules if r in _CHOOSING):
        kept = [p for p in kept if not _CHECKS[rule](*p, kept, conf)]
    return [rec for _, rec in kept]
