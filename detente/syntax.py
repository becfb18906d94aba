"""English grammar over a spaCy dependency parse: the one place that reads dependency labels for general questions.

Clause head, subject, object, passive agent, recipient, prepositional objects, coordination, the path between
two tokens, and whether a clause is past, present or future. Everything here is grammar, true of any sentence;
which words name a participant, a place or a topic is lexical knowledge and lives with its user (``coding/words``,
``resolve/*_data``). The few closed classes of function words (pronouns, modal auxiliaries) are
``grammar.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, Literal, overload

from spacy.tokens import Doc, Span, Token

from detente import datafiles

Tense = Literal["past", "present", "future"]
# What a modal auxiliary says of its clause's act.
Modal = Literal["future", "would", "possible", "deontic"]
# The question "would" is asked about: when the act is (time) or whether it is said to happen (assertion).
WouldQuestion = Literal["time", "assertion"]

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
AUX_DEPS = ("aux", "auxpass")
# Tokens on these links are parts of a clause (auxiliaries, verbs used as modifiers), never its head.
_NOT_CLAUSE_DEPS = frozenset({"aux", "auxpass", "amod", "compound"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})

@cache
def _grammar() -> dict[str, Any]:
    data: dict[str, Any] = datafiles.load("detente", "grammar.yaml")
    return data


PRONOUNS = frozenset(_grammar()["personal_pronouns"])
RELATIVE_PRONOUNS = frozenset(_grammar()["relative_pronouns"])
MODAL_AUXILIARIES: dict[Modal, frozenset[str]] = {
    kind: frozenset(str(w) for w in words) for kind, words in _grammar()["modal_auxiliaries"].items()
}

# ------------------------------------------------------------------------------------------ word classes


def tokens(span: Span | Doc) -> list[Token]:
    """The tokens of ``span``, from one list kept per parsed sentence: iterating a Span or Doc builds a new Python
    object for every token on every pass, and coding passes over each sentence a dozen times."""
    doc = span if isinstance(span, Doc) else span.doc
    kept: list[Token] | None = doc.user_data.get("detente.tokens")
    if kept is None:
        kept = doc.user_data["detente.tokens"] = list(doc)
    return kept if isinstance(span, Doc) else kept[span.start:span.end]


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def is_nominal(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "X" and tok.tag_.startswith("NN"))


def is_pronoun(tok: Token) -> bool:
    """A personal pronoun ("it", "they"), not a name spelled like one ("US")."""
    return tok.pos_ == "PRON" and tok.lower_ in PRONOUNS


def is_relative_pronoun(tok: Token) -> bool:
    return tok.lower_ in RELATIVE_PRONOUNS


# -------------------------------------------------------------------------------------------- navigation


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def path_to(tok: Token, stop: Token) -> list[Token]:
    """Tokens from ``tok`` up to ``stop`` (exclusive), or up to the root when ``stop`` is not an ancestor."""
    path = []
    while tok.i != stop.i and tok.head.i != tok.i:
        path.append(tok)
        tok = tok.head
    return path


def depth(tok: Token) -> int:
    """How many heads lie above ``tok``: governors deeper in the tree are read first."""
    return sum(1 for _ in tok.ancestors)


def phrase_lemmas(tok: Token) -> str:
    """Lemmas of ``tok``'s subtree without its clauses, joined by spaces ("state of emergency")."""
    words = [lemma(t) for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "det")]
    return " ".join(words)


def coordinated(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated after it ("Blinken, Yellen and Kerry")."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and (is_nominal(c) or c.pos_ == "PRON"):
            out.append(c)
    return out


def coordinated_verbs(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb``, whichever comes first ("shot and killed himself": each of the two is
    the other's), ``verb`` itself left out."""
    first = verb.head if verb.dep_ == "conj" and is_verbal(verb.head) else verb
    members = [first, *(c for c in first.children if c.dep_ == "conj" and is_verbal(c))]
    return [m for m in members if m.i != verb.i]


# ------------------------------------------------------------------------------------------------ clause


def clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` sits in (``tok`` itself when it heads one; the sentence root when
    no verb is above it). Auxiliaries and verbs used as modifiers ("the occupied West Bank") head nothing."""
    while tok.head.i != tok.i:
        if tok.pos_ in _CLAUSE_POS and tok.dep_ not in _NOT_CLAUSE_DEPS:
            return tok
        tok = tok.head
    return tok


@overload
def clause_verb(
    tok: Token, steps: int, accepts: Callable[[Token], bool] = ..., *, last: Literal[False] = ...
) -> Token | None: ...


@overload
def clause_verb(tok: Token, steps: int, accepts: Callable[[Token], bool] = ..., *, last: Literal[True]) -> Token: ...


def clause_verb(
    tok: Token, steps: int, accepts: Callable[[Token], bool] = is_verbal, *, last: bool = False
) -> Token | None:
    """The first of ``tok`` and its heads, ``steps`` tokens at most, that ``accepts`` takes as its clause's verb.

    A bounded walk, unlike ``clause_head``: a reader of one frame ("partners in Afghanistan", a judgement word)
    wants the verb close above the word, not a clause far up the tree. When the root or the limit comes first,
    None, or with ``last`` the token the walk stopped at (a reader that must judge some clause)."""
    cur = tok
    for _ in range(steps):
        if accepts(cur):
            return cur
        if cur.head == cur:
            return cur if last else None
        cur = cur.head
    return cur if last else None


def controlling_verbs(verb: Token) -> list[Token]:
    """The verbs above ``verb`` that it is coordinated with or controlled by, nearest first ("agreed to meet and
    sign": sign → meet → agreed): what they say of being possible or planned holds for ``verb`` too."""
    out: list[Token] = []
    while verb.dep_ in ("conj", "xcomp") and verb.head != verb and is_verbal(verb.head):
        verb = verb.head
        out.append(verb)
    return out


# ----------------------------------------------------------------------------------------- grammatical roles


def subject(verb: Token) -> Token | None:
    """The active subject of ``verb`` ("nsubj"/"csubj"), whatever it is (a name, a pronoun, "there")."""
    return child(verb, *SUBJECT_DEPS)


def passive_subject(verb: Token) -> Token | None:
    """The surface subject of a passive verb: what was acted on ("the talks were held")."""
    return child(verb, *PASSIVE_SUBJECT_DEPS)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def condition_clause(clause: Token, marks: tuple[str, ...] | frozenset[str] = ("if", "unless")) -> bool:
    """Whether ``clause`` is an adverbial clause a conditional conjunction opens ("if they attack", "unless the
    talks resume"): its ``mark`` child is one of ``marks``."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def has_to_marker(verb: Token) -> bool:
    """A "to" infinitive: the verb carries the infinitival "to" as its auxiliary ("urged them to stop")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def direct_object(verb: Token) -> Token | None:
    """The direct object, or for a passive the surface subject (what was acted on)."""
    obj = child(verb, *OBJECT_DEPS)
    if obj is not None:
        return obj
    if is_passive(verb):
        return passive_subject(verb)
    return None


def agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb (or of a noun: "a visit by He Lifeng"); when the parser gives the
    preposition several objects (a split name), the last one, which is the head of the name."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[-1]
    return None


def recipients(verb: Token) -> list[Token]:
    """Indirect objects: "gave Israel", "sent aid to Haiti" when the parser labels "to" a dative."""
    out = []
    for d in children(verb, "dative", "iobj"):
        obj = child(d, "pobj") if d.pos_ == "ADP" else d
        if obj is not None:
            out.append(obj)
    return out


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[tuple[str, Token]]:
    """(preposition, object) for prepositional children of ``tok`` whose preposition is in ``preps``.

    "in front of" style chains are not followed; "both X and Y" objects come back as the head only (the
    caller expands coordination).
    """
    out: list[tuple[str, Token]] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for obj in c.children:
                if obj.dep_ in ("pobj", "pcomp", "dobj"):
                    out.append((c.lower_, obj))
    return out


def prep_attachment(obj: Token) -> tuple[str, Token] | None:
    """(preposition, what it attaches to) for a prepositional object: "met in Malta" → ("in", met)."""
    prep = obj.head
    if obj.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    return prep.lower_, prep.head


# ------------------------------------------------------------------------------------------ tense and mood


def modal(aux: Token) -> Modal | None:
    """What an auxiliary says of its clause's act: future ("will"), would, possible ("could"), deontic ("must")."""
    low = aux.lower_
    for kind, words in MODAL_AUXILIARIES.items():
        if low in words:
            return kind
    return None


def would_is_future(question: WouldQuestion, reported: bool = False) -> bool:
    """Whether "would" makes its act future. Asked about *time* (which Thursday is meant) it always does: a
    promised or an imagined act lies ahead either way. Asked whether the act is *asserted* to come, only in
    reported speech ("said it would boycott"); elsewhere it is hypothetical ("would welcome talks")."""
    return question == "time" or reported


def is_future_aux(aux: Token, question: WouldQuestion, reported: bool = False) -> bool:
    """An auxiliary that puts its clause in the future: will/shall/'ll/going, and "would" as ``would_is_future``."""
    kind = modal(aux)
    return kind == "future" or (kind == "would" and would_is_future(question, reported))


def clause_tense(tok: Token, planning: frozenset[str]) -> Tense:
    """Tense of the clause of ``tok`` as a point in time: future for will/would/'ll and for governors whose
    lemma is in ``planning`` ("is planning a trip", "is expected to visit", "the upcoming visit"); past for past
    forms; present otherwise. Clauses joined by "and" or an infinitive also look at the clause above; non-finite
    ones ("Referring to…", "to travel") take its tense."""
    if any(c.dep_ == "amod" and lemma(c) in planning for c in tok.children):
        return "future"
    head = clause_head(tok)
    for _ in range(len(tok.sent)):
        auxes = children(head, *AUX_DEPS)
        if any(is_future_aux(a, "time") for a in auxes):
            return "future"
        if head.i != tok.i and lemma(head) in planning:
            return "future"
        verdict = finite_tense(head, auxes)
        if verdict is not None:
            return verdict
        if head.head.i == head.i:
            break
        head = clause_head(head.head)
    return "present"


def finite_tense(verb: Token, auxes: list[Token]) -> Tense | None:
    """Past or present from a finite verb's tags and auxiliaries; None for a non-finite verb."""
    tags = {a.tag_ for a in auxes} | {verb.tag_}
    perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
    if tags & {"VBD"} or perfect or is_bare_past(verb, auxes):
        return "past"
    if tags & {"VBZ", "VBP", "MD"}:
        return "present"
    return None


def is_bare_past(verb: Token, auxes: list[Token]) -> bool:
    """A verb tagged VBN that has an active subject and no auxiliary is a simple past the tagger misread
    ("Thousands of people protested on Saturday"): a participle needs an auxiliary to take a subject, and a
    reduced relative ("the man killed on Monday") has none."""
    return verb.tag_ == "VBN" and not auxes and child(verb, "nsubj") is not None
