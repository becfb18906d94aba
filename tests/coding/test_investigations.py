"""Police work with no trigger word: an investigating body's interrogation, questioning or search, and one under or
facing an investigation, are ACCUSE investigate (``detente.coding.investigations``)."""

from __future__ import annotations

from detente.coding import Coder

Coded = tuple[str, str | None, list[str | None], list[str | None]]


def _coded(coder: Coder, text: str) -> list[Coded]:
    return [(m.type, m.mode, [a.country for a in m.source], [a.country for a in m.target])
            for m in coder.code_text(text)]


def test_an_investigating_body_questioning_someone_investigates_them(coder: Coder) -> None:
    text = "Kenyan police are questioning two British men after the attack on the embassy."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


def test_questioning_by_anyone_but_an_investigating_body_is_no_investigation(coder: Coder) -> None:
    text = "The Kenyan opposition questioned the British plan to attack the camp."
    assert not any(c[0] == "ACCUSE" for c in _coded(coder, text))


def test_one_under_investigation_is_investigated_by_the_by_phrase_or_the_speaker(coder: Coder) -> None:
    text = "The British company is under investigation by Kenyan prosecutors after the attack."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "Kenyan police said the British company was under investigation after the attack."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


def test_one_facing_questioning_is_investigated_by_the_speaker(coder: Coder) -> None:
    text = "A Kenyan official said the British diplomat faced questioning after the attack."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


def test_a_body_investigating_its_own_country_is_no_judgement_of_its_own_side_dropped(coder: Coder) -> None:
    text = "Kenyan police are questioning an opposition leader after the bombing in Nairobi."
    assert ("ACCUSE", "investigate", ["KEN"], ["KEN"]) in _coded(coder, text)


def test_an_investigation_told_as_going_on_is_the_speakers_sides(coder: Coder) -> None:
    text = "A Kenyan police spokesman said investigations into the British company are continuing."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "A Kenyan official said an investigation is underway after the attack on the embassy."
    assert ("ACCUSE", "investigate", ["KEN"], []) in _coded(coder, text)


def test_an_investigation_by_a_body_is_the_bodys(coder: Coder) -> None:
    text = "The arrests came after a two-year investigation by Kenyan police into the British company."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


def test_an_investigation_called_for_or_denied_is_none(coder: Coder) -> None:
    text = "The Kenyan opposition called for an investigation by the police into the British company."
    assert not any(c[:2] == ("ACCUSE", "investigate") for c in _coded(coder, text))
    text = "A Kenyan official said no investigation is underway into the British company."
    assert not any(c[:2] == ("ACCUSE", "investigate") for c in _coded(coder, text))


def test_tracking_down_or_interviewing_by_an_investigating_body_investigates(coder: Coder) -> None:
    text = "Kenyan police are trying to track down two British men after the attack on the embassy."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "Kenyan police interviewed two British men after the attack on the embassy."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "The Kenyan opposition is tracking the British election after the attack on the embassy."
    assert not any(c[:2] == ("ACCUSE", "investigate") for c in _coded(coder, text))


def test_testimony_before_an_investigating_body_is_its_investigation_of_the_witness(coder: Coder) -> None:
    text = "Two British executives testified before a Kenyan inquiry into the attack on the embassy."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "Two British executives gave evidence to the Kenyan commission after the attack on the embassy."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)
    text = "Two British executives gave evidence to Kenyan reporters after the attack on the embassy."
    assert not any(c[:2] == ("ACCUSE", "investigate") for c in _coded(coder, text))
