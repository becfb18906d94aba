"""Who speaks and who is judged in what a sentence says: the readings the statement and demand readers share."""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding import Coder
from detente.coding.statements import CRITIC_PREPS
from detente.coding.voice import direct_owner, is_generic, judged, own_side, owner_of, speaking


def _word(coder: Coder, text: str, word: str) -> Token:
    return next(t for t in coder.nlp(text) if t.text == word)


def test_a_word_in_what_someone_says_is_spoken_by_them_and_narration_by_nobody(coder: Coder) -> None:
    text = "China's foreign ministry said the US tariffs were counterproductive."
    speaks, speaker = speaking(_word(coder, text, "counterproductive"), coder.lexicon, False)
    assert speaks and speaker is not None and speaker.text == "ministry"
    narration = "The US tariffs on China were counterproductive."
    assert speaking(_word(coder, narration, "counterproductive"), coder.lexicon, False) == (False, None)
    # an editorial's own clause is its outlet's
    assert speaking(_word(coder, narration, "counterproductive"), coder.lexicon, True) == (True, None)


def test_the_judged_actor_is_the_owner_or_the_subject(coder: Coder) -> None:
    text = "China's foreign ministry said the perceptions, policies and actions of the US had created dangers."
    owner = owner_of(_word(coder, text, "perceptions"))
    assert owner is not None and owner.text == "US"
    text = "Secretary of State Antony Blinken said Berisha was involved in corrupt acts."
    who = judged(_word(coder, text, "corrupt"))
    assert who is not None and who.text == "Berisha"


def test_an_owner_is_of_or_by_an_actor_and_a_critic_from_or_by_a_named_one(coder: Coder) -> None:
    text = "The minister rejected the criticism of Ruritania from Germany over the actions of Austria."
    critic = direct_owner(_word(coder, text, "criticism"), CRITIC_PREPS, named=True)
    assert critic is not None and critic.text == "Germany"  # not "of Ruritania", what it is about
    owner = direct_owner(_word(coder, text, "actions"))
    assert owner is not None and owner.text == "Austria"
    text = "The minister said its criticism by Germany was unfair."
    criticism = _word(coder, text, "criticism")
    owner = direct_owner(criticism)
    assert owner is not None and owner.text == "its"  # a pronoun owns a thing
    critic = direct_owner(criticism, CRITIC_PREPS, named=True)
    assert critic is not None and critic.text == "Germany"  # but a critic is named


def test_the_speakers_own_side_and_nobody_in_particular(coder: Coder) -> None:
    text = "The minister said we have failed."
    we, minister = _word(coder, text, "we"), _word(coder, text, "minister")
    assert own_side(we, None) and own_side(minister, minister)
    assert is_generic(_word(coder, "The envoy said any party must obey the law.", "party"))
    assert not is_generic(_word(coder, "The envoy said the party must obey the law.", "party"))
