"""The read model answers the timeline and one-event endpoints byte for byte as the store does: for every filter,
sort and cursor, for text and outlet searches (any case, across a sentence and its actors, non-ASCII left to the
store), for ids and prefixes, and again after the store changes (a posted batch, an outside recluster)."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import itertools
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import detente
from detente.ontology import CHANNELS, MODALITIES, PLOVER_TYPES
from detente.records import Actor, Document, Location, Mention
from detente.resolve.actors import ActorKB
from detente.serve import create_app, params
from detente.serve.readmodel import PageModel, PageModels
from detente.serve.server import Server
from detente.store.db import Store
from detente.store.pages import snapshot
from detente.store.queries import EVENT_SORTS
from tests.conftest import ROOT
from tests.serve.conftest import TALKS, TOKEN, auth

WANG = Actor("Wang Yi", "Wang Yi", "CHN", "GOV", "person/chn/wang-yi")
BLINKEN = Actor("Blinken", "Antony Blinken", "USA", "GOV", "person/usa/antony-blinken")
TOKYO = Actor("Tokyo", "Japan", "JPN", "GOV")
MANILA = Actor("Manila", "Philippines", "PHL", "GOV")
PAIRS = [(WANG, BLINKEN), (BLINKEN, WANG), (WANG, TOKYO), (MANILA, WANG), (BLINKEN, TOKYO)]
OUTLETS = ["Xinhua", "REUTERS", "Reuters", None, "Global Times", "Ünïted Wire"]
PRECISIONS = ["day", "day", "month", "season", "year", "unresolved"]
SENTENCES = ["{s} met {t} for talks in Bali.", "{s} accused {t} of provocations.",
             "{s} and {t} signed a Ünïcode accord.", "{s} urged {t} to resume TALKS."]


def synthetic(n: int) -> tuple[Document, list[Mention]]:
    """Document ``n`` with one to three mentions: ties on dates, missing dates, every precision, outlets in
    several cases and none, non-ASCII words."""
    published = dt.date(2023, 1, 1) + dt.timedelta(days=(n * 37) % 400) if n % 9 else None
    text = f"synthetic document {n}"
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(id=doc_id, text=text, source_id=f"s{n}" if n % 11 else None, outlet=OUTLETS[n % len(OUTLETS)],
                   published=published, url=f"https://example.org/{n}" if n % 7 else "javascript:alert(1)")
    mentions = []
    for i in range(1 + n % 3):
        source, target = PAIRS[(n + i) % len(PAIRS)]
        precision = PRECISIONS[(n + 2 * i) % len(PRECISIONS)]
        date = None if precision == "unresolved" else dt.date(2023, 1, 1) + dt.timedelta(days=(n * 13 + i) % 300)
        mentions.append(Mention(
            mention_id=f"m{n}-{i}", doc_id=doc_id, sentence=SENTENCES[(n + i) % 4].format(s=source.text, t=target.text),
            sentence_index=i, type=PLOVER_TYPES[(n + i) % 5], mode=None, cameo=None, goldstein=1.0, quad_class=1,
            modality=MODALITIES[(n // 2 + i) % 3], channel=CHANNELS[(n + i) % 3], source=[source], target=[target],
            trigger="met", date=date, date_end=date + dt.timedelta(days=2) if date and n % 10 == 0 else None,
            date_precision=precision,  # type: ignore[arg-type]  # one of the ontology's precisions
            location=Location("Bali", "Bali", "IDN", -8.4, 115.2) if n % 4 else None, confidence=0.5 + (n % 5) / 10,
            document_id=doc.source_id))
    return doc, mentions


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("readmodel") / "store.duckdb"
    with Store(path) as store:
        for first in range(0, 60, 20):  # three batches, clustered as an ingest clusters them
            store.add_batch([synthetic(n) for n in range(first, first + 20)])
    return path


@pytest.fixture(scope="module")
def apps(store_path: Path, kb: ActorKB) -> Iterator[tuple[TestClient, TestClient]]:
    """The same read-only store served with the read model and without it (the store path)."""
    fast, slow = create_app(store_path, kb=kb), create_app(store_path, kb=kb, read_model=False)
    assert fast.state.server.pages.current() is not None and slow.state.server.pages.current() is None
    with TestClient(fast) as f, TestClient(slow) as s:
        yield f, s
    fast.state.server.close()
    slow.state.server.close()


FILTERS: list[dict[str, str]] = [
    {}, {"dyad": "CHN-USA"}, {"dyad": "JPN-CHN"}, {"dyad": "USA-PHL"}, {"dyad": "CHN-CHN"}, {"since": "2023-06"},
    {"until": "2023-03-15"}, {"since": "2023-02", "until": "2023-04"}, {"since": "2024"}, {"type": "SUPPORT"},
    {"channel": "military"}, {"modality": "planned"}, {"outlet": "reuters"}, {"outlet": "GLOBAL TIMES"},
    {"outlet": "nobody"}, {"q": "talks"}, {"q": "BALI"}, {"q": "antony blinken"}, {"q": '"country": "jpn"'},
    {"q": "bali. [{"}, {"q": "no such words"}, {"q": "ünïcode"}, {"outlet": "ünïted wire"},
    {"dyad": "CHN-USA", "since": "2023-03", "type": "CONSULT", "q": "talks"},
    {"channel": "diplomatic", "modality": "asserted", "outlet": "xinhua"},
]


def pages(client: TestClient, query: dict[str, str]) -> Iterator[tuple[str, bytes]]:
    """Every page of a query, following its cursors; each with its URL."""
    cursor = None
    while True:
        sent = {**query, **({"cursor": cursor} if cursor else {})}
        response = client.get("/api/events", params=sent)
        assert response.status_code == 200, response.text
        yield json.dumps(sent), response.content
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return


def test_every_filter_sort_and_cursor_gives_the_store_paths_bytes(apps: tuple[TestClient, TestClient]) -> None:
    fast, slow = apps
    seen_pages = 0
    for (n, query), sort in itertools.product(enumerate(FILTERS), EVENT_SORTS):
        query = {**query, "sort": sort, "limit": str([1, 3, 7, 50][n % 4])}
        if n % 3 == 0:
            query["count"] = "true"
        for (url, got), (_, expected) in itertools.zip_longest(pages(fast, query), pages(slow, query)):
            assert got == expected, url
            seen_pages += 1
    assert seen_pages > 400


@pytest.mark.parametrize("query", [
    "count=1", "count=yes&limit=050", "limit=5&limit=7", "foo=bar&q=talks", "q=&dyad=&limit=2",
    "sort=mentions&q=t%C3%BC", "limit=0", "limit=201", "limit=x", "dyad=China", "since=2023-13", "type=WAR",
    "cursor=nonsense",
    "sort=date_asc&cursor=eyJzIjoiZGF0ZSIsImsiOltdfQ", "count=maybe", "q=" + "x" * 201,
])
def test_odd_and_bad_parameters_give_the_store_paths_answers(apps: tuple[TestClient, TestClient], query: str) -> None:
    """What the model leaves to the routes (unusual spellings, errors) is answered as the store path does."""
    fast, slow = apps
    got, expected = fast.get(f"/api/events?{query}"), slow.get(f"/api/events?{query}")
    assert (got.status_code, got.headers["content-type"], got.content) == \
        (expected.status_code, expected.headers["content-type"], expected.content)


def test_a_cold_page_and_event_read_no_store(apps: tuple[TestClient, TestClient],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """With a model, neither endpoint queries the store, and neither reaches FastAPI's routing."""
    fast, _ = apps
    event_id = fast.get("/api/events", params={"limit": "1"}).json()["events"][0]["event_id"]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the store was read")

    for name in ("event_page", "count_event_page", "find_events", "event_evidence"):
        monkeypatch.setattr(Store, name, refuse)
    monkeypatch.setattr("detente.serve.routes_api.modelled", refuse)
    # a query no other test asks (not a kept answer)
    page = fast.get("/api/events", params={"q": "bali", "sort": "reported", "count": "true", "limit": "13"})
    one = fast.get(f"/api/events/{event_id[:10]}")
    for answer in (page, one):
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
        assert "script-src 'self'" in answer.headers["content-security-policy"]  # the security headers as ever


def test_the_model_itself_answers_as_the_store(store_path: Path) -> None:
    """The model's own bytes (no fallback can hide a difference), for each filter the model handles."""
    with Store(store_path, read_only=True) as store:
        model = PageModel(snapshot(store))
        answered = 0
        for query, sort in itertools.product(FILTERS, EVENT_SORTS):
            selection = params.event_selection(**query, sort=sort, limit=4)
            if not model.handles(selection.extra):
                assert any(not v.isascii() for v in query.values())
                continue
            found, last = store.event_page(selection.query, selection.extra)
            expected = json.dumps({"events": [e.to_dict() for e in found],
                                   "next_cursor": params.encode_cursor(sort, last) if last else None,
                                   "total": store.count_event_page(selection.query, selection.extra)},
                                  ensure_ascii=False).encode()
            cursor = functools.partial(params.encode_cursor, sort)
            assert model.page_json(selection.query, selection.extra, cursor, True) == expected, query
            answered += 1
        assert answered == len(EVENT_SORTS) * (len(FILTERS) - 2)


def test_a_text_search_finds_what_the_store_finds(store_path: Path) -> None:
    """Matches in an event's sentence, in its actors, across the two, and in its other mentions only."""
    with Store(store_path, read_only=True) as store:
        model = PageModel(snapshot(store))
        for text in ("talks", "TALKS", "wang yi", "in bali. [{", "accord", "provocations", "person/usa"):
            selection = params.event_selection(q=text, limit=200)
            found, _ = store.event_page(selection.query, selection.extra)
            positions, _ = model.page(selection.query, selection.extra)
            assert [model.ids[i] for i in positions] == [e.event_id for e in found]
            assert found or text == "in bali. [{"


def test_every_event_and_prefix_gives_the_store_paths_bytes(apps: tuple[TestClient, TestClient]) -> None:
    fast, slow = apps
    ids = [e["event_id"] for _, body in pages(slow, {"limit": "200"}) for e in json.loads(body)["events"]]
    assert len(ids) > 40
    for event_id in ids:
        for asked in (event_id, event_id[:12], event_id.upper()):
            got, expected = fast.get(f"/api/events/{asked}"), slow.get(f"/api/events/{asked}")
            assert (got.status_code, got.content) == (expected.status_code, expected.content) == (200, got.content)
            assert got.headers == expected.headers
    for asked in ("0000", ids[0][:4], "abcdef", "ffff"):  # none, several or one: 404, 400 or 200 alike
        got, expected = fast.get(f"/api/events/{asked}"), slow.get(f"/api/events/{asked}")
        assert (got.status_code, got.content) == (expected.status_code, expected.content)


def test_the_model_goes_while_an_outside_writer_works_and_comes_back(store_path: Path, tmp_path: Path,
                                                                     kb: ActorKB) -> None:
    """A read-only server lets an outside batch and recluster in: the model goes with the held file, requests
    read the store meanwhile, and once the server holds the file again a new model answers as the store does."""
    path = Path(shutil.copy(store_path, tmp_path / "store.duckdb"))
    app = create_app(path, kb=kb)
    server: Server = app.state.server
    assert server.gate is not None and server.pages.current() is not None
    server.gate.hold_after_s = 3600.0  # held again only when the test says
    writer = ("import sys; from detente.store.db import Store; from tests.serve.test_readmodel import synthetic; "
              "s = Store(sys.argv[1], transient=True); s.add_batch([synthetic(1000)]); s.recluster(); s.close()")
    try:
        with TestClient(app) as client:
            before = client.get("/api/events", params={"limit": "200"}).content
            done = subprocess.run([sys.executable, "-c", writer, str(path)], cwd=ROOT, capture_output=True,
                                  text=True, timeout=300)
            assert done.returncode == 0, done.stderr
            assert server.pages.current() is None and not server.gate.held
            during = client.get("/api/events", params={"limit": "200"})
            assert b"s1000" in during.content and b"s1000" not in before  # read from the store, whole
            server.gate.hold_after_s = 0.0
            deadline = time.monotonic() + 60
            while server.pages.current() is None:
                assert time.monotonic() < deadline, "no read model after the server held the store again"
                time.sleep(0.05)
            slow = create_app(path, kb=kb, read_model=False)
            try:
                with TestClient(slow) as reference:
                    for query in ({"limit": "200"}, {"q": "talks", "sort": "mentions"}, {"dyad": "CHN-USA"}):
                        assert client.get("/api/events", params=query).content == \
                            reference.get("/api/events", params=query).content
                    assert client.get("/api/events", params={"limit": "200"}).content == during.content
            finally:
                slow.state.server.close()
    finally:
        server.close()


def test_a_posted_batch_is_read_whole_then_modelled(writable_store: Path, pipeline: detente.Pipeline,
                                                   kb: ActorKB) -> None:
    app = create_app(writable_store, token=TOKEN, pipeline=pipeline, kb=kb)
    server: Server = app.state.server
    try:
        with TestClient(app) as client:
            before = client.get("/api/events", params={"limit": "200", "count": "true"}).json()
            assert server.pages.current() is not None
            posted = client.post("/api/documents?wait=true", json=TALKS, headers=auth())
            assert posted.status_code == 200 and posted.json()["report"]["ingested"] == 1
            after = client.get("/api/events", params={"limit": "200", "count": "true"})  # model or store path
            assert after.json()["total"] > before["total"]
            assert server.pages.wait(60)
            assert server.pages.current() is not None
            again = client.get("/api/events", params={"limit": "200", "count": "true", "sort": "date"})
            assert again.json() == after.json()
            event_id = next(e["event_id"] for e in after.json()["events"] if "talks-1" in e["document_ids"])
            one = client.get(f"/api/events/{event_id}").json()
            assert [d["source_id"] for d in one["documents"]] == ["talks-1"] and one["outlets"] == ["Test Wire"]
    finally:
        server.close()


def test_a_model_built_while_the_store_changed_is_not_used() -> None:
    """A build that read the store before the latest change is dropped; the next one is used."""
    release = threading.Event()
    reads: list[int] = []

    @contextmanager
    def read() -> Iterator[tuple[Any, bool]]:
        reads.append(1)
        if len(reads) == 1:
            release.wait(10)
        yield FakeStore(), True

    models = PageModels(read)
    models.start()
    try:
        deadline = time.monotonic() + 10
        while not reads and time.monotonic() < deadline:
            time.sleep(0.01)
        models.invalidate()  # the store changed while the first build reads it
        release.set()
        assert models.wait(10)
        assert len(reads) == 2 and models.current() is not None
    finally:
        models.close()


class FakeStore:
    """Enough of a store for ``snapshot``: one transaction over empty tables."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        yield

    @property
    def con(self) -> FakeStore:
        return self

    def execute(self, sql: str, params: Any = None) -> FakeStore:
        self.description = [("event_id",)]
        return self

    def fetchall(self) -> list[Any]:
        return []


def test_a_large_model_is_frozen_out_of_the_collectors_passes(store_path: Path, kb: ActorKB,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("detente.serve.readmodel.SETTLE_EVENTS", 1)
    gc.unfreeze()
    app = create_app(store_path, kb=kb)
    server: Server = app.state.server
    deadline = time.monotonic() + 30
    while gc.get_freeze_count() == 0:  # frozen by the builder thread, just after the model is installed
        assert time.monotonic() < deadline, "nothing frozen"
        time.sleep(0.02)
    assert server.pages.current() is not None
    server.close()
    assert gc.get_freeze_count() == 0
