"""Trigger finding: which words of a parsed sentence report an event, in which sense, anchored where."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.coding.lexicon import load_lexicon
from detente.coding.triggers import Trigger, find_triggers
from tests.coding.conftest import Find


def only(found: list[Trigger], word: str) -> Trigger:
    hits = [m for m in found if m.token.text == word]
    assert len(hits) == 1, [(m.token.text, m.sense.type) for m in found]
    return hits[0]


def none_of(find: Find, type_: str, texts: tuple[str, ...]) -> None:
    """No trigger in any of ``texts`` reads ``type_`` (the failing sentence is named)."""
    for text in texts:
        assert not [m for m in find(text) if m.sense.type == type_], text


def test_a_verb_is_its_own_anchor(find: Find) -> None:
    met = only(find("Japanese Prime Minister Fumio Kishida met Joe Biden at the White House."), "met")
    assert met.sense.type == "CONSULT" and met.anchor == met.token and not met.nominal


def test_meeting_a_goal_is_no_meeting(find: Find) -> None:
    """"meet" as a meeting needs a participant for its object."""
    assert not [m for m in find("The company met its sales goal.") if m.sense.type == "CONSULT"]


def test_a_light_verb_anchors_its_noun_event(find: Find) -> None:
    talks = only(find("The two sides held talks in Geneva."), "talks")
    assert talks.sense.type == "CONSULT"
    assert talks.anchor.text == "held" and not talks.nominal
    assert talks.text == "held talks"


def test_a_noun_event_without_a_light_verb_stands_alone(find: Find) -> None:
    visit = only(find("Blinken's visit to Beijing was his first in five years."), "visit")
    assert visit.sense.type == "CONSULT" and visit.sense.mode == "visit"
    assert visit.nominal and visit.anchor == visit.token


def test_the_object_of_a_trigger_verb_is_left_to_that_verb(find: Find) -> None:
    found = find("The United States lifted sanctions on Iran.")
    lifted = only(found, "lifted")
    assert lifted.sense.type == "RETREAT" and lifted.sense.mode == "ease"
    sanctions = only(found, "sanctions")
    assert sanctions.owner == lifted.token


def test_triggers_come_in_token_order(find: Find) -> None:
    found = find("Biden met Xi and the two leaders held talks.")
    assert [m.token.i for m in found] == sorted(m.token.i for m in found)
    assert {"met", "talks"} <= {m.token.text for m in found}


def test_a_name_is_not_an_act(coder: Coder) -> None:
    records = coder.code_text("The U.S. Mission to the United Nations said Iran was enriching uranium.",
                              on=dt.date(2024, 11, 20))
    assert "CONSULT" not in {r.type for r in records}


def test_congratulations_sent_are_endorsement_and_plain_letters_talks(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    text = "On New Year's Day, Xi and Biden exchanged congratulatory letters on the anniversary of relations."
    assert _coded(coder, text) == [("SUPPORT", ["CHN", "USA"], [])]
    assert _coded(coder, "Xi sent a congratulatory message to Biden on Monday.") == [("SUPPORT", ["CHN"], ["USA"])]
    assert _coded(coder, "Xi sent a letter to Biden on Monday.") == [("CONSULT", ["CHN"], ["USA"])]


def test_testing_a_weapon_or_radar_system_is_a_weapons_show(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    text = "Turkish media report Ankara testing a Russian anti-aircraft weapon system."
    assert [c[:2] for c in _coded(coder, text)] == [("MOBILIZE", ["TUR"])]
    assert _coded(coder, "North Korea tested a new radar system on Monday.") == [("MOBILIZE", ["PRK"], [])]
    assert _coded(coder, "Iran tested its banking system.") == []


def test_a_buyers_purchase_is_an_exchange_with_the_seller(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Ankara's purchase of the S-400 system from Russia angered Washington.")[0] == \
        ("COOPERATE", ["TUR"], ["RUS"])
    # nobody's purchase is nobody's event
    assert not [c for c in _coded(coder, "The purchase of the jets was delayed.") if c[0] == "COOPERATE"]


def test_a_verdict_is_a_sanction_and_a_travel_bar_too(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "A Bosnian court sentenced Dodik to one year in prison.")[0][0] == "SANCTION"
    assert _coded(coder, "The United States barred three Albanian officials from entering the United States.") == [
        ("SANCTION", ["USA"], ["ALB"])]
    # barring people from their own public life stays coercion
    assert _coded(coder, "The Taliban barred Afghan women from education.")[0][0] == "COERCE"


def test_criticism_railed_or_levelled_and_a_claim_called_baseless(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Hungarian Prime Minister Viktor Orban has long railed against the European Union.") == [
        ("ACCUSE", ["HUN"], ["IGO"])]
    assert [c[:2] for c in _coded(coder, "Barnier has leveled a string of criticisms at the EU.")] == [
        ("ACCUSE", ["FRA"])]
    text = "Afghanistan's Ministry of Foreign Affairs called Pakistan's assertions \"baseless\" on Thursday."
    assert [c[:2] for c in _coded(coder, text)] == [("REJECT", ["AFG"])]


def test_a_preposition_of_a_date_is_no_particle(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert not [c for c in _coded(coder, "Biden called Xi on Tuesday.") if c[0] == "REQUEST"]
    assert _coded(coder, "Biden called on Xi on Tuesday to release the activists.") == [("REQUEST", ["USA"], ["CHN"])]


def test_a_letter_commemorating_an_anniversary_is_endorsement(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    text = "U.S. President Joe Biden commemorated the anniversary in a letter to President Xi Jinping."
    assert _coded(coder, text) == [("SUPPORT", ["USA"], ["CHN"])]


def test_a_noun_event_naming_both_its_sides_needs_no_verb(find: Find) -> None:
    """An agreement noun is no event alone ("the arrangement expired"), unless its own phrase names both sides."""
    both = only(find("The Japanese-South Korean arrangement expired in May."), "arrangement")
    assert both.nominal and both.sides_named and both.sense.type == "AGREE"
    assert only(find("The U.S.-India trade deal survived the election."), "deal").sides_named  # one token, two names
    assert only(find("The pact between Egypt and Sudan took effect in March."), "pact").sides_named
    # a possessor is one side only, and a name inside another name's phrase is no second side
    assert not only(find("Egypt's arrangement expired in May."), "arrangement").sides_named
    assert not only(find("Egypt-Sudan exchanges resumed in March."), "exchanges").sides_named


def test_a_noun_event_naming_both_sides_is_coded_end_to_end(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "The pact between Egypt and Sudan took effect in March.") == [("AGREE", ["EGY", "SDN"], [])]
    assert not _coded(coder, "Egypt's arrangement with the firm expired in May.")


# ---- senses decided by the argument's class (nounclass.py, data/noun_classes.txt)

def types_of(found: list[Trigger], word: str) -> list[str]:
    return [m.sense.type for m in found if m.token.text == word]


def test_attacking_words_or_ideas_is_criticism_not_assault(find: Find) -> None:
    assert types_of(find("The senator attacked the government's policy on Monday."), "attacked") == ["ACCUSE"]
    assert types_of(find("The opposition leader attacked his remarks as reckless."), "attacked") == ["ACCUSE"]
    assert types_of(find("Gunmen attacked the village on Monday."), "attacked") == ["ASSAULT"]
    assert types_of(find("Gunmen attacked a police convoy near the border."), "attacked") == ["ASSAULT"]


def test_a_noun_attack_on_words_or_ideas_is_no_assault(find: Find) -> None:
    assert types_of(find("Chinese state media launched a fierce attack on the new policy."), "attack") == []
    assert types_of(find("Rebels launched an attack on the village."), "attack") == ["ASSAULT"]


def test_an_amount_is_hit_by_no_one(find: Find) -> None:
    assert types_of(find("Exports to the region hit $4 billion last year."), "hit") == []
    assert types_of(find("Inflation hit 9 percent in March."), "hit") == []
    # a count of things hit is looked through ("hundreds of targets")
    assert types_of(find("Israeli jets hit hundreds of targets in Gaza."), "hit") == ["ASSAULT"]


def test_killing_a_bill_is_no_assault_but_killing_people_is(find: Find) -> None:
    assert types_of(find("Senate Republicans killed the proposal on Tuesday."), "killed") == []
    assert types_of(find("The gunmen killed 25 villagers on Tuesday."), "killed") == ["ASSAULT"]
    assert types_of(find("The gunmen killed 25 on Tuesday."), "killed") == ["ASSAULT"]  # a number counts people


def test_what_is_left_decides_retreat_sanction_or_nothing(find: Find) -> None:
    troops = only(find("Russian troops withdrew from the city of Kherson."), "withdrew")
    assert (troops.sense.type, troops.sense.mode) == ("RETREAT", "withdraw")
    treaty = only(find("Russia withdrew from the arms treaty in 2023."), "withdrew")
    assert (treaty.sense.type, treaty.sense.mode, treaty.sense.cameo) == ("SANCTION", "withdraw", "160")
    out_of = only(find("The United States pulled out of the climate agreement."), "pulled")
    assert out_of.sense.type == "SANCTION"
    assert types_of(find("The former premier retreated from leading roles in 2013."), "retreated") == []


def test_a_stranded_preposition_leaves_the_noun_its_clause_hangs_on(find: Find) -> None:
    found = find("Britain remains a party to the nuclear accord, which the previous administration pulled out of.")
    assert types_of(found, "pulled") == ["SANCTION"]
    found = find("The town, which the rebels pulled out of last week, was quiet.")
    assert types_of(found, "pulled") == ["RETREAT"]


def test_a_noun_of_leaving_is_typed_by_its_frame(find: Find) -> None:
    assert types_of(find("Washington announced its withdrawal from the Paris agreement."), "withdrawal") == \
        ["SANCTION"]
    assert types_of(find("The withdrawal of troops from the border began on Monday."), "withdrawal") == ["RETREAT"]
    assert types_of(find("Allies fear a retreat of the United States from its commitments."), "retreat") == []


def test_a_noun_event_naming_its_owner_and_its_recipient_is_an_event(find: Find) -> None:
    aid = only(find("Germany's aid to Ukraine rose last year."), "aid")
    assert aid.sense.type == "AID" and aid.nominal and aid.sides_named
    coop = only(find("India's naval cooperation with Mauritius deepened."), "cooperation")
    assert coop.sides_named
    # one side alone is still no event
    assert not only(find("Egypt's arrangement expired last year."), "arrangement").sides_named
    assert not only(find("The aid to Ukraine rose last year."), "aid").sides_named


def test_a_measure_on_trade_is_a_sanction_only_against_someone(find: Find) -> None:
    # the party hit is named in the object, its frame or the verb's recipient phrase
    assert types_of(find("The United States banned imports from Iran."), "banned") == ["SANCTION"]
    assert types_of(find("Beijing banned Japanese seafood imports after the release."), "banned") == ["SANCTION"]
    assert types_of(find("The EU halted shipments of arms to Russia."), "halted") == ["SANCTION"]
    assert types_of(find("Washington restricted the sale of advanced chips to China."), "restricted") == ["SANCTION"]
    # a rule at home hits nobody: no sanction, and no default meaning of the verb either
    assert types_of(find("Indonesia banned the sale of dog meat in 2017."), "banned") == []
    assert types_of(find("India banned exports of wheat in May."), "banned") == []
    # a place the ban holds in is no party
    assert types_of(find("The governor moved to ban the sale of fireworks in Jakarta."), "ban") == []


def test_a_measure_on_trade_end_to_end(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Russia banned the import of Polish apples.") == [("SANCTION", ["RUS"], ["POL"])]
    assert _coded(coder, "Thailand banned the sale of e-cigarettes last year.") == []


def test_a_count_of_attacks_over_a_period_is_no_event(find: Find) -> None:
    assert types_of(find("The insurgents launched 312 attacks in 2023."), "attacks") == []
    assert types_of(find("The group claimed several deadly attacks on police posts last year."), "attacks") == []
    assert types_of(find("Rebels carried out dozens of attacks on army convoys."), "attacks") == []
    # a count on a named day is one operation; a single attack is an attack
    assert types_of(find("Israeli jets carried out 20 airstrikes on Gaza on Monday."), "airstrikes") == ["ASSAULT"]
    assert types_of(find("Gunmen launched an attack on the police station."), "attack") == ["ASSAULT"]
    # a participle on the count describes the counted acts
    assert types_of(find("The militants carried out 40 attacks targeting soldiers in 2022."), "targeting") == []


def test_a_strike_without_labour_or_hunger_is_an_attack(find: Find) -> None:
    assert types_of(find("The Israeli strike on the camp drew condemnation."), "strike") == ["ASSAULT"]
    assert types_of(find("Officials praised the counterterrorism strike."), "strike") == ["ASSAULT"]
    assert types_of(find("Teachers began a nationwide strike over pay."), "strike") == ["PROTEST"]
    assert types_of(find("The dissident began a hunger strike in prison."), "strike") == ["PROTEST"]


def test_victims_counted_since_a_time_are_no_event(find: Find) -> None:
    assert types_of(find("The militia has killed more than 3,000 villagers since 2015."), "killed") == []
    assert types_of(find("Police have detained at least 900 protesters since the election."), "detained") == []
    # one day's toll, or a count with no period, is the act itself
    assert types_of(find("The gunmen killed 25 villagers on Tuesday."), "killed") == ["ASSAULT"]
    assert types_of(find("Police have detained the activist since March."), "detained") == ["COERCE"]


def test_a_strike_called_off_is_a_protest_ended(find: Find) -> None:
    found = find("The teachers' union said it had called off a four-day strike.")
    assert types_of(found, "called") == ["CONCEDE"]


def test_signing_an_agreement_is_agreeing_and_signing_a_declaration_endorsement(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Vietnam signed a free trade agreement with South Korea on Tuesday.") == \
        [("AGREE", ["VNM"], ["KOR"])]
    assert _coded(coder, "The foreign ministers of Egypt and Sudan inked a memorandum of understanding on water.") \
        == [("AGREE", ["EGY", "SDN"], [])]
    assert _coded(coder, "Japan and Vietnam signed a joint statement on maritime cooperation on Monday.") == \
        [("SUPPORT", ["JPN", "VNM"], [])]
    assert [m.type for m in coder.code_text("Mongolia and Kazakhstan signed a treaty of friendship on Monday.")] \
        == ["SUPPORT"]  # a treaty signed stays SUPPORT 057, as the PLOVER dev gold codes it


def test_taking_part_in_a_meeting_is_attending_it_and_joining_anything_else_is_not(coder: Coder) -> None:
    text = "Iran's ambassador to the United Nations participated in the Security Council meeting on Iran."
    assert [(m.type, m.mode) for m in coder.code_text(text)] == [("CONSULT", "multilateral")]
    text = "The Turkish foreign minister will join the talks with Ukrainian officials in Geneva on Tuesday."
    assert [(m.type, m.modality) for m in coder.code_text(text)] == [("AGREE", "planned")]  # a future meeting
    assert coder.code_text("Sweden joined NATO in 2024.") == []
    assert coder.code_text("Pakistani commandos participated in the operation against the militants.") == []


def test_willingness_expressed_is_an_agreement_made_and_a_schedule_a_plan(coder: Coder) -> None:
    def coded(text: str) -> list[tuple[str, str]]:
        return [(m.type, m.modality) for m in coder.code_text(text)]

    assert coded("The Vietnamese minister said Hanoi was ready to negotiate with Beijing.") == \
        [("AGREE", "asserted")]
    assert coded("China has expressed its desire for closer cooperation with Vietnam.") == [("AGREE", "asserted")]
    assert coded("Japan is set to sign a defence pact with the Philippines next week.") == [("AGREE", "planned")]


def test_reaffirming_a_commitment_or_support_renews_it(coder: Coder) -> None:
    text = "Japan and Australia reaffirmed their commitment to a free and open Pacific on Monday."
    assert [(m.type, m.modality) for m in coder.code_text(text)] == [("AGREE", "asserted")]
    text = "The Indian foreign minister reaffirmed India's support for Mauritius on Saturday."
    assert [m.type for m in coder.code_text(text)] == ["SUPPORT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("U.S. sanctions on Chinese firms took effect on Tuesday.", ("SANCTION", "USA", "CHN")),
    ("China's sanctions on U.S. defense companies drew a protest from Washington.", [("SANCTION", "CHN", "USA"),
     ("ACCUSE", "USA", "CHN")]),
    ("U.S. tariffs on Chinese goods rose to 25% on Monday.", ("SANCTION", "USA", "CHN")),
    ("Washington placed tariffs of 25% on Chinese steel on Monday.", ("SANCTION", "USA", "CHN")),
    ("Beijing imposed visa restrictions on U.S. officials on Monday.", ("SANCTION", "CHN", "USA")),
    ("The U.S. blacklisting of Huawei began in 2019.", ("SANCTION", "USA", "CHN")),
    ("U.S. airstrikes on Houthi targets in Yemen continued on Monday.", ("ASSAULT", "USA", "YEM")),
    ("Two Canadians were detained by Chinese authorities on Monday.", ("COERCE", "CHN", "CAN")),
])
def test_a_nominal_measure_or_attack_takes_its_owner_and_target(coder: Coder, text: str,
                                                                 expected: Any) -> None:
    """The frames the material types are reported in on China-US news (docs/coding.md, "SANCTION, ASSAULT,
    COERCE ... on unseen news"): the owner of a noun event is its source, its "on"/"of" phrase its target, a
    passive's "by" agent the actor. A protest the measure drew is the protester's disapproval of its owner
    (statements._received, session 12)."""
    found = [(m.type, m.source[0].country if m.source else None, m.target[0].country if m.target else None)
             for m in coder.code_text(text, dt.date(2024, 5, 1))]
    assert found == (expected if isinstance(expected, list) else [expected])


def test_eliminating_or_neutralizing_people_is_killing_them_and_a_thing_is_not(find: Find) -> None:
    """"eliminate" and "neutralize" are ASSAULT only for an object that names people (docs/coding.md, "Killing
    verbs decided by their object")."""
    assert only(find("Iraqi forces eliminated the Islamic State deputy leader on Friday."),
                "eliminated").sense.type == "ASSAULT"
    assert only(find("Somali troops neutralized 30 al-Shabab militants on Monday."), "neutralized").sense.type \
        == "ASSAULT"
    assert not [m for m in find("The agreement eliminated duties on American cars.") if m.sense.type == "ASSAULT"]
    assert not [m for m in find("The engineers neutralized the acid before the test.") if m.sense.type == "ASSAULT"]


def test_denying_or_revoking_a_visa_is_a_sanction_and_denying_a_charge_a_rejection(find: Find) -> None:
    """The labelling guide codes visa denials as SANCTION; "deny" with any other object stays REJECT."""
    assert only(find("Beijing denied visas to American journalists on Monday."), "denied").sense.type == "SANCTION"
    assert only(find("Washington revoked the export licenses of two Chinese firms."), "revoked").sense.type \
        == "SANCTION"
    assert only(find("China denied the accusations on Monday."), "denied").sense.type == "REJECT"


def test_a_phrasal_verb_of_expulsion_or_shooting_needs_its_particle(find: Find) -> None:
    """PETRARCH2's compound verbs "kick out", "boot out" (CAMEO 174, deport) and "gun down" (193) are events
    with their particle only: "kicked the ball" and "a gun" report nothing."""
    kicked = only(find("Zimbabwe kicked out two British journalists on Monday."), "kicked")
    assert (kicked.sense.type, kicked.sense.mode) == ("COERCE", "deport")
    assert only(find("The Taliban booted out Pakistani traders."), "booted").sense.type == "COERCE"
    gunned = only(find("Soldiers gunned down three protesters in the capital."), "gunned")
    assert (gunned.sense.type, gunned.sense.mode) == ("ASSAULT", "firearms")
    assert not find("The striker kicked the ball into the net.")


def test_a_phrasal_verb_is_coded_end_to_end(coder: Coder) -> None:
    from tests.coding.test_accusations import _coded

    assert _coded(coder, "Zimbabwe kicked out two British journalists on Monday.") == [
        ("COERCE", ["ZWE"], ["GBR"])]


def test_raising_an_issue_is_taking_it_up_and_raising_concern_is_not(find: Find) -> None:
    """"raise" + issue, matter, case (PETRARCH2: RAISE + CONCERNS 040) is consultation; "raised concerns" stays
    the noun's disapproval and "raised prices" nothing."""
    raised = only(find("Blinken raised the issue of Taiwan with Wang Yi."), "raised")
    assert raised.sense.type == "CONSULT"
    assert not [m for m in find("China raised concerns over the arms sale.") if m.sense.type == "CONSULT"]
    assert not find("The company raised prices again.")


def test_elevating_ties_improves_relations_and_elevating_a_road_does_not(find: Find) -> None:
    """"elevate" is "upgrade" for relations (SUPPORT 050, the verb gated by the same object list)."""
    elevated = only(find("India and Mauritius elevated ties to an enhanced strategic partnership."), "elevated")
    assert elevated.sense.type == "SUPPORT"
    assert not find("Engineers elevated the road above the flood line.")


def test_a_court_case_filed_is_a_lawsuit_and_a_case_made_an_argument(find: Find) -> None:
    """"case" with a word of the courts under a light verb is ACCUSE 115 (PETRARCH2: FILE + CASE (AGAINST));
    "made the case for" is no lawsuit."""
    filed = [m for m in find("The Philippines filed a legal case against China at the tribunal.") if m.sense.type ==
             "ACCUSE"]
    assert [(m.token.text, m.sense.mode) for m in filed] == [("case", "allege")]
    assert not [m for m in find("Blinken made the case for talks with Beijing.") if m.sense.type == "ACCUSE"]


def test_good_wishes_sent_are_endorsement_and_wishing_to_act_an_intent(find: Find) -> None:
    """"wished the people peace and prosperity" is SUPPORT 051, as congratulations are; "wishes to see peace"
    stays the intent sense (it governs its complement, no SUPPORT)."""
    wished = only(find("Xi wished Biden a speedy recovery."), "wished")
    assert wished.sense.type == "SUPPORT"
    assert not [m for m in find("China wishes to see peace in the Middle East.") if m.sense.type == "SUPPORT"]


def test_people_pulled_off_a_vehicle_are_abducted_and_troops_pulled_out_withdrawn(find: Find) -> None:
    """"pulled them off the train", "dragged passengers off a bus" are abductions (ASSAULT 181); "pull" with its
    other particles and objects keeps its senses."""
    dragged = only(find("Gunmen dragged Kenyan passengers off a bus near the border."), "dragged")
    assert (dragged.sense.type, dragged.sense.mode) == ("ASSAULT", "abduct")
    assert only(find("Russia pulled its troops from the area."), "pulled").sense.type == "RETREAT"
    assert not [m for m in find("The driver pulled the car off the road.") if m.sense.type == "ASSAULT"]


def test_helping_another_side_build_is_aid_and_help_alone_is_not(find: Find) -> None:
    """"help" is AID 070 with an actor object and a verb of building or equipping in its complement (PETRARCH2's
    HELP 070); helping in general ("helped ease tensions", "help them adapt") reports no aid."""
    helped = only(find("China helped Pakistan build a port at Gwadar."), "helped")
    assert helped.sense.type == "AID"
    assert not [m for m in find("Tokyo hired specialists to help them adapt to the language.") if m.sense.type == "AID"]
    assert not [m for m in find("The talks helped build trust between China and Japan.") if m.sense.type == "AID"]


def test_an_operation_launched_is_an_assault_and_one_continued_or_of_peacekeeping_is_not(find: Find) -> None:
    """"operation" is ASSAULT 190 only as the object of a verb of launching (launch, mount, conduct, carry out), the
    governing verb being among the noun's cues; "continued its operation" and a peacekeeping or business operation
    are no assault."""
    launched = only(find("Kenya launched an operation to flush out militants from the forest."), "operation")
    assert launched.sense.type == "ASSAULT"
    conducted = only(find("The operation was conducted by Pakistani troops against the militants."), "operation")
    assert conducted.sense.type == "ASSAULT"
    for text in ("Turkey continued its operation in Syria.", "France launched a peacekeeping operation in Mali.",
                 "The company launched a business operation in Kenya.", "The operation lasted three days."):
        assert not [m for m in find(text) if m.token.text == "operation"], text


def test_a_force_of_nature_assaults_no_one(find: Find) -> None:
    """A verb of force whose doer is a flood, storm or earthquake is no ASSAULT (the screen drops it:
    test_hazards.py); a missile or a weapon's fire still is a doer's, and the trigger is found."""
    assert only(find("Russian missiles hit Kyiv on Monday."), "hit").sense.type == "ASSAULT"
    assert only(find("Israeli fire killed three people in Gaza."), "killed").sense.type == "ASSAULT"


def test_a_siege_of_a_building_by_armed_men_is_an_assault_and_of_a_city_a_blockade(find: Find) -> None:
    """A siege of a hotel or school, or one laid by gunmen, is ASSAULT 190 (the governing verb's subject and
    prepositional objects are among a noun's cues); besieging a city stays COERCE `restrict` (CAMEO 191)."""
    laid = only(find("Gunmen who laid siege to a hotel in Mogadishu were killed."), "siege")
    assert laid.sense.type == "ASSAULT"
    assert only(find("Militants besieged a school in Peshawar."), "besieged").sense.type == "ASSAULT"
    assert only(find("Syrian forces besieged Aleppo."), "besieged").sense.type == "COERCE"


def test_a_court_lifting_its_order_concedes(find: Find) -> None:
    """Lifting an order or an injunction is CONCEDE 081, as lifting a ban is (the labelling guide: "a court lifting
    its own blocking order is CONCEDE")."""
    lifted = only(find("A Kenyan court lifted orders blocking the swearing-in of the deputy president."), "lifted")
    assert lifted.sense.type == "CONCEDE"
    assert only(find("The High Court lifted an injunction against the levy."), "lifted").sense.type == "CONCEDE"


# ------------------------------------------------------------------ tokens without a sense are skipped (speed)

_SKIP_SENTENCES = [
    "Japanese Prime Minister Fumio Kishida met Joe Biden at the White House.",
    "China accused the United States of sealing the frontier and banned the sale of its chips.",
    "The two sides held talks in Geneva and agreed to a ceasefire on Monday.",
    "Protesters rallied outside the embassy while police arrested 20 people.",
    "Beijing will impose sanctions on the firms, the ministry said in a statement.",
]


def _described(found: list[Trigger]) -> list[tuple[object, ...]]:
    return [(m.token.i, m.anchor.i, m.sense.label, m.nominal, m.adjunct, m.sides_named,
             m.owner.i if m.owner is not None else None, m.phrase.start if m.phrase is not None else None)
            for m in found]


def test_skipping_tokens_without_a_sense_finds_the_same_triggers(nlp: Language,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The shortcut leaves out only tokens that no lookup could give a sense: the same triggers as testing all."""
    from detente.coding import triggers

    lexicon = load_lexicon()
    parsed = [nlp(text)[:] for text in _SKIP_SENTENCES]
    fast = [_described(find_triggers(sent, lexicon)) for sent in parsed]
    monkeypatch.setattr(triggers, "_may_trigger", lambda tok, lexicon, sensed: True)
    assert fast == [_described(find_triggers(sent, lexicon)) for sent in parsed]
    assert any(fast)


def test_sensed_lemmas_follow_the_lexicon() -> None:
    """A lexicon with one more sensed lemma is answered with it, not from the remembered set of another one."""
    from dataclasses import replace

    from detente.coding.triggers import sensed_lemmas

    lexicon = load_lexicon()
    grown = replace(lexicon, senses={**lexicon.senses, ("zorble", "verb"): lexicon.lookup("meet", "verb")})
    assert "meet" in sensed_lemmas(lexicon) and "zorble" not in sensed_lemmas(lexicon)
    assert "zorble" in sensed_lemmas(grown)
    grown.senses[("florp", "noun")] = lexicon.lookup("talk", "noun")  # grown in place: the set is recomputed
    assert "florp" in sensed_lemmas(grown)


def test_a_form_the_lexicon_lemmatizes_is_not_skipped(nlp: Language) -> None:
    """A token whose model lemma has no sense still counts when the lexicon maps its form to a sensed lemma
    (the fallback for a lemmatizer slip)."""
    from dataclasses import replace

    from detente.coding.triggers import _may_trigger, sensed_lemmas

    lexicon = load_lexicon()
    tok = nlp("They zorbled the envoy.")[1]
    assert not _may_trigger(tok, lexicon, sensed_lemmas(lexicon))
    mapped = replace(lexicon, form_lemmas={**lexicon.form_lemmas, "zorbled": frozenset({"meet"})})
    assert _may_trigger(tok, mapped, sensed_lemmas(mapped))


def test_a_designation_is_a_listing_and_a_heritage_designation_is_not(find: Find) -> None:
    """"designation" is SANCTION 163, the State Department's word for listing a person or group; a place's
    designation (a heritage site, a protected area) is no event."""
    found = find("The U.S. designation of the Houthi movement angered Iran.")
    assert [m.sense.type for m in found if m.token.text == "designation"] == ["SANCTION"]
    assert not [m for m in find("Japan welcomed the designation of the temple as a World Heritage site.")
                if m.sense.type == "SANCTION"]


def test_impeaching_an_official_is_a_sanction(find: Find) -> None:
    """Impeachment and removal from office is SANCTION (the labelling guide), by the verb or the noun."""
    impeached = only(find("Kenya's parliament impeached the deputy president in October."), "impeached")
    assert (impeached.sense.type, impeached.sense.cameo) == ("SANCTION", "160")
    noun = only(find("The impeachment of President Yoon shocked Washington."), "impeachment")
    assert noun.sense.type == "SANCTION"


def test_a_coercive_participle_on_a_person_is_the_act_and_an_occupied_place_is_not(find: Find) -> None:
    """"imprisoned publisher Jimmy Lai", "the jailed activist" report the arrest (COERCE 173), as the labelling
    guide codes a detained suspect; "the occupied West Bank" stays an adjective, no occupation."""
    imprisoned = only(find("The son of imprisoned publisher Jimmy Lai met Rubio in Washington."), "imprisoned")
    assert imprisoned.sense.type == "COERCE"
    jailed = only(find("US diplomats visited the jailed activist in Beijing."), "jailed")
    assert jailed.sense.type == "COERCE"
    assert not [m for m in find("Israeli settlers moved into the occupied West Bank.") if m.token.text == "occupied"]


def test_a_removal_from_office_is_a_sanction_and_a_departure_is_not(find: Find) -> None:
    """"Gachagua's removal", "the ouster of Bashir" are SANCTION 160 (the labelling guide: impeachment and removal
    from office); a departure or a replacement keeps the concession sense, and only under a governing word."""
    removal = only(find("Ruto nominated Kindiki two days after Gachagua's removal."), "removal")
    assert (removal.sense.type, removal.sense.cameo) == ("SANCTION", "160")
    assert not [m for m in find("His departure surprised Washington.") if m.sense.type == "SANCTION"]


def test_peacekeepers_deployed_are_aid_and_troops_deployed_a_mobilization(find: Find) -> None:
    """Deploying or sending peacekeepers is AID 074 (military protection); deploying troops stays MOBILIZE."""
    sent = only(find("Bangladesh deployed 500 peacekeepers to South Sudan."), "deployed")
    assert (sent.sense.type, sent.sense.cameo) == ("AID", "074")
    assert only(find("China deployed troops to the border with India."), "deployed").sense.type == "MOBILIZE"


def test_legal_action_taken_is_a_lawsuit_and_action_alone_is_not(find: Find) -> None:
    """"taking legal action against" is ACCUSE `allege` (PETRARCH2's LAUNCH + {LEGAL ACTION}); an action with no
    word of the law ("suspended any further action", "took action") is no lawsuit."""
    action = only(find("The family is taking legal action against the Chinese company."), "action")
    assert (action.sense.type, action.sense.mode) == ("ACCUSE", "allege")
    for text in ("Japan took action against North Korea.", "The court suspended any further action."):
        assert not [m for m in find(text) if m.token.text == "action"], text


def test_reacting_angrily_is_disapproval_and_responding_alone_is_not(find: Find) -> None:
    """"reacted furiously to the arms sale" is ACCUSE `disapprove` (PETRARCH2's REACT + FURIOUSLY 111); the manner
    decides, so a plain reaction is no accusation."""
    reacted = only(find("Beijing reacted furiously to the arms sale to Taiwan."), "reacted")
    assert (reacted.sense.type, reacted.sense.mode) == ("ACCUSE", "disapprove")
    assert not [m for m in find("Japan reacted quickly to the news from Seoul.") if m.sense.type == "ACCUSE"]


def test_pleading_or_begging_with_someone_is_a_request(find: Find) -> None:
    """"pleading with X to" asks X (PETRARCH2's APPEAL group: BEG, PLEAD 020); "begged X to" likewise."""
    pleading = only(find("Nigerian officials are pleading with farmers to leave the border area."), "pleading")
    assert (pleading.sense.type, pleading.sense.role) == ("REQUEST", "request")
    begged = only(find("Kenya begged the United States to lift the tariffs."), "begged")
    assert begged.sense.type == "REQUEST"


def test_searching_premises_is_a_raid_and_searching_for_someone_is_not(find: Find) -> None:
    """A search is COERCE 171 when it names what was searched ("searched the offices", "the house was searched");
    "searching for survivors" looks for them (PETRARCH2's SEARCH_FOR: no code)."""
    searched = only(find("Turkish police searched the offices of the newspaper."), "searched")
    assert (searched.sense.type, searched.sense.cameo) == ("COERCE", "171")
    assert only(find("His house in Ankara was searched by Turkish police."), "searched").sense.type == "COERCE"
    looking = find("The Nepalese army is still searching for survivors in the rubble.")
    assert not [m for m in looking if m.token.text == "searching"]


def test_rescued_hostages_are_no_aid_and_evacuated_civilians_are(find: Find) -> None:
    """Freeing hostages is no humanitarian aid (the labelling guide: an operation against the captors is ASSAULT,
    "were rescued" as an outcome is not coded); evacuating civilians stays AID 073."""
    freed = find("Nigerian soldiers rescued 20 hostages from a forest camp.")
    assert not [m for m in freed if m.token.text == "rescued" and m.sense.type == "AID"]
    evacuated = only(find("India evacuated 4,000 civilians from Sudan."), "evacuated")
    assert (evacuated.sense.type, evacuated.sense.cameo) == ("AID", "073")


def test_taking_part_in_a_meeting_is_attending_and_in_an_operation_is_not(find: Find) -> None:
    """"take part in" is CONSULT only when what is taken part in is a meeting, as for "participate in"."""
    talks = find("Iran took part in the talks in Vienna with France and Germany.")
    assert [m.sense.type for m in talks if m.phrase is not None] == ["CONSULT"]
    operation = find("Kenyan commandos took part in the operation near the Somali border.")
    assert not [m for m in operation if m.sense.type == "CONSULT"]


def test_rebutting_a_claim_is_a_rejection_and_refuting_a_theory_is_not(find: Find) -> None:
    """Rebutting or refuting an accusation or claim denies it (REJECT 127, PETRARCH2's REFUTE group); a
    scientist refuting a hypothesis rejects nobody."""
    rebutted = only(find("China rebutted the accusation made by the Philippines."), "rebutted")
    assert (rebutted.sense.type, rebutted.sense.cameo) == ("REJECT", "127")
    assert not [m for m in find("The study refuted the hypothesis of the Danish team.") if m.sense.type == "REJECT"]


def test_a_plea_of_guilt_is_no_request(find: Find) -> None:
    """"pleaded guilty" answers a charge and asks nothing (PETRARCH2's PLEAD 016): it concedes the charge (the
    tenth draw's decision, CONCEDE); "pleaded for" still asks for something."""
    assert [m.sense.type for m in find("The engineer pleaded guilty to spying for a foreign government.")
            if m.token.lower_ == "pleaded"] == ["CONCEDE"]
    pleaded = only(find("Zelenskyy pleaded for more air defense systems."), "pleaded")
    assert pleaded.sense.type == "REQUEST"


def test_a_plea_of_not_guilty_rejects_the_charge(find: Find) -> None:
    """The labelling guide's trials: "a plea of not guilty ... REJECT" (CAMEO 127, deny responsibility; session 13
    made this no event, by PETRARCH2's 016, before the guide was read)."""
    for text in ("The two Canadians pleaded not guilty to the charges.",
                 "The activist pleaded innocent at the trial.",
                 "A Russian pilot has pleaded not guilty to smuggling cocaine."):
        plea = only(find(text), "pleaded")
        assert (plea.sense.type, plea.sense.cameo) == ("REJECT", "127"), text


def test_a_plea_of_not_guilty_is_coded_end_to_end(coder: Coder) -> None:
    """The plea reaches the record as the defendant's REJECT; a plea of guilt is no rejection."""
    from tests.coding.test_accusations import _coded

    coded = _coded(coder, "A Russian pilot pleaded not guilty to smuggling cocaine into Liberia.")
    assert [c for c in coded if c[0] == "REJECT" and "RUS" in c[1]], coded
    assert not [c for c in _coded(coder, "A Russian pilot pleaded guilty to smuggling cocaine into Liberia.")
                if c[0] == "REJECT"]


def test_a_plea_of_guilt_concedes_the_charge(coder: Coder, find: Find) -> None:
    """The tenth draw's decision: a guilty plea is CONCEDE (CAMEO 080), to the court's country."""
    from tests.coding.test_accusations import _coded

    coded = _coded(coder, "A Chinese businessman pleaded guilty in a US court to smuggling arms to Iran.")
    assert ("CONCEDE", ["CHN"], ["USA"]) in coded, coded
    plea = only(find("The two Canadians pleaded guilty to the charges."), "pleaded")
    assert (plea.sense.type, plea.sense.cameo) == ("CONCEDE", "080")


def test_an_arrest_warrant_issued_is_an_allegation_against_the_one_sought(coder: Coder) -> None:
    """The labelling guide's "Courts and prosecutors": an arrest warrant is ACCUSE allege, its target the one
    sought ("for", "against"); a warrant of another kind, or one only mentioned, is not."""
    from tests.coding.test_accusations import _coded

    assert ("ACCUSE", ["TUR"], ["SYR"]) in _coded(
        coder, "Turkish prosecutors have issued arrest warrants for 30 Syrian nationals.")
    assert not [c for c in _coded(coder, "Police executed a search warrant at the Chinese consulate.")
                if c[0] == "ACCUSE"]
    assert not [c for c in _coded(coder, "The Bosnian Serb leader rejected the arrest warrant on Tuesday.")
                if c[0] == "ACCUSE"]


def test_peacekeepers_arriving_to_protect_give_aid_and_a_bare_arrival_is_their_reception(find: Find) -> None:
    """An infinitive of purpose makes the arrival protection given (AID 074, the labelling guide's "arriving to
    bolster a force"); a bare arrival stays the host's reception of them (RETREAT 0861, CAMEO's code)."""
    aid = only(find("Indian peacekeepers arrived in South Sudan to protect civilians in Juba."), "arrived")
    assert (aid.sense.type, aid.sense.cameo) == ("AID", "074")
    bare = only(find("Kenyan peacekeeping troops arrived in Haiti on Tuesday."), "arrived")
    assert (bare.sense.type, bare.sense.cameo) == ("RETREAT", "0861")
    visit = [m for m in find("The foreign minister arrived in Beijing to meet his counterpart.")
             if m.token.text == "arrived"]
    assert all(m.sense.type == "CONSULT" for m in visit)


def test_a_common_noun_for_people_is_a_people_object(find: Find) -> None:
    """"@PEOPLE" in a sense's objects takes a name or a common noun for people (words.PERSON_NOUNS): sailors
    released, fishermen seized; a thing released is no release of captives."""
    released = only(find("Iran released the British sailors on Friday."), "released")
    assert released.sense.label == "RETREAT:release"
    seized = only(find("Gunmen seized two Chinese fishermen off the coast."), "seized")
    assert seized.sense.label == "ASSAULT:abduct"
    assert not [m for m in find("The ministry released the report on Friday.") if m.sense.type == "RETREAT"]


def test_an_operation_its_modifier_names_as_armed_is_an_assault(find: Find) -> None:
    """"the clearance operation", "a military rescue operation" are armed operations on their own (the guide's "a
    rescue operation against attackers" is ASSAULT); a search or relief operation, or a business one, is not."""
    found = find("The army declared the clearance operation over on Wednesday.")
    assert [m.sense.type for m in found if m.token.text == "operation"] == ["ASSAULT"]
    for text in ("The coast guard ended the search and rescue operation after the flood.",
                 "The company expanded its business operation in Vietnam."):
        assert not [m for m in find(text) if m.token.text == "operation" and m.sense.type == "ASSAULT"], text


def test_a_warship_sailing_through_a_strait_is_a_show_of_force(find: Find, coder: Coder) -> None:
    """A warship's or warplane's transit is CAMEO 15 "exhibit force posture" (PLOVER MOBILIZE): the navy's
    country is the source and the strait, a place of no country, is no target; a ferry's passage or a port call
    is nothing."""
    from tests.coding.test_accusations import _coded

    sailed = only(find("A Japanese navy destroyer sailed through the Korea Strait on Friday."), "sailed")
    assert (sailed.sense.type, sailed.sense.cameo) == ("MOBILIZE", "150")
    assert _coded(coder, "Two British frigates transited the Taiwan Strait on Sunday.") == [("MOBILIZE", ["GBR"], [])]
    assert not _coded(coder, "A Chinese ferry sailed through the Taiwan Strait.")
    assert not _coded(coder, "The French carrier sailed into the port of Singapore.")


def test_a_trial_or_an_outcry_with_no_accuser_accuses_who_faces_it(coder: Coder) -> None:
    """The labelling guide: "charges and trials ACCUSE allege", and an act done "despite an international
    outcry" has the outcry ACCUSE disapprove with an empty source; the accused is whoever faces it. A trial only
    talked about ("few will follow this trial") is none."""
    from tests.coding.test_accusations import _coded

    assert ("ACCUSE", [], ["KEN"]) in _coded(coder, "Two former Kenyan ministers are facing trial on charges of fraud.")
    assert ("ACCUSE", [], ["ISR"]) in _coded(
        coder, "Israel pressed ahead with the raids despite an international outcry.")
    assert ("ACCUSE", [], ["RUS"]) in _coded(coder, "Russia faced widespread condemnation over its missile tests.")
    # allegations and charges faced are such nouns too (session 14): the accused is who faces them
    assert ("ACCUSE", [], ["KEN"]) in _coded(coder, "The Kenyan union faces allegations of intimidation.")
    assert ("ACCUSE", [], ["KEN"]) in _coded(coder, "The Kenyan minister faces accusations of fraud.")
    assert ("ACCUSE", ["JPN"], ["CHN"]) in _coded(coder, "The Chinese missile test drew condemnation from Japan.")
    assert not [c for c in _coded(coder, "Kenyan officials expect few people will follow this trial.")
                if c[0] == "ACCUSE"]


def test_a_reaction_to_an_act_with_no_doer_named_accuses_the_sentences_one_country(coder: Coder) -> None:
    """"the detentions that have drawn international condemnation": no actor is named for the act the reaction
    is to, so the accused is the one country the sentence is about, as for an act a noun names with no doer."""
    from tests.coding.test_accusations import _coded

    assert ("ACCUSE", [], ["EGY"]) in _coded(
        coder, "Egypt's courts upheld the mass detentions that have drawn international condemnation.")


def test_a_known_act_named_as_a_starting_point_is_no_event(find: Find) -> None:
    """"since the raid" dates a state from an act the reader knows: it reports no raid (the screen drops it:
    test_history.py); an act with no determiner after "since", or the act reported itself, still is one."""
    assert only(find("Militants raided a police post in the town on Monday."), "raided").sense.type in (
        "ASSAULT", "COERCE")
    assert only(find("Hundreds have fled since fighting broke out in the town."), "fighting").sense.type == "ASSAULT"


def test_a_court_finding_someone_guilty_convicts_them(find: Find) -> None:
    """"found guilty", a guilty verdict and a jail sentence handed down are SANCTION `convict`, as the labelling
    guide codes a conviction; "found not guilty", a finding of fact and a grammatical sentence are not."""
    for text, word in (("A Dutch court found the two men guilty of murder.", "found"),
                       ("The officer was found guilty by a jury in Texas.", "found"),
                       ("Relatives welcomed the guilty verdict against the company.", "verdict"),
                       ("The activist was given a ten-year prison sentence.", "sentence")):
        hit = only(find(text), word)
        assert (hit.sense.type, hit.sense.mode) == ("SANCTION", "convict"), text
    none_of(find, "SANCTION", ("The jury found him not guilty of murder.",
                               "The court found that the evidence was weak.",
                               "The sentence was long and hard to read."))


def test_armed_forces_searching_for_people_deploy(find: Find) -> None:
    """Troops or forces searching an area for people, with no force described, are MOBILIZE `troops` (the
    labelling guide's decision for the Lee draws); rescuers searching for survivors are not, and a search of
    premises stays a COERCE raid."""
    for text, word in (("Government forces scoured the northern hills for the rebel leader.", "scoured"),
                       ("Israeli troops searched for the gunmen in the village.", "searched"),
                       ("Coalition forces are continuing their search for the militants.", "search")):
        hit = only(find(text), word)
        assert (hit.sense.type, hit.sense.mode) == ("MOBILIZE", "troops"), text
    none_of(find, "MOBILIZE", ("Rescue teams combed the rubble for survivors.",
                               "Volunteers searched for the missing hikers."))
    assert only(find("Police searched the house of the suspect."), "searched").sense.type == "COERCE"


def test_harm_from_an_accident_or_an_illness_and_fighting_a_fire_are_no_assault(find: Find) -> None:
    """Battling conditions is nobody's deliberate act (a killing in a crash or when a storm struck, or battling a
    blaze or an illness, the screen drops: test_hazards.py); a killing when gunmen ambushed, or troops battling
    rebels, are."""
    none_of(find, "ASSAULT", ("The riders spent the day battling hot and dusty conditions.",))
    assert only(find("Three soldiers were killed when gunmen ambushed their convoy."), "killed").sense.type == "ASSAULT"
    assert only(find("Government troops battled rebels in the north."), "battled").sense.type == "ASSAULT"


def test_an_illness_named_by_a_compound_is_no_assault(find: Find) -> None:
    """"a heart attack", "an asthma attack": the compound names a condition (WordNet's class of the two words),
    so the noun reports no attack; "an air attack", "a suicide attack" still do."""
    none_of(find, "ASSAULT", ("The actor died on Wednesday from a heart attack.",
                              "The boy had an asthma attack at school."))
    assert only(find("An air attack on the base killed 12 soldiers."), "attack").sense.type == "ASSAULT"


def test_an_attack_known_by_its_day_is_recalled_not_reported(find: Find) -> None:
    """"the September 11 attacks", "the attacks of September 11": a calendar day as the act's name marks a past
    act the story recalls (the screen drops it: test_history.py); "an attack on Monday" dates the one it reports."""
    assert only(find("An attack on Monday killed five soldiers."), "attack").sense.type == "ASSAULT"


def test_a_player_beaten_or_eliminated_in_a_contest_is_no_assault(find: Find) -> None:
    """Sport is not coded: "beaten in the final", "eliminated from the 100 metres freestyle" name a contest;
    police beating protesters and an army eliminating a commander are assaults."""
    none_of(find, "ASSAULT", ("The Canadians were beaten by the Swiss pair in the final of the tournament.",
                              "She was the first swimmer eliminated from the 100 metres freestyle.",
                              "Smith beat his team-mate Jones to set a national record."))
    assert only(find("Police beat protesters with batons in the capital."), "beat").sense.type == "ASSAULT"
    assert only(find("The army eliminated the rebel commander."), "eliminated").sense.type == "ASSAULT"
def test_a_broadcast_address_is_no_meeting(find: Find) -> None:
    # session 14: a speech to the nation or on television addresses the public, not a party
    assert not [t for t in find("The Kenyan president made a televised address on Sunday.")
                if t.sense.type == "CONSULT"]
    assert not [t for t in find("The Kenyan president delivered his annual speech to the nation.")
                if t.sense.type == "CONSULT"]
    assert [t.sense.type for t in find("The Kenyan president gave a speech at the United Nations.")] == ["CONSULT"]


def test_troops_and_migrants_arriving_are_no_visitors(find: Find) -> None:
    # session 14: no tune draw labels such an arrival a meeting; an official's arrival stays a visit
    assert not [t for t in find("More Kenyan troops have arrived in Somalia.") if t.sense.type == "CONSULT"]
    assert not [t for t in find("The number of people arriving illegally in Kenya has fallen.")
                if t.sense.type == "CONSULT"]
    assert [t.sense.type for t in find("The Kenyan foreign minister arrived in Mogadishu on Monday.")] == ["CONSULT"]


def test_holding_to_a_disputed_position_is_a_rejection(find: Find) -> None:
    # session 14: "maintains/insists (that) ..." rebuts the other side; with no clause it is another word
    assert [t.sense.type for t in find("The Kenyan government insists the election was fair.")] == ["REJECT"]
    assert [t.sense.type for t in find("Nairobi maintains that its troops never crossed the border.")] == ["REJECT"]
    assert not [t for t in find("Kenya maintains good ties with Somalia.") if t.sense.type == "REJECT"]
    assert [t.sense.type for t in find("Kenya insisted on talks with Somalia.")][0] == "REQUEST"


def test_a_force_sent_to_protect_gives_protection(find: Find) -> None:
    # session 14: a deployment whose purpose clause names protection is AID 074, like peacekeepers; a deployment
    # with no such purpose, or one to fight, stays a show of force
    for text in ("Canada deployed 500 soldiers in Haiti to provide security for the new government.",
                 "France sent a military force to Mali in order to protect civilians.",
                 "Kenya will send troops to Somalia to keep the peace."):
        assert [t.sense.cameo for t in find(text) if t.sense.type == "AID"] == ["074"], text
    for text in ("Russia deployed 5,000 soldiers on the border with Ukraine.",
                 "Russia sent troops to Ukraine to attack the city.",
                 "Iran deployed security forces to crush the protest.",
                 "Kenya deployed troops to the border to fight the militants and protect civilians."):
        assert not [t for t in find(text) if t.sense.type == "AID"], text


def test_a_ban_on_entry_travel_or_refugees_is_a_sanction(find: Find) -> None:
    # session 15: the ninth draw's guide decision, "a ban on entry of a country's citizens SANCTION"; a ban at home
    # (on books, on a party) stays COERCE
    for text, word in (("Kenya announced a travel ban on citizens of three countries.", "ban"),
                       ("The president promised a ban on foreigners entering the country.", "ban"),
                       ("The new order bans the entry of refugees from five countries.", "bans"),
                       ("The government barred travel to Kenya from Somalia.", "barred"),
                       ("The government restricted travel to Kenya.", "restricted")):
        assert [t.sense.type for t in find(text) if t.token.text == word] == ["SANCTION"], text
    assert [t.sense.type for t in find("Indonesia imposed a ban on books by the novelist.")
            if t.token.text == "ban"] == ["COERCE"]


def test_a_court_blocking_a_measure_rules_against_it(find: Find) -> None:
    # session 15: "a court blocking a measure SANCTION convict" (docs/labelling.md, the ninth draw)
    for text, word in (("A federal judge blocked the president's new executive order on Thursday.", "blocked"),
                       ("The court in Nairobi suspended the government's decree.", "suspended"),
                       ("A judge in Lagos put the order on hold.", "put")):
        found = [t.sense for t in find(text) if t.token.text == word]
        assert [(s.type, s.mode) for s in found] == [("SANCTION", "convict")], text
    # a government stopping its own programme, or a blockade of roads, is no ruling
    assert not [t for t in find("The government suspended the aid programme.") if t.sense.mode == "convict"]
    assert not [t for t in find("Protesters blocked the road to the airport.") if t.sense.mode == "convict"]


def test_taking_a_place_in_war_is_an_assault(find: Find) -> None:
    # session 15: the Lee guide's "capturing territory in combat ASSAULT", and the ninth draw's labels
    for text, word in (("Iraqi forces took control of the main bridge on Wednesday.", "took"),
                       ("The rebels seized Kidal in 2012.", "seized"),
                       ("The army recaptured the town of Palmyra.", "recaptured"),
                       ("The seizure of the airport by rebel troops alarmed the capital.", "seizure")):
        assert [t.sense.type for t in find(text) if t.token.text == word] == ["ASSAULT"], text
    # goods seized stay COERCE
    assert [t.sense.type for t in find("Police seized 20 kilograms of heroin.") if t.token.text == "seized"] == \
        ["COERCE"]


def test_a_state_or_idea_seized_or_a_quality_invaded_is_no_material_act(find: Find) -> None:
    # session 15: the argument's word class decides, as for attack and strike
    none_of(find, "COERCE", ("Many students seized the opportunity to speak.",
                             "The agency cannot invade our privacy."))
    none_of(find, "ASSAULT", ("The senator said Moscow tried to hijack the election.",
                              "The agency cannot invade our privacy."))
    assert [t.sense.type for t in find("Gunmen hijacked a bus in northern Kenya.")] == ["ASSAULT"]
    assert [t.sense.type for t in find("Russian troops invaded Ukraine.")] == ["ASSAULT"]


def test_taking_a_place_by_force_is_an_assault_and_holding_it_coercion(find: Find) -> None:
    # session 17: PLOVER's COERCE falls "short of violence"; an invasion, an incursion or a place overrun is force
    # (d8, d9: "overrun a building", "retaken much of the territory" labelled ASSAULT), an occupation is not
    assert [t.sense.type for t in find("Rebel fighters overran an army post near the border.")] == ["ASSAULT"]
    assert [t.sense.type for t in find("The army staged an incursion into Lebanon.")] == ["ASSAULT"]
    assert [t.sense.type for t in find("Government troops have retaken most of the districts they lost.")] == \
        ["ASSAULT"]
    assert [t.sense.type for t in find("Russia occupied the peninsula in 2014.")] == ["COERCE"]
    assert [t.sense.type for t in find("Moscow annexed the peninsula in 2014.")] == ["COERCE"]
    assert [t.sense.type for t in find("The occupation of the territory lasted 24 years.")] == ["COERCE"]
    # the noun "invasion" stays COERCE 192 (the dev gold's CAMEO column codes it so)
    assert [t.sense.type for t in find("The invasion of the island began at dawn.")] == ["COERCE"]


def test_targeting_is_an_attack_only_where_force_is_in_its_clause(find: Find) -> None:
    # session 16: a leader, an order or a state "targets" figuratively (d9 and d10, six stories)
    none_of(find, "ASSAULT", ("The bishop has often targeted corrupt officials in his speeches.",
                              "The governor signed two decrees targeting tax evasion.",
                              "The ministry targeted a Kenyan bank for its ties to Iran."))
    for text in ("Rebel soldiers targeted the airport on Sunday.",
                 "The bombs targeted a village south of the capital.",
                 "The militia targeted a police station with rockets."):
        assert "ASSAULT" in [t.sense.type for t in find(text) if t.token.lemma_ == "target"], text


def test_a_word_or_an_idea_hits_only_figuratively(find: Find) -> None:
    # session 16: a ban, a message or sanctions as the doer of a force verb (d9 and d10, three stories)
    none_of(find, "ASSAULT", ("The new ban will hit the tourism industry hard.",
                              "The region's economy has been hard hit by Western sanctions.",
                              "His message struck a chord with farmers."))
    for text in ("Rebels hit the convoy with rockets.", "The missile hit a hospital in the city."):
        assert "ASSAULT" in [t.sense.type for t in find(text)], text
    # a clause on a word with a subject of its own is that subject's act, not the word's
    warned = 'The ministry issued a statement ahead of the vote warning it would "smash any independence plots".'
    assert "ASSAULT" in [t.sense.type for t in find(warned) if t.token.lemma_ == "smash"]


def test_a_mission_alone_is_no_visit(coder: Coder) -> None:
    # session 16: a mission is a task, an operation or a standing body unless a light verb sends or leads it
    for text in ("Kenya said the operation in Somalia was a success and the mission would go on.",
                 "The UN has 19,000 troops in Congo, making it the organization's largest peacekeeping mission."):
        assert not [m for m in coder.code_text(text) if m.type == "CONSULT"]
    assert [(m.type, [a.country for a in m.target]) for m in
            coder.code_text("Japan sent a trade mission to Beijing last week.")] == [("CONSULT", ["CHN"])]


def test_fostering_a_thing_is_no_request(find: Find) -> None:
    # session 16: "encourage" asks a party to act; encouraging a practice asks nothing of anyone
    assert not [t for t in find("China will encourage crowd innovation in Pakistan.") if t.sense.type == "REQUEST"]
    assert [t.sense.type for t in find("The United States encouraged China to play a bigger role.")
            if t.sense.type == "REQUEST"] == ["REQUEST"]


def test_a_weapon_part_or_an_atomic_test_is_a_weapons_test(find: Find) -> None:
    """A test verb with a weapon word in its phrase, and an atomic test, are MOBILIZE weapons; a test of a
    relationship or of a car is not."""
    for text, word in (("The army tested a new rocket motor for its long-range missiles.", "tested"),
                       ("The country carried out an underground atomic test in 2009.", "test")):
        hit = only(find(text), word)
        assert (hit.sense.type, hit.sense.mode) == ("MOBILIZE", "weapons"), text
    none_of(find, "MOBILIZE", ("Their friendship was tested by the election.",
                               "Engineers tested the new car engine on Monday."))
