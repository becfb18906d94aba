"""How sure the coder is of an event, from 0 to 1: a ranking of the events of a sentence, not a probability.

The score starts from what the trigger word itself says (its sense's prior weight: how often the word means
this event) and how prominent its clause is, and each weaker piece of evidence multiplies it down: a side of
the event left unknown, an actor reached through a pronoun or another clause, a country guessed from the
sentence instead of a resolved actor, a noun event with no verb behind it, an editorial's demand put in its
outlet's mouth, and an act that is only planned, hypothetical or denied. The factors are data
(``data/confidence.yaml``), loaded once and checked; the score is clamped so that no event is certain or nil.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args

from detente.coding.lexicon import load_data
from detente.records import Modality

_KEYS = frozenset({"anchoring", "indirect_source", "fallback_country", "lone_noun_event", "outlet_speaker",
                   "modality", "bounds"})
_ANCHORING = frozenset({"both", "source_only", "target_only"})


@dataclass(frozen=True, slots=True)
class ConfidenceWeights:
    """The factors of ``data/confidence.yaml``, each in (0, 1]."""

    both_sides: float
    source_only: float
    target_only: float
    indirect_source: float
    fallback_country: float
    lone_noun_event: float
    outlet_speaker: float
    modality: dict[str, float]
    low: float
    high: float


def _factor(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ValueError(f"confidence.yaml: {name} must be a number in (0, 1], not {value!r}")
    return float(value)


def parse_weights(data: Any) -> ConfidenceWeights:
    """The weights of a parsed ``confidence.yaml``; a missing, unknown or out-of-range entry is an error."""
    if not isinstance(data, dict) or set(data) != _KEYS:
        keys = sorted(data) if isinstance(data, dict) else data
        raise ValueError(f"confidence.yaml: expected the keys {sorted(_KEYS)}, found {keys}")
    anchoring = data["anchoring"]
    if not isinstance(anchoring, dict) or set(anchoring) != _ANCHORING:
        raise ValueError(f"confidence.yaml: anchoring needs exactly {sorted(_ANCHORING)}")
    modality = data["modality"]
    if not isinstance(modality, dict) or set(modality) != set(get_args(Modality)):
        raise ValueError(f"confidence.yaml: modality needs exactly {sorted(get_args(Modality))}")
    bounds = data["bounds"]
    if not isinstance(bounds, list) or len(bounds) != 2:
        raise ValueError("confidence.yaml: bounds is [low, high]")
    low, high = (_factor(f"bounds[{i}]", b) for i, b in enumerate(bounds))
    if low >= high:
        raise ValueError(f"confidence.yaml: bounds {bounds}: low must be below high")
    return ConfidenceWeights(
        both_sides=_factor("anchoring.both", anchoring["both"]),
        source_only=_factor("anchoring.source_only", anchoring["source_only"]),
        target_only=_factor("anchoring.target_only", anchoring["target_only"]),
        indirect_source=_factor("indirect_source", data["indirect_source"]),
        fallback_country=_factor("fallback_country", data["fallback_country"]),
        lone_noun_event=_factor("lone_noun_event", data["lone_noun_event"]),
        outlet_speaker=_factor("outlet_speaker", data["outlet_speaker"]),
        modality={str(k): _factor(f"modality.{k}", v) for k, v in modality.items()},
        low=low,
        high=high,
    )


@lru_cache(maxsize=1)
def load_weights() -> ConfidenceWeights:
    """The bundled weights, read and checked once."""
    return parse_weights(load_data("confidence.yaml"))


def confidence(w: ConfidenceWeights, *, prior: float, prominence: float, has_source: bool, has_target: bool,
               indirect_source: bool, fallback_country: bool, lone_noun_event: bool, outlet_speaker: bool,
               modality: Modality) -> float:
    """The event's score: ``prior`` (the sense's weight) times ``prominence`` times a factor for each weakness."""
    conf = prior * (w.outlet_speaker if outlet_speaker else 1.0) * prominence
    conf *= w.both_sides if has_source and has_target else (w.source_only if has_source else w.target_only)
    conf *= w.indirect_source if indirect_source else 1.0
    conf *= w.fallback_country if fallback_country else 1.0
    conf *= w.lone_noun_event if lone_noun_event else 1.0
    conf *= w.modality[modality]
    return max(w.low, min(w.high, conf))
