"""Accusations read off reported speech: a disapproval word in a speaker's clause about another actor."""

from __future__ import annotations

from detente.coding import Coder


def _coded(coder: Coder, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(m.type, [a.country for a in m.source], [a.country for a in m.target]) for m in coder.code_text(text)]


def test_a_speaker_calling_another_actor_a_bully_accuses_it(coder: Coder) -> None:
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, "China said the US was bullying smaller nations.")


def test_concern_about_an_actors_conduct_accuses_its_owner_not_the_speaker(coder: Coder) -> None:
    text = ("We are seriously concerned about Iran's production of uranium, British Ambassador James Kariuki "
            "told reporters.")
    assert _coded(coder, text) == [("ACCUSE", ["GBR"], ["IRN"])]


def test_no_speaker_no_accusation_and_a_denial_is_none(coder: Coder) -> None:
    assert not [c for c in _coded(coder, "The US was bullying smaller nations.") if c[0] == "ACCUSE"]
    assert not [c for c in _coded(coder, "Akar said the S-400 poses no threat to NATO systems.")
                if c[0] == "ACCUSE"]


def test_a_concern_reaches_through_what_it_is_about_to_whose_conduct_it_is(coder: Coder) -> None:
    text = "The British ambassador said London is concerned about the latest IAEA report about Iran's production."
    assert _coded(coder, text) == [("ACCUSE", ["GBR"], ["IRN"])]


def test_defiance_reported_by_another_is_an_accusation_not_the_act(coder: Coder) -> None:
    assert _coded(coder, "The United States said China defied the Security Council.") == [("ACCUSE", ["USA"], ["CHN"])]
    # said by nobody, the defiance is the act itself
    assert _coded(coder, "China defied the Security Council.") == [("REJECT", ["CHN"], ["IGO"])]


def test_shared_concern_over_an_actors_conduct_accuses_its_owner(coder: Coder) -> None:
    text = "In July, Tokyo and Washington shared concerns over China's rapid expansion of its nuclear arsenal."
    assert _coded(coder, text) == [("ACCUSE", ["JPN", "USA"], ["CHN"])]


def test_a_disapproving_word_on_a_noun_accuses_whose_thing_it_is(coder: Coder) -> None:
    text = "China's foreign ministry said the talks failed because of the US' short-sighted policies."
    assert ("ACCUSE", ["CHN"], ["USA"]) in _coded(coder, text)


def test_an_editorials_own_disapproval_is_its_outlets_accusation(coder: Coder) -> None:
    import datetime as dt

    from detente.records import Document

    text = "Relations were disrupted by the US sensationalizing the balloon incident."
    found = {}
    for genre in ("editorial", "news"):
        doc = Document(id=genre, text=text, published=dt.date(2024, 1, 11), outlet="Global Times", genre=genre)
        [(_, records)] = list(coder.code_documents([doc]))
        found[genre] = [(m.type, [a.country for a in m.source], [a.country for a in m.target]) for m in records]
    assert found["editorial"] == [("ACCUSE", ["CHN"], ["USA"])]
    assert found["news"] == []  # a news story's narration accuses nobody
    # the outlet's own side perceiving something is no accusation of it
    own = Document(id="own", text="Such gestures may be seen by China as mere tactics with malicious intent.",
                   published=dt.date(2024, 1, 11), outlet="Global Times", genre="editorial")
    [(_, records)] = list(coder.code_documents([own]))
    assert not [m for m in records if m.type == "ACCUSE"]


def test_a_cue_on_an_ownerless_noun_accuses_its_clauses_subject(coder: Coder) -> None:
    assert _coded(coder, "China said Japan took provocative actions.") == [("ACCUSE", ["CHN"], ["JPN"])]
