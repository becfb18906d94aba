"""The prefilter parses only sentences with a candidate trigger and a candidate actor."""

from __future__ import annotations

from detente.coding.lexicon import load_lexicon
from detente.nlp import Prefilter, Verdict, split_sentences
from detente.nlp.prefilter import NEAR


def _actor(text: str) -> bool:
    return any(w in text for w in ("China", "Blinken", "Beijing"))


def test_needs_both_a_trigger_and_an_actor() -> None:
    pf = Prefilter(load_lexicon().surface_forms(), _actor)
    text = ("Blinken visited Beijing in June. The weather was fine in June. "
            "Officials visited the museum. China's economy grew 5 percent.")
    kept = [s.text for s in pf.select(split_sentences(text))]
    assert kept == ["Blinken visited Beijing in June."]


def test_inflected_and_irregular_forms_pass() -> None:
    pf = Prefilter(load_lexicon().surface_forms(), lambda _t: True)
    for text in ("China held talks.", "Blinken met Wang.", "Beijing was sanctioned.", "They withdrew troops.",
                 "China is negotiating.", "Beijing agreed."):
        assert pf(split_sentences(text)[0]), text


def test_selection_keeps_document_indices() -> None:
    pf = Prefilter(frozenset({"visited"}), _actor)
    sents = split_sentences("Nothing here. Blinken visited Beijing. Nor here.")
    assert [s.index for s in pf.select(sents)] == [1]


def test_the_verdict_says_why_a_sentence_is_not_parsed() -> None:
    pf = Prefilter(frozenset({"visited"}), _actor)
    first, second, third = split_sentences("Blinken visited Beijing. Nobody visited. Blinken slept.")
    assert [pf.verdict(s) for s in (first, second, third)] == [Verdict.PASSED, Verdict.NO_ACTOR,
                                                                 Verdict.NO_TRIGGER]
    # an actor test may answer why itself; the trigger test comes first and alone decides "no trigger word"
    asked: list[str] = []

    def sector_only(text: str) -> Verdict:
        asked.append(text)
        return Verdict.SECTOR_ONLY

    pf = Prefilter(frozenset({"visited"}), sector_only)
    assert pf.verdict(second) is Verdict.SECTOR_ONLY
    assert pf.verdict(third) is Verdict.NO_TRIGGER and asked == ["Nobody visited."]
    assert not pf(second)


def test_a_word_counts_with_its_near_partner_only_nearby() -> None:
    pf = Prefilter(frozenset(), lambda _t: True, near={"held": frozenset({"talks"})})
    assert pf(split_sentences("China held talks.")[0])
    assert pf(split_sentences("Talks were held.")[0])  # either side
    filler = " ".join(["very"] * NEAR)
    assert not pf(split_sentences(f"China held a {filler} long dinner and talks came later.")[0])
    assert pf.verdict(split_sentences(f"China held {filler[5:]} talks.")[0]) is Verdict.PASSED  # NEAR words apart


def test_a_word_paired_across_the_sentence_counts_at_any_distance() -> None:
    filler = " ".join(["very"] * (3 * NEAR))
    pf = Prefilter(frozenset(), lambda _t: True, paired={"concerned": frozenset({"said"})})
    assert pf(split_sentences(f"We are concerned about a {filler} large navy, the minister said.")[0])
