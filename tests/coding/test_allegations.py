"""Allegations in neutral words and legal steps (``coding/allegations.py``): sentences written for these tests."""

from __future__ import annotations

from detente.coding import Coder
from detente.coding.candidates import extract
from detente.coding.statements import revise

Coded = tuple[str, str | None, list[str | None], list[str | None]]


def _coded(coder: Coder, text: str) -> list[Coded]:
    return [(m.type, m.mode, [a.country for a in m.source], [a.country for a in m.target])
            for m in coder.code_text(text)]


def _accusations(coder: Coder, text: str) -> list[Coded]:
    return [c for c in _coded(coder, text) if c[0] == "ACCUSE"]


# -- a wrongful act claimed ---------------------------------------------------------------------------------


def test_a_wrongful_act_a_side_claims_of_another_is_its_allegation_beside_the_act(coder: Coder) -> None:
    coded = _coded(coder, "Russia's defence ministry claimed that Ukrainian forces shelled the power plant.")
    assert ("ACCUSE", "allege", ["RUS"], ["UKR"]) in coded
    assert "ASSAULT" in {c[0] for c in coded}


def test_an_act_only_said_to_have_happened_is_attribution_not_an_allegation(coder: Coder) -> None:
    # the labelling guide: "X said" as mere attribution is transparent; only the act is coded
    coded = _coded(coder, "Russia's defence ministry said that Ukrainian forces shelled the power plant.")
    assert "ASSAULT" in {c[0] for c in coded}
    assert not [c for c in coded if c[0] == "ACCUSE"]


def test_no_allegation_of_a_planned_or_unclaimed_act_or_of_the_claimants_own_forces(coder: Coder) -> None:
    assert not _accusations(coder, "Russia's defence ministry claimed that Ukrainian forces will shell the plant.")
    assert not _accusations(coder, "Russia's defence ministry did not claim that Ukrainian forces shelled the plant.")
    assert not _accusations(coder, "The Ukrainian army claimed that its forces shelled Russian positions near Kursk.")


def test_an_allegation_of_another_group_of_the_same_country_is_coded(coder: Coder) -> None:
    # not the claimant's own side: the labelling guide codes domestic allegations (CAF > CAF)
    text = ("The rebels claim that they protect herders from attacks by Christian militias in the Central African "
            "Republic.")
    assert ("ACCUSE", "allege", ["CAF"], ["CAF"]) in _coded(coder, text)


# -- legal steps ----------------------------------------------------------------------------------------------


def test_charges_that_are_the_grounds_of_a_conviction_are_an_agentless_allegation(coder: Coder) -> None:
    coded = _coded(coder, "Kenya's former deputy president was convicted on two of the charges against him.")
    assert ("ACCUSE", "allege", [], ["KEN"]) in coded
    assert "SANCTION" in {c[0] for c in coded}


def test_charges_behind_an_arrest_are_the_arresting_sides_allegation(coder: Coder) -> None:
    coded = _coded(coder, "Iranian authorities arrested a British journalist on charges of espionage.")
    assert ("ACCUSE", "allege", ["IRN"], ["GBR"]) in coded
    assert "COERCE" in {c[0] for c in coded}
    # charges against a thing accuse nobody
    assert not _accusations(coder, "Iranian authorities seized the British tanker on charges of smuggling fuel.")


def test_an_act_done_allegedly_is_alleged_by_whoever_acts_against_its_doer(coder: Coder) -> None:
    text = "Serbian police arrested a Croatian official for allegedly smuggling weapons."
    assert ("ACCUSE", "allege", ["SRB"], ["HRV"]) in _coded(coder, text)
    # the grounds stated as fact are the arrest's, no allegation read off them
    assert not _accusations(coder, "Serbian police arrested a Croatian official for smuggling weapons.")


def test_an_arrest_ordered_is_a_warrant_the_orderers_allegation(coder: Coder) -> None:
    """A guide decision, not a weakened test: docs/labelling.md ("Courts and prosecutors") codes an arrest
    warrant as ACCUSE `allege` (PLOVER: "sue, indict, or charge"), so an arrest *ordered* is the warrant, with or
    without "allegedly" in its grounds; this case wanted no accusation before session 13 (docs/coding.md)."""
    for text in ("Serbian prosecutors ordered the arrest of a Croatian official for smuggling weapons.",
                 "Serbian prosecutors ordered the arrest of a Croatian official for allegedly smuggling weapons."):
        coded = _coded(coder, text)
        assert ("ACCUSE", "allege", ["SRB"], ["HRV"]) in coded
        assert "COERCE" not in {c[0] for c in coded}  # nobody has been arrested yet
    # an arrest made stays the arrest
    assert "COERCE" in {c[0] for c in _coded(coder, "Serbian police arrested a Croatian official on Monday.")}


# -- a country that harbours the attackers ----------------------------------------------------------------------


def test_those_behind_an_attack_placed_in_another_country_are_an_allegation_against_it(coder: Coder) -> None:
    text = "A Pakistani military spokesman said the attackers collaborated with partners in Afghanistan."
    assert ("ACCUSE", "allege", ["PAK"], ["AFG"]) in _coded(coder, text)
    text = "India's foreign ministry said the attack was planned by ringleaders operating from Pakistan."
    assert ("ACCUSE", "allege", ["IND"], ["PAK"]) in _accusations(coder, text)


def test_no_harbouring_unsaid_denied_of_ones_own_country_or_without_an_attack(coder: Coder) -> None:
    # a story's narration alleges nothing
    assert not _accusations(coder, "The attackers collaborated with partners in Afghanistan.")
    # denied
    text = "A Pakistani military spokesman said the attackers did not collaborate with partners in Afghanistan."
    assert not _accusations(coder, text)
    # the speaker's own country
    text = "A Pakistani military spokesman said the attackers collaborated with partners in Pakistan."
    assert not _accusations(coder, text)
    # partners of no attack
    text = "The Pakistani military said the company's partners in Afghanistan helped build the road."
    assert not _accusations(coder, text)


def test_a_report_that_is_itself_reported_speaks_for_the_one_reporting_it(coder: Coder) -> None:
    text = ('"Intelligence reports have confirmed that the attack was directed by ringleaders operating from '
            'Afghanistan," a statement from the Pakistani army said.')
    assert ("ACCUSE", "allege", ["PAK"], ["AFG"]) in _accusations(coder, text)


# -- charges and alleged deeds as the grounds of an act (session 13) ----------------------------------------------


def test_accusations_amid_which_a_legal_step_is_taken_are_an_agentless_allegation(coder: Coder) -> None:
    # "amid" names the grounds as "on" does; the step is passive with no agent, so the allegation has no source
    text = "The Kenyan deputy president was impeached and removed from office amid accusations of gross misconduct."
    coded = _coded(coder, text)
    assert ("ACCUSE", "allege", [], ["KEN"]) in coded
    assert "SANCTION" in {c[0] for c in coded}


def test_an_alleged_deed_as_the_grounds_of_an_act_is_the_actors_allegation(coder: Coder) -> None:
    text = "Iranian authorities arrested a British journalist for alleged espionage."
    assert ("ACCUSE", "allege", ["IRN"], ["GBR"]) in _coded(coder, text)
    # the one sought in a relative clause: "a man the FBI is seeking for alleged links"
    text = "Saudi police are holding a Pakistani man the FBI is seeking for alleged links to the bombing."
    assert ("ACCUSE", "allege", ["USA"], ["PAK"]) in _accusations(coder, text)


def test_no_alleged_grounds_of_an_act_read_as_no_event_or_of_a_thing(coder: Coder) -> None:
    # a count over a period is no event (the labelling guide), and neither are its grounds
    text = ("The minister said Iranian police have arrested at least 2,400 people for suspected participation in "
            "protests since February.")
    assert not _accusations(coder, text)
    # grounds stated as fact are the act's
    assert not _accusations(coder, "Iranian authorities arrested a British journalist for espionage.")


def _read(coder: Coder, text: str) -> list[tuple[str, str | None, list[str], list[str], bool]]:
    """The candidates the statement step reads (before the participants step resolves them)."""
    sent = coder.nlp(text)[:]
    found = revise(sent, extract(sent, coder.lexicon, coder.composer, coder.cues), coder.lexicon, coder.cues)
    return [(c.coded.type, c.coded.mode, [a.token.text for a in c.sources], [a.token.text for a in c.targets],
             c.mention.nominal) for c in found]


def test_charges_faced_or_answered_accuse_the_one_facing_them(coder: Coder) -> None:
    # no accuser named: a nominal allegation, kept with an empty source where the participants step keeps the noun
    read = _read(coder, "The Kenyan union faces allegations of intimidation on building sites.")
    assert ("ACCUSE", "allege", [], ["union"], True) in read
    read = _read(coder, "The British ambassador will issue a statement to answer the charges.")
    assert ("ACCUSE", "allege", [], ["ambassador"], True) in read
    # the accuser named with the noun makes it
    read = _read(coder, "The Kenyan union faces allegations by Britain of intimidation on building sites.")
    assert ("ACCUSE", "allege", ["Britain"], ["union"], True) in read


def test_charges_not_faced_accuse_nobody(coder: Coder) -> None:
    read = _read(coder, "The Kenyan union does not face allegations of intimidation.")
    assert not any(r[0] == "ACCUSE" for r in read)


# -- claims owned ----------------------------------------------------------------------------------------------


def test_a_claim_its_owner_made_that_another_did_something_is_the_owners_allegation(coder: Coder) -> None:
    assert ("ACCUSE", "allege", ["GBR"], ["RUS"]) in _coded(
        coder, "Russia rejected Britain's allegations that Russian agents poisoned the defector.")
    assert ("ACCUSE", "allege", ["FRA"], ["IRN"]) in _coded(
        coder, "The talks stalled over France's claim that its embassy was attacked by Iran.")


def test_a_claim_owned_by_a_pronoun_is_its_clause_subjects_and_an_of_deed_names_the_doer(coder: Coder) -> None:
    assert ("ACCUSE", "allege", ["RUS"], ["UKR"]) in _coded(
        coder, "Moscow repeated its claim that Ukraine shelled the power plant.")
    assert ("ACCUSE", "allege", ["USA"], ["RUS"]) in _coded(
        coder, "Moscow dismissed Washington's allegations of Russian meddling.")
    assert not _accusations(coder, "The group's claim of responsibility for the attack was posted online.")


def test_a_claim_with_no_owner_of_the_owners_own_side_or_of_a_state_is_no_allegation(coder: Coder) -> None:
    assert not _accusations(coder, "Russia's ambassador rejected the claim that Russian agents poisoned the defector.")
    assert not _accusations(coder, "The talks stalled over Israel's claim that Jerusalem is its capital.")
    assert not _accusations(coder, "The talks stalled over France's claim that its army defeated the rebels.")


# -- a case argued ----------------------------------------------------------------------------------------------


def test_a_party_arguing_that_a_policy_wrongs_alleges_it_of_the_policys_owner(coder: Coder) -> None:
    # the meeting gets the sentence parsed; the argument is read once it is
    assert ("ACCUSE", "allege", ["RUS"], ["UKR"]) in _coded(
        coder, "Russia argued that Ukraine's law violates the rights of Russian speakers, a day after Putin met "
               "Merkel.")


def test_no_case_argued_by_commentators_or_without_a_judgement(coder: Coder) -> None:
    assert not _accusations(coder, "Analysts argued that Ukraine's law violates the rights of Russian speakers, a "
                                   "day after Putin met Merkel.")
    assert not _accusations(coder, "Russia argued that Ukraine's law changes the status of Russian speakers, a day "
                                   "after Putin met Merkel.")


# -- a filing speaks -------------------------------------------------------------------------------------------


def test_what_a_filing_says_is_its_filers_allegation(coder: Coder) -> None:
    # read before the participants step: the filer from the filing's owner or the subject speaking "in" it
    read = _read(coder, "Ukraine said in court papers that Russia's blockade hurts its farmers.")
    assert ("ACCUSE", "allege", ["Ukraine"], ["Russia"], False) in read
    read = _read(coder, "Georgia's lawsuit says that the Russian ban will ruin its wine makers.")
    assert any(r[:3] == ("ACCUSE", "allege", ["Georgia"]) for r in read)


def test_no_filing_allegation_without_a_filer_or_a_filing(coder: Coder) -> None:
    assert not any(r[0] == "ACCUSE" for r in _read(coder, "The lawsuit says the border will stay open."))
    assert not any(r[0] == "ACCUSE" for r in _read(coder, "Ukraine said in a speech that Russia's ban will end."))
    assert not any(r[0] == "ACCUSE" for r in _read(coder, "Ukraine said in the papers that Russia's ban will end."))
    # "court papers" name the court they are filed in, not their filer
    assert not any(r[0] == "ACCUSE" for r in _read(
        coder, "Russian agents seized the weapons in Ukraine, according to court papers."))


# -- a legal action brought against someone ---------------------------------------------------------------------


def test_a_legal_action_brought_against_someone_is_its_bringers_allegation(coder: Coder) -> None:
    assert ("ACCUSE", "allege", ["NAM"], ["DEU"]) in _coded(
        coder, "Germany rejected a lawsuit filed by Namibian leaders against the German government.")
    assert ("ACCUSE", "allege", ["NAM"], ["DEU"]) in _coded(
        coder, "A lawsuit filed by Namibian leaders against the German government was dismissed.")
    assert ("ACCUSE", "allege", ["USA"], ["RUS"]) in _coded(
        coder, "The United States has brought criminal charges against Russian officials for the first time.")


def test_a_legal_action_with_no_bringer_or_no_one_it_is_against_is_no_allegation_of_this_kind(coder: Coder) -> None:
    assert not _accusations(coder, "The lawsuit against the German government was dismissed.")
    assert not _accusations(coder, "Namibia's lawsuit was dismissed on Tuesday.")


# -- a published finding speaks for its publisher -----------------------------------------------------------------


def test_what_a_named_report_says_is_its_publishers_allegation(coder: Coder) -> None:
    assert ("ACCUSE", "allege", ["GBR"], ["TUR"]) in _coded(
        coder, "Some followers of Gulen were involved in last summer's failed coup in Turkey, a UK Parliament "
               "report says.")


def test_a_report_with_no_publisher_or_only_spoken_in_is_no_allegation_of_this_kind(coder: Coder) -> None:
    assert not _accusations(coder, "Some followers of the cleric joined the protests, the report says.")
    assert not _accusations(coder, "According to initial Brazilian police reports, the sailor was shot dead by "
                                   "pirates.")


def test_a_legal_action_brought_with_no_bringer_named_is_kept_with_no_accuser(coder: Coder) -> None:
    assert ("ACCUSE", "allege", [], ["ZAF"]) in _coded(
        coder, "Fraud charges brought against the South African finance minister rattled markets.")
    assert not _accusations(coder, "No criminal charges were filed against the Russian officials.")


# -- a claim named again --------------------------------------------------------------------------------------


def _story(coder: Coder, text: str) -> list[tuple[str, int, list[str | None], list[str | None]]]:
    return [(m.type, m.sentence_index, [a.country for a in m.source], [a.country for a in m.target])
            for m in coder.code_text(text)]


def test_a_definite_allegation_named_again_is_the_storys_accusation_with_its_sides(coder: Coder) -> None:
    text = ("Pakistan's army accused Afghanistan of sheltering the attackers. "
            "The allegation drew a sharp response from Kabul.")
    assert ("ACCUSE", 1, ["PAK"], ["AFG"]) in _story(coder, text)


def test_an_allegation_denied_or_judged_false_is_the_denial_alone(coder: Coder) -> None:
    # the labelling guide: "denies the charges" is REJECT
    denied = _story(coder, "Pakistan's army accused Afghanistan of sheltering the attackers. "
                           "Kabul rejected the allegation on Tuesday.")
    assert not [e for e in denied if e[0] == "ACCUSE" and e[1] == 1]
    judged = _story(coder, "Pakistan's army accused Afghanistan of sheltering the attackers. "
                           "The Afghan foreign ministry said the allegation was baseless.")
    assert not [e for e in judged if e[0] == "ACCUSE" and e[1] == 1]


def test_an_allegation_with_no_accusation_before_it_or_words_of_its_own_is_not_named_again(coder: Coder) -> None:
    assert not _story(coder, "The allegations surfaced in Kabul on Monday.")
    text = ("Pakistan's army accused Afghanistan of sheltering the attackers. "
            "The allegations of Pakistani officials surfaced on Monday.")
    assert not [e for e in _story(coder, text) if e[1] == 1]


# -- a suit with its bringer and nobody named against ----------------------------------------------------------


def test_a_suit_brought_by_a_party_with_nobody_named_against_is_its_allegation(coder: Coder) -> None:
    # the labelling guide: a lawsuit is ACCUSE allege by its author on the sentence that names it
    assert ("ACCUSE", "allege", ["USA"], []) in _coded(
        coder, "A judge heard arguments in a lawsuit brought by the state of Washington.")
    assert ("ACCUSE", "allege", ["KEN"], []) in _coded(coder, "Kenya's opposition filed a complaint on Tuesday.")


def test_a_suit_with_no_bringer_or_only_owned_is_no_allegation_of_its_own(coder: Coder) -> None:
    assert not _accusations(coder, "A judge in Nairobi heard arguments in the lawsuit on Tuesday.")
    # only named by its owner, the suit is not told as brought: the sentence's event is elsewhere
    assert not _accusations(coder, "A judge in Nairobi heard arguments in the opposition's lawsuit on Tuesday.")
