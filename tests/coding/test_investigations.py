"""Police work with no trigger word: an investigating body's interrogation, questioning or search, and one under or
facing an investigation, are ACCUSE investigate (``detente.coding.investigations``)."""

from __future__ import annotations

import pytest

from detente.coding import Coder

Coded = tuple[str, str | None, list[str | None], list[str | None]]
AFTER = " after the attack on the embassy."


def _coded(coder: Coder, text: str) -> list[Coded]:
    return [(m.type, m.mode, [a.country for a in m.source], [a.country for a in m.target])
            for m in coder.code_text(text)]


@pytest.mark.parametrize(
    ("text", "sources", "targets"),
    [
        # _police_work: a verb of police work with an investigating body as its subject
        pytest.param("Kenyan police are questioning two British men" + AFTER, ["KEN"], ["GBR"],
                     id="a body questioning someone investigates them"),
        pytest.param("Kenyan police are trying to track down two British men" + AFTER, ["KEN"], ["GBR"],
                     id="tracking down"),
        pytest.param("Kenyan police interviewed two British men" + AFTER, ["KEN"], ["GBR"], id="interviewing"),
        # police investigating their own country's people is no judgement of one's own side, and is kept
        pytest.param("Kenyan police are questioning an opposition leader after the bombing in Nairobi.", ["KEN"],
                     ["KEN"], id="a body investigating its own country"),
        # _undergone: one under or facing an investigation, by the "by" body or the speaker
        pytest.param("The British company is under investigation by Kenyan prosecutors after the attack.", ["KEN"],
                     ["GBR"], id="under investigation by a body"),
        pytest.param("Kenyan police said the British company was under investigation after the attack.", ["KEN"],
                     ["GBR"], id="under investigation, told by the body"),
        pytest.param("A Kenyan official said the British diplomat faced questioning after the attack.", ["KEN"],
                     ["GBR"], id="facing questioning, told by the speaker"),
        # _going_on: an investigation told as going on is the speaker's side's, one with a "by" body the body's
        pytest.param("A Kenyan police spokesman said investigations into the British company are continuing.",
                     ["KEN"], ["GBR"], id="going on, into someone"),
        pytest.param("A Kenyan official said an investigation is underway" + AFTER, ["KEN"], [],
                     id="going on, into nobody named"),
        pytest.param("The arrests came after a two-year investigation by Kenyan police into the British company.",
                     ["KEN"], ["GBR"], id="an investigation by a body"),
        # _testimony: the body hearing a witness investigates the witness
        pytest.param("Two British executives testified before a Kenyan inquiry into the attack on the embassy.",
                     ["KEN"], ["GBR"], id="testifying before a body"),
        pytest.param("Two British executives gave evidence to the Kenyan commission" + AFTER, ["KEN"], ["GBR"],
                     id="giving evidence to a body"),
    ],
)  # fmt: skip
def test_an_investigation_is_the_bodys_of_the_one_it_names(coder: Coder, text: str, sources: list[str],
                                                           targets: list[str]) -> None:
    assert ("ACCUSE", "investigate", sources, targets) in _coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Kenyan opposition is tracking the British election" + AFTER,
                     id="tracking by no investigating body"),
        pytest.param("The Kenyan opposition called for an investigation by the police into the British company.",
                     id="an investigation called for is a demand's content"),
        pytest.param("A Kenyan official said no investigation is underway into the British company.",
                     id="an investigation denied"),
        pytest.param("Two British executives gave evidence to Kenyan reporters" + AFTER,
                     id="evidence given to no investigating body"),
    ],
)
def test_no_investigation(coder: Coder, text: str) -> None:
    assert not any(c[:2] == ("ACCUSE", "investigate") for c in _coded(coder, text))


def test_questioning_by_anyone_but_an_investigating_body_is_no_investigation(coder: Coder) -> None:
    """Not even another accusation: "questioned the plan" stays whatever the rules made of it."""
    text = "The Kenyan opposition questioned the British plan to attack the camp."
    assert not any(c[0] == "ACCUSE" for c in _coded(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kenyan police are interviewing two British men.", id="interviewing"),
        pytest.param("The British man is being interrogated by Kenyan detectives.", id="interrogated, passive"),
        pytest.param("Kenyan investigators grilled the British executives.", id="grilled"),
    ],
)
def test_police_work_alone_is_parsed_and_coded(coder: Coder, text: str) -> None:
    """A verb of questioning with an investigating body in its clause is a trigger word (``triggers.yaml``): the
    sentence needs no other to pass the prefilter."""
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("VOA interviewed the Kenyan minister in Nairobi.", id="interviewed by a broadcaster"),
        pytest.param("The Kenyan minister was grilled by British reporters.", id="grilled by reporters"),
    ],
)
def test_questioning_by_no_investigating_body_alone_is_nothing(coder: Coder, text: str) -> None:
    assert not any(c[0] == "ACCUSE" for c in _coded(coder, text))


def test_a_hearing_held_or_opened_is_its_bodys_investigation(coder: Coder) -> None:
    assert ("ACCUSE", "investigate", ["USA"], ["RUS"]) in _coded(
        coder, "The US Senate committee is holding a hearing on Russia's role in the election on Monday.")
    assert ("ACCUSE", "investigate", ["AUS"], []) in _coded(
        coder, "The Australian royal commission has opened public hearings into the collapse of the insurer.")


def test_a_hearing_only_mentioned_is_no_investigation(coder: Coder) -> None:
    assert not [c for c in _coded(coder, "Lawyers for the Australian insurer spoke on the last day of hearings "
                                         "into the collapse.") if c[0] == "ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("An investigation into the British company is ongoing, a Kenyan police spokesman said.",
                     id="ongoing"),
        pytest.param("A Kenyan police spokesman said an inquiry into the British company is underway.",
                     id="underway"),
    ],
)
def test_an_investigation_told_as_going_on_alone_is_parsed_and_coded(coder: Coder, text: str) -> None:
    """"Ongoing" and "underway" are no light verb: the noun pairs with them in the prefilter's trigger test
    (``triggers.yaml``), so a sentence with no other trigger word is parsed and the investigation coded."""
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


def test_an_investigation_a_speaker_calls_its_own_is_the_speakers(coder: Coder) -> None:
    """"The committee said its investigation will ...": a body telling of its own inquiry names itself so."""
    text = "Kenyan police said their investigation into the British company led to the arrest of two executives."
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Two British executives are to appear next week before a Kenyan inquiry.", id="appear before"),
        pytest.param("Two British executives testified before the Kenyan commission on Monday.", id="testify"),
    ],
)
def test_one_appearing_before_a_body_is_investigated_by_it(coder: Coder, text: str) -> None:
    """A trigger word of its own (``triggers.yaml``, swapped: the body is the source), so no other word is
    needed for the sentence to be parsed."""
    assert ("ACCUSE", "investigate", ["KEN"], ["GBR"]) in _coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Kenyan minister appeared at a press conference with the British envoy.", id="no body"),
        pytest.param("The Kenyan judge appeared on British television.", id="on, not before"),
        pytest.param("The British name appeared in a Kenyan court document.", id="in, not before"),
    ],
)
def test_appearing_before_no_body_is_no_investigation(coder: Coder, text: str) -> None:
    assert not any(c[0] == "ACCUSE" for c in _coded(coder, text))
