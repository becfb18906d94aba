"""Query parameters: filters as the CLI reads them, opaque cursors that round-trip and refuse forgeries."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from detente.serve.params import BadParameter, decode_cursor, encode_cursor, event_selection
from detente.store.queries import EVENT_SORTS


def test_filters_read_like_the_cli() -> None:
    sel = event_selection(dyad="usa-chn", since="2023-06", until="2024", type="consult", channel="military",
                          modality="planned", outlet=" VOA ", q=" talks ", sort="mentions", limit=10)
    q = sel.query
    assert (q.dyad, q.since, q.until, q.type, q.channel, q.limit) == (
        ("USA", "CHN"), dt.date(2023, 6, 1), dt.date(2024, 12, 31), "CONSULT", "military", 10)
    assert (sel.extra.modality, sel.extra.outlet, sel.extra.text, sel.extra.sort) == ("planned", "VOA", "talks",
                                                                                      "mentions")
    assert sel.form["outlet"] == "VOA"


def test_empty_form_fields_mean_not_given() -> None:
    sel = event_selection(dyad="", since=" ", type="", channel="", modality="", outlet="", q="", sort="", cursor="")
    assert sel.query.dyad is None and sel.query.type is None and sel.extra.after is None and sel.form == {}
    assert sel.extra.sort == "date" and sel.query.limit == 50


@pytest.mark.parametrize("sort", list(EVENT_SORTS))
def test_cursors_round_trip(sort: str) -> None:
    kinds = [kind for _, _, kind in EVENT_SORTS[sort]]
    key = tuple({"date": dt.date(2023, 9, 16), "int": 7, "str": "abc123"}[k] for k in kinds)
    assert decode_cursor(encode_cursor(sort, key), sort, EVENT_SORTS[sort]) == key


def forged(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


@pytest.mark.parametrize("cursor", [
    "", "!!!", forged([1, 2]), forged({"s": "date", "k": ["2023-01-01", "2023-01-01"]}),
    forged({"s": "date", "k": ["x", "2023-01-01", "id"]}), forged({"s": "date", "k": [1, 2, 3]}),
    forged({"s": "mentions", "k": ["2023-01-01", "2023-01-01", "id"]}),
])
def test_bad_cursors_are_refused(cursor: str) -> None:
    with pytest.raises(BadParameter, match="^cursor: "):
        decode_cursor(cursor, "date", EVENT_SORTS["date"])
