"""The VADER-derived lexicon of plain negative evaluation and where statement coding reads it
(``detente.coding.valence``, ``voice.evaluated``, ``statements._judgement``)."""

from __future__ import annotations

from detente.coding import Coder
from detente.coding.criticism import criticism_forms
from detente.coding.valence import negative_words
from tests.coding.test_statements import Coded, _coded


def _accusations(coder: Coder, text: str) -> list[Coded]:
    return [c for c in _coded(coder, text) if c[0] == "ACCUSE"]


def test_the_lexicon_holds_strong_evaluations_and_not_events_states_or_mild_words() -> None:
    words = negative_words()
    assert {"pathetic", "disgrace", "bad", "unfair", "shameful"} <= words
    assert "attack" not in words and "killed" not in words  # acts the trigger lexicon codes as themselves
    assert "sad" not in words and "worried" not in words  # the speaker's own state, listed or an -ed participle
    assert "poorest" not in words  # a condition told of victims
    assert "mess" not in words  # too mild (-1.5): below the threshold


def test_the_prefilter_pairs_the_evaluations_with_a_speech_verb() -> None:
    assert "pathetic" in criticism_forms()


def test_a_predicate_evaluation_of_another_side_said_by_a_named_speaker_accuses_it(coder: Coder) -> None:
    # "pathetic" is in no WordNet-derived list; the plan's owner is the one judged, by owner or by country word
    for text in ("The Chinese foreign ministry said Washington's plan was pathetic.",
                 "The Chinese foreign ministry said the American plan was pathetic."):
        assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)
    assert _accusations(coder, "Washington's plan was pathetic.") == []  # the story's narration judges nobody


def test_a_predicate_noun_judges_the_doer_its_phrase_names(coder: Coder) -> None:
    text = "The Iranian foreign minister said the sanctions were a disgrace imposed by Washington."
    assert ("ACCUSE", ["IRN"], ["USA"]) in _coded(coder, text)


def test_a_manner_adverb_judges_the_doer_of_an_active_verb(coder: Coder) -> None:
    text = "The Japanese prime minister said China was behaving very badly."
    assert ("ACCUSE", ["JPN"], ["CHN"]) in _coded(coder, text)


def test_an_attribute_a_pronoun_or_a_condition_judges_nobody(coder: Coder) -> None:
    # "terrorist" describes the network; a pronoun may be the speaker; an "if" clause supposes a case
    assert _accusations(coder, "The Israeli minister said Israel deals only with the Palestinian Authority "
                                "and not with terrorist organisations.") == []
    assert _accusations(coder, "The Ugandan minister said he was hopeful but also cynical.") == []
    assert _accusations(coder, "The Chinese foreign ministry said that if relations with Japan are unfair, "
                               "the region will suffer.") == []


def test_a_naming_with_a_plain_evaluation_judges_the_one_named(coder: Coder) -> None:
    # unquoted, so only the word can say it judges: "disastrous" is in VADER's lexicon, not the WordNet list (the
    # attack makes the prefilter parse it: naming verbs are no verbs of saying)
    text = "After the attack, Beijing called Washington's decision disastrous."
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)
