"""The words gathered around an event for choosing its channel."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from detente.coding.candidates import Candidate
from detente.coding.channel import choose_channel
from detente.coding.channel_evidence import channel_evidence, described
from detente.coding.participants import Resolved
from detente.coding.sentence import sentence_text, sentence_words
from detente.records import Actor

CHINA = Actor("China", name="China", country="CHN")
SENTENCE = "China and the United States held trade talks on chip exports."


def test_trigger_modifiers_object_and_sentence(candidates: Callable[[str], list[Candidate]]) -> None:
    [cand] = candidates(SENTENCE)
    ev = channel_evidence(cand, Resolved([CHINA], ["China"]), Resolved([], []))
    assert ev.trigger_text == "trade talks"
    assert {"trade", "talks", "talk"} <= set(ev.trigger_words)
    assert ev.object_text == "on chip exports"
    assert {"chip", "exports", "export"} <= set(ev.object_words)
    assert ev.sentence_text == SENTENCE and {"held", "hold"} <= set(ev.sentence_words)
    assert ev.type == "CONSULT"
    assert choose_channel(ev) == "economic"  # "trade" on the trigger


def test_each_actor_is_described_by_its_phrase_text_and_name() -> None:
    yellen = Actor("Yellen", name="Janet Yellen", country="USA", sector="GOV")
    side = Resolved([yellen, CHINA], ["Treasury Secretary Janet Yellen"])
    assert described(side) == [(yellen, "Treasury Secretary Janet Yellen ; Yellen ; Janet Yellen"),
                               (CHINA, "China ; China ; China")]


def test_a_sentences_text_and_words_are_computed_once(nlp: Language) -> None:
    doc = nlp("Russia sent arms to Syria.")
    words = sentence_words(doc)
    assert words[:4] == ["russia", "russia", "sent", "send"]
    assert sentence_words(doc) is words
    assert sentence_text(doc) == "Russia sent arms to Syria." and sentence_text(doc) is sentence_text(doc)
