"""Arguments as spans: the texts that may name the participant a token heads, and its coordinated partners.

``Arg`` is what argument reading hands to actor resolution: a head token and the texts to try, best first
("Treasury Secretary Janet Yellen", "Yellen"). Nothing here decides who acts; that is ``arguments``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from detente.coding.words import DYAD_AGENTS, DYAD_PHRASES, QUANTITY_NOUNS, is_place
from detente.syntax import child, coordinated, is_pronoun, lemma

_LEFT_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "punct", "det",
                        "npadvmod", "advmod"})

@dataclass(slots=True)
class Arg:
    """An argument span as found in the parse: its head token and the texts to try resolving, best first."""

    token: Token
    texts: tuple[str, ...]
    via: str
    place: bool = False
    pronoun: bool = False
    dyad: bool = False


def _include_left(tok: Token, out: set[int]) -> None:
    out.add(tok.i)
    for c in tok.children:
        if c.i < tok.i and c.dep_ in _LEFT_DEPS:
            for t in c.subtree:
                out.add(t.i)


def _trim(tokens: list[Token]) -> str:
    while tokens and (tokens[0].dep_ in ("det", "punct", "cc", "preconj") or tokens[0].lower_ in (
            "his", "her", "their", "its", "our", "both", "either", "also")):
        tokens = tokens[1:]
    # a trailing possessive marker ("the Peking University Table Tennis Team's visit") is not part of the name
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ", "DET") or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text



_NP_PREPS = frozenset({"of", "in", "from", "for"})

def span_texts(tok: Token) -> tuple[str, ...]:
    """Texts naming the participant headed by ``tok``, most informative first.

    The noun phrase with its "of/in/from/for" phrases ("Albanians of southern Serbia", "the president of
    Armenia", "opposition groups in Zimbabwe"), the head with its left modifiers ("Treasury Secretary Janet
    Yellen"), an apposition ("Sun Weidong, China's foreign vice-minister"), the named entity around the head.
    """
    doc = tok.doc
    left: set[int] = set()
    _include_left(tok, left)
    core = [doc[i] for i in sorted(left)]
    full = set(left)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _NP_PREPS and c.i > tok.i:
            pobj = child(c, "pobj")
            if c.lower_ == "from" and (pobj is None or pobj.pos_ != "PROPN"):
                continue  # "advisers from a town bazaar": where, not whose
            full.update(t.i for t in c.subtree if t.dep_ not in ("relcl", "acl"))
            for t in c.subtree:
                if t.dep_ in ("relcl", "acl", "appos"):
                    full.difference_update(x.i for x in t.subtree)
    texts: list[str] = []
    appos = [a for a in tok.children if a.dep_ == "appos"]
    named_appos = [a for a in appos if a.pos_ == "PROPN" or a.ent_type_ == "PERSON"]
    if tok.pos_ != "PROPN" and named_appos:
        texts.append(_trim([doc[i] for i in sorted(_left_set(named_appos[0]))]))
    if full != left:
        texts.append(_trim([doc[i] for i in sorted(full)]))
    texts.append(_trim(core))
    for a in appos:
        ids = _left_set(a)
        for c in a.children:
            if c.dep_ == "prep" and c.i > a.i:
                ids.update(t.i for t in c.subtree)
        texts.append(_trim([doc[i] for i in sorted(ids)]))
    if tok.ent_type_:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                texts.append(_trim(list(ent)))
    texts.append(tok.text)
    # last resorts, for a country at least: a name compounded on the head ("UN peacekeepers"), the whole
    # phrase ("workers affiliated with the Serbian Workers' Union")
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    if names:
        texts.append(" ".join(t.text for t in names))
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "appos", "conj", "cc") for t in c.subtree}
    whole = [t for t in tok.subtree if t.i not in cut]
    if len(whole) <= 20:
        texts.append(_trim(whole))
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)


def _left_set(tok: Token) -> set[int]:
    out: set[int] = set()
    _include_left(tok, out)
    return out


def _pair_of_agents(tok: Token) -> bool:
    """A plural state agent counted as two ("the two senior diplomats", "both foreign ministers")."""
    if tok.tag_ not in ("NNS", "NNPS") or lemma(tok) not in DYAD_AGENTS:
        return False
    if any(c.ent_type_ in ("NORP", "GPE") for c in tok.children if c.dep_ in ("amod", "compound", "nmod")):
        return False  # "two Russian diplomats" say whose they are
    return any((c.dep_ == "nummod" and c.lower_ == "two") or (c.lower_ == "both" and c.dep_ in ("det", "predet",
                                                                                               "preconj"))
               for c in tok.children)


def make_arg(tok: Token, via: str, place: bool = False) -> Arg:
    texts = span_texts(tok)
    low = " ".join(texts).lower()
    dyad = any(w in low for w in DYAD_PHRASES) or _pair_of_agents(tok)
    pronoun = is_pronoun(tok)
    return Arg(token=tok, texts=texts, via=via, place=place, pronoun=pronoun, dyad=dyad)



def _members(tok: Token) -> list[Token]:
    """What a group noun stands for: "the number of countries, including China, the US and the EU" gives
    China, the US and the EU; "a group of officials" the officials."""
    chain = [tok]
    cur = tok
    for _ in range(2):
        if lemma(cur) in QUANTITY_NOUNS:
            of = next((g for p in cur.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"), None)
            if of is not None:
                cur = of
                chain.append(cur)
                continue
        break
    for node in reversed(chain):
        if node.pos_ == "PROPN":
            continue  # "Greece, like other members, ...": a comparison, not a list of members
        for p in node.children:
            if p.dep_ == "prep" and p.lower_ in ("including", "like", "notably", "especially"):
                listed = [g for g in p.children if g.dep_ == "pobj"]
                if listed:
                    return coordinated(listed[0])
    return coordinated(cur)


def expand(tok: Token, via: str, place_ok: bool = False) -> list[Arg]:
    """``tok`` and its coordinated partners (or the members of a group noun) as arguments."""
    out = []
    for t in _members(tok):
        out.append(make_arg(t, via, place=place_ok and is_place(t)))
    return out

