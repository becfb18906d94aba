"""Judgement by naming (``detente.coding.naming``): "X called Y's move irresponsible" is X's ACCUSE of Y. Each
sentence names an attack too, so that the prefilter parses it (naming verbs are no verbs of saying)."""

from __future__ import annotations

from detente.coding import Coder

Coded = tuple[str, str | None, list[str | None], list[str | None]]


def _accusations(coder: Coder, text: str) -> list[Coded]:
    return [(m.type, m.mode, [a.country for a in m.source], [a.country for a in m.target])
            for m in coder.code_text(text) if m.type == "ACCUSE"]


def test_calling_an_actors_decision_a_judgement_disapproves_of_the_actor(coder: Coder) -> None:
    text = "After the attack, Beijing called Washington's decision irresponsible."
    assert ("ACCUSE", "disapprove", ["CHN"], ["USA"]) in _accusations(coder, text)


def test_describing_an_actors_plan_as_a_judgement_disapproves_of_the_actor(coder: Coder) -> None:
    text = "After the attack, China described the American plan as dangerous."
    assert ("ACCUSE", "disapprove", ["CHN"], ["USA"]) in _accusations(coder, text)


def test_a_naming_that_hangs_on_the_namer_is_the_namers(coder: Coder) -> None:
    # the small model parses "an official called ..." as a participle on "official"
    text = ("After the attack on the farms, a senior American official called Mugabe's rule illegitimate and "
            "said his election was won through fraud.")
    assert ("ACCUSE", "disapprove", ["USA"], ["ZWE"]) in _accusations(coder, text)


def test_no_judgement_no_owner_a_call_for_or_a_negated_naming_is_no_accusation(coder: Coder) -> None:
    # what it is called is no judgement
    assert not _accusations(coder, "After the attack, Beijing called Washington's decision important.")
    # a thing nobody owns names nobody
    assert not _accusations(coder, "After the attack, Beijing called the decision irresponsible.")
    # negated
    assert not _accusations(coder, "After the attack, Beijing did not call Washington's decision irresponsible.")
    # commentators' views are no party's act (as for "analysts said")
    assert not _accusations(coder, "After the attack, Chinese analysts called Washington's decision irresponsible.")


def test_a_naming_set_in_quotation_marks_is_a_judgement_of_the_one_named(coder: Coder) -> None:
    # the meeting gets the sentence parsed (the prefilter knows no naming verb); the quotes make the judgement
    coded = coder.code_text('France\'s foreign minister called the Russian position "confused and worrying" after '
                            'meeting the Russian ambassador.')
    assert ("ACCUSE", ["FRA"], ["RUS"]) in [(m.type, [a.country for a in m.source], [a.country for a in m.target])
                                           for m in coded]


def test_a_naming_unquoted_with_no_judgement_word_is_none(coder: Coder) -> None:
    coded = coder.code_text("France's foreign minister called the Russian position confused after meeting the "
                            "Russian ambassador.")
    assert not [m for m in coded if m.type == "ACCUSE"]


def test_a_quoted_naming_of_a_person_by_name_is_coded_within_one_country(coder: Coder) -> None:
    # a rival's naming of a person keeps no own-side note; a naming of one's own country's act still does
    text = "After the attack, Kenyan senators called President Uhuru Kenyatta \"a disgrace\"."
    assert [a for a in _accusations(coder, text) if a[3] == ["KEN"]]
    assert not _accusations(coder, "After the attack, Kenyan senators called Kenya's decision irresponsible.")


def test_a_quoted_naming_of_a_person_by_title_is_coded_within_one_country(coder: Coder) -> None:
    text = "After the attack, Kenyan senators called the president's order \"a disgrace\"."
    assert [a for a in _accusations(coder, text) if a[3] == ["KEN"]]
