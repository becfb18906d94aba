"""Order independence on a dense synthetic corpus: any batching, any order, equals a full re-clustering.

The corpus is built to stress the incremental path: few people meeting often, every date precision, undated
reports, plans and denials, shared places, several dyads, documents telling several events.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from detente.records import Document, Location, Mention
from tests.clustering.eventdata import BALI, WASHINGTON, doc, events, ingest, membership, rec

PEOPLE = {
    "USA": [("Joe Biden", "USA"), ("Antony Blinken", "USA"), ("United States", "USA")],
    "CHN": [("Xi Jinping", "CHN"), ("Wang Yi", "CHN"), ("China", "CHN")],
    "RUS": [("Sergei Lavrov", "RUS"), ("Russia", "RUS")],
}
PRECISIONS = ["day"] * 5 + ["unresolved"] * 3 + ["month", "season", "year"]
PLACES: list[Location | None] = [None, None, BALI, WASHINGTON]


def _corpus(seed: int, n_docs: int) -> list[tuple[Document, list[Mention]]]:
    rnd = random.Random(seed)
    start = dt.date(2023, 1, 1)
    corpus = []
    for i in range(n_docs):
        published = start + dt.timedelta(days=rnd.randrange(60))
        doc_id = f"d{i:03d}"
        records = []
        for j in range(rnd.randint(1, 6)):
            precision = rnd.choice(PRECISIONS)
            when = published - dt.timedelta(days=rnd.choice([0, 0, 1, 2, 4, 9]))
            when = {"month": when.replace(day=1), "season": when.replace(day=1),
                    "year": when.replace(month=1, day=1), "unresolved": published}.get(precision, when)
            a, b = rnd.choice([("USA", "CHN"), ("USA", "CHN"), ("CHN", "USA"), ("RUS", "USA")])
            records.append(rec(
                doc_id, j, type=rnd.choice(["CONSULT", "CONSULT", "ACCUSE"]),
                source=[rnd.choice(PEOPLE[a])], target=[rnd.choice(PEOPLE[b])], date=when.isoformat(),
                precision=precision, modality=rnd.choice(["asserted"] * 4 + ["planned"]),
                location=rnd.choice(PLACES), confidence=rnd.choice([0.5, 0.6, 0.8, 0.9]),
            ))
        corpus.append((doc(doc_id, published.isoformat(), rnd.choice(["AP", "BBC", "Xinhua", None])), records))
    return corpus


def test_any_order_and_batching_equals_full_reclustering(tmp_path: Path) -> None:
    corpus = _corpus(seed=6, n_docs=70)
    reference = ingest(tmp_path / "all.duckdb", corpus)
    expected = (events(reference), membership(reference))
    reference.recluster()
    assert (events(reference), membership(reference)) == expected
    merged = [ids for ids in expected[1].values() if len(ids) > 1]
    assert len(merged) >= 10 and len(expected[0]) < sum(len(r) for _, r in corpus)  # the corpus does cluster

    for seed in (1, 2, 3):
        shuffled = corpus[:]
        random.Random(seed).shuffle(shuffled)
        sizes = random.Random(seed).choices([1, 2, 5], k=len(shuffled))
        batches, pos = [], 0
        for size in sizes:
            if pos >= len(shuffled):
                break
            batches.append(shuffled[pos:pos + size])
            pos += size
        store = ingest(tmp_path / f"order{seed}.duckdb", *batches)
        assert (events(store), membership(store)) == expected, f"order {seed}"
