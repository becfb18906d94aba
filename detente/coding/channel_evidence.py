"""The words around an event that tell its channel, gathered from the parse for ``channel.choose_channel``:
the trigger and its modifiers, how each participant is described, the act's object, the trigger sense's hint,
and the whole sentence."""

from __future__ import annotations

from detente.coding.candidates import Candidate
from detente.coding.channel import ChannelEvidence
from detente.coding.participants import Resolved
from detente.coding.sentence import sentence_text, sentence_words
from detente.records import Actor
from detente.syntax import lemma


def channel_evidence(cand: Candidate, sources: Resolved, targets: Resolved) -> ChannelEvidence:
    tok = cand.token
    trig_words: list[str] = []
    trig_tokens = [t for t in tok.subtree if t.dep_ in ("compound", "amod", "nmod") and t.i < tok.i] + [tok]
    if cand.child is not None:
        ct = cand.child.token
        trig_tokens += [t for t in ct.children if t.dep_ in ("compound", "amod", "nmod")] + [ct]
    for t in trig_tokens:
        trig_words += [t.lower_, lemma(t)]
    trig_text = " ".join(t.text for t in sorted(trig_tokens, key=lambda t: t.i))
    obj_tokens = [t for c in tok.children if c.dep_ in ("dobj", "prep", "pobj", "attr")
                  for t in c.subtree]
    obj_words = [w for t in obj_tokens for w in (t.lower_, lemma(t))]
    return ChannelEvidence(
        trigger_words=trig_words,
        trigger_text=trig_text,
        actors=described(sources),
        other_actors=described(targets),
        object_words=obj_words,
        object_text=" ".join(t.text for t in obj_tokens),
        sense_hint=cand.mention.sense.channel if cand.child is None else (
            cand.child.sense.channel or cand.mention.sense.channel),
        type=cand.coded.type,
        sentence_words=sentence_words(tok.doc),
        sentence_text=sentence_text(tok.doc),
    )


def described(side: Resolved) -> list[tuple[Actor, str]]:
    """Each actor with every text that describes it: the phrase it was read from, its text and its name."""
    return [(a, f"{desc} ; {a.text} ; {a.name or ''}") for a, desc in zip(side.actors, side.described(), strict=True)]
