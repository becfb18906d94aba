"""Who takes part in an event: argument phrases resolved through the knowledge base, and the policy around it
(pronouns, "the two countries", an editorial's outlet, a country read off the sentence, dropped events)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

import pytest

from detente.coding import Coder
from detente.coding.candidates import Candidate
from detente.coding.compose import Coded
from detente.coding.context import DocumentContext
from detente.coding.participants import Participants, Resolved, Sides, _agentless, dyad_offices
from detente.coding.references import Mentioned
from detente.nlp import split_sentences
from detente.records import Actor, Document, Genre
from detente.resolve.actors import DocumentActors

Candidates = Callable[[str], list[Candidate]]
BLINKEN = Actor("Blinken", name="Antony Blinken", country="USA", sector="GOV", id="person/usa/antony-blinken")


@pytest.fixture()
def participants(kb) -> Participants:
    return Participants(kb, Counter())


def context(text: str, genre: Genre | None = None, outlet: str | None = None) -> DocumentContext:
    doc = Document(id="d", text=text, published=dt.date(2024, 3, 1), genre=genre, outlet=outlet)
    return DocumentContext(doc=doc, sentences=split_sentences(text), actors=DocumentActors(outlet=outlet),
                           countries=set())


def test_names_resolve_through_the_knowledge_base(participants: Participants, candidates: Candidates) -> None:
    [cand] = candidates("Blinken met Wang Yi in Beijing.")
    sides = participants.find(context("Blinken met Wang Yi in Beijing."), cand, dt.date(2024, 3, 1), 0)
    assert sides is not None
    assert [a.name for a in sides.sources.actors] == ["Antony Blinken"]
    assert [(a.name, a.country) for a in sides.targets.actors] == [("Wang Yi", "CHN")]
    assert not (sides.sources.pronoun or sides.sources.fallback or sides.outlet_speaker)


def test_a_pronoun_is_the_person_of_the_sentences_just_before(participants: Participants,
                                                               candidates: Candidates) -> None:
    [cand] = candidates("He met Wang Yi in Beijing.")
    ctx = context("Blinken arrived on Monday. It rained. He met Wang Yi in Beijing. Talks went on. Snow fell.")
    ctx.mentioned.append(Mentioned(0, BLINKEN))
    for index in (1, 2):  # the window: two sentences back
        sides = participants.find(ctx, cand, None, index)
        assert sides is not None and sides.sources.actors == [BLINKEN] and sides.sources.pronoun
    # three sentences on, "he" may be anyone: who met Wang Yi is unknown and the event is dropped
    assert participants.find(ctx, cand, None, 3) is None
    assert participants.stats["dropped_unresolved"] == 1


def test_a_pronoun_of_a_sentence_nothing_was_coded_in_is_its_one_person(participants: Participants,
                                                                        candidates: Candidates) -> None:
    [cand] = candidates("On Tuesday, he met Wang Yi in Beijing.")
    ctx = context("Antony Blinken landed on Monday. On Tuesday, he met Wang Yi in Beijing.")
    sides = participants.find(ctx, cand, dt.date(2023, 6, 19), 1)
    assert sides is not None and [a.name for a in sides.sources.actors] == ["Antony Blinken"]
    assert sides.sources.pronoun
    # naming two people, the sentence before leaves "he" open
    ctx = context("Antony Blinken and Jake Sullivan landed. On Tuesday, he met Wang Yi in Beijing.")
    assert participants.find(ctx, cand, dt.date(2023, 6, 19), 1) is None


def test_it_and_the_country_are_the_country_named_just_before(participants: Participants,
                                                               candidates: Candidates) -> None:
    for sentence in ("It accused Washington of meddling.", "The country accused Washington of meddling."):
        [cand] = candidates(sentence)
        ctx = context("Iran's uranium stockpile grew last year. " + sentence)
        ctx.mentioned.append(Mentioned(0, Actor("Iran", name="Iran", country="IRN", id="country/irn")))
        sides = participants.find(ctx, cand, None, 1)
        assert sides is not None, sentence
        assert [a.country for a in sides.sources.actors] == ["IRN"] and sides.sources.pronoun


def test_the_ministry_is_of_the_country_of_the_sentences_before(participants: Participants,
                                                                 candidates: Candidates) -> None:
    [cand] = candidates("The ministry accused Washington of meddling.")
    ctx = context("Chinese diplomats spoke on Monday. The ministry accused Washington of meddling.")
    ctx.mentioned.append(Mentioned(0, Actor("Chinese diplomats", country="CHN", sector="GOV")))
    sides = participants.find(ctx, cand, None, 1)
    assert sides is not None
    assert [(a.country, a.sector) for a in sides.sources.actors] == [("CHN", "GOV")]
    assert sides.sources.pronoun  # reached by reference: the confidence says so
    # "the defense ministry" says more than a back-reference: it is not taken for China's
    [cand] = candidates("The defense ministry accused Washington of meddling.")
    sides = participants.find(ctx, cand, None, 1)
    assert sides is None or not sides.sources.pronoun


def test_the_speakers_sources_and_named_recipients_coded_are_remembered(participants: Participants) -> None:
    ctx = context("")
    china = Actor("China", name="China", country="CHN", id="country/chn")
    iran = Actor("Iran", name="Iran", country="IRN", id="country/irn")
    participants.remember(ctx, Sides([china], Resolved([BLINKEN], ["Blinken"]), Resolved([iran], ["Iran"])), 3)
    participants.remember(ctx, Sides([china], Resolved([BLINKEN], ["Blinken"]), Resolved([iran], ["Iran"])), 3)
    assert ctx.mentioned == [Mentioned(3, china, speaker=True), Mentioned(3, BLINKEN), Mentioned(3, iran, target=True)]
    # a recipient the text did not name (the story's other side, guessed) is no antecedent
    guessed = Resolved([iran], ["Iran"], fallback=True)
    participants.remember(ctx, Sides([], Resolved([BLINKEN], ["Blinken"]), guessed), 4)
    assert ctx.mentioned[-1] == Mentioned(4, BLINKEN)


def test_the_presidents_of_the_two_countries_are_their_heads_of_state_then(participants: Participants,
                                                                            candidates: Candidates) -> None:
    text = "Russia and China signed a trade deal in Moscow. The presidents of the two countries held talks."
    [cand] = candidates("The presidents of the two countries held talks.")
    sides = participants.find(context(text), cand, dt.date(2019, 6, 5), 1)
    assert sides is not None
    assert {a.name for a in sides.sources.actors} == {"Vladimir Putin", "Xi Jinping"}


def test_without_a_date_the_two_countries_are_their_governments(participants: Participants,
                                                                candidates: Candidates) -> None:
    text = "Russia and China signed a trade deal in Moscow. The presidents of the two countries held talks."
    [cand] = candidates("The presidents of the two countries held talks.")
    sides = participants.find(context(text), cand, None, 1)
    assert sides is not None
    assert sorted((a.country, a.sector, a.name) for a in sides.sources.actors) == [("CHN", "GOV", None),
                                                                                   ("RUS", "GOV", None)]


def test_a_modified_head_names_no_office(candidates: Candidates) -> None:
    [plain] = candidates("The presidents of the two countries held talks.")
    [modified] = candidates("Opposition leaders of the two countries held talks.")
    assert dyad_offices(plain.sources[0]) is not None
    assert dyad_offices(modified.sources[0]) is None


def test_an_editorials_demand_is_its_outlets(participants: Participants, candidates: Candidates) -> None:
    [cand] = candidates("The US must stop its provocations.")
    assert cand.needs_speaker_source
    sides = participants.find(context("The US must stop its provocations.", "editorial", "Global Times"), cand,
                              None, 0)
    assert sides is not None and sides.outlet_speaker
    assert [(a.name, a.country) for a in sides.sources.actors] == [("Global Times", "CHN")]
    assert [a.country for a in sides.targets.actors] == ["USA"]
    unknown = participants.find(context("The US must stop it.", "editorial", "Zorblat"), cand, None, 0)
    assert unknown is not None  # an outlet the knowledge base does not know is still a medium
    assert [(a.name, a.sector) for a in unknown.sources.actors] == [("Zorblat", "MED")]


def test_a_demand_with_no_speaker_in_a_news_story_is_dropped(participants: Participants,
                                                            candidates: Candidates) -> None:
    [cand] = candidates("The US must stop its provocations.")
    assert participants.find(context("The US must stop its provocations.", "news"), cand, None, 0) is None


def test_a_group_in_a_sentence_about_one_country_is_of_it(participants: Participants,
                                                          candidates: Candidates) -> None:
    [cand] = candidates("The rebels attacked a Syrian army base.")
    sides = participants.find(context("The rebels attacked a Syrian army base."), cand, None, 0)
    assert sides is not None and sides.sources.fallback
    assert [(a.text, a.country) for a in sides.sources.actors] == [("rebels", "SYR")]


def test_an_event_where_no_side_has_a_country_is_dropped(participants: Participants,
                                                         candidates: Candidates) -> None:
    [cand] = candidates("The rebels attacked the town.")
    assert participants.find(context("The rebels attacked the town."), cand, None, 0) is None
    assert participants.stats["dropped_unresolved"] == 1


def test_a_meeting_needs_two_sides(participants: Participants, candidates: Candidates) -> None:
    [cand] = candidates("Biden discussed how to end the war.")
    biden = Actor("Biden", name="Joe Biden", country="USA", id="person/usa/joe-biden")
    alone = Sides([], Resolved([biden], ["Biden"]), Resolved([], []))
    assert participants.one_sided(Coded("CONSULT", None, "040"), cand, alone)
    assert participants.stats["dropped_one_sided"] == 1
    met = Sides([], Resolved([biden], ["Biden"]), Resolved([BLINKEN], ["Blinken"]))
    assert not participants.one_sided(Coded("CONSULT", None, "040"), cand, met)


def test_a_pronoun_after_an_uncoded_sentence_is_the_one_person_it_named(participants: Participants,
                                                                         candidates: Candidates) -> None:
    [cand] = candidates("He criticized Washington for its stance.")
    text = "Turkish Defense Minister Hulusi Akar spoke on Monday. He criticized Washington for its stance."
    sides = participants.find(context(text), cand, dt.date(2020, 1, 1), 1)
    assert sides is not None and [a.name for a in sides.sources.actors] == ["Hulusi Akar"]
    assert sides.sources.pronoun and sides.sources.actors[0].text == "Hulusi Akar"
    # two people named just before: "he" is either, so nobody
    text = "Akar spoke with Mike Pompeo on Monday. He criticized Washington for its stance."
    assert participants.find(context(text), cand, dt.date(2020, 1, 1), 1) is None


def test_a_bare_title_is_the_last_person_named_with_it(participants: Participants, candidates: Candidates) -> None:
    text = "Turkish Defense Minister Hulusi Akar spoke on Monday. The minister accused the United States of lying."
    ctx = context(text)
    [first] = participants.kb.resolve_all(ctx.sentences[0].text, on=dt.date(2020, 1, 1), context=ctx.actors)
    assert first.name == "Hulusi Akar"
    [cand] = candidates("The minister accused the United States of lying.")
    sides = participants.find(ctx, cand, dt.date(2020, 1, 1), 1)
    assert sides is not None and [(a.name, a.country) for a in sides.sources.actors] == [("Hulusi Akar", "TUR")]
    # with nobody so titled before, the title stays a generic official (not the accused's country)
    sides = participants.find(context("The minister accused the United States of lying."), cand,
                              dt.date(2020, 1, 1), 0)
    assert sides is not None and [a.name for a in sides.sources.actors] != ["Hulusi Akar"]


def test_an_actor_the_knowledge_base_does_not_know_takes_the_sentences_one_country(
        participants: Participants, candidates: Candidates) -> None:
    text = "Historians criticized the Afghan government."
    [cand] = candidates(text)
    sides = participants.find(context(text), cand, dt.date(2024, 3, 1), 0)
    assert sides is not None and [a.text for a in sides.sources.actors] == ["Historians"]
    # the only country named is the recipient's: the unknown source may be of it (a fallback), never dropped
    assert sides.sources.actors[0].country == "AFG" and sides.sources.fallback


def test_coordinated_nationalities_are_one_group_per_country(participants: Participants,
                                                             candidates: Candidates) -> None:
    text = "Chinese and US officials met in Singapore on Monday."
    [cand] = candidates(text)
    sides = participants.find(context(text), cand, dt.date(2024, 3, 1), 0)
    assert sides is not None and sorted(a.country or "" for a in sides.sources.actors) == ["CHN", "USA"]


def test_coercion_with_no_agent_is_the_state_of_the_sentences_one_country(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Three journalists were detained in Istanbul on Monday, Turkish media reported.") == [
        ("COERCE", ["TUR"], ["TUR"])]
    assert ("COERCE", ["CHN"], ["CHN"]) in _coded(
        coder, "More than 1 million people have been confined in internment camps in Xinjiang.")
    # two countries named: whose state it was is not known
    assert not _coded(coder, "Journalists were detained in Turkey and Greece on Monday.")


def test_a_states_act_naming_no_country_is_the_documents_home_countrys(coder: Coder) -> None:
    from detente.records import Document

    text = ("The Taliban banned a book by an Afghan journalist. Afghan authorities detained two Afghan writers. "
            "Afghan police arrested three Afghan teachers. Her book was banned because a woman wrote it.")
    [(_, records)] = list(coder.code_documents([Document(id="afg", text=text, published=dt.date(2025, 3, 1))]))
    last = [m for m in records if m.sentence_index == 3]
    assert [(m.type, [a.country for a in m.source], [a.country for a in m.target]) for m in last] == [
        ("COERCE", ["AFG"], ["AFG"])]


# -- recipients and actors nobody named (issue 12) -------------------------------------------------------


def _coded(coder: Coder, text: str) -> list[tuple[int, str, list[str | None], list[str | None]]]:
    """(sentence, type, source countries, target countries) of each record of ``text`` coded as one document."""
    [(_doc, records)] = list(coder.code_documents([Document(id="t", text=text, published=dt.date(2024, 3, 1))]))
    return [(r.sentence_index, r.type, [a.country for a in r.source], [a.country for a in r.target])
            for r in records]


def test_an_agent_word_of_no_country_in_a_story_about_one_country_is_its(coder: Coder) -> None:
    text = ("Somalia's government declared a state of emergency. Somali officials said Somalia would fight on. "
            "Somalia's president visited Mogadishu. The army killed 30 militants near the town on Monday.")
    assert (3, "ASSAULT", ["SOM"], ["SOM"]) in _coded(coder, text)
    # people at large are nobody's organ: "residents" take no country from the story
    text = ("Somalia's government declared a state of emergency. Somali officials said Somalia would fight on. "
            "Somalia's president visited Mogadishu. Residents criticized the decision on Monday.")
    assert [r for r in _coded(coder, text) if r[0] == 3] == []


def test_an_agent_word_of_no_country_is_the_storys_when_the_sentence_names_it_among_others(coder: Coder) -> None:
    story = ("Somalia's government declared a state of emergency. Somali officials said Somalia would fight on. "
             "Somalia's president visited Mogadishu. ")
    # the sentence names Somalia and Kenya: the rebels of a Somali story are Somalia's
    text = story + "Rebels attacked three villages in Somalia near the Kenyan border on Monday."
    assert [(kind, sources) for i, kind, sources, _t in _coded(coder, text) if i == 3] == [("ASSAULT", ["SOM"])]
    # a sentence that names other countries only says nothing of whose they are
    text = story + "Rebels attacked three villages in Kenya near the Ethiopian border on Monday."
    assert [r for r in _coded(coder, text) if r[0] == 3] == []


def test_the_two_presidents_are_the_two_people_the_sentence_before_named(coder: Coder) -> None:
    # the story is about Turkey and the United States; the presidents are those just named
    text = ("Turkey and the United States argued over the missiles. Washington warned Ankara. Russian President "
            "Vladimir Putin is courting Turkish President Recep Tayyip Erdogan. The two presidents are cooperating "
            "closely in Syria.")
    [(_i, kind, sources, _t)] = [r for r in _coded(coder, text) if r[0] == 3]
    assert kind == "COOPERATE" and sorted(c for c in sources if c) == ["RUS", "TUR"]


def test_the_official_is_the_one_described_before(coder: Coder) -> None:
    text = "A senior State Department official met Turkish diplomats on Monday. " \
           "The official warned Ankara against activating the system."
    assert (1, "THREATEN", ["USA"], ["TUR"]) in _coded(coder, text)


_SOMALI_STORY = ("Somalia's government declared a state of emergency. Somali officials said Somalia would fight on. "
                 "Somalia's president visited Mogadishu. ")


def test_a_news_outlet_is_no_party_to_what_it_reports(coder: Coder) -> None:
    # "told Reuters" names a British outlet, not a British party: the gunmen of a Somali story are Somalia's
    text = _SOMALI_STORY + "Survivors told Reuters that gunmen attacked the village on Monday."
    [(kind, sources)] = [(kind, sources) for i, kind, sources, _t in _coded(coder, text) if i == 3]
    assert (kind, sources) == ("ASSAULT", ["SOM"])


def test_a_definite_noun_event_with_no_participant_is_the_event_reported_before(coder: Coder) -> None:
    text = "Rebels bombed a French army base in Mali on Tuesday. Relations between Mali and France were poor " \
           "when the bombing took place."
    first, again = [r for r in _coded(coder, text) if r[1] == "ASSAULT"]
    assert again[0] == 1 and again[2:] == first[2:] and "FRA" in again[3]
    # an indefinite noun is another event, and alone the bombing has nobody
    assert [r[0] for r in _coded(coder, text.replace("the bombing", "a bombing"))] == [0]
    assert _coded(coder, "Relations between Mali and France were poor when the bombing took place.") == []


def test_a_bare_title_is_the_one_an_uncoded_sentence_before_described(coder: Coder) -> None:
    # nothing is coded in the first sentence; "the ambassador" is still Kenya's, not the Sudan of its sentence
    text = "Kenya's ambassador to the United Nations, Tamsin Varleigh, spoke at the council on Monday. " \
           "The ambassador condemned the attacks by Sudan."
    assert _coded(coder, text) == [(1, "ACCUSE", ["KEN"], ["SDN"])]


def test_a_bare_noun_is_the_actor_last_described_with_it(coder: Coder) -> None:
    text = "Airstrikes of the Turkish air force hit Kurdish positions in Iraq on Monday. Iraqi officials said " \
           "the airstrikes killed three farmers."
    assert (1, "ASSAULT", ["TUR"], ["IRQ"]) in _coded(coder, text)


# -- actors the sentence leaves to its context (issue 12, item 4; session 9) -----------------------------------


def test_a_group_set_apart_from_the_country_in_context_takes_no_country(coder: Coder) -> None:
    # "other countries" are not the China the sentence names: nobody known made the accusation
    assert _coded(coder, "Other countries condemned China's missile tests on Monday.") == []
    # the knowledge base's own country still counts, and a portfolio is no contrast
    assert (0, "ACCUSE", ["JPN"], ["CHN"]) in _coded(coder, "Other Japanese officials condemned China's missile "
                                                            "tests on Monday.")
    assert (0, "ACCUSE", ["CHN"], ["USA"]) in _coded(coder, "The Chinese foreign minister condemned U.S. missile "
                                                            "tests on Monday.")


def test_the_group_is_the_body_named_just_before(coder: Coder) -> None:
    text = "Al-Shabab fighters attacked a Kenyan army base on Monday. The group accused Kenya of killing civilians."
    assert (1, "ACCUSE", ["SOM"], ["KEN"]) in _coded(coder, text)
    # a capitalized head is the body of the window whose name holds the word
    text = "The U.N. Security Council condemned North Korea's missile launch on Monday. The Council also " \
           "criticized Iran's missile tests."
    assert (1, "ACCUSE", ["IGO"], ["IRN"]) in _coded(coder, text)
    # three sentences on, "the group" may be anyone
    text = "Al-Shabab fighters attacked a Kenyan army base on Monday. It rained. Schools closed. The group " \
           "accused Kenya of killing civilians."
    assert all(r[0] != 3 or r[2] != ["SOM"] for r in _coded(coder, text))


def test_an_indefinite_subject_is_unnamed_people_of_no_country(coder: Coder) -> None:
    # "some" is people nobody named; the demand on a known Albanian is kept, the source given the sentence's country
    assert _coded(coder, "Some have called on Sali Berisha to resign.") == [(0, "REQUEST", ["ALB"], ["ALB"])]
    # an indefinite that is not the subject ("met some") is no actor
    assert [r for r in _coded(coder, "Berisha met some of them in Tirana on Monday.") if r[1] == "CONSULT"] == []


def test_one_person_a_story_about_one_country_singles_out_is_of_it(coder: Coder) -> None:
    for who in ("The businessman", "Ahmed, 34,"):
        text = _SOMALI_STORY + f"{who} accused the police of torture on Monday."
        assert [r for r in _coded(coder, text) if r[0] == 3] == [(3, "ACCUSE", ["SOM"], ["SOM"])]
    # people at large are not singled out: "residents" stay of no country
    text = _SOMALI_STORY + "Residents accused the police of torture on Monday."
    assert [r for r in _coded(coder, text) if r[0] == 3] == [(3, "ACCUSE", [None], ["SOM"])]


def test_the_press_a_speaker_tells_is_no_party_to_the_act(coder: Coder) -> None:
    # the addressee of the speaker of an act is its recipient ("told his French counterpart") ...
    assert _coded(coder, "Iran will never accept the demands, the Iranian foreign minister told his French "
                         "counterpart.") == [(0, "REJECT", ["IRN"], ["FRA"])]
    # ... but not the press it was said to: no recipient is better than the outlet's country
    for press in ("reporters", "Reuters"):
        assert _coded(coder, f"Iran will never accept the demands, the Iranian foreign minister told {press}.") \
            == [(0, "REJECT", ["IRN"], [])]
    # a survivor's account to VOA makes no American the victim of the shooting
    assert _coded(coder, "The attackers singled out the passengers, shooting many, a survivor told VOA.") == []


# -- acts whose doer the sentence does not name (issue 12, session 13) ------------------------------------------


def _at_home(text: str, home: str | None) -> DocumentContext:
    ctx = context(text)
    ctx.home = home
    return ctx


def test_a_killing_nobody_is_named_for_is_done_to_the_country_it_happened_in(participants: Participants,
                                                                             candidates: Candidates) -> None:
    # the noun names only those hit: no source, and they are of the story's country
    text = "The killing of peaceful demonstrators was a crime."
    [cand] = [c for c in candidates(text) if c.coded.type == "ASSAULT"]
    assert _agentless(cand)
    sides = participants.find(_at_home(text, "MMR"), cand, None, 0)
    assert sides is not None and not sides.sources.actors
    assert {a.country for a in sides.targets.actors} == {"MMR"}
    # with no story country and none in the sentence, nobody can say where: dropped
    assert participants.find(_at_home(text, None), cand, None, 0) is None


def test_a_killing_whose_doer_is_named_is_no_agentless_act(candidates: Candidates) -> None:
    # a possessor or a "by" agent names the doer; a verbal act is not a material one
    for text in ("The army's killing of peaceful demonstrators was a crime.",
                 "The killing of peaceful demonstrators by the army was a crime."):
        assert not any(_agentless(c) for c in candidates(text) if c.coded.type == "ASSAULT"), text
    assert not any(_agentless(c) for c in candidates("The condemnation of the demonstrators was a mistake."))


def test_a_named_sea_or_strait_is_no_party(nlp) -> None:
    """A strait or sea the gazetteer holds with no country is where an act happened, never whom it was against,
    though its name holds a country's; a country's own name is still a party."""
    from detente.coding.participants import open_water
    from detente.coding.spans import make_arg

    strait = nlp("They crossed the Taiwan Strait.")
    assert open_water(make_arg(strait[4], "dobj"))
    sea = nlp("They patrolled the South China Sea.")
    assert open_water(make_arg(sea[5], "dobj"))
    country = nlp("They visited Taiwan.")
    assert not open_water(make_arg(country[2], "dobj"))


# -- a person pronoun with no antecedent of a country (issue 12, session 15) -------------------------------------

_UNKNOWN_SPEAKER = "Rain fell in the capital on Sunday. Mr Zorbanu spoke on Monday. "


def test_a_pronoun_for_someone_the_knowledge_base_does_not_know_is_a_person_of_the_storys_home(coder: Coder) -> None:
    # "Mr Zorbanu" is nobody the knowledge base knows: "he" reaches no actor of a country, and the story is Somalia's
    text = _SOMALI_STORY + _UNKNOWN_SPEAKER + "He accused the police of torture."
    assert (5, "ACCUSE", ["SOM"], ["SOM"]) in _coded(coder, text)


def test_a_pronoun_with_no_antecedent_in_a_sentence_naming_another_country_stays_unknown(coder: Coder) -> None:
    # the sentence names Kenya besides the home: whose "he" is, the story does not say
    text = _SOMALI_STORY + _UNKNOWN_SPEAKER + "He accused Kenya of torture."
    assert [r for r in _coded(coder, text) if r[0] == 5] == []


def test_a_bare_ban_the_story_settled_hits_whom_that_ban_hit(coder: Coder) -> None:
    text = ("Iran banned the entry of refugees from Iraq on Monday. "
            "The lawmakers said the new ban signed by President Hassan Rouhani on Monday was lawful.")
    assert (1, "SANCTION", ["IRN"], [None, "IRQ"]) in _coded(coder, text)


def test_a_bare_ban_with_no_earlier_reading_takes_no_sides_from_the_story(coder: Coder) -> None:
    text = ("Iraq sent refugees to Iran on Monday. "
            "The lawmakers said the new ban signed by President Hassan Rouhani on Monday was lawful.")
    assert not any(i == 1 and kind == "SANCTION" for i, kind, _s, _t in _coded(coder, text))


def test_a_measure_noun_that_does_not_refer_back_takes_no_sides_from_the_story(coder: Coder) -> None:
    text = ("Iran banned the entry of refugees from Iraq on Monday. "
            "The lawmakers said bans signed by President Hassan Rouhani were lawful.")
    assert not any(i == 1 and kind == "SANCTION" for i, kind, _s, _t in _coded(coder, text))


# -- the quote's speaker for a first-person doer (issue 12, session 16) ------------------------------------------


def test_a_we_in_a_quote_run_on_from_the_sentence_before_is_its_speaker_whatever_the_act(coder: Coder) -> None:
    # SUPPORT is no speech act: the speaker stood for "we" only in a statement, demand or threat before
    text = ('"The talks went well," Blinken said on Monday. '
            '"We strongly support the government of Ukraine in its struggle."')
    assert (1, "SUPPORT", ["USA"], ["UKR"]) in _coded(coder, text)


def test_a_we_in_a_quote_nobody_is_said_to_speak_stays_unknown(coder: Coder) -> None:
    text = 'Rain fell in the capital on Monday. "We strongly support the government of Ukraine in its struggle."'
    assert not any(i == 1 and s for i, _kind, s, _t in _coded(coder, text))


def test_people_of_no_country_a_state_coerces_are_its_own(coder: Coder) -> None:
    # the sentence names two countries, so neither is "the sentence's one country"
    text = "Pakistani police arrested 24 militants accused of an attack on India's parliament."
    assert (0, "COERCE", ["PAK"], ["PAK"]) in _coded(coder, text)


def test_people_a_state_coerces_keep_a_country_of_their_own(coder: Coder) -> None:
    text = "Pakistani police arrested 24 Indian fishermen near the border on Monday."
    assert (0, "COERCE", ["PAK"], ["IND"]) in _coded(coder, text)


# -- a quote's "we" that nobody is named as saying, in a story about one country (issue 12, session 17) -----------


def test_a_we_nobody_is_said_to_speak_in_a_story_about_one_country_is_of_it(coder: Coder) -> None:
    # a firm or union the knowledge base does not know speaks in the quote: the story is Somalia's
    text = _SOMALI_STORY + 'Rain fell on Monday. "At no time did we ask the government for any grant."'
    assert any(i == 4 and kind == "REQUEST" and s == ["SOM"] for i, kind, s, _t in _coded(coder, text))


def test_a_we_nobody_is_said_to_speak_in_a_sentence_naming_another_country_stays_unknown(coder: Coder) -> None:
    text = _SOMALI_STORY + 'Rain fell on Monday. "At no time did we ask Kenya for any grant."'
    assert not any(i == 4 and s for i, _kind, s, _t in _coded(coder, text))


def test_a_we_placed_by_the_home_is_no_antecedent_for_later_references(participants: Participants) -> None:
    ctx = context("We asked for help. It agreed.")
    we = Actor("we", name=None, country="SOM", sector=None)
    participants.remember(ctx, Sides([], Resolved([we], ["we"], fallback=True), Resolved([], [])), 0)
    assert ctx.mentioned == []
    participants.remember(ctx, Sides([], Resolved([BLINKEN], ["Blinken"]), Resolved([], [])), 0)
    assert [m.actor for m in ctx.mentioned] == [BLINKEN]
