"""The typed records and their JSON shapes (detente/records.py, docs/DESIGN.md): keys, ISO dates, nesting,
and a round trip through ``json`` that loses nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from detente.records import Actor, DateResolution, Document, Location, Mention

WANG = Actor(text="Chinese Foreign Minister Wang Yi", name="Wang Yi", country="CHN", sector="GOV",
             id="person/chn/wang-yi")
BLINKEN = Actor(text="Blinken", name="Antony Blinken", country="USA", sector="GOV", id="person/usa/antony-blinken")
BEIJING = Location(text="Beijing", name="Beijing", country="CHN", lat=39.9, lon=116.4, precision="city")

MENTION_KEYS = [
    "mention_id", "doc_id", "document_id", "url", "sentence", "sentence_index", "type", "mode", "cameo",
    "goldstein", "quad_class", "modality", "channel", "source", "target", "speaker", "trigger", "date", "date_end",
    "date_precision", "date_text", "location", "confidence",
]  # fmt: skip


def mention(**changes: Any) -> Mention:
    fields: dict[str, Any] = {
        "mention_id": "abc123-4", "doc_id": "abc123", "sentence": "Wang Yi met Blinken in Beijing on Monday.",
        "sentence_index": 4, "type": "CONSULT", "mode": "visit", "cameo": "042", "goldstein": 1.9, "quad_class": 1,
        "modality": "asserted", "channel": "diplomatic", "source": [WANG], "target": [BLINKEN],
        "speaker": BLINKEN, "trigger": "met", "date": dt.date(2023, 6, 19), "date_end": dt.date(2023, 6, 20),
        "date_precision": "day", "date_text": "on Monday", "location": BEIJING, "confidence": 0.87654,
        "document_id": "caller-7", "url": "https://example.org/a",
    }  # fmt: skip
    fields.update(changes)
    return Mention(**fields)


def test_mention_to_dict_shape() -> None:
    d = mention().to_dict()
    assert list(d) == MENTION_KEYS
    assert d["date"] == "2023-06-19" and d["date_end"] == "2023-06-20"
    assert d["source"] == [{"text": "Chinese Foreign Minister Wang Yi", "name": "Wang Yi", "country": "CHN",
                            "sector": "GOV", "id": "person/chn/wang-yi"}]
    assert [a["name"] for a in d["target"]] == ["Antony Blinken"]
    assert d["speaker"]["id"] == "person/usa/antony-blinken"
    assert d["location"] == {"text": "Beijing", "name": "Beijing", "country": "CHN", "lat": 39.9, "lon": 116.4,
                             "precision": "city"}
    assert (d["cameo"], d["goldstein"], d["quad_class"]) == ("042", 1.9, 1)
    assert (d["document_id"], d["url"]) == ("caller-7", "https://example.org/a")
    assert d["confidence"] == 0.877  # rounded to three places


def test_mention_to_dict_with_nothing_optional() -> None:
    bare = Mention(mention_id="m", doc_id="d", sentence="s", sentence_index=0, type="ACCUSE", mode=None,
                   cameo=None, goldstein=None, quad_class=None, modality="negated", channel="other")
    d = bare.to_dict()
    assert list(d) == MENTION_KEYS
    assert d["source"] == [] and d["target"] == []
    for key in ("speaker", "trigger", "date", "date_end", "date_text", "location", "document_id", "url", "mode",
                "cameo", "goldstein", "quad_class"):
        assert d[key] is None, key
    assert d["date_precision"] == "unresolved" and d["confidence"] == 0.5


def test_to_dict_does_not_share_lists_with_the_record() -> None:
    rec = mention()
    d = rec.to_dict()
    d["source"].append({"name": "someone"})
    assert len(rec.source) == 1 and len(rec.to_dict()["source"]) == 1


def test_document_to_dict() -> None:
    doc = Document(id="h" * 16, text="Body.", source_id="000_x", origin="examples/000_x.txt",
                   published=dt.date(2023, 9, 30), published_raw="30 Sep 2023", title="T", outlet="SCMP",
                   url="https://scmp.com/a", genre="news")
    d = doc.to_dict()
    assert d == {"id": "h" * 16, "text": "Body.", "source_id": "000_x", "origin": "examples/000_x.txt",
                 "published": "2023-09-30", "published_raw": "30 Sep 2023", "title": "T", "outlet": "SCMP",
                 "url": "https://scmp.com/a", "language": "en", "genre": "news"}
    assert Document(id="x", text="t").to_dict()["published"] is None


def test_date_resolution_to_dict() -> None:
    dated = DateResolution(date=dt.date(2023, 11, 1), date_end=dt.date(2023, 11, 30), precision="month",
                           text="last November")
    assert dated.to_dict() == {"date": "2023-11-01", "date_end": "2023-11-30", "date_precision": "month",
                               "date_text": "last November"}
    none = DateResolution(date=None, date_end=None, precision="unresolved", text=None)
    assert none.to_dict() == {"date": None, "date_end": None, "date_precision": "unresolved", "date_text": None}


def test_actor_and_location_to_dict() -> None:
    assert Actor(text="officials").to_dict() == {"text": "officials", "name": None, "country": None, "sector": None,
                                                 "id": None}
    assert Location(text="x", name="X", country=None, lat=None, lon=None).to_dict()["precision"] == "city"


@pytest.mark.parametrize("record", [
    mention(),
    mention(speaker=None, location=None, date=None, date_end=None, source=[], target=[]),
    Document(id="x", text="Ünïcödé “quotes” — dashes", published=dt.date(2024, 1, 11)),
    DateResolution(date=dt.date(2024, 2, 29), date_end=None, precision="day", text="Thursday"),
    WANG,
    BEIJING,
])  # fmt: skip
def test_json_round_trip(record: Mention | Document | DateResolution | Actor | Location) -> None:
    d = record.to_dict()
    text = json.dumps(d, ensure_ascii=False)  # raises on a date or a dataclass left in the dict
    assert json.loads(text) == d
    for value in _leaves(d):
        assert value is None or isinstance(value, str | int | float | bool), value


def test_dates_come_back_as_the_same_dates() -> None:
    d = json.loads(json.dumps(mention().to_dict()))
    assert dt.date.fromisoformat(d["date"]) == dt.date(2023, 6, 19)
    assert dt.date.fromisoformat(d["date_end"]) == dt.date(2023, 6, 20)


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]
