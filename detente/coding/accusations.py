"""Accusations made in reported speech without an accusing verb.

News and readouts report criticism as what someone *said* about another actor: "The United States said Iran is
flagrantly defying the Security Council", "Washington, which claims the system poses a threat to NATO",
"'we are seriously concerned about Iran's production of enriched uranium,' the ambassador said". No trigger word
says "accuse"; the disapproval is in the reported clause's words. When a clause reported by a speaker holds one
of the disapproval words (``words.yaml``: ``accusation_cues``) and names whom it is about (the word's possessor,
its clause's subject, or the object of "about"/"over"), the speaker accuses that actor (PLOVER ACCUSE,
disapprove). A sentence with an accusation already coded gets no second one, and a negated clause ("poses no
threat") is no accusation.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.criticism import criticism_forms
from detente.coding.lexicon import Lexicon, Sense, inflections
from detente.coding.modality import Cues, clause_flags
from detente.coding.spans import Arg, make_arg
from detente.coding.speaker import speaker_of
from detente.coding.subjects import clause_subject
from detente.coding.triggers import Trigger
from detente.coding.words import ACCUSATION_CUES, EXPERIENCER_CUES, looks_like_actor
from detente.syntax import child, lemma, tokens

# Below a lexicon sense: the disapproval is read off, not said.
WEIGHT = 0.6
_ABOUT = frozenset({"about", "over", "at", "by", "from", "of", "toward", "towards"})


def cue_forms() -> frozenset[str]:
    """Every form of every cue, for the prefilter (paired with a speech verb's forms); a hyphenated cue by its
    last part, as the tokenizer splits it ("short-sighted": "sighted"); and the words of negative judgement
    statement-level coding reads (``criticism``)."""
    forms: set[str] = set(criticism_forms())
    for word in ACCUSATION_CUES:
        word = word.rsplit("-", 1)[-1]
        for pos in ("verb", "noun"):
            forms |= inflections(word, pos)
        forms.add(word)
    return frozenset(forms)


def _cue(tok: Token) -> str | None:
    """The cue word ``tok`` ends, if any: its lemma, or a hyphenated word it closes ("short-sighted")."""
    if lemma(tok) in ACCUSATION_CUES:
        return lemma(tok)
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.i >= tok.sent.start + 2:  # the cheap tests first
        word = f"{tok.nbor(-2).lower_}-{tok.lower_}"
        if word in ACCUSATION_CUES:
            return word
    return None


def find_accusations(sent: Span, lexicon: Lexicon, cues: Cues, taken: set[int],
                     editorial: bool = False) -> list[tuple[Trigger, Token | None, Arg]]:
    """(trigger, speaker, accused) for each cue word in reported speech, first cue per speaker; ``taken``:
    token indices already read as triggers. In an ``editorial`` the outlet's own voice is a speaker too (None
    here: the coder makes the outlet the source), once per sentence."""
    out: list[tuple[Trigger, Token | None, Arg]] = []
    speakers: set[int] = set()
    for tok in tokens(sent):
        if tok.i in taken or tok.pos_ not in ("NOUN", "VERB", "ADJ", "ADV"):
            continue
        word = _cue(tok)
        if word is None:
            continue
        speaker, _, _ = speaker_of(tok, lexicon)
        key = speaker.i if speaker is not None else -1
        if (speaker is None and not editorial) or key in speakers or clause_flags(tok, cues).negated:
            continue
        accused = _accused(tok)
        if accused is None or (speaker is not None and (accused == speaker or accused in speaker.subtree)):
            continue
        sense = Sense(lemmas=(word,), pos="noun" if tok.pos_ == "NOUN" else "verb", type="ACCUSE",
                      mode="disapprove", cameo="111", weight=WEIGHT)
        speakers.add(key)
        out.append((Trigger(token=tok, sense=sense, anchor=tok), speaker, make_arg(accused, "object")))
    return out


def _accused(tok: Token) -> Token | None:
    """Whom a disapproval word is about: "China's aggression", "Chinese aggression", "Iran is defying",
    "Iran's production ..." reached through "concerned about", "the system poses a threat"."""
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")):
            if looks_like_actor(c):
                return c
    if tok.dep_ == "amod":
        # a disapproving word on a noun is about whose thing it is: "the US' short-sighted policies",
        # "Beijing's aggressive behaviour"
        owner = next((c for c in tok.head.children if looks_like_actor(c) and (c.dep_ == "poss" or (
            c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")))), None)
        if owner is not None:
            return owner
    if lemma(tok) in EXPERIENCER_CUES:
        return about_actor(tok)  # "we are concerned about ...": the subject is the one who disapproves
    clause = tok
    if (tok.pos_ == "ADV" or tok.dep_ in ("attr", "acomp", "dobj")) and tok.head.pos_ in ("VERB", "AUX"):
        clause = tok.head  # "flagrantly defying", "is a threat", "is reckless", "poses a threat"
    if clause.pos_ in ("VERB", "AUX", "ADJ"):
        subj, via = clause_subject(clause)
        if subj is not None and via in ("subj", "inherited") and looks_like_actor(subj) and \
                not (subj.pos_ == "PRON" and subj.lower_ in ("we", "i", "us")):
            return subj
    return about_actor(tok)


def about_actor(tok: Token, depth: int = 0) -> Token | None:
    """The actor "about"/"over" a disapproval word points at, or the owner of what it points at; through one
    more "about"/"over"/"on" ("concerned about the latest IAEA report about Iran's production": Iran)."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in _ABOUT:
            obj = child(p, "pobj")
            if obj is None:
                continue
            if looks_like_actor(obj):
                return obj
            owner = child(obj, "poss")
            if owner is not None and looks_like_actor(owner):
                return owner
            if depth == 0:
                inner = about_actor(obj, 1)
                if inner is not None:
                    return inner
    return None
