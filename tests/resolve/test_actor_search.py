"""Searching the knowledge base as of a date: who an actor was, and which office they held, on that day."""

from __future__ import annotations

import datetime as dt

from detente.resolve.actors import ActorKB


def test_a_person_as_of_dates(kb: ActorKB) -> None:
    early = kb.search("Wang Yi", dt.date(2020, 5, 1))[0]
    spring = kb.search("wang yi", dt.date(2023, 4, 1))[0]
    assert early.actor.id == spring.actor.id == "person/chn/wang-yi"
    assert (early.title, early.standing, early.actor.country) == ("foreign minister", "active", "CHN")
    assert spring.title is not None and spring.title.startswith("director of the office")
    assert spring.term_start == dt.date(2023, 1, 1)


def test_before_and_after_an_office(kb: ActorKB) -> None:
    later = kb.search("blinken", dt.date(2018, 4, 1))[0]  # between his terms: after deputy secretary of state
    assert later.standing == "past" and later.title == "deputy secretary of state"
    assert later.to_dict()["term_end"] == "2017-01-20"
    latest = kb.search("blinken")[0]
    assert latest.standing == "latest" and latest.actor.country == "USA"


def test_aliases_words_and_limits(kb: ActorKB) -> None:
    ids = [e.actor.id for e in kb.search("foreign ministry", limit=50)]
    assert "body/chn/ministry-of-foreign-affairs-of-china" in ids
    assert all(e.actor.id != "person/chn/wang-yi" for e in kb.search("ang yi"))  # words, not parts of words
    assert len(kb.search("a", limit=5)) == 5
    assert kb.search("   ") == [] and kb.search("zzqqxx") == []
    assert kb.search("Erdoğan")[0].actor.id == kb.search("erdogan")[0].actor.id  # diacritics folded


def test_the_python_api_gives_the_same_entries(kb: ActorKB) -> None:
    import detente

    got = detente.actors("wang yi", on="2020-05-01", limit=3)
    assert [e.to_dict() for e in got] == [e.to_dict() for e in kb.search("wang yi", dt.date(2020, 5, 1), limit=3)]


def test_whole_words_rank_before_prefixes(kb: ActorKB) -> None:
    found = kb.search("wang", dt.date(2023, 8, 1), limit=200)
    names = [e.actor.name or "" for e in found]
    assert any(n.startswith("Wang ") for n in names) and any("Wangchuck" in n for n in names)
    first_prefix_only = next(i for i, n in enumerate(names) if "Wangchuck" in n)
    assert all(n.split()[0] == "Wang" or "wang" in n.lower().split() for n in names[:first_prefix_only])
