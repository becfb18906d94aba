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


def _reduced_passive(tok: Token) -> bool:
    """A past participle on a noun with no "by" agent ("a man accused of fraud ..., police said"): it says what
    the speaker says of the noun, so the speaker of the clause is its speaker too; a relative clause or a
    participle with its own agent tells the story's background instead."""
    return tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)


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
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and not _reduced_passive(cur)) or \
                (cur.dep_ == "conj" and is_verbal(cur) and child(cur, "nsubj")):
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


# -- quotes that run across sentences ---------------------------------------------------------------------------

_OPENING = frozenset('"“')
_CLOSING = frozenset('"”')
QUOTE_MARKS = _OPENING | _CLOSING


def _all_marks(text: str) -> list[tuple[int, str]]:
    return [(i, c) for i, c in enumerate(text) if c in QUOTE_MARKS]


def _marks(text: str) -> list[tuple[int, str]]:
    """The sentence's own quotation marks: a last opening mark after a space ('... Wang said. "') opens the next
    sentence, where the sentence splitter leaves it, and is not counted."""
    marks = _all_marks(text)
    if _leaves_open(text, marks):
        marks.pop()
    return marks


def _leaves_open(text: str, marks: list[tuple[int, str]]) -> bool:
    if not marks:
        return False
    i, c = marks[-1]
    return c in _OPENING and not text[i + 1:].strip() and i > 0 and text[i - 1].isspace()


def starts_inside_quote(text: str) -> bool:
    """Whether a sentence begins inside a quote opened in a sentence before it: its first quotation mark closes
    (a closing curly mark, or an odd number of straight marks of which the first is not at the start)."""
    marks = _marks(text)
    if not marks:
        return False
    first = marks[0][1]
    if first == "”":
        return True
    return first == '"' and len(marks) % 2 == 1 and text[:marks[0][0]].strip() != ""


def ends_inside_quote(text: str) -> bool:
    """Whether a sentence leaves a quote open for the next one: its last quotation mark opens."""
    if _leaves_open(text, _all_marks(text)):
        return True
    marks = _marks(text)
    if not marks:
        return False
    last = marks[-1][1]
    if last == "“":
        return True
    return last == '"' and len(marks) % 2 == 1 and not starts_inside_quote(text)


def in_quote(text: str, offset: int, opened: bool = False) -> bool:
    """Whether the character at ``offset`` of a sentence is inside quotation marks, counting a quote the
    sentence begins inside (``starts_inside_quote``, or ``opened``: the sentence before left a quote open, so a
    sentence in the middle of a quoted paragraph, with no mark of its own, is all quote)."""
    inside = opened or starts_inside_quote(text)
    for i, c in _marks(text):
        if i >= offset:
            break
        if c == "“":
            inside = True
        elif c == "”":
            inside = False
        else:
            inside = not inside
    return inside


def quote_goes_on(text: str, before: str) -> bool:
    """Whether a sentence goes on quoting the speaker of the sentence ``before`` it: it begins inside a quote
    that sentence left open, or it is itself a quote ("Congress has become so anti-Turkish.") right after a
    sentence that quoted someone."""
    if ends_inside_quote(before) or starts_inside_quote(text):
        return True
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _OPENING and bool(_marks(before))


def unquoted(text: str, opened: bool = False) -> str:
    """A sentence's words outside quotation marks (where its speaker is named), the quoted words blanked;
    ``opened`` as for ``in_quote``."""
    inside = opened or starts_inside_quote(text)
    out = []
    for c in text:
        if c in QUOTE_MARKS:
            inside = c == "“" or (c == '"' and not inside)
            out.append(" ")
        else:
            out.append(" " if inside else c)
    return "".join(out)
