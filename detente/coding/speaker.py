"""Reported speech and pronouns: who said the clause an event sits in, and whom a pronoun stands for.

"X said Y will ...", "Y will ..., the ministry said", "according to X"; "I"/"we" in a quote is the speaker,
"it"/"they" the subject of a clause higher up that agrees with it.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.lexicon import Lexicon
from detente.coding.subjects import clause_subject
from detente.coding.words import looks_like_actor
from detente.syntax import child, is_pronoun, is_relative_pronoun, is_verbal, lemma, path_to, tokens


def resolve_pronoun(tok: Token, start: Token, speaker: Token | None) -> Token | None:
    """A non-pronoun antecedent for the pronoun ``tok``: "I"/"we" is the speaker; others the subject of a
    clause higher in the sentence ("X said it would", "Xi and Biden have not met since they held talks"),
    else the speaker."""
    if tok.lower_ in ("i", "we", "our", "us") and speaker is not None:
        return speaker
    for anc in start.ancestors:
        if is_verbal(anc) or anc.pos_ == "ADJ":
            s, _ = clause_subject(anc)
            if s is not None and s != tok and not is_pronoun(s) and not is_relative_pronoun(s) \
                    and s.i < tok.i and _agrees(tok, s):
                return s
    if speaker is not None and not is_pronoun(speaker) and _agrees(tok, speaker):
        return speaker
    return None


_SINGULAR_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
_PLURAL = frozenset({"they", "them", "their"})


def _agrees(pronoun: Token, ante: Token) -> bool:
    """Rough number agreement: "he" is not "activists", "they" can be "Beijing and Washington" or a
    country (collective), "it" is not a person."""
    low = pronoun.lower_
    plural = ante.tag_ in ("NNS", "NNPS") or bool(ante.conjuncts)
    if low in _SINGULAR_PERSON:
        return not plural and ante.ent_type_ not in ("GPE", "ORG", "NORP")
    if low in ("it", "its"):
        return not plural and ante.ent_type_ != "PERSON"
    return True


def speaker_of(anchor: Token, lexicon: Lexicon) -> tuple[Token | None, Token | None, Token | None]:
    """(speaker, addressee, speech verb) when ``anchor`` reports what someone said ("X said Y will ...").

    Also "according to X". The speech verb must govern the clause through a complement or a parenthetical,
    so "X, who said ..., visited" does not make X a speaker of the visit.
    """
    cur = anchor
    while cur.head != cur:
        head = cur.head
        if is_verbal(head) and lemma(head) in lexicon.speech_verbs and cur.dep_ in (
                "ccomp", "parataxis") and cur != head:
            s, _ = clause_subject(head)
            addressee = child(head, "dative", "iobj") or (
                child(head, "dobj") if lemma(head) == "tell" else None)
            return s, addressee, head
        if cur.dep_ in ("relcl", "acl") or (cur.dep_ == "conj" and is_verbal(cur) and child(cur, "nsubj")):
            break
        cur = head
    doc = anchor.doc
    # "X will visit, the ministry said": the speech verb is the root and the event a parataxis/ccomp of it
    for root in (t for t in tokens(doc) if t.dep_ == "ROOT"):
        if root != anchor and is_verbal(root) and lemma(root) in lexicon.speech_verbs:
            path = path_to(anchor, root)
            if anchor in root.subtree and path and path[-1].dep_ in ("ccomp", "parataxis") and \
                    not any(a.dep_ in ("relcl", "acl") for a in path):
                s, _ = clause_subject(root)
                if s is not None and s not in anchor.subtree:
                    return s, None, root
    for tok in tokens(doc):
        if tok.lower_ == "according" and tok.head != tok:
            for p in tok.children:
                if p.lower_ == "to":
                    obj = child(p, "pobj")
                    if obj is not None and looks_like_actor(obj):
                        return obj, None, tok
    return None, None, None
