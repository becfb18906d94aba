"""The confidence score: its weights come from data/confidence.yaml, are checked on load, and multiply."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from detente.coding.confidence import ConfidenceWeights, confidence, load_weights, parse_weights
from detente.coding.lexicon import load_data
from detente.records import Modality


def score(w: ConfidenceWeights | None = None, *, prior: float = 0.8, prominence: float = 1.0,
          has_source: bool = True, has_target: bool = True, indirect_source: bool = False,
          fallback_country: bool = False, lone_noun_event: bool = False, outlet_speaker: bool = False,
          modality: Modality = "asserted") -> float:
    return confidence(w or load_weights(), prior=prior, prominence=prominence, has_source=has_source,
                      has_target=has_target, indirect_source=indirect_source, fallback_country=fallback_country,
                      lone_noun_event=lone_noun_event, outlet_speaker=outlet_speaker, modality=modality)


def test_the_bundled_weights_are_those_of_the_data_file() -> None:
    w = load_weights()
    assert (w.both_sides, w.source_only, w.target_only) == (1.0, 0.85, 0.7)
    assert (w.indirect_source, w.fallback_country, w.lone_noun_event, w.outlet_speaker) == (0.95, 0.9, 0.9, 0.9)
    assert w.modality == {"asserted": 1.0, "planned": 0.95, "hypothetical": 0.8, "negated": 0.7}
    assert (w.low, w.high) == (0.05, 0.99)
    assert load_weights() is w  # read once


def test_a_fully_anchored_asserted_event_keeps_its_prior_and_prominence() -> None:
    assert score(prior=0.8) == pytest.approx(0.8)
    assert score(prior=0.8, prominence=0.85) == pytest.approx(0.68)


def test_each_weakness_multiplies_the_score_down() -> None:
    assert score(has_target=False) == pytest.approx(0.8 * 0.85)
    assert score(has_source=False) == pytest.approx(0.8 * 0.7)
    assert score(indirect_source=True) == pytest.approx(0.8 * 0.95)
    assert score(fallback_country=True) == pytest.approx(0.8 * 0.9)
    assert score(lone_noun_event=True) == pytest.approx(0.8 * 0.9)
    assert score(outlet_speaker=True) == pytest.approx(0.8 * 0.9)
    assert score(modality="planned") == pytest.approx(0.8 * 0.95)
    assert score(modality="hypothetical") == pytest.approx(0.8 * 0.8)
    assert score(modality="negated") == pytest.approx(0.8 * 0.7)
    # 0.9 * 0.85 (source only) * 0.95 (pronoun) * 0.8 (hypothetical)
    assert score(prior=0.9, has_target=False, indirect_source=True, modality="hypothetical") == pytest.approx(0.5814)


def test_the_score_is_clamped_to_the_bounds() -> None:
    assert score(prior=1.0) == 0.99
    data = copy.deepcopy(load_data("confidence.yaml"))
    data["modality"]["negated"] = 0.01
    assert score(parse_weights(data), modality="negated") == 0.05


def _broken(edit: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_data("confidence.yaml"))
    edit(data)
    return data


@pytest.mark.parametrize("edit", [
    lambda d: d.pop("outlet_speaker"),
    lambda d: d.update(surprise=0.5),
    lambda d: d.update(fallback_country=1.5),
    lambda d: d.update(indirect_source=0),
    lambda d: d.update(lone_noun_event="high"),
    lambda d: d["anchoring"].pop("both"),
    lambda d: d["modality"].update(rumoured=0.5),
    lambda d: d["modality"].pop("negated"),
    lambda d: d.update(bounds=[0.99, 0.05]),
    lambda d: d.update(bounds=[0.05]),
])
def test_a_bad_weights_file_is_refused(edit: Any) -> None:
    with pytest.raises(ValueError, match=r"confidence\.yaml"):
        parse_weights(_broken(edit))
