"""Deciding between a sentence's events (coding/decision.py): the content of a demand, a threat or an allegation,
an act a judgement word qualifies, one act told twice, and background beside the main act are no events of their
own. Each sentence is coded with the extra event when the rules are off (checked), so every test fails if its
rule stops working. Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from spacy.language import Language

from detente.coding import Coder, decision
from detente.coding import coder as coder_module
from detente.coding.candidates import Candidate, extract
from detente.coding.compose import load_composer
from detente.coding.decision import content_of, decide, load_decision
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.records import Mention

# These tests test the decision between the rules' events: the learned check stays off.
pytestmark = pytest.mark.usefixtures("rules_alone")


def _types(coder: Coder, text: str) -> list[str]:
    return sorted(m.type for m in coder.code_text(text))


def _types_undecided(coder: Coder, text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the sentence gives with every record kept: the extra event must be there for the test to mean much."""
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: [rec for _, rec in pairs])
        return _types(coder, text)


CASES = [
    # content: the object of a deontic verb, an accusation's alleged acts (coordinated)
    ("content", "A Lithuanian lawmaker said the European Union should use sanctions against Chinese officials.",
     "REQUEST", "SANCTION"),
    ("content", "Kenya accused the militants of killing, kidnapping and looting civilians in Somalia.",
     "ACCUSE", "ASSAULT"),
    # judged: a judgement word on the act makes the speaker's accusation, not a second event
    ("judged", "Britain said Iran was flagrantly defying the International Atomic Energy Agency.",
     "ACCUSE", "REJECT"),
    # restated: coordinated material acts of one quad class by one actor are one act
    ("restated", "A Turkish court sentenced the Kurdish politician to four years in prison and banned him from "
     "politics.", "COERCE", "SANCTION"),
    # background: a relative clause's act beside the main act of the same actor
    ("background", "Bolivian opposition leader Carlos Mesa, who resigned as president in 2005, rejected the charges "
     "on Monday.", "REJECT", "RETREAT"),  # a resignation is RETREAT resign (PLOVER manual; session 15)
]


@pytest.mark.parametrize(("rule", "text", "kept", "dropped"), CASES)
def test_the_extra_event_is_dropped_and_the_main_one_kept(coder: Coder, monkeypatch: pytest.MonkeyPatch,
                                                         rule: str, text: str, kept: str, dropped: str) -> None:
    assert {kept, dropped} <= set(_types_undecided(coder, text, monkeypatch))  # the rules alone code both
    assert _types(coder, text) == [kept]


@pytest.mark.parametrize(("rule", "text", "kept", "dropped"), CASES)
def test_each_rule_alone_does_its_own_case(coder: Coder, monkeypatch: pytest.MonkeyPatch,
                                           rule: str, text: str, kept: str, dropped: str) -> None:
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: decision.decide(pairs, (rule,)))
        assert _types(coder, text) == [kept]


KEPT = [
    # two acts of two quad classes by one actor stay two
    ("Vietnam condemned the Chinese blockade and sent coast guard ships to the Spratly Islands.",),
    # a verbal act and a meeting are two acts ("met and signed a declaration": signing is SUPPORT)
    ("Vietnamese and Philippine officials met in Hanoi and signed a declaration on maritime cooperation.",),
    # an act under "as" beside a warning is an act of its own, not the warning's content
    ("The United States warned that it will keep up pressure on Iran, as Tehran rejected its offer of talks.",),
    # a meeting that says when a demand was made ("after", "during" on the demand's verb) is no content of it
    ("The Philippine president, after a meeting last week with Japanese officials, told his ministers to draft "
     "new rules on fishing.",),
    ("After talks with Japanese officials, the Philippine president urged Vietnam to stop fishing near the "
     "islands.",),
]


@pytest.mark.parametrize("text", [k[0] for k in KEPT])
def test_two_acts_really_there_stay_two(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    undecided = _types_undecided(coder, text, monkeypatch)
    assert len(undecided) >= 2
    assert _types(coder, text) == undecided


def test_content_is_reached_down_complement_links_only(nlp: Language) -> None:
    lexicon, composer, cues = load_lexicon(), load_composer(), load_cues()
    sent = nlp("Japan urged Russia to end its attacks on Ukrainian cities and impose a ceasefire.")[:]
    cands = extract(sent, lexicon, composer, cues)
    demand = next(c for c in cands if c.coded.type == "REQUEST")
    words = {t.text: t for t in sent}
    assert content_of(words["impose"], demand)  # coordinated inside what is asked
    assert not content_of(words["Japan"], demand)  # the asker is no content
    assert not content_of(demand.token, demand)


def test_a_circumstance_of_the_alleged_act_is_still_content(nlp: Language) -> None:
    # "after" on the alleged act, not on the verb of alleging: the meetings are part of what is alleged
    lexicon, composer, cues = load_lexicon(), load_composer(), load_cues()
    sent = nlp("Saudi officials allege the deal was made after two secret meetings with Iranian officials.")[:]
    allegation = next(c for c in extract(sent, lexicon, composer, cues) if c.coded.type == "ACCUSE")
    assert content_of(next(t for t in sent if t.text == "meetings"), allegation)


def test_the_table_names_verbal_acts() -> None:
    assert load_decision().content_types == frozenset({"REQUEST", "THREATEN", "ACCUSE"})
    assert "warn" in load_decision().warning_verbs


def test_no_pairs_no_records() -> None:
    assert decide([]) == []


def _restated_pairs(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Candidate, Mention]]:
    """The two readings of one measure told twice, as the coder hands them to ``decide``."""
    text = next(text for rule, text, _, _ in CASES if rule == "restated")
    pairs = [(c, r) for c, r in _pairs_of(coder, monkeypatch, text) if r.type in ("COERCE", "SANCTION")]
    assert len(pairs) == 2
    return sorted(pairs, key=lambda p: p[0].token.i)


@pytest.mark.parametrize(("first", "second", "kept"), [(0.6, 0.6, 0), (0.5, 0.7, 1), (0.7, 0.5, 0)])
def test_restated_keeps_the_more_confident_reading_and_of_equals_the_first(
        coder: Coder, monkeypatch: pytest.MonkeyPatch, first: float, second: float, kept: int) -> None:
    (c1, r1), (c2, r2) = _restated_pairs(coder, monkeypatch)
    pairs = [(c1, replace(r1, confidence=first)), (c2, replace(r2, confidence=second))]
    out = decide(pairs, ("restated",))
    assert out == [pairs[kept][1]]  # one of the two stands, never both dropped


FORECASTS = [
    # a possibility named by a noun, nobody threatened
    "German officials warned on Monday of a possible resurgence of the militia in the region.",
    # another party's possible act, another party's act, an advice, a judgement
    "The French minister has warned that other member states could decide to leave the bloc.",
    "The Pakistani government warned that militants were planning attacks in Balochistan.",
    "Officials in Kenya warned residents to stay away from the border with Somalia.",
    "Human Rights Watch warned that the new law threatens press freedom in Hong Kong.",
    # (what a thing will do is no act of a party: since session 15 `threats.forewarns` drops that warning before
    # the decision sees it; tests/coding/test_threats.py tests it there)
]


@pytest.mark.parametrize("text", FORECASTS)
def test_a_warning_of_what_others_may_do_is_a_forecast(coder: Coder, monkeypatch: pytest.MonkeyPatch,
                                                        text: str) -> None:
    assert "THREATEN" in _types_undecided(coder, text, monkeypatch)
    assert "THREATEN" not in _types(coder, text)
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: decision.decide(pairs, ("forecast",)))
        assert "THREATEN" not in _types(coder, text)


@pytest.mark.parametrize("text", [
    # the speaker's own coming act, possible or certain
    "China warned it would take strong countermeasures against Japan.",
    "Ankara is warning it could turn to Russian fighter jets as an alternative.",
    # a condition
    "Turkey warned that the deal would collapse if Washington imposed sanctions on Ankara.",
    # an act of the speaker's side that will come
    "Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya group.",
    # consequences named
    "Ankara warned Washington of severe consequences.",
    # an act to come, with "will": a warning of what the speaker's side will do
    "The Pakistani army warned that the attackers will not be spared.",
])
def test_a_warning_of_the_speakers_own_act_stays_a_threat(coder: Coder, text: str) -> None:
    assert "THREATEN" in _types(coder, text)


@pytest.mark.parametrize("text", [
    # a letter that carries its sender's demand: one REQUEST, not also talks
    "Eight U.S. senators sent a letter to Secretary of State Marco Rubio on Monday, urging him to impose sanctions "
    "on Iran.",
    "The Japanese prime minister sent a letter to the Chinese president and urged Beijing to release the detained "
    "citizens.",
])
def test_a_letter_that_carries_a_demand_is_no_consult(coder: Coder, monkeypatch: pytest.MonkeyPatch,
                                                      text: str) -> None:
    assert "CONSULT" in _types_undecided(coder, text, monkeypatch)
    assert _types(coder, text) == ["REQUEST"]
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: decision.decide(pairs, ("carrier",)))
        assert "CONSULT" not in _types(coder, text)


def test_a_letter_with_no_act_beside_it_stays_a_consult(coder: Coder) -> None:
    assert _types(coder, "The Indian prime minister sent a letter to the Chinese president on Monday.") == ["CONSULT"]


def test_a_companys_own_pledge_is_no_agree(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Spanish energy company Iberdrola pledged to become carbon neutral by 2050."
    assert "AGREE" in _types_undecided(coder, text, monkeypatch)
    assert _types(coder, text) == []
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: decision.decide(pairs, ("business",)))
        assert _types(coder, text) == []


def test_a_companys_own_investment_at_home_is_no_cooperate(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Spanish energy company Iberdrola invested in new wind farms in Spain last year."
    assert "COOPERATE" in _types_undecided(coder, text, monkeypatch)
    assert _types(coder, text) == []
    # an investment in another country is cooperation with it
    assert _types(coder, "The Spanish energy company Iberdrola invested in wind farms in Mexico.") == ["COOPERATE"]


def test_an_ngos_own_work_is_no_cooperate(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Human Rights Watch worked with the archaeologists on the excavation."
    assert "COOPERATE" in _types_undecided(coder, text, monkeypatch)
    assert _types(coder, text) == []
    # work with a party of another country stays cooperation
    assert _types(coder, "The charity Oxfam worked with local farmers in Kenya.") == ["COOPERATE"]


@pytest.mark.parametrize("text", [
    # a company's deal with another country's government, and a state's pledge, stay
    "The Chinese company Huawei signed a deal with the Kenyan government to build a network.",
    "Japan pledged to become carbon neutral by 2050.",
])
def test_a_pledge_with_a_party_stays_an_agree(coder: Coder, text: str) -> None:
    assert "AGREE" in _types(coder, text)


@pytest.mark.parametrize("text", [
    # talks with the public, the press or experts are no consultation between parties
    "The Ugandan opposition leader Bobi Wine has trouble talking to voters in Kampala.",
    "The Kenyan president met with residents of the flooded villages on Monday.",
    # an interview with a news outlet the knowledge base knows
    "Speaking to CNN on Monday, the Kenyan president said the election was fair.",
])
def test_talks_with_the_public_are_no_consult(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert "CONSULT" in _types_undecided(coder, text, monkeypatch)
    assert "CONSULT" not in _types(coder, text)
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: decision.decide(pairs, ("public",)))
        assert "CONSULT" not in _types(coder, text)


def test_talks_with_a_partys_leaders_stay_a_consult(coder: Coder) -> None:
    assert "CONSULT" in _types(coder, "The Kenyan president met with opposition leaders in Nairobi on Monday.")


def test_a_visit_to_a_news_outlet_and_talks_with_people_of_the_trade_stay_a_consult(coder: Coder) -> None:
    """Only talks with an outlet named as such are an interview: publishers named by a noun are people the
    story's act concerns ("in a meeting with publishers, the Taliban said ...")."""
    assert "CONSULT" in _types(coder, "The Afghan minister met with Afghan publishers in Kabul on Monday.")


# A deed an accusation names by a noun is an event of its own (session 12); the accusation's verbs are still its
# content (the "content" case above), and so is what a demand asks for.
DEEDS = [
    ("Germany sharply rebuked Russia over the bombings of Ukrainian villages on Tuesday.", "ASSAULT"),
    ("France criticized Belgium over the arrests of French journalists in Brussels.", "COERCE"),
]


@pytest.mark.parametrize(("text", "deed"), DEEDS)
def test_a_deed_an_accusation_names_by_a_noun_stays(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str,
                                                    deed: str) -> None:
    assert _types(coder, text) == sorted(["ACCUSE", deed])
    spared = replace(load_decision(), deed_types=frozenset())
    with monkeypatch.context() as m:
        m.setattr(decision, "load_decision", lambda: spared)
        assert _types(coder, text) == ["ACCUSE"]  # without the exemption the content rule drops the deed


def test_a_deed_a_demand_asks_to_end_is_still_content(coder: Coder) -> None:
    assert _types(coder, "Vietnam urged China to end the blockade of its fishing boats.") == ["REQUEST"]


def test_the_deed_types_are_material_conflict() -> None:
    from detente.ontology import ONTOLOGY

    conf = load_decision()
    assert conf.deed_accusations <= conf.content_types
    assert all(ONTOLOGY.type_quads[t] == 4 for t in conf.deed_types)


# An act in a "to" infinitive of purpose on the main act's verb is a second act, not background (session 12).
PURPOSES = [
    ("The Kenyan foreign minister met Somali President Hassan Sheikh Mohamud in Mogadishu on Monday to offer him "
     "military aid.", ["AID", "CONSULT"]),
    ("Prime Minister Narendra Modi signed eight pacts with Mauritius to boost cooperation in maritime security.",
     ["AGREE", "SUPPORT"]),
]


@pytest.mark.parametrize(("text", "types"), PURPOSES)
def test_an_act_of_purpose_beside_the_main_act_stays(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str,
                                                     types: list[str]) -> None:
    assert _types(coder, text) == types
    with monkeypatch.context() as m:
        m.setattr(decision, "_purpose_of", lambda cand, main: False)
        assert len(_types(coder, text)) == 1  # without the exemption it is background to the main act


def test_a_deed_a_judgement_word_qualifies_stays(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Ottawa's unjust detention of Chinese citizens is an example of how Canada uses vague laws to suppress "
            "dissent, the Chinese spokesperson said.")
    assert _types(coder, text) == ["ACCUSE", "COERCE"]
    spared = replace(load_decision(), deed_types=frozenset())
    with monkeypatch.context() as m:
        m.setattr(decision, "load_decision", lambda: spared)
        assert _types(coder, text) == ["ACCUSE"]  # without the exemption the judged rule leaves it to the accusation


def _pairs_of(coder: Coder, monkeypatch: pytest.MonkeyPatch, text: str) -> list[tuple[Candidate, Mention]]:
    """A sentence's candidates and records as the coder hands them to ``decide``."""
    seen: list[tuple[Candidate, Mention]] = []

    def record(pairs: Sequence[tuple[Candidate, Mention]]) -> list[Mention]:
        seen.extend(pairs)
        return [rec for _, rec in pairs]

    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", record)
        coder.code_text(text)
    return seen


def test_two_rules_never_drop_each_others_event(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    """``judged`` drops the demand a judgement word qualifies; ``background`` would drop that judgement (a
    modifier, below the main clause) beside the more confident demand by the same actor. Compared only with the
    events the other rules keep, background keeps it: the sentence is never left with nothing."""
    pairs = _pairs_of(coder, monkeypatch, "China said the United States made unreasonable demands on Beijing.")
    accuse = next((c, r) for c, r in pairs if r.type == "ACCUSE")
    demand = next((c, r) for c, r in pairs if r.type == "REQUEST")
    assert accuse[0].prominence < 1.0 <= demand[0].prominence
    # the same actor for both, the demand more confident: each rule alone drops one of the two
    made = [(accuse[0], replace(accuse[1], source=demand[1].source, confidence=0.4)),
            (demand[0], replace(demand[1], confidence=0.6))]
    assert decide(made, ("judged",)) == [made[0][1]]
    assert decide(made, ("background",)) == [made[1][1]]
    assert decide(made) == [made[0][1]]
    assert decide(made, ("background", "judged")) == [made[0][1]]  # whatever order the rules are named in



def test_a_subordinate_act_of_other_named_parties_is_no_background(coder: Coder,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # session 12: the clause "after residents were displaced by fighting ..." has a subject of its own, not the
    # officials who urge: the fighting is another party's act told as a fact, though both are Sudan's
    text = ("Sudanese officials are urging residents to return to their homes after thousands of residents were "
            "displaced by fighting between rebels and Sudanese troops.")
    assert _types(coder, text) == ["ASSAULT", "REQUEST"]
    with monkeypatch.context() as m:
        m.setattr(decision, "_named_apart", lambda cand, main: False)
        assert _types(coder, text) == ["REQUEST"]  # without it the fighting is background to the demand
    # a relative pronoun is the same actor: still background
    assert _types(coder, CASES[-1][1]) == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Forty French senators wrote a letter to the German chancellor saying they believed the ruling was an error.",
    "\"The deal is a betrayal of our workers,\" the Polish unions wrote in the letter to the European Commission.",
    "\"Those who back the deal have learned all the wrong lessons,\" the Polish unions wrote in the letter to the "
    "European Commission.",
])
def test_a_letter_whose_words_are_given_is_no_consult(coder: Coder, monkeypatch: pytest.MonkeyPatch,
                                                      text: str) -> None:
    assert "CONSULT" in _types_undecided(coder, text, monkeypatch)
    with monkeypatch.context() as m:
        m.setattr(coder_module, "decide", lambda pairs: decision.decide(pairs, ("carrier",)))
        assert "CONSULT" not in _types(coder, text)


def test_a_letter_someone_says_they_wrote_stays_a_consult(coder: Coder) -> None:
    assert "CONSULT" in _types(coder, "The Polish prime minister said he wrote a letter to the German chancellor on "
                                      "Monday.")


def test_a_rally_where_someone_speaks_is_no_protest(coder: Coder) -> None:
    assert "PROTEST" not in _types(coder, "Speaking at a rally in Paris on Sunday, Macron accused Russia of meddling.")
    assert "PROTEST" not in _types(coder, "Trump said during a rally in Michigan that he would talk to China.")


def test_a_rally_held_is_a_protest(coder: Coder) -> None:
    assert _types(coder, "Thousands of students held a rally in Paris on Sunday.") == ["PROTEST"]
