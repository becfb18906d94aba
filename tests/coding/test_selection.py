"""Which sentences are parsed, and the countries they name."""

from __future__ import annotations

from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.selection import MAX_PARSED_SENTENCES, SentenceSelector
from detente.nlp import Verdict


def selector(kb) -> SentenceSelector:
    return SentenceSelector(kb, load_lexicon(), load_cues())


def test_sentences_with_a_trigger_and_an_actor_are_selected(kb) -> None:
    text = "Russia's economy grew. Blinken visited Beijing. Prices rose in Shanghai. Wang met Blinken."
    found = selector(kb).select(text)
    assert len(found.sentences) == 4
    assert [s.text for s in found.selected] == ["Blinken visited Beijing.", "Wang met Blinken."]
    # the context countries come from the sentences worth parsing only: not Russia's economy
    assert "CHN" in found.countries and "RUS" not in found.countries


def test_a_demand_needs_no_trigger_word_of_its_own(kb) -> None:
    found = selector(kb).select("The US must not cross red lines.")
    assert [s.text for s in found.selected] == ["The US must not cross red lines."]


def test_each_document_starts_with_no_countries(kb) -> None:
    s = selector(kb)
    s.select("Blinken visited Beijing.")
    assert "CHN" not in s.select("The weather was mild.").countries


_AFGHAN = ("The Taliban banned a book by an Afghan journalist. Afghan authorities detained two Afghan writers. "
           "Afghan police arrested three Afghan teachers. Her book was banned because a woman wrote it.")


def test_a_states_act_naming_no_actor_is_parsed_in_a_document_about_one_country(kb) -> None:
    found = selector(kb).select(_AFGHAN)
    assert found.home == "AFG"
    assert found.selected[-1].text == "Her book was banned because a woman wrote it."
    # about two countries: nobody can tell whose state banned it
    two = selector(kb).select("China met Japan. Japan met China. China met Japan in Tokyo. Her book was banned.")
    assert two.home is None
    assert "Her book was banned." not in [s.text for s in two.selected]


def test_home_country_needs_three_mentions_and_twice_any_other() -> None:
    from collections import Counter

    from detente.coding.selection import home_country

    assert home_country(Counter({"AFG": 3, "PAK": 1})) == "AFG"
    assert home_country(Counter({"AFG": 2})) is None
    assert home_country(Counter({"AFG": 4, "PAK": 3})) is None


_SOMALI = ("Somalia's government declared a state of emergency. Somali officials said Somalia would fight on. "
           "Somalia's president visited Mogadishu. The army killed 30 militants near the town. "
           "Residents criticized the decision.")


def test_an_organs_act_naming_no_country_is_parsed_in_a_document_about_one_country(kb) -> None:
    found = selector(kb).select(_SOMALI)
    assert found.home == "SOM"
    texts = [s.text for s in found.selected]
    assert "The army killed 30 militants near the town." in texts
    # people at large are not a state's organ: their sentence stays unparsed
    assert "Residents criticized the decision." not in texts
    # about two countries, nobody can tell whose army it was
    two = selector(kb).select("China met Japan. Japan met China. China met Japan in Tokyo. The army killed 30 "
                              "militants near the town.")
    assert two.home is None and len(two.selected) == 3


def test_a_sentence_of_an_intergovernmental_body_is_parsed(kb) -> None:
    text = "EU officials urged national governments to keep borders open. Officials urged calm."
    assert [s.text for s in selector(kb).select(text).selected] == [
        "EU officials urged national governments to keep borders open."]


def test_a_reference_to_an_actor_of_the_sentences_before_is_parsed(kb) -> None:
    # "he" inside the sentence (a leading one passed before) and "the ministry" with no country of their own
    text = ("Iran's foreign minister flew to Paris on Monday. On Tuesday, he met the visiting delegation. Later, "
            "the ministry accused unnamed officials of lying.")
    found = selector(kb).select(text)
    assert [s.index for s in found.selected] == [0, 1, 2]


def test_a_reference_is_parsed_only_when_the_window_names_an_actor(kb) -> None:
    # three sentences after the last country: too far for a reference (data/references.yaml, window)
    text = ("Iran's foreign minister flew to Paris on Monday. The weather was mild. Crowds gathered. "
            "On Tuesday, he met the visiting delegation.")
    found = selector(kb).select(text)
    assert [s.index for s in found.selected] == [0]
    # nor without a trigger word, nor for "it", most often a dummy subject
    found = selector(kb).select("Iran's foreign minister flew to Paris. On Tuesday, he was tired. Then it met.")
    assert [s.index for s in found.selected] == [0]


def test_a_surname_the_document_gave_in_full_before_is_an_actor(kb) -> None:
    text = ("Opposition lawmaker Tamsin Varleigh held a rally in Kampala on Friday. "
            "Varleigh accused the police of beating her supporters. "
            "Quillfeather accused the police of beating his supporters.")
    selected = [s.text for s in selector(kb).select(text).selected]
    # "Varleigh" was given in full before; "Quillfeather" was not, and that sentence names no country
    assert "Varleigh accused the police of beating her supporters." in selected
    assert "Quillfeather accused the police of beating his supporters." not in selected


def test_a_surname_counts_only_after_the_full_name_and_only_in_its_document(kb) -> None:
    s = selector(kb)
    accused = "Varleigh accused the police of beating her supporters."
    assert accused not in [x.text for x in s.select(accused + " Tamsin Varleigh held a rally.").selected]
    s.select("Tamsin Varleigh held a rally in Kampala on Friday.")
    assert s.select(accused).selected == []


def test_surnames_are_the_last_words_of_full_names_with_the_phrase_around_them() -> None:
    from detente.coding.selection import surnames_in

    text = "Afghan writer Nazeer Ahmad Sahaar told reporters that Tamsin Varleigh, a Kenyan judge, had resigned."
    assert surnames_in(text) == {"Sahaar": "Afghan writer Nazeer Ahmad Sahaar",
                                 "Varleigh": "told reporters that Tamsin Varleigh, a Kenyan judge"}
    assert surnames_in("the court said on Friday") == {}


def test_the_phrases_introducing_a_surname_parsed_alone_are_kept_for_the_coder(kb) -> None:
    found = selector(kb).select("Ugandan opposition leader Bobi Wine toured the north on Friday. "
                                "Wine accused the police of beating his supporters.")
    assert found.introductions == ("Ugandan opposition leader Bobi Wine",)


def test_a_name_from_a_sentence_not_parsed_counts_when_the_knowledge_base_knows_it(kb) -> None:
    accused = "Orban accused the police of beating his supporters."
    known = selector(kb).select("Viktor Orban spent the weekend at home. " + accused)
    assert [s.text for s in known.selected] == [accused]
    # an unknown name from a sentence not parsed would have no country: its surname later is not parsed
    unknown = selector(kb).select("Tamsin Varleigh spent the weekend at home. Varleigh accused the police of it.")
    assert unknown.selected == []


def test_words_alone_are_capitalized_words_outside_longer_names() -> None:
    from detente.coding.selection import words_alone

    assert words_alone("Wine says West African ways matter to Lai’s party and the Council.") == {"Wine", "Lai"}


def test_each_sentence_not_parsed_has_the_reason_it_was_refused(kb) -> None:
    text = ("Blinken visited Beijing. The weather was mild. The army attacked the town. "
            "Somebody attacked a tree. " + "x" * 2_100 + ".")
    found = selector(kb).select(text)
    assert [s.index for s in found.selected] == [0]
    assert dict(found.refused) == {1: Verdict.NO_TRIGGER, 2: Verdict.SECTOR_ONLY, 3: Verdict.NO_ACTOR,
                                   4: Verdict.TOO_LONG}


def test_a_sentence_parsed_after_all_is_not_refused(kb) -> None:
    # a state's act held for a one-country document, a reference to the sentence before: parsed, so not refused
    assert selector(kb).select(_SOMALI).refused.keys() == {4}
    found = selector(kb).select("Iran's foreign minister flew to Paris. On Tuesday, he met the delegation.")
    assert len(found.selected) == 2 and not found.refused


def test_sentences_past_the_budget_are_refused_as_over_budget(kb) -> None:
    found = selector(kb).select("Blinken visited Beijing. " * (MAX_PARSED_SENTENCES + 2))
    assert found.truncated and len(found.selected) == MAX_PARSED_SENTENCES
    assert set(found.refused.values()) == {Verdict.OVER_BUDGET} and len(found.refused) == 2


def test_a_word_and_its_particle_count_only_when_near(kb) -> None:
    s = selector(kb)
    assert s.select("Beijing called on Washington to reopen the consulate.").selected
    far = s.select("Beijing called it a day after twelve hours in the hall, and the tired delegates went on home.")
    assert far.selected == [] and dict(far.refused) == {0: Verdict.NO_TRIGGER}


def test_a_disapproval_word_counts_with_a_speech_verb_far_from_it(kb) -> None:
    text = ("Japan is seriously concerned about the sudden, unexplained and very large build-up of the Chinese navy "
            "near its southern islands, the minister said.")
    assert selector(kb).select(text).selected


def test_posing_a_challenge_is_parsed_as_the_statements_read_it(kb) -> None:
    # no trigger word: the posing verb with its posed noun is what statements.py reads as an accusation
    assert selector(kb).select("The challenges China poses to Japan are serious.").selected
    assert not selector(kb).select("China poses for a photograph with Japan.").selected


def test_they_after_a_sentence_held_for_the_home_is_held_with_it(kb) -> None:
    # "the army" is held for Somalia's home; the "they" right after it refers to it and is parsed with it
    text = _SOMALI.replace("Residents criticized the decision.", "At night, they shot ten more people.")
    found = selector(kb).select(text)
    assert "At night, they shot ten more people." in [s.text for s in found.selected]
    # in a story about two countries neither is parsed: nobody can tell whose army, nor who "they" are
    two = selector(kb).select("China met Japan. Japan met China. China met Japan in Tokyo. Prices rose. The army "
                              "killed 30 militants near the town. At night, they shot ten more people.")
    assert two.home is None and len(two.selected) == 3


def test_a_reference_right_after_a_parsed_sentence_is_parsed(kb) -> None:
    # the sentence before was parsed for its own "he": the person the coder found there is what this "he" stands for
    text = ("Iran's foreign minister flew to Paris on Monday. On Tuesday, he met the visiting delegation. Crowds "
            "gathered. Later, he accused the police of lying.")
    assert [s.index for s in selector(kb).select(text).selected] == [0, 1, 3]


def test_a_person_described_after_one_named_in_full_is_parsed(kb) -> None:
    # "the radical militant" has no country, but may be the person named in full just before
    text = ("Kenyan rebel commander Omari Baraka Tundu spoke on Monday. "
            "Diplomats believe the radical militant was killed by soldiers.")
    assert [s.index for s in selector(kb).select(text).selected][-1:] == [1]
    # with no one named in full in the window, it is not
    text = "Crowds gathered on Monday. Diplomats believe the radical militant was killed by soldiers."
    assert 1 not in [s.index for s in selector(kb).select(text).selected]
