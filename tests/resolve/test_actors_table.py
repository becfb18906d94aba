"""Actor resolution against a table: the seed articles' actors, date-dependent cases, and the PLOVER dev set."""

from __future__ import annotations

import csv
import datetime as dt
import json
from itertools import groupby
from pathlib import Path

import pytest

from detente.records import Actor
from detente.resolve.actors import ActorKB, DocumentActors, default_kb
from tests.conftest import GOLD_DEV

CASES = Path(__file__).with_name("actor_cases.csv")
GOLD = GOLD_DEV
# Share of the dev set's source/target actors resolved to the gold country code: 91.1% when written (most misses
# are gold slips such as "Japan" -> JAP or Rwandan rebels -> UGA, or ethnic groups with no country in the span).
GOLD_FLOOR = 0.90


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


ROWS = _rows()


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return default_kb()


def _check(kb: ActorKB, row: dict[str, str], ctx: DocumentActors | None) -> str | None:
    on = dt.date.fromisoformat(row["date"]) if row["date"] else None
    actor = kb.resolve(row["text"], on, ctx)
    got = (actor.country, actor.sector, actor.name) if actor else (None, None, None)
    want = (row["country"] or None, row["sector"] or None, row["name"] or None)
    if got[:2] != want[:2] or (want[2] != "*" and got[2] != want[2]):
        return f"{row['text']!r} on {row['date']}: expected {want}, got {got}"
    return None


def test_table_is_large_enough() -> None:
    assert len(ROWS) >= 150
    assert {r["date"] for r in ROWS if r["doc"]} == {"2023-09-30", "2024-01-11", "2024-01-12"}


@pytest.mark.parametrize("doc", sorted({r["doc"] for r in ROWS if r["doc"]}))
def test_seed_documents(kb: ActorKB, doc: str) -> None:
    """Each seed article read in order with one document memory, as the coder reads it."""
    rows = [r for r in ROWS if r["doc"] == doc]
    ctx = DocumentActors(outlet=rows[0]["outlet"] or None)
    failures = [f for r in rows if (f := _check(kb, r, ctx))]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "chunk",
    [list(g) for _, g in groupby(enumerate(r for r in ROWS if not r["doc"]), key=lambda x: x[0] // 40)],
    ids=lambda chunk: f"rows{chunk[0][0]}-{chunk[-1][0]}",
)
def test_independent_rows(kb: ActorKB, chunk: list[tuple[int, dict[str, str]]]) -> None:
    failures = [f for _, r in chunk if (f := _check(kb, r, None))]
    assert not failures, "\n".join(failures)


def gold_agreement(kb: ActorKB) -> tuple[int, int]:
    agree = total = 0
    with GOLD.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            on = dt.date.fromisoformat(record["date"])
            for gold in record["source"] + record["target"]:
                total += 1
                actor: Actor | None = kb.resolve(gold["text"], on)
                agree += actor is not None and actor.country == gold["code"]
    return agree, total


@pytest.mark.skipif(not GOLD.exists(), reason=f"gold set not found: {GOLD}")
def test_gold_dev_country_agreement(kb: ActorKB) -> None:
    agree, total = gold_agreement(kb)
    share = agree / total
    print(f"\nPLOVER dev set: {agree}/{total} actors resolved to the gold country ({share:.1%})")
    assert total > 200
    assert share >= GOLD_FLOOR
