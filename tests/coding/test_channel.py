"""Choosing the channel of an exchange from cue words, actors' descriptions and sectors, and the type."""

from __future__ import annotations

from detente.coding.channel import ChannelEvidence, choose_channel
from detente.records import Actor


def ev(trigger: str = "met", actors=(), others=(), obj: str = "", hint=None, type_: str = "CONSULT",
       sentence: str = "") -> ChannelEvidence:
    return ChannelEvidence(
        trigger_words=trigger.lower().split(), trigger_text=trigger, actors=list(actors), other_actors=list(others),
        object_words=obj.lower().split(), object_text=obj, sense_hint=hint, type=type_,
        sentence_words=sentence.lower().split(), sentence_text=sentence,
    )


GOV_US = Actor(text="Blinken", name="Antony Blinken", country="USA", sector="GOV")
GOV_CN = Actor(text="Wang Yi", name="Wang Yi", country="CHN", sector="GOV")


def test_cue_on_the_trigger_wins() -> None:
    assert choose_channel(ev("Defense Policy Coordination Talks", [(GOV_US, "officials")])) == "military"
    assert choose_channel(ev("trade talks", [(GOV_US, "Blinken")])) == "economic"


def test_actor_descriptions_and_sectors() -> None:
    yellen = Actor(text="Treasury Secretary Janet Yellen", name="Janet Yellen", country="USA", sector="GOV")
    assert choose_channel(ev(actors=[(yellen, "Treasury Secretary Janet Yellen")])) == "economic"
    kerry = Actor(text="John Kerry", name="John Kerry", country="USA", sector="GOV")
    assert choose_channel(ev(actors=[(kerry, "John Kerry ; Biden's top climate envoy")])) == "climate"
    liu = Actor(text="Liu Jianchao", name="Liu Jianchao", country="CHN", sector="PTY")
    assert choose_channel(ev("visited", [(liu, "Liu Jianchao")], [(GOV_US, "the US side")])) == "party"
    team = Actor(text="Peking University Table Tennis Team", name="Peking University", country="CHN", sector="EDU")
    assert choose_channel(ev("visit", [(team, "Peking University Table Tennis Team")])) == "people-to-people"
    assert choose_channel(ev(actors=[(GOV_US, "Blinken")], others=[(GOV_CN, "Wang Yi")])) == "diplomatic"


def test_a_mixed_delegation_is_diplomatic() -> None:
    yellen = Actor(text="Treasury Secretary Janet Yellen", country="USA", sector="GOV")
    kerry = Actor(text="John Kerry", country="USA", sector="GOV")
    assert choose_channel(ev("visited", [(GOV_US, "Blinken"), (yellen, "Treasury Secretary Janet Yellen"),
                                         (kerry, "John Kerry ; climate envoy")])) == "diplomatic"


def test_object_hint_type_and_sentence() -> None:
    firm = Actor(text="firms", country="CHN", sector=None)
    assert choose_channel(ev("imposed", [(firm, "")], obj="export controls on chips", type_="SANCTION",
                             hint="economic")) == "technology"
    assert choose_channel(ev("sent", [(firm, "")], hint="humanitarian", type_="AID")) == "humanitarian"
    assert choose_channel(ev("shelled", [(firm, "")], type_="ASSAULT")) == "military"
    nobody = Actor(text="some group", country="CHN", sector=None)
    assert choose_channel(ev("signed", [(nobody, "")], type_="SUPPORT",
                             sentence="countries signed a declaration about AI concerns")) == "technology"
    assert choose_channel(ev("met", [(Actor(text="x", country=None, sector="CVL"), "")])) == "people-to-people"
    assert choose_channel(ev("met", [(Actor(text="x", country=None, sector=None), "")])) == "other"
