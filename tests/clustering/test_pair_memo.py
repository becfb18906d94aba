"""A writer keeps the rule's verdict on every pair its batches compared: a new report of a large event is compared
with each member once, and no event changes for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.clustering import segments
from detente.records import Document, Mention
from tests.clustering.eventdata import BALI, doc, events, ingest, membership, rec

REPORTS = 12


def _reports() -> list[tuple[Document, list[Mention]]]:
    """One meeting told by many outlets, each report also telling an accusation of another day."""
    out = []
    for i in range(REPORTS):
        doc_id = f"r{i:02d}"
        out.append((doc(doc_id, "2023-11-16", outlet=f"outlet {i}"), [
            rec(doc_id, 0, date="2023-11-15", location=BALI if i % 2 else None, confidence=0.5 + i / 40),
            rec(doc_id, 1, type="ACCUSE", cameo="112", date="2023-11-10", precision="day"),
        ]))
    return out


def test_kept_verdicts_change_no_event(tmp_path: Path) -> None:
    store = ingest(tmp_path / "one.duckdb", *[[item] for item in _reports()])
    expected = (events(store), membership(store))
    assert max(len(ids) for ids in expected[1].values()) == REPORTS  # the reports do merge
    assert len(store._verdicts._items) > 0
    store.recluster()  # no kept verdict: everything compared again
    assert (events(store), membership(store)) == expected


def test_a_new_report_is_compared_with_each_member_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = _reports()
    store = ingest(tmp_path / "one.duckdb", *[[item] for item in reports[:-1]])
    calls: list[tuple[str, str]] = []
    rule = segments.compatible

    def counted(a: object, b: object) -> bool:
        calls.append((a.mention_id, b.mention_id))  # type: ignore[attr-defined]
        return rule(a, b)  # type: ignore[arg-type]

    monkeypatch.setattr(segments, "compatible", counted)
    store.add_batch([reports[-1]])
    new = {m.mention_id for m in reports[-1][1]}
    assert calls and all(new & set(pair) for pair in calls)  # only pairs with the new report
    assert len(calls) == len(set(calls)) <= 2 * (REPORTS - 1)  # each pair once
