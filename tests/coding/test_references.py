"""Actors across sentences: which actor of the sentences before a pronoun or "the ministry" stands for, and the
same end to end through the coder (the prefilter parses the sentence, the participants resolve the reference)."""

from __future__ import annotations

import datetime as dt

from detente.coding import Coder
from detente.coding.references import (
    WINDOW,
    Mentioned,
    antecedent,
    compatible,
    described_fits,
    describes_person,
    first_person,
    latest_country,
    pronoun_kind,
    refers_back,
    role_phrases,
)
from detente.records import Actor

XI = Actor("Xi", name="Xi Jinping", country="CHN", sector="GOV", id="person/chn/xi-jinping")
BIDEN = Actor("Biden", name="Joe Biden", country="USA", sector="GOV", id="person/usa/joe-biden")
CHINA = Actor("China", name="China", country="CHN", id="country/chn")
MILITANTS = Actor("Somali militants", country="SOM", sector="REB")


def test_pronouns_have_kinds() -> None:
    assert [pronoun_kind(w) for w in ("He", "her", "its", "Their", "we", "you")] == [
        "person", "person", "thing", "group", None, None]


def test_compatibility_by_person_and_number() -> None:
    assert compatible("person", XI) and not compatible("person", CHINA)
    assert compatible("thing", CHINA) and not compatible("thing", XI) and not compatible("thing", MILITANTS)
    assert compatible("group", MILITANTS) and compatible("group", CHINA) and not compatible("group", XI)
    # an actor of no country gives an event no side: it is never the antecedent
    assert not compatible("group", Actor("militants"))


def test_the_most_recent_compatible_actor_within_the_window() -> None:
    seen = [Mentioned(0, XI), Mentioned(1, BIDEN), Mentioned(1, CHINA)]
    assert antecedent("person", 2, seen) == BIDEN
    assert antecedent("thing", 2, seen) == CHINA
    assert antecedent("person", 1, seen) == XI
    # out of the window: nobody
    assert antecedent("person", 1 + WINDOW + 1, seen) is None
    # a speaker of the sentence before comes first
    assert antecedent("person", 2, [*seen, Mentioned(1, XI, speaker=True)]) == XI


def test_a_recipient_is_the_antecedent_only_when_no_actor_fits() -> None:
    lai = Actor("Lai", name="Jimmy Lai", country="HKG", sector="MED", id="person/hkg/jimmy-lai")
    # "China charged Lai. He rejects the charges": he is Lai, the one person there
    assert antecedent("person", 1, [Mentioned(0, CHINA), Mentioned(0, lai, target=True)]) == lai
    # "Xi met Lai. He ...": the actor first
    assert antecedent("person", 1, [Mentioned(0, lai, target=True), Mentioned(0, XI)]) == XI
    # "the ministry" is of the actor's country, never of the recipient's
    assert latest_country(1, [Mentioned(0, XI), Mentioned(0, BIDEN, target=True)]) == "CHN"


def test_a_described_person_is_a_person() -> None:
    minister = Actor("the former French foreign minister", country="FRA", sector="GOV")
    assert compatible("person", minister) and not compatible("thing", minister)
    assert not compatible("person", Actor("French officials", country="FRA", sector="GOV"))


def test_a_sentence_with_nothing_coded_is_read_for_its_one_actor() -> None:
    def named(j: int, kind: str) -> list[Actor]:
        return {1: [], 0: [XI]}.get(j, [])

    assert antecedent("person", 2, [], named) == XI
    # naming two, it leaves the reference open rather than pick one
    assert antecedent("person", 2, [], lambda j, k: [XI, BIDEN] if j == 1 else [CHINA]) is None


def test_the_latest_country_of_the_window() -> None:
    seen = [Mentioned(0, XI), Mentioned(1, BIDEN)]
    assert latest_country(2, seen) == "USA"
    assert latest_country(2, [*seen, Mentioned(1, XI, speaker=True)]) == "CHN"
    assert latest_country(1 + WINDOW + 1, seen) is None


def test_what_the_prefilter_counts_as_a_reference() -> None:
    assert refers_back(("later", ",", "he", "met", "them"), "Later, he met them")
    assert refers_back(("the", "ministry", "said"), "The ministry said")
    assert not refers_back(("a", "ministry", "said"), "A ministry said")
    assert not refers_back(("it", "said"), "It said")  # a dummy subject too often: not worth a parse


def test_a_pronoun_two_sentences_on_is_the_person_named_before(coder: Coder) -> None:
    text = ("Chinese Foreign Minister Wang Yi arrived in Washington on Monday. The trip was his first in five "
            "years. On Tuesday, he met Secretary of State Antony Blinken.")
    [met] = [m for m in coder.code_text(text, on=dt.date(2023, 10, 26)) if m.sentence_index == 2]
    assert met.type == "CONSULT"
    assert [a.name for a in met.source] == ["Wang Yi"] and [a.name for a in met.target] == ["Antony Blinken"]


def test_the_ministry_is_the_one_named_before_not_the_sentences_other_country(coder: Coder) -> None:
    text = ("Iran's foreign ministry summoned the French ambassador on Sunday. The envoy was told the remarks were "
            "unacceptable. Later, the ministry accused France of meddling.")
    [accused] = [m for m in coder.code_text(text, on=dt.date(2024, 3, 1)) if m.sentence_index == 2]
    assert accused.type == "ACCUSE"
    assert [a.country for a in accused.source] == ["IRN"] and [a.country for a in accused.target] == ["FRA"]


def test_it_is_the_country_of_the_sentence_before(coder: Coder) -> None:
    text = "Russia expelled two Estonian diplomats on Friday. Few were surprised. In a statement, it accused Estonia."
    [accused] = [m for m in coder.code_text(text, on=dt.date(2024, 3, 1)) if m.sentence_index == 2]
    assert [a.country for a in accused.source] == ["RUS"] and [a.country for a in accused.target] == ["EST"]
    # reached through a pronoun: less sure than the same act named outright
    [named] = coder.code_text("In a statement, Russia accused Estonia.", on=dt.date(2024, 3, 1))
    assert accused.confidence < named.confidence


def test_role_phrases_are_the_title_with_whose_it_is_latest_first() -> None:
    text = "Yusuf Tuggar met Kenya's ambassador to the United Nations, Tamsin Varleigh, and Ghana's ambassador."
    assert role_phrases(text, "ambassador") == [
        "ambassador", "Ghana's ambassador", "and Ghana's ambassador",
        "ambassador to the United Nations", "Kenya's ambassador to the United Nations",
        "met Kenya's ambassador to the United Nations", "Tuggar met Kenya's ambassador to the United Nations",
        "Yusuf Tuggar met Kenya's ambassador to the United Nations"]
    assert role_phrases("Nigerian Foreign Minister Yusuf Tuggar spoke.", "minister")[0] == "Minister Yusuf Tuggar"
    assert role_phrases(text, "spokesman") == []


def test_a_described_person_fits_the_same_sector_or_one_of_its_group() -> None:
    assert described_fits("REB", "REB") and described_fits("REB", "UAF") and described_fits("ELI", "GOV")
    assert not described_fits("REB", "GOV") and not described_fits("GOV", "MIL")


def test_a_described_person_is_the_up_to_three_words_after_the() -> None:
    agents = frozenset({"militant", "minister", "military"})
    assert describes_person("But diplomats believe the radical militant was killed.", agents)
    assert describes_person("The former foreign minister said so.", agents)
    assert not describes_person("The military said so.", agents)  # an agent word, but no person
    assert not describes_person("A militant was killed.", agents)  # not definite


def test_first_person_pronouns_speak_for_the_speaker() -> None:
    assert first_person("We") and first_person("our") and first_person("I")
    assert not first_person("they") and not first_person("he")


def test_a_reference_whose_antecedent_is_skipped_stands_for_nobody() -> None:
    seen = [Mentioned(0, BIDEN), Mentioned(1, XI, speaker=True)]
    assert antecedent("person", 2, seen) == XI
    # a "he" inside Xi's own quote is not Xi, and who he is the text does not say: not Biden further back either
    assert antecedent("person", 2, seen, skip=lambda a: a == XI) is None
    assert antecedent("person", 2, [], lambda j, k: [XI] if j == 1 else [BIDEN], skip=lambda a: a == XI) is None
    assert antecedent("person", 2, seen, skip=lambda a: a == CHINA) == XI


def test_he_inside_a_quote_going_on_is_not_its_speaker(coder: Coder) -> None:
    text = ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Monday. "
            '"We spoke for three hours," Erdogan told reporters on Tuesday. "He has attacked our soldiers."')
    coded = [m for m in coder.code_text(text, on=dt.date(2023, 9, 5)) if m.sentence_index == 2]
    # the one the speaker speaks of, not the speaker: no attack of Turkey's on its own soldiers
    assert all(a.country != "TUR" for m in coded for a in m.source)


def test_a_he_reached_before_is_one_person() -> None:
    # '"...," he said. "Then they shot them"': "they" is not the "he" who speaks
    he = Actor("he", country="PAK")
    assert compatible("person", he) and not compatible("group", he) and not compatible("thing", he)
    assert antecedent("group", 1, [Mentioned(0, he, speaker=True), Mentioned(0, MILITANTS)]) == MILITANTS
