"""A story of one country's business or policy codes no exchange (coding/genre.py): its genre is read from all of
the story's records, when the story is done. Records and texts written for these tests, not from a labelled set."""

from __future__ import annotations

import dataclasses
import datetime as dt

from detente.coding import Coder
from detente.coding.convention_words import load_conventions
from detente.coding.genre import firm_deal, home_business, without_home_exchanges
from detente.records import Actor, Document, Mention

MINISTRY = Actor(text="the ministry", name="Kenyan Ministry of Trade", country="KEN", sector="GOV")
FIRMS = Actor(text="firms", name=None, country="KEN", sector="BUS")
POLICE = Actor(text="police", name=None, country="KEN", sector="COP")
UGANDA = Actor(text="Uganda", name="Uganda", country="UGA")
NOBODY = Actor(text="they", name=None, country=None)


def _record(type_: str, quad: int, source: Actor, target: Actor | None, index: int) -> Mention:
    return Mention(mention_id=f"m-{type_}", doc_id="d", sentence="", sentence_index=index, type=type_, mode=None,
                   cameo="000", goldstein=0.0, quad_class=quad, modality="asserted", channel="diplomatic",
                   source=[source], target=[target] if target else [], speaker=None, trigger="", date=None,
                   date_end=None, date_precision="unresolved", date_text=None, location=None, confidence=0.5)


AGREED = _record("AGREE", 1, MINISTRY, FIRMS, 0)
MET = _record("CONSULT", 1, MINISTRY, None, 1)
URGED = _record("REQUEST", 1, FIRMS, MINISTRY, 2)
ARRESTED = _record("COERCE", 4, POLICE, FIRMS, 2)


def test_a_story_of_one_country_with_no_conflict_loses_its_exchanges_and_keeps_its_demands() -> None:
    assert home_business([AGREED, MET, URGED])
    assert without_home_exchanges([AGREED, MET, URGED]) == [URGED]


def test_conflict_at_home_makes_it_news_and_everything_stays() -> None:
    records = [AGREED, MET, ARRESTED]
    assert not home_business(records)
    assert without_home_exchanges(records) == records


def test_actors_of_no_country_do_not_make_a_second_country() -> None:
    vague = dataclasses.replace(MET, target=[NOBODY])
    assert without_home_exchanges([AGREED, vague]) == []


def test_a_story_with_two_countries_keeps_everything() -> None:
    trade = dataclasses.replace(MET, target=[UGANDA])  # a meeting with another country's side is an exchange
    assert without_home_exchanges([AGREED, trade]) == [AGREED, trade]


def test_one_sentence_tells_no_genre() -> None:
    both = dataclasses.replace(MET, sentence_index=0)
    assert without_home_exchanges([AGREED, both]) == [AGREED, both]


def test_no_country_at_all_is_no_home_story() -> None:
    vague = [dataclasses.replace(rec, source=[NOBODY], target=[]) for rec in (AGREED, MET)]
    assert without_home_exchanges(vague) == vague


def test_the_coder_reads_the_genre_of_the_whole_story(coder: Coder) -> None:
    """The same meeting is coded in a story with conflict at home, and not in one of home business alone."""
    business = ("Kenyan President William Ruto met Kenyan opposition leader Raila Odinga in Nairobi on Monday. "
                "Kenyan Trade Minister Rebecca Miano met Kenyan business leaders in Mombasa on Tuesday.")
    news = business + " Kenyan police arrested ten opposition activists in Nairobi on Wednesday."
    coded = {doc.id: [m.type for m in records] for doc, records in coder.code_documents([
        Document(id="business", text=business, published=dt.date(2024, 1, 8)),
        Document(id="news", text=news, published=dt.date(2024, 1, 8))])}
    assert "CONSULT" in coded["news"]
    assert "CONSULT" not in coded["business"]


CARMAKER = Actor(text="the carmaker", name="Kenyan Motors", country="KEN", sector="BUS", id="body/ken/motors")
CHIPMAKER = Actor(text="the chipmaker", name=None, country="USA", sector="BUS")
STARTUP = Actor(text="Zebralabs", name=None, country="UGA")  # a name the KB does not know
UGANDA_STATE = Actor(text="Uganda", name="Uganda", country="UGA", id="country/UGA")


def test_a_deal_between_firms_is_no_event_and_a_state_on_a_side_makes_it_news() -> None:
    conv = load_conventions()
    assert firm_deal(_record("COOPERATE", 2, CARMAKER, CHIPMAKER, 0), conv)
    assert firm_deal(_record("AGREE", 1, STARTUP, CHIPMAKER, 0), conv)
    assert not firm_deal(_record("AGREE", 1, UGANDA_STATE, CHIPMAKER, 0), conv)
    assert not firm_deal(_record("AGREE", 1, MINISTRY, CARMAKER, 0), conv)
    assert not firm_deal(_record("CONSULT", 1, CHIPMAKER, UGANDA, 0), conv)  # a country named, with no KB entry
    assert not firm_deal(_record("AGREE", 1, STARTUP, None, 0), conv)  # no firm named
    assert not firm_deal(_record("AGREE", 1, CARMAKER, None, 0), conv)  # a firm's own pledge: no second party
    assert not firm_deal(_record("REQUEST", 1, CARMAKER, CHIPMAKER, 0), conv)  # a demand is no exchange


def test_deals_between_firms_leave_a_story_of_two_countries() -> None:
    deal = _record("COOPERATE", 2, CARMAKER, CHIPMAKER, 0)
    talks = _record("CONSULT", 1, UGANDA_STATE, UGANDA, 1)
    protest = _record("ACCUSE", 3, UGANDA_STATE, CHIPMAKER, 2)
    assert without_home_exchanges([deal, talks, protest]) == [talks, protest]
