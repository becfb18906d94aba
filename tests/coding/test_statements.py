"""Statement-level coding: what a speaker's content does to another actor when no trigger word names it."""

from __future__ import annotations

import datetime as dt

from detente.coding import Coder
from detente.coding.candidates import extract
from detente.coding.statements import revise
from detente.records import Document

Coded = tuple[str, list[str | None], list[str | None]]


def _coded(coder: Coder, text: str) -> list[Coded]:
    return [(m.type, [a.country for a in m.source], [a.country for a in m.target]) for m in coder.code_text(text)]


def _types(coder: Coder, text: str) -> set[str]:
    return {c[0] for c in _coded(coder, text)}


def test_a_derived_judgement_word_about_another_sides_policy_is_an_accusation(coder: Coder) -> None:
    # "counterproductive" is no curated cue: it comes from the WordNet-derived list
    text = "China's foreign ministry said the US tariffs were counterproductive."
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)


def test_a_passive_subject_is_the_one_judged(coder: Coder) -> None:
    text = "Secretary of State Antony Blinken said Berisha was involved in corrupt acts."
    assert ("ACCUSE", ["USA"], ["ALB"]) in _coded(coder, text)


def test_failing_to_act_is_a_judgement_of_whoever_failed(coder: Coder) -> None:
    text = "Pakistan's ambassador Munir Akram said the Afghan government was failing to rein in militants."
    assert ("ACCUSE", ["PAK"], ["AFG"]) in _coded(coder, text)


def test_doing_too_little_is_a_judgement_of_the_doer_and_doing_enough_is_none(coder: Coder) -> None:
    # an arrest makes the sentence parsed: "enough" and "nothing" are no prefilter words
    text = "Kenyan police arrested two men and Kenya said Britain has not done enough to stop the smuggling."
    assert ("ACCUSE", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "Kenyan police arrested two men and Kenya said Britain has done nothing to stop the smuggling."
    assert ("ACCUSE", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "Kenyan police arrested two men and Kenya said Britain has done enough to stop the smuggling."
    assert "ACCUSE" not in _types(coder, text)
    text = "Kenyan police arrested two men and Britain said it had done nothing wrong."
    assert "ACCUSE" not in _types(coder, text)


def test_what_another_should_not_have_done_is_a_reproach_of_the_doer(coder: Coder) -> None:
    # a modal of duty with a perfect infinitive: the act regretted, negated or not, is the doer's fault
    text = "Kenya's foreign minister said Britain should not have commented on the election."
    assert ("ACCUSE", ["KEN"], ["GBR"]) in _coded(coder, text)
    # a regretted act read as one: done when negated, kept; not done when not, dropped
    coded = _coded(coder, "Kenya's foreign minister said Britain should not have deported the students.")
    assert ("ACCUSE", ["KEN"], ["GBR"]) in coded and "COERCE" in [c[0] for c in coded]
    coded = _coded(coder, "Kenya's foreign minister said Britain should have apologized to Kenya for the raid.")
    assert ("ACCUSE", ["KEN"], ["GBR"]) in coded and "CONCEDE" not in [c[0] for c in coded]
    text = "Kenya's foreign minister said Britain should have warned Nairobi before the raid."
    assert ("ACCUSE", ["KEN"], ["GBR"]) in _coded(coder, text)
    # "must have" infers, a passive names no doer, "it" may be the speaker itself
    assert "ACCUSE" not in _types(coder, "Kenya's foreign minister said Britain must have known about the raid.")
    assert "ACCUSE" not in _types(coder, "Kenya's foreign minister said the claims should have been ignored.")
    assert "ACCUSE" not in _types(coder, "Kenya's foreign minister said it should have acted sooner.")


def test_a_reproach_of_a_person_by_name_is_coded_within_one_country(coder: Coder) -> None:
    # a party's criticism of a person named by name keeps no own-side note; of one's own country it does
    text = "Kenyan senators said President Uhuru Kenyatta should not have commented on the election."
    assert [c for c in _coded(coder, text) if c[0] == "ACCUSE" and c[2] == ["KEN"]]
    assert "ACCUSE" not in _types(coder, "Kenyan senators said Kenya should have acted sooner against the smugglers.")


def test_a_judgement_of_a_persons_act_by_name_is_coded_within_one_country(coder: Coder) -> None:
    text = "Kenyan senators said President Uhuru Kenyatta's remarks were irresponsible."
    assert [c for c in _coded(coder, text) if c[0] == "ACCUSE" and c[2] == ["KEN"]]


def test_no_accusation_of_ones_own_side_when_negated_unsaid_or_commentary(coder: Coder) -> None:
    # own side
    assert "ACCUSE" not in _types(coder, "China's foreign ministry said Beijing had failed to honour its pledges.")
    # negated
    assert "ACCUSE" not in _types(coder, "China's foreign ministry said the US tariffs were not counterproductive.")
    # nobody says it: a news story's narration
    assert "ACCUSE" not in _types(coder, "The US tariffs on China were counterproductive.")
    # analysts' views are commentary, not a party's act
    assert "ACCUSE" not in _types(coder, "Analysts said the US tariffs on China were counterproductive.")
    # nobody in particular
    assert "ACCUSE" not in _types(coder, "The US envoy said corruption by any party in Albania has consequences.")


def test_a_reproachful_question_accuses_and_replaces_the_act_it_asks_about(coder: Coder) -> None:
    text = '"Why doesn\'t the U.S. give us the Patriot missile," said a Turkish presidential adviser.'
    coded = _coded(coder, text)
    assert ("ACCUSE", ["TUR"], ["USA"]) in coded
    assert "AID" not in {c[0] for c in coded}


def test_denying_a_judgement_of_ones_own_side_rejects_it(coder: Coder) -> None:
    text = "Turkish Defense Minister Hulusi Akar said the S-400 poses no threat to NATO systems."
    assert [c for c in _coded(coder, text) if c[0] == "REJECT"] == [("REJECT", ["TUR"], [])]


def test_an_editorials_own_voice_judges_and_a_news_storys_does_not(coder: Coder) -> None:
    text = "Many actions by the US failed to implement the consensus reached by the two leaders."
    found = {}
    for genre in ("editorial", "news"):
        doc = Document(id=genre, text=text, published=dt.date(2024, 1, 11), outlet="Global Times", genre=genre)
        [(_, records)] = list(coder.code_documents([doc]))
        found[genre] = [(m.type, [a.country for a in m.source], [a.country for a in m.target]) for m in records]
    assert ("ACCUSE", ["CHN"], ["USA"]) in found["editorial"]
    assert not [c for c in found["news"] if c[0] == "ACCUSE"]


def test_an_accusation_of_the_speaker_that_nobody_can_make_is_a_denial(coder: Coder) -> None:
    text = ('"There is no one in Albania that can say that I am implicated in any corrupt affair," Sali Berisha, '
            "the former Albanian prime minister, said.")
    coded = _coded(coder, text)
    assert ("REJECT", ["ALB"], []) in coded
    assert "ACCUSE" not in {c[0] for c in coded}


def test_the_challenges_an_actor_poses_spoken_about_judge_it(coder: Coder) -> None:
    # read off the parse: the prefilter parses such a sentence only for a word of its own
    text = "Prime Minister Ishiba has spoken openly about the serious security challenges China poses to Japan."
    sent = coder.nlp(text)[:]
    found = revise(sent, extract(sent, coder.lexicon, coder.composer, coder.cues), coder.lexicon, coder.cues)
    assert [(c.coded.type, c.token.text, [t.token.text for t in c.targets], c.speaker and c.speaker.token.text)
            for c in found] == [("ACCUSE", "poses", ["China"], "Ishiba")]
    # a challenge one meets is no judgement of anyone
    sent = coder.nlp("Prime Minister Ishiba has spoken openly about the challenges Japan faces.")[:]
    assert not revise(sent, extract(sent, coder.lexicon, coder.composer, coder.cues), coder.lexicon, coder.cues)


def test_not_accepting_is_a_refusal(coder: Coder) -> None:
    text = "Dodik's lawyer said Milorad Dodik does not recognize the Bosnian court or the state prosecutor's office."
    assert "REJECT" in _types(coder, text)
    # recognizing is no refusal
    assert "REJECT" not in _types(coder, "Dodik's lawyer said Milorad Dodik recognizes the Bosnian court.")


def test_an_owner_of_a_conjunct_owns_the_judged_phrase(coder: Coder) -> None:
    text = ("China's foreign ministry said the perceptions, policies and actions of the US had created huge "
            "dangers for the world.")
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)


def test_a_judgement_adverb_reaches_a_subject_the_parser_hung_on_the_auxiliary(coder: Coder) -> None:
    text = "The United States said Iran is “flagrantly” defying the U.N. Security Council."
    assert ("ACCUSE", ["USA"], ["IRN"]) in _coded(coder, text)


def test_an_allegation_rejected_with_its_owner_named_was_that_owners_accusation(coder: Coder) -> None:
    coded = _coded(coder, "Iran denied Israel's accusations that it had supplied drones to Russia.")
    assert ("REJECT", ["IRN"], ["ISR"]) in coded
    assert ("ACCUSE", ["ISR"], ["IRN"]) in coded  # the accusation was made, by its owner
    by = _coded(coder, "The Indian government rejected allegations by Canada's prime minister about the killing.")
    assert ("ACCUSE", ["CAN"], ["IND"]) in by


def test_an_allegation_rejected_with_no_owner_names_no_accuser(coder: Coder) -> None:
    coded = _coded(coder, "Iran denied the accusations that it had supplied drones to Russia.")
    assert "REJECT" in {c[0] for c in coded}
    assert "ACCUSE" not in {c[0] for c in coded}
    # nor is a rejected proposal an accusation of anyone
    assert "ACCUSE" not in _types(coder, "Iran rejected Washington's offer of new talks.")


def test_opposing_another_actors_conduct_is_disapproval_and_opposing_a_proposal_a_refusal(coder: Coder) -> None:
    assert _coded(coder, "The United States opposes China's militarization of the South China Sea.") == [
        ("ACCUSE", ["USA"], ["CHN"])]
    assert _coded(coder, "China is opposed to Japan's remilitarization.") == [("ACCUSE", ["CHN"], ["JPN"])]
    # a proposal put forward is refused, not criticised
    assert [c[0] for c in _coded(coder, "China opposes the U.S. bill on Taiwan.")] == ["REJECT"]
    # and an actor opposed is no conduct owned
    assert "ACCUSE" not in _types(coder, "Germany opposed France in the vote on the budget.")


def test_not_accepting_a_thing_nobody_puts_forward_refuses_nobody(coder: Coder) -> None:
    # a refusal needs a party, or something a party puts forward (a decision, a claim), to refuse
    assert "REJECT" not in _types(coder, "The Thai minister said Thailand does not recognize horse meat as food.")
    sent = coder.nlp("The Thai minister said Thailand does not accept the decision.")[:]
    found = revise(sent, extract(sent, coder.lexicon, coder.composer, coder.cues), coder.lexicon, coder.cues)
    assert [(c.coded.type, c.token.text) for c in found] == [("REJECT", "accept")]
    assert "REJECT" in _types(coder, "The Thai minister said Thailand does not recognize the Cambodian court.")


def test_endangering_a_good_said_of_another_actor_is_an_accusation_not_a_threat(coder: Coder) -> None:
    text = "The Pakistani army spokesman said the Afghan government was threatening the security of the region."
    coded = _coded(coder, text)
    assert ("ACCUSE", ["PAK"], ["AFG"]) in coded
    assert "THREATEN" not in {c[0] for c in coded}


def test_threatening_an_actor_or_with_a_measure_stays_a_threat(coder: Coder) -> None:
    assert _types(coder, "The Chinese foreign ministry said the United States threatened China with sanctions.") \
        == {"THREATEN"}
    assert _types(coder, "The Indian foreign ministry said Pakistan threatened retaliation against India.") \
        == {"THREATEN"}
    # unsaid, a story's narration judges nobody: the reading is left as it was
    assert "ACCUSE" not in _types(coder, "The Afghan government is threatening the security of the region.")


def test_defending_oneself_against_a_named_critics_criticism_rejects_it_and_the_critic_accused(coder: Coder) -> None:
    coded = _coded(coder, "Beijing defended its trade record against Washington's criticism.")
    assert ("REJECT", ["CHN"], ["USA"]) in coded
    assert ("ACCUSE", ["USA"], ["CHN"]) in coded
    assert "SUPPORT" not in {c[0] for c in coded}
    coded = _coded(coder, "Moscow defended itself against Japanese accusations of spying.")
    assert ("REJECT", ["RUS"], ["JPN"]) in coded
    assert ("ACCUSE", ["JPN"], ["RUS"]) in coded


def test_defending_another_actor_or_against_no_criticism_is_no_rejection(coder: Coder) -> None:
    assert "REJECT" not in _types(coder, "China defended Russia against Western criticism.")
    assert "REJECT" not in _types(coder, "Japan defended its ally against the attack.")


def test_a_thing_that_met_with_opposition_from_an_actor_was_refused_by_it_not_met(coder: Coder) -> None:
    coded = _coded(coder, "Malaysia's submission met with opposition from China.")
    assert coded == [("REJECT", ["CHN"], ["MYS"])]
    text = "The Japanese plan met with strong criticism from South Korea."
    assert ("ACCUSE", ["KOR"], ["JPN"]) in _coded(coder, text)


def test_meeting_the_opposition_is_still_a_meeting(coder: Coder) -> None:
    assert _types(coder, "Biden met with opposition leaders in Caracas.") == {"CONSULT"}
    assert _types(coder, "Biden met with the opposition in Caracas.") == {"CONSULT"}


def test_a_war_of_words_is_disapproval_not_an_attack(coder: Coder) -> None:
    text = "The Bush administration plans to escalate the war of words against Iraq."
    assert ("ACCUSE", ["USA"], ["IRQ"]) in _coded(coder, text)
    assert "ASSAULT" not in _types(coder, text)
    assert "ASSAULT" in _types(coder, "The United States waged war on Iraq.")


def test_an_actors_concerns_are_its_disapproval_of_whom_they_are_about_or_who_eases_them(coder: Coder) -> None:
    text = "The move is aimed at addressing Japanese concerns over Chinese military activity."
    assert ("ACCUSE", ["JPN"], ["CHN"]) in _coded(coder, text)
    text = "China took steps to ease U.S. concerns about transferring sensitive equipment to Middle East countries."
    assert _coded(coder, text) == [("ACCUSE", ["USA"], ["CHN"])]  # easing a concern is no easing of a measure


def test_concerns_with_no_owner_or_about_nobody_judge_nobody(coder: Coder) -> None:
    assert "ACCUSE" not in _types(coder, "Chinese concerns about the economy grew after Japan cut rates.")
    assert "ACCUSE" not in _types(coder, "Concerns over Chinese military activity grew in Japan.")


def test_it_in_what_an_actor_says_of_itself_is_the_one_easing_concerns(coder: Coder) -> None:
    text = "China said it issued new export rules, taking steps to ease U.S. concerns about missile sales to Iran."
    assert ("ACCUSE", ["USA"], ["CHN"]) in _coded(coder, text)


def test_a_breach_or_a_misguided_policy_said_of_another_side_judges_it(coder: Coder) -> None:
    text = "Germany's foreign minister said Russia's policy was misguided."
    assert ("ACCUSE", ["DEU"], ["RUS"]) in _coded(coder, text)
    text = "The French foreign minister said Moscow's actions were a breach of its obligations."
    assert ("ACCUSE", ["FRA"], ["RUS"]) in _coded(coder, text)
