"""A threat or warning verb whose own actor is a thing endangers: no THREATEN (coding/threats.py)."""

from __future__ import annotations

from detente.coding import Coder


def _types(coder: Coder, text: str) -> list[str]:
    return [m.type for m in coder.code_text(text)]


def test_a_thing_that_threatens_is_no_threat(coder: Coder) -> None:
    # passive with a thing as the "by" agent, and an active thing subject
    assert "THREATEN" not in _types(coder, "Greek officials said the island of Crete is threatened by the rapid "
                                            "spread of wildfires.")
    assert "THREATEN" not in _types(coder, "Indian officials said rising sea levels threaten the Maldives.")


def test_an_actor_that_threatens_another_still_threatens(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "Russia threatened Moldova on Tuesday.")
    assert "THREATEN" in _types(coder, "Moldova is threatened by Russia, the Moldovan president said.")
    # a threat word governing an act is that act's threat, whatever its subject
    assert "THREATEN" in _types(coder, "China threatened to impose sanctions on Lithuania.")


def _coded(coder: Coder, text: str) -> list[tuple[str, str]]:
    return [(m.type, m.modality) for m in coder.code_text(text)]


def test_a_measure_the_speaker_reports_of_another_is_that_measure_planned(coder: Coder) -> None:
    # the doer is another noun, or a pronoun that cannot be the speaker ("they" is not one editor)
    assert _coded(coder, "An Afghan editor said the Taliban would impose restrictions on newspapers.") == \
        [("COERCE", "planned")]
    assert "THREATEN" not in _types(coder, "“It was clear that they would impose restrictions on newspapers,” "
                                            "the Afghan editor said.")


def test_a_measure_announced_by_its_own_doer_or_on_a_condition_stays_a_threat(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "Iraqi officials said they would impose sanctions on Kuwait.")
    assert "THREATEN" in _types(coder, "An Afghan editor said the Taliban would impose restrictions on newspapers "
                                       "if they criticised the government.")


def test_not_ruling_out_a_conflictual_act_is_a_threat(coder: Coder) -> None:
    # a coercive act left on the table is a warning, not a refusal that did not happen
    assert _coded(coder, "Russia did not rule out military strikes against Georgia.") == [("THREATEN", "asserted")]
    assert ("THREATEN", "asserted") in _coded(coder, "The Fijian union leader did not rule out a blockade of the "
                                                     "port if the dispute continues.")


def test_ruling_out_and_not_ruling_out_cooperation_stay_as_they_were(coder: Coder) -> None:
    # ruling an act out is a refusal; not ruling out talks leaves an offer open, no warning
    assert "REJECT" in _types(coder, "Russia ruled out military strikes against Georgia.")
    assert "THREATEN" not in _types(coder, "Russia did not rule out talks with Georgia.")


def test_a_warning_of_how_things_are_is_no_threat(coder: Coder) -> None:
    # the warning's clause has a thing for its subject: no act of the warner's is announced
    assert "THREATEN" not in _types(coder, "Indian health officials warned that fake vaccines will not protect "
                                            "against the disease.")
    assert "THREATEN" not in _types(coder, "The Japanese finance minister warned that the trade dispute with "
                                            "China would hurt growth.")


def test_a_warning_of_the_warners_act_or_of_a_party_still_threatens(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "The United States warned that it will continue to exert pressure on Iran.")
    assert "THREATEN" in _types(coder, "The Pakistani minister warned that Indian troops would face a crushing "
                                        "response.")


def test_another_partys_plot_reported_by_a_speaker_is_an_allegation(coder: Coder) -> None:
    coded = [(m.type, [a.country for a in m.source], [a.country for a in m.target])
             for m in coder.code_text("Iran is planning to attack Israel, the Israeli defence minister said.")]
    assert coded == [("ACCUSE", ["ISR"], ["IRN"])]


def test_a_plan_the_planner_announces_stays_a_threat(coder: Coder) -> None:
    assert "THREATEN" in _types(coder, "The Iranian defence minister said he plans to attack Israel.")
    # a vow announces: reported by another, it stays the vower's threat
    assert "ACCUSE" not in _types(coder, "Hamas vowed to attack Israel, the Israeli defence minister said.")
