"""A statistical layer under the rules: for a parsed sentence the rules coded nothing for, a small multinomial
logistic regression over parse features proposes at most one event.

The rules miss sentences whose verb or object no table lists ("sealed the frontier"); a model trained on
labelled sentences generalizes from the words around the verb instead. It is kept cheap and deterministic:
the weights are a data file (``data/classifier.json``, written by ``scripts/train_classifier.py``, which says
what it was trained on), scoring is a sum of weights over a few dozen string features in plain Python, and it
reads only sentences the prefilter already chose to parse. Its proposal goes through the same participants,
dating and places as a rule candidate, so an event with no resolved country is still dropped.

``DETENTE_CLASSIFIER=on|off`` overrides the data file's ``enabled`` default (docs/coding.md, "The statistical
layer").
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from detente.coding.arguments import mention_args
from detente.coding.candidates import Candidate, prominence
from detente.coding.compose import Coded
from detente.coding.lexicon import Lexicon, Sense, load_data
from detente.coding.modality import Cues, clause_flags
from detente.coding.spans import make_arg
from detente.coding.speaker import speaker_of
from detente.coding.switches import env_switch, switched
from detente.coding.triggers import Trigger
from detente.ontology import PLOVER_TYPES
from detente.syntax import child, is_verbal, lemma

NONE = "NONE"  # the class of sentences with no event
ENV = "DETENTE_CLASSIFIER"
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_ARG_DEPS = frozenset({"dobj", "nsubjpass", "xcomp", "ccomp", "attr", "acomp", "prt", "dative", "oprd"})
_NAMED = frozenset({"GPE", "NORP", "PERSON", "ORG"})


@dataclass(frozen=True, slots=True)
class Model:
    """Trained weights: ``weights[feature]`` holds one weight per class, in ``classes`` order."""

    classes: tuple[str, ...]
    weights: Mapping[str, Sequence[float]]
    bias: Sequence[float]
    threshold: float
    cameo: Mapping[str, str]
    enabled: bool = True

    def probabilities(self, features: Sequence[str]) -> list[float]:
        """Softmax of the summed weights; features are summed in sorted order so the floats never depend on the
        order they were found in."""
        scores = list(self.bias)
        for f in sorted(set(features)):
            row = self.weights.get(f)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def best(self, features: Sequence[str]) -> tuple[str, float]:
        """The most probable event type (never ``NONE``) and its probability."""
        probs = self.probabilities(features)
        k = max((k for k, c in enumerate(self.classes) if c != NONE), key=lambda k: (probs[k], -k))
        return self.classes[k], probs[k]


def model_from(data: Mapping[str, Any], origin: str = "classifier data") -> Model:
    """A ``Model`` from the data file's JSON; a malformed file raises ``ValueError`` naming ``origin``."""
    try:
        classes = tuple(str(c) for c in data["classes"])
        n = len(classes)
        weights = {str(f): tuple(float(w) for w in row) for f, row in data["weights"].items()}
        bias = tuple(float(b) for b in data["bias"])
        cameo = {str(k): str(v) for k, v in data["cameo"].items()}
        threshold = float(data["threshold"])
        enabled = bool(data.get("enabled", True))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{origin}: not a classifier: {exc!r}") from exc
    unknown = [c for c in classes if c != NONE and c not in PLOVER_TYPES]
    if unknown or NONE not in classes or len(classes) < 2 or len(bias) != n or \
            any(len(row) != n for row in weights.values()) or any(c not in cameo for c in classes if c != NONE):
        raise ValueError(f"{origin}: classes, bias, weights and cameo codes do not agree (unknown: {unknown})")
    return Model(classes, weights, bias, threshold, cameo, enabled)


@cache
def load_model() -> Model:
    """The bundled weights (``data/classifier.json``)."""
    return model_from(load_data("classifier.json"), "detente/coding/data/classifier.json")


def switch() -> bool | None:
    """What ``DETENTE_CLASSIFIER`` says: on, off, or nothing (None); another value raises ``ValueError``."""
    return env_switch(ENV)


@cache
def default_model() -> Model | None:
    """The bundled model when the layer is on (``DETENTE_CLASSIFIER``, else the data file's ``enabled``)."""
    return switched(switch(), load_model)


# -- features -------------------------------------------------------------------------------------------


def event_token(sent: Span, lexicon: Lexicon) -> Token:
    """The word the sentence's main act hangs on: the root, or for reported speech ("X said (that) Y did Z",
    "Y did Z, X said") the reported clause's verb."""
    root = sent.root
    if is_verbal(root) and lemma(root) in lexicon.speech_verbs:
        said = child(root, "ccomp", "parataxis")
        if said is not None and is_verbal(said):
            return said
    return root


def _role(tok: Token | None) -> str:
    """What kind of participant a subject or object is, as far as the parse says."""
    if tok is None:
        return "none"
    if tok.ent_type_ in _NAMED:
        return tok.ent_type_
    if tok.pos_ == "PRON":
        return "pron"
    if any(c.ent_type_ in _NAMED for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")):
        return "owned"
    return "noun"


def word_classes(tok: Token, lexicon: Lexicon, prefix: str) -> list[str]:
    """What the lexicon knows of a word, as classes a model can share across words and newsrooms: the event
    types of its senses (a sense the rules did not fire still says what the word tends to mean), a speech or
    light verb, or nothing known."""
    lem = lemma(tok)
    types = {s.type for s in lexicon.lookup(lem, "verb" if is_verbal(tok) else "noun")}
    out = [f"{prefix}:{t}" for t in sorted(types)]
    if lem in lexicon.speech_verbs:
        out.append(f"{prefix}:speech")
    if lexicon.is_light(lem, tok.lower_):
        out.append(f"{prefix}:light")
    return out or [f"{prefix}:unknown"]


def features(sent: Span, lexicon: Lexicon) -> list[str]:
    """String features of one parsed sentence: the event word and what the lexicon knows of it and of its
    object, its arguments' lemmas, modals, negation, who the subject and object are, and the sentence's content
    lemmas."""
    tok = event_token(sent, lexicon)
    v = lemma(tok)
    out = [f"v:{v}", f"vpos:{tok.pos_}", *word_classes(tok, lexicon, "vc")]
    root = sent.root
    if root != tok:
        out += [f"root:{lemma(root)}", "reported"]
    subj = child(tok, "nsubj", "nsubjpass")
    obj = child(tok, "dobj", "attr")
    out += [f"subj:{_role(subj)}", f"obj:{_role(obj)}"]
    if obj is not None:
        out += word_classes(obj, lexicon, "oc")
    if child(tok, "nsubjpass") is not None:
        out.append("passive")
    for c in tok.children:
        if c.dep_ == "neg":
            out.append("neg")
        elif c.tag_ == "MD":
            out.append(f"modal:{c.lower_}")
        elif c.dep_ in _ARG_DEPS:
            out += [f"d:{c.dep_}:{lemma(c)}", f"vo:{v}:{lemma(c)}"]
            inner = child(c, "dobj")
            if inner is not None:
                out.append(f"xo:{lemma(c)}:{lemma(inner)}")
        elif c.dep_ in ("prep", "agent"):
            pobj = child(c, "pobj")
            out.append(f"p:{c.lower_}")
            if pobj is not None:
                out += [f"p:{c.lower_}:{lemma(pobj)}", f"pr:{c.lower_}:{_role(pobj)}"]
    out += [f"w:{lemma(t)}" for t in sent if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha]
    return sorted(set(out))


# -- proposing -------------------------------------------------------------------------------------------


def propose(sent: Span, lexicon: Lexicon, cues: Cues, model: Model | None = None) -> Candidate | None:
    """At most one event candidate for a sentence the rules coded nothing for, or None when the layer is off
    or no type clears the threshold. ``model``: the bundled one (when enabled) by default."""
    model = model or default_model()
    if model is None:
        return None
    tok = event_token(sent, lexicon)
    type_, p = model.best(features(sent, lexicon))
    if p < model.threshold:
        return None
    cameo = model.cameo[type_]
    verbal = is_verbal(tok)
    sense = Sense(lemmas=(lemma(tok),), pos="verb" if verbal else "noun", type=type_, cameo=cameo,
                  weight=round(min(p, 0.9), 4))
    trigger = Trigger(token=tok, sense=sense, anchor=tok, nominal=not verbal)
    speaker, _, _ = speaker_of(tok, lexicon)
    args = mention_args(trigger, speaker)
    flags = clause_flags(tok, cues)
    cand = Candidate(mention=trigger, coded=Coded(type_, None, cameo),
                     modality=flags.modality(reported=speaker is not None), flags=flags, sources=args.sources,
                     targets=args.targets, weight=sense.weight, prominence=prominence(tok),
                     notes=[f"classifier:{p:.3f}"])
    if speaker is not None:
        cand.speaker = make_arg(speaker, "speaker")
    return cand
