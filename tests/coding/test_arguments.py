"""Reading actors, recipients and speakers from the parse (before knowledge-base resolution)."""

from __future__ import annotations

from collections.abc import Callable

from detente.coding import Coder
from detente.coding.candidates import Candidate

Cands = Callable[[str], list[Candidate]]


def one(cands: list[Candidate], type_: str) -> Candidate:
    found = [c for c in cands if c.coded.type == type_]
    assert len(found) == 1, [(c.coded.type, c.trigger_text) for c in cands]
    return found[0]


def heads(args) -> list[str]:
    return [a.token.text for a in args]


def test_subject_and_object(candidates: Cands) -> None:
    c = one(candidates("Japanese Prime Minister Fumio Kishida met Joe Biden at the White House."), "CONSULT")
    assert heads(c.sources) == ["Kishida"] and c.sources[0].texts[0] == "Japanese Prime Minister Fumio Kishida"
    assert heads(c.targets) == ["Biden"]


def test_coordinated_subjects_all_act(candidates: Cands) -> None:
    c = one(candidates("Blinken, Yellen, Raimondo and Kerry visited Beijing."), "CONSULT")
    assert heads(c.sources) == ["Blinken", "Yellen", "Raimondo", "Kerry"]
    assert heads(c.targets) == ["Beijing"] and c.targets[0].place


def test_names_listed_after_a_colon_replace_a_generic_subject(candidates: Cands) -> None:
    c = one(candidates("Three senior officials visited Moscow in May: Wang Yi, Li Qiang and Zhao Leji."),
            "CONSULT")
    assert heads(c.sources) == ["Yi", "Qiang", "Leji"]


def test_passive_agent_is_the_actor(candidates: Cands) -> None:
    c = one(candidates("The talks were attended by Foreign Minister Sergei Lavrov."), "CONSULT")
    assert heads(c.sources) == ["Lavrov"]


def test_relative_clause_takes_the_noun_it_modifies(candidates: Cands) -> None:
    c = one(candidates("The delegation was led by Wang Wentao, who visited Washington in May."), "CONSULT")
    assert heads(c.sources) == ["Wentao"] and heads(c.targets) == ["Washington"]


def test_copula_identity_names_the_actor(candidates: Cands) -> None:
    c = one(candidates("The last minister to travel to Tokyo was Wang Wentao."), "CONSULT")
    assert heads(c.sources) == ["Wentao"] and heads(c.targets) == ["Tokyo"]


def test_possessive_on_a_noun_event(candidates: Cands) -> None:
    c = one(candidates("Officials praised Blinken's June visit to Beijing."), "SUPPORT")
    assert heads(c.targets) == ["visit"] and c.targets[0].texts[0].startswith("Blinken")  # praise of his visit
    cands = candidates("Blinken's June visit to Beijing was the first in five years.")
    v = one(cands, "CONSULT")
    assert heads(v.sources) == ["Blinken"] and heads(v.targets) == ["Beijing"]


def test_names_compounded_on_a_noun_event(candidates: Cands) -> None:
    c = one(candidates("The China-US Defense Policy Coordination Talks were held in Washington."), "CONSULT")
    assert [a.texts[0] for a in c.sources] == ["China", "US Defense Policy Coordination"]
    c = one(candidates("Officials are preparing the Xi-Biden talks."), "AGREE")
    assert heads(c.sources) == ["Xi", "Biden"]


def test_by_phrase_and_destination_of_a_visit(candidates: Cands) -> None:
    v = one(candidates("A US visit by Vice Premier He Lifeng took place last week."), "CONSULT")
    assert heads(v.sources) == ["Lifeng"] and heads(v.targets) == ["US"] and v.targets[0].place


def test_reported_speech_keeps_the_speaker_apart(candidates: Cands) -> None:
    c = one(candidates("The ministry said Russia will withdraw its troops from the border."), "AGREE")
    assert heads(c.sources) == ["Russia"]
    assert c.speaker is not None and c.speaker.token.text == "ministry"


def test_pronoun_subject_takes_the_speaker(candidates: Cands) -> None:
    c = one(candidates("Switzerland said on Tuesday it had expelled two Russian diplomats."), "SANCTION")
    assert heads(c.sources) == ["Switzerland"]
    assert [a.texts[0] for a in c.targets] == ["two Russian diplomats"]


def test_according_to_names_a_speaker(candidates: Cands) -> None:
    c = one(candidates("Biden wrote a letter to Xi Jinping, according to Chinese officials."), "CONSULT")
    assert c.speaker is not None and c.speaker.token.text == "officials"
    assert heads(c.sources) == ["Biden"] and heads(c.targets) == ["Jinping"]


def test_host_swaps_visitor_and_host(candidates: Cands) -> None:
    c = one(candidates("President Macron hosted Chancellor Scholz in Paris."), "CONSULT")
    assert heads(c.sources) == ["Scholz"] and heads(c.targets) == ["Macron"] and c.coded.cameo == "043"


def test_meeting_a_goal_is_not_a_meeting(candidates: Cands) -> None:
    assert not [c for c in candidates("The summit met the modest goal of stabilizing ties.")
                if c.coded.type == "CONSULT" and c.mention.token.text == "met"]


def test_dates_are_not_recipients(candidates: Cands) -> None:
    c = one(candidates("Han Zheng met Blinken on September 18 in New York."), "CONSULT")
    assert heads(c.targets) == ["Blinken"]


def test_group_noun_stands_for_its_members(candidates: Cands) -> None:
    c = one(candidates("A number of countries, including China, the United States and Japan, signed the "
                       "declaration."), "SUPPORT")
    assert heads(c.sources) == ["China", "States", "Japan"]


def test_governed_act_gives_the_recipient_of_a_demand(candidates: Cands) -> None:
    c = one(candidates("EU ministers demanded the withdrawal of Serbian forces from Bosnia."), "REQUEST")
    assert heads(c.sources) == ["ministers"] and heads(c.targets) == ["forces"]
    assert c.coded.mode == "yield" and c.coded.cameo == "106"


def test_object_control(candidates: Cands) -> None:
    c = one(candidates("The UN urged Israel to release the prisoners."), "REQUEST")
    assert heads(c.sources) == ["UN"] and heads(c.targets) == ["Israel"]
    assert (c.coded.mode, c.coded.cameo) == ("yield", "025")


def test_whose_act_the_object_is_receives_it(candidates: Cands) -> None:
    c = one(candidates("Tehran rejected its offer of new talks."), "REJECT")
    assert heads(c.targets) == ["its"] and c.targets[0].pronoun
    c = one(candidates("The minister rejected the ambassador's proposal."), "REJECT")
    assert heads(c.targets) == ["ambassador"]


def test_critical_of_is_criticism(candidates: Cands) -> None:
    c = one(candidates("Beijing is critical of Washington."), "ACCUSE")
    assert heads(c.sources) == ["Beijing"] and heads(c.targets) == ["Washington"]


def test_a_participle_on_a_noun_is_acted_by_its_agent(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Last year it was included in a list of more than 400 books banned by the Taliban.") == [
        ("COERCE", ["AFG"], ["AFG"])]


def test_whoever_claims_responsibility_for_an_attack_made_it(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    text = "Al-Shabab, a U.S.-designated terrorist group, claimed responsibility for the hotel attack on Tuesday."
    assert _coded(coder, text) == [("ASSAULT", ["SOM"], [])]


def test_a_noun_event_in_a_during_adjunct_is_the_clauses_act(candidates: Cands) -> None:
    c = one(candidates("During the meeting, Blinken told Wang Yi that relations had improved."), "CONSULT")
    assert heads(c.sources) == ["Blinken"] and heads(c.targets) == ["Yi"]
    # "in" takes the clause's actor only when the noun names its recipient ("in a letter to Xi")
    assert not [c for c in candidates("In the meeting hall, Blinken told Wang Yi that relations had improved.")
                if c.coded.type == "CONSULT" and c.sources]


def test_a_noun_event_in_a_fronted_scene_phrase_is_the_subjects(candidates: Cands) -> None:
    """A side phrase opening the clause sets its subject's scene: the meeting is the subject's, with whoever
    the "with" phrase names; "their" before the subject looks ahead to it."""
    c = one(candidates("In a meeting with rebel leaders, Sudanese officials said the ceasefire would hold."),
            "CONSULT")
    assert heads(c.sources) == ["officials"] and heads(c.targets) == ["leaders"]
    c = one(candidates("At their meeting, France and Germany shared concerns about the war."), "CONSULT")
    assert heads(c.sources) == ["France", "Germany"]


def test_a_noun_event_after_a_phrase_of_time_is_not_the_subjects(candidates: Cands) -> None:
    """"After the bombing, police arrested" : the bombing is someone else's act."""
    cands = candidates("After the bombing of the market, police arrested ten men.")
    assert not [c for c in cands if c.coded.type == "ASSAULT" and heads(c.sources) == ["police"]]


def test_a_noun_event_in_an_adjunct_of_a_small_clause_acts_on_its_subject(candidates: Cands) -> None:
    c = one(candidates("The State Department holds Iran accountable through sanctions."), "SANCTION")
    assert heads(c.sources) == ["Department"] and heads(c.targets) == ["Iran"]


def test_an_object_pronoun_is_the_owner_of_the_clauses_subject(candidates: Cands) -> None:
    c = one(candidates("Erdogan's critics accused him of undermining democracy."), "ACCUSE")
    assert heads(c.targets) == ["Erdogan"]
    # a subject owned by a country is no person for "him"
    c = one(candidates("China's foreign minister accused him of lying."), "ACCUSE")
    assert heads(c.targets) == ["him"]


def test_a_noun_events_owner_acts_on_the_recipient_in_its_frame(candidates: Cands) -> None:
    c = one(candidates("Germany's aid to Ukraine rose sharply last year."), "AID")
    assert heads(c.sources) == ["Germany"] and heads(c.targets) == ["Ukraine"]
    c = one(candidates("Washington announced its withdrawal from the arms treaty with Moscow."), "SANCTION")
    assert heads(c.sources) == ["Washington"] and heads(c.targets) == ["Moscow"]


def test_a_participle_of_doing_says_who_did_a_noun_event(candidates: Cands) -> None:
    c = one(candidates("An offensive launched by Somali forces killed 20 al-Shabab fighters."), "ASSAULT")
    assert heads(c.sources) == ["forces"]
    c = one(candidates("The United Nations condemned the attack carried out by Tamsin rebels."), "ACCUSE")
    assert heads(c.targets) == ["rebels"]


def test_a_participle_of_doing_says_who_did_what_a_weapon_did(candidates: Cands) -> None:
    c = one(candidates("Missiles fired by Houthi rebels struck a British ship."), "ASSAULT")
    assert heads(c.sources) == ["rebels"]


def test_a_participle_of_judging_names_someone_else(candidates: Cands) -> None:
    cands = candidates("The attack condemned by the United Nations killed 12 people in Gaza.")
    assert all(heads(c.sources) != ["Nations"] for c in cands if c.coded.type == "ASSAULT")


def test_the_threat_of_someones_act_is_theirs(candidates: Cands) -> None:
    c = one(candidates("Turkey tested the Russian system despite the threat of U.S. sanctions."), "THREATEN")
    assert heads(c.sources) == ["U.S."]
    c = one(candidates("Taiwan lives under the threat of a Chinese invasion."), "THREATEN")
    assert heads(c.sources) == ["Chinese"]
    # a verb's subject still threatens: the act's own actor is not the threatener then
    c = one(candidates("Washington threatened sanctions against Ankara."), "THREATEN")
    assert heads(c.sources) == ["Washington"] and heads(c.targets) == ["Ankara"]


def test_a_bare_definite_plural_of_a_top_title_is_the_pair(candidates: Cands) -> None:
    c = one(candidates("Mauritius honored Modi, and the prime ministers signed eight pacts."), "AGREE")
    assert [a.dyad for a in c.sources] == [True]
    # a modifier that says whose or which keeps them one side
    for text in ("The Arab leaders signed eight pacts.", "The opposition leaders signed eight pacts."):
        c = one(candidates(text), "AGREE")
        assert [a.dyad for a in c.sources] == [False]


def test_the_prime_ministers_are_the_two_the_story_is_about(coder: Coder) -> None:
    from tests.coding.test_participants import _coded

    text = "Indian Prime Minister Narendra Modi visited Mauritius. Mauritius conferred its highest honor on " \
           "Modi, and the prime ministers signed eight pacts."
    assert (1, "AGREE", ["IND", "MUS"], []) in _coded(coder, text)


def test_people_an_act_is_done_to_are_its_recipient_agent_word_or_not(candidates: Cands) -> None:
    c = one(candidates("Militants killed 21 passengers near the border."), "ASSAULT")
    assert heads(c.targets) == ["passengers"]
    c = one(candidates("Four frontier corps personnel were also killed, the spokesman said."), "ASSAULT")
    assert heads(c.targets) == ["personnel"]


def test_a_people_noun_is_no_recipient_of_a_meeting_or_a_thing(candidates: Cands) -> None:
    c = one(candidates("Militants destroyed the bridge near the border."), "ASSAULT")
    assert c.targets == []
    assert all(c.targets == [] for c in candidates("The minister met passengers at the airport."))


def test_people_killed_in_a_country_are_its(coder: Coder) -> None:
    from tests.coding.test_participants import _coded

    assert _coded(coder, "Twelve passengers were killed in Pakistan on Monday.") == [(0, "ASSAULT", [], ["PAK"])]


def test_a_participle_with_no_agent_on_a_noun_makes_the_noun_the_recipient(candidates: Cands) -> None:
    c = one(candidates("Two Kenyan soldiers accused of killing a civilian appeared in court."), "ACCUSE")
    assert c.sources == [] and heads(c.targets) == ["soldiers"]
    # with its "by" agent the participle says who did it
    c = one(candidates("Books banned by the Taliban were burned."), "COERCE")
    assert heads(c.sources) == ["Taliban"]


def test_an_accused_named_by_a_participle_is_accused_by_nobody_named(coder: Coder) -> None:
    from tests.coding.test_participants import _coded

    assert (0, "ACCUSE", [], ["KEN"]) in _coded(coder, "Two Kenyan soldiers accused of murder appeared in court.")
    # the speaker of the clause is the accuser: "police said" of a story about one country
    text = ("Kenyan police arrested three men in Nairobi. Kenya's government praised the police. Kenya's "
            "president visited Mombasa. A man accused of fraud fled the country, police said on Friday.")
    assert (3, "ACCUSE", ["KEN"], [None]) in _coded(coder, text)  # "a man" may be anyone's


def test_a_participle_opening_or_closing_a_clause_was_done_to_its_subject(candidates: Cands) -> None:
    c = one(candidates("Arrested in Kenya in 2019, the Somali businessman denied the charges."), "COERCE")
    assert c.sources == [] and heads(c.targets) == ["businessman"]
    # "having arrested" is the subject's own act
    c = one(candidates("Having arrested the activist, Kenyan police accused him of treason."), "COERCE")
    assert heads(c.sources) == ["police"]
