"""A learned check on the rules' own events: how likely each event a sentence's rules made is right.

On news nobody wrote rules from, about half the coder's events are wrong, and the wrong candidate often wins
a sentence. The check needs no vocabulary of its own: a small logistic regression, trained on the read draws
(``scripts/train_verifier.py``), scores each record from what the coder knew when it made it — the type and
code, the trigger and how it was found, modality, the kinds of actors, the clause, the other candidates, the
confidence. It can drop an event it trusts too little (``threshold``) and make the event it trusts most the
sentence's answer (``rerank``). Scoring is a sum of weights in plain Python, deterministic.

``DETENTE_VERIFIER=on|off`` overrides the data file's ``enabled`` default (docs/coding.md, "A learned check on
the rules' events").
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from detente.coding.candidates import Candidate
from detente.coding.lexicon import Lexicon, load_data
from detente.coding.switches import env_switch, switched
from detente.records import Mention
from detente.syntax import lemma

ENV = "DETENTE_VERIFIER"
Pairs = Sequence[tuple[Candidate, Mention]]


@dataclass(frozen=True, slots=True)
class Model:
    """Trained weights of a binary logistic regression (is the record's type among the sentence's events?)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float  # a record whose probability is under it is dropped (0: none is)
    rerank: bool  # the most trusted record becomes the sentence's most confident one
    enabled: bool = False
    keep_first: bool = False  # the sentence's most confident record (its answer) is dropped only under ...
    answer_threshold: float = 0.0  # ... this lower threshold (0: never)

    def floor(self, answer: bool) -> float:
        """The probability under which a record is dropped: with ``keep_first`` the sentence's answer has its
        own, lower floor, since dropping a right answer costs the sentence while a wrong extra costs precision."""
        return self.answer_threshold if answer and self.keep_first else self.threshold

    def probability(self, features: Mapping[str, float]) -> float:
        """Sigmoid of the weighted sum, summed in sorted feature order so the float never depends on the order
        the features were found in."""
        score = self.bias
        for name in sorted(features):
            score += self.weights.get(name, 0.0) * features[name]
        return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0


def model_from(data: Mapping[str, Any], origin: str = "verifier data") -> Model:
    """A ``Model`` from the data file's JSON; a malformed file raises ``ValueError`` naming ``origin``."""
    try:
        weights = {str(f): float(w) for f, w in data["weights"].items()}
        model = Model(weights, float(data["bias"]), float(data["threshold"]), bool(data["rerank"]),
                      bool(data.get("enabled", False)), bool(data.get("keep_first", False)),
                      float(data.get("answer_threshold", 0.0)))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{origin}: not a verifier: {exc!r}") from exc
    if not 0.0 <= model.threshold < 1.0:
        raise ValueError(f"{origin}: threshold {model.threshold} outside [0, 1)")
    if not 0.0 <= model.answer_threshold <= model.threshold:
        raise ValueError(f"{origin}: answer_threshold {model.answer_threshold} outside [0, threshold]")
    return model


@cache
def load_model() -> Model:
    """The bundled weights (``data/verifier.json``)."""
    return model_from(load_data("verifier.json"), "detente/coding/data/verifier.json")


def switch() -> bool | None:
    """What ``DETENTE_VERIFIER`` says: on, off, or nothing (None); another value raises ``ValueError``."""
    return env_switch(ENV)


@cache
def default_model() -> Model | None:
    """The bundled model when the check is on (``DETENTE_VERIFIER``, else the data file's ``enabled``)."""
    return switched(switch(), load_model)


# -- features -------------------------------------------------------------------------------------------


def _found_by(cand: Candidate, lexicon: Lexicon) -> list[str]:
    """How the rules found the event: a sense the lexicon lists, a verb's default sense, a sense a reader built
    (statements, allegations, deontic clauses ...), composed with a governed act, and the readers' notes."""
    sense = cand.mention.sense
    listed = sense in lexicon.senses.get((sense.lemmas[0], sense.pos), ()) if sense.lemmas else False
    out = ["how:fallback" if sense.fallback else "how:lexicon" if listed else "how:built"]
    if cand.child is not None:
        out.append("how:composed")
    if cand.mention.nominal:
        out.append("how:nominal")
    out += [f"note:{n.split(':')[0]}" for n in cand.notes]
    return out


def _actor_kinds(side: str, actors: Sequence[Any]) -> list[str]:
    """The kinds of a side's actors (person, body, country, or an unlisted phrase) and their sectors."""
    if not actors:
        return [f"{side}:none"]
    out = [f"{side}:{a.kind or 'phrase'}" for a in actors]
    out += [f"{side}s:{a.sector}" for a in actors if a.sector]
    if len(actors) > 1:
        out.append(f"{side}:many")
    return out


def _quoted(cand: Candidate) -> bool:
    """The trigger stands inside a quotation (an odd number of quotation marks before it in its sentence)."""
    tok = cand.token
    sent = tok.sent
    marks = sum(1 for t in tok.doc[sent.start:tok.i] if t.text in ('"', "“", "”", "''", "``"))
    return marks % 2 == 1


def _determiner(tok: Any) -> list[str]:
    """A noun trigger's determiner: a definite or possessed noun ("the ban", "Trump's ban") often names an act
    the story already reported, the topic of another clause, where an indefinite or bare one tells a new act."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if not dets:
        return ["det:none"]
    det = dets[0]
    if det.dep_ == "poss":
        return ["det:poss"]
    definite = det.morph.get("Definite")  # the parser's morphology: "the" Def, "a" Ind, "this" PronType=Dem
    kind = definite[0].lower() if definite else "dem" if "Dem" in det.morph.get("PronType") else "other"
    return [f"det:{kind}"]


def features(cand: Candidate, rec: Mention, records: Sequence[Mention], lexicon: Lexicon) -> dict[str, float]:
    """What the coder knew of one record when it made it, as named features (value 1, and ``conf`` the
    confidence); ``records`` are the sentence's records, the record among them."""
    tok = cand.token
    lem = lemma(tok)
    flags = cand.flags
    out = [f"type:{rec.type}", f"cameo:{rec.cameo}", f"root:{(rec.cameo or '')[:2]}", f"lemma:{lem}",
           f"lt:{lem}:{rec.type}", f"pos:{tok.pos_}", f"dep:{tok.dep_}", f"hdep:{tok.head.dep_}",
           f"modality:{rec.modality}", f"mode:{rec.mode}", f"channel:{rec.channel}",
           f"date:{rec.date_precision}", *_found_by(cand, lexicon),
           *_actor_kinds("src", rec.source), *_actor_kinds("tgt", rec.target),
           *_determiner(tok)]
    out += [f"flag:{name}" for name in ("negated", "future", "would", "possible", "conditional", "deontic")
            if getattr(flags, name)]
    if rec.speaker is not None:
        out.append("speaker")
    if cand.needs_speaker_source:
        out.append("speaker-source")
    if rec.location is not None:
        out.append("place")
    if _quoted(cand):
        out.append("quoted")
    src = {a.country for a in rec.source if a.country}
    if src & {a.country for a in rec.target if a.country}:
        out.append("same-country")
    out.append(f"prominence:{min(4, round(-math.log2(max(cand.prominence, 1e-3))))}")
    others = [r for r in records if r is not rec]
    out.append(f"records:{min(len(records), 4)}")
    if others:
        out.append("top" if all(rec.confidence >= r.confidence for r in others) else "not-top")
        out += [f"beside:{t}" for t in sorted({r.type for r in others if r.type != rec.type})]
        if any(r.type == rec.type for r in others):
            out.append("same-type-beside")
    found = dict.fromkeys(out, 1.0)
    found["conf"] = float(rec.confidence)
    return found


# -- checking -------------------------------------------------------------------------------------------


def check(pairs: Pairs, records: list[Mention], lexicon: Lexicon, model: Model | None = None) -> list[Mention]:
    """``records`` with those the model trusts less than its threshold dropped and, when it re-ranks, the one it
    trusts most made the most confident (the two records swap confidences). With ``keep_first`` the most
    confident record is dropped only under ``answer_threshold`` (never at 0): the check trades recall for
    precision and leaves the sentence's answer unless it is near sure the answer is wrong.
    Records that came from no pair (the statistical layer's) are left alone. ``model``: the bundled one (when
    on) by default."""
    model = model or default_model()
    if model is None or not records:
        return records
    cands = {id(rec): cand for cand, rec in pairs}
    scored = [(rec, model.probability(features(cands[id(rec)], rec, records, lexicon)))
              for rec in records if id(rec) in cands]
    if not scored:
        return records
    first = max(records, key=lambda r: r.confidence)  # the answer, as the evaluation picks it
    dropped = {id(rec) for rec, p in scored if p < model.floor(rec is first)}
    kept = [rec for rec in records if id(rec) not in dropped]
    if model.rerank:
        live = [(rec, p) for rec, p in scored if id(rec) not in dropped]
        _promote(kept, live)
    return kept


def _promote(kept: list[Mention], scored: Sequence[tuple[Mention, float]]) -> None:
    """Make the most trusted record the most confident one, by swapping confidences with the current first."""
    if len(kept) < 2 or not scored:
        return
    trusted = max(scored, key=lambda rp: (rp[1], rp[0].confidence))[0]
    first = max(kept, key=lambda r: r.confidence)
    if trusted is not first and trusted.confidence < first.confidence:
        trusted.confidence, first.confidence = first.confidence, trusted.confidence
        if any(r is not trusted and r.confidence >= trusted.confidence for r in kept):  # a tie keeps its order
            trusted.confidence = round(trusted.confidence + 0.001, 4)
