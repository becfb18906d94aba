"""Pages of events by keyset: every sort is a total order, so pages never repeat or skip an event, even with
missing dates and ties; the page filters select what they say."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from detente.records import Actor, Document, Location, Mention
from detente.store.db import Store
from detente.store.pages import snapshot
from detente.store.queries import EVENT_SORTS, EventFilter, EventQuery

CHN = Actor("Beijing", "China", "CHN", "GOV")
USA = Actor("Washington", "United States", "USA", "GOV")
JPN = Actor("Tokyo", "Japan", "JPN", "GOV")


def doc(n: int, outlet: str | None, published: dt.date | None) -> Document:
    text = f"document {n}"
    return Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, source_id=f"d{n}", outlet=outlet,
                    published=published, url=f"https://example.org/{n}")


def mention(d: Document, i: int, kind: str, date: dt.date | None, modality: str = "asserted",
            sentence: str = "", pair: tuple[Actor, Actor] = (CHN, USA)) -> Mention:
    return Mention(mention_id=f"{d.source_id}-{i}", doc_id=d.id, sentence=sentence or f"{d.source_id} says {kind}.",
                   sentence_index=i, type=kind, mode=None, cameo=None, goldstein=None, quad_class=1,
                   modality=modality, channel="diplomatic", source=[pair[0]], target=[pair[1]],  # type: ignore[arg-type]
                   date=date, date_precision="day" if date else "unresolved",
                   location=Location("Bali", "Bali", "IDN", -8.4, 115.2), document_id=d.source_id)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = Path(tmp_path_factory.mktemp("pages")) / "pages.duckdb"
    items = []
    kinds = ["CONSULT", "ACCUSE", "AGREE", "THREATEN", "AID", "REJECT"]
    for n in range(30):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=(n % 7) * 40)  # many ties on the date
        d = doc(n, ["Xinhua", "Reuters", None][n % 3], day if n % 5 else None)
        mentions = [mention(d, i, kinds[(n + i) % len(kinds)], None if n % 6 == 0 else day,
                            modality="planned" if n % 4 == 0 else "asserted",
                            sentence="Talks on pandas in Bali." if n == 7 else "",
                            pair=(CHN, JPN) if n % 8 == 0 else (CHN, USA)) for i in range(2)]
        items.append((d, mentions))
    s = Store(path)
    s.add_batch(items)
    return s


@pytest.mark.parametrize("sort", list(EVENT_SORTS))
@pytest.mark.parametrize("size", [1, 4, 7, 100])
def test_pages_cover_every_event_once(store: Store, sort: str, size: int) -> None:
    everything = {e.event_id for e in store.events()}
    seen: list[str] = []
    after = None
    while True:
        page, after = store.event_page(EventQuery(limit=size), EventFilter(sort=sort, after=after))
        seen += [e.event_id for e in page]
        if after is None:
            break
    assert len(seen) == len(set(seen)) and set(seen) == everything


def test_the_date_order_is_the_cli_order(store: Store) -> None:
    page, _ = store.event_page(EventQuery(limit=1000), EventFilter())
    assert [e.event_id for e in page] == [e.event_id for e in store.events()]
    assert [e.document_ids for e in page] == [e.document_ids for e in store.events()]


def test_page_filters(store: Store) -> None:
    events = store.events()
    planned, _ = store.event_page(EventQuery(limit=1000), EventFilter(modality="planned"))
    assert {e.event_id for e in planned} == {e.event_id for e in events if e.modality == "planned"} != set()
    xinhua, _ = store.event_page(EventQuery(limit=1000), EventFilter(outlet="XINHUA"))
    expected = {e.event_id for e in events
                if any(d.outlet == "Xinhua" for _, d in store.evidence(e.event_id))}
    assert {e.event_id for e in xinhua} == expected != set()
    pandas, _ = store.event_page(EventQuery(limit=1000), EventFilter(text="PANDAS IN"))
    assert pandas and all(any("pandas" in m.sentence for m, _ in store.evidence(e.event_id)) for e in pandas)
    japan, _ = store.event_page(EventQuery(limit=1000), EventFilter(text="japan"))  # an actor's name
    assert {e.event_id for e in japan} == {e.event_id for e in events if "JPN" in e.target_countries} != set()
    assert store.count_event_page(EventQuery(dyad=("CHN", "JPN")), EventFilter(modality="planned")) == len(
        [e for e in events if "JPN" in e.target_countries and e.modality == "planned"])


def test_find_events_by_id_and_prefix(store: Store) -> None:
    event = store.events()[0]
    assert [e.event_id for e in store.find_events(event.event_id)] == [event.event_id]
    assert store.find_events(event.event_id)[0].document_ids == event.document_ids
    assert [e.event_id for e in store.find_events(event.event_id[:10])] == [event.event_id]
    assert len(store.find_events("")) == 2 and store.find_events("zz") == []


def test_document_pages_and_lookups(store: Store) -> None:
    seen: list[str] = []
    after = None
    while True:
        docs, after = store.document_page(limit=4, after=after)
        seen += [d.id for d in docs]
        if after is None:
            break
    assert sorted(seen) == sorted(d.id for d in store.documents())
    only, _ = store.document_page(limit=100, outlet="reuters")
    assert only and {d.outlet for d in only} == {"Reuters"}
    first = store.documents()[0]
    assert [d.id for d in store.documents_by_prefix(first.id[:8])] == [first.id]
    assert [m.doc_id for m in store.document_mentions([first.id])] == [first.id, first.id]
    assert dict(store.outlets()) == {"Xinhua": 10, "Reuters": 10}


def test_readers_on_other_connections_see_commits(store: Store) -> None:
    reader = store.cursor()
    before = reader.counts()["documents"]
    d = doc(999, "Reuters", dt.date(2024, 1, 1))
    store.add_batch([(d, [mention(d, 0, "AGREE", dt.date(2024, 1, 1))])])
    assert reader.counts()["documents"] == before + 1
    reader.close()


def test_event_evidence_is_evidence(store: Store) -> None:
    for event in store.events():
        assert store.event_evidence(event.event_id) == store.evidence(event.event_id)
    assert store.event_evidence("no-such-event") == []


# -- the read model's snapshot (detente/store/pages.py) ------------------------------------------------------


def test_the_snapshot_holds_every_event_as_the_store_reads_it(store: Store) -> None:
    taken = snapshot(store)
    events = store.events()
    assert sorted(p.event.event_id for p in taken) == sorted(e.event_id for e in events)
    for page_event in taken:
        event_id = page_event.event.event_id
        assert page_event.event == store.find_events(event_id)[0]  # records, document ids and links included
        assert page_event.evidence == store.event_evidence(event_id)
        assert page_event.source_countries == page_event.event.source_countries
        outlets = {d.outlet.lower() for _, d in store.evidence(event_id) if d.outlet}
        assert page_event.outlets == outlets
        assert sorted(page_event.mention_texts) == sorted(m.sentence.lower() for m, _ in store.evidence(event_id))
        assert page_event.event.sentence is None or page_event.lowered.startswith(page_event.event.sentence.lower())


def test_the_snapshot_gives_each_period_its_end(tmp_path: Path) -> None:
    d = doc(500, "Reuters", dt.date(2023, 5, 1))
    at_day = mention(d, 0, "CONSULT", dt.date(2023, 2, 10))
    in_month = mention(d, 1, "ACCUSE", dt.date(2023, 2, 1))
    in_month.date_precision = "month"
    undated = mention(d, 2, "AGREE", None)
    with Store(tmp_path / "periods.duckdb") as s:
        s.add_batch([(d, [at_day, in_month, undated])])
        ends = {p.event.type: p.period_end for p in snapshot(s)}
    # a day ends that day, a month on its last day (2023 is not a leap year), no date has no period
    assert ends == {"CONSULT": dt.date(2023, 2, 10), "ACCUSE": dt.date(2023, 2, 28), "AGREE": None}
