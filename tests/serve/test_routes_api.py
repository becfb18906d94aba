"""The JSON API through FastAPI's test client: every endpoint, bad parameters (400 with a message), unknown ids
(404), the token rules, size limits, and errors that never show a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import detente
from tests.serve.conftest import HOSTILE, TALKS, TOKEN, auth, reads_fail


def one_line_error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"] and "\n" not in body["error"] and body["error"]
    return str(body["error"])


def all_pages(client: TestClient, **filters: Any) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        page = client.get("/api/events", params={**filters, "limit": 7, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        events += page.json()["events"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return events
    raise AssertionError("pages never ended")


def test_events_are_the_python_api_records(client: TestClient, seeds_store: Path) -> None:
    expected = [e.to_dict() for e in detente.events(seeds_store)]
    assert all_pages(client) == json.loads(json.dumps(expected))  # same records, same order, every page once


def test_every_filter_matches_the_python_api(client: TestClient, seeds_store: Path) -> None:
    for filters in ({"dyad": "CHN-USA"}, {"since": "2023-10"}, {"until": "2023-09"}, {"type": "CONSULT"},
                    {"channel": "diplomatic"}, {"dyad": "usa-chn", "type": "consult", "since": "2023"}):
        api_filters: dict[str, Any] = dict(filters)
        expected = [e.event_id for e in detente.events(seeds_store, **api_filters)]
        got = [e["event_id"] for e in all_pages(client, **filters)]
        assert got == expected, filters
        assert client.get("/api/events", params={**filters, "count": "true"}).json()["total"] == len(expected)


def test_modality_outlet_and_text_filters(client: TestClient, seeds_store: Path) -> None:
    events = list(detente.events(seeds_store))
    modality = next(e.modality for e in events if e.modality != "asserted")
    got = all_pages(client, modality=modality)
    assert got and {e["modality"] for e in got} == {modality}
    assert len(got) == sum(1 for e in events if e.modality == modality)

    outlet = detente.documents(seeds_store)[-1].outlet
    assert outlet
    by_outlet = {e["event_id"] for e in all_pages(client, outlet=outlet.upper())}
    reported = {e.event_id for e in events if any(d.outlet == outlet for _, d in detente.evidence(seeds_store,
                                                                                                    e.event_id))}
    assert by_outlet == reported and by_outlet

    def says_malta(e: detente.Event) -> bool:
        texts = [e.sentence or "", *(t for a in e.source + e.target for t in (a.name, a.text, a.id))]
        texts += [m.sentence for m, _ in detente.evidence(seeds_store, e.event_id)]
        return any("malta" in (t or "").lower() for t in texts)

    assert {e["event_id"] for e in all_pages(client, q="MALTA")} == {e.event_id for e in events if says_malta(e)}
    assert any(says_malta(e) for e in events)
    assert all_pages(client, q="no such words anywhere") == []


def test_sorts_give_every_event_once_in_their_order(client: TestClient) -> None:
    everything = all_pages(client)
    for sort in ("date", "date_asc", "reported", "mentions"):
        got = all_pages(client, sort=sort)
        assert sorted(e["event_id"] for e in got) == sorted(e["event_id"] for e in everything)
    by_mentions = all_pages(client, sort="mentions")
    assert [e["mentions"] for e in by_mentions] == sorted((e["mentions"] for e in by_mentions), reverse=True)
    ascending = [e["date"] for e in all_pages(client, sort="date_asc") if e["date"]]
    assert ascending == sorted(ascending)


@pytest.mark.parametrize(("query", "name"), [
    ({"limit": 0}, "limit"), ({"limit": 201}, "limit"), ({"limit": "ten"}, "limit"), ({"dyad": "China"}, "dyad"),
    ({"since": "2023-13"}, "since"), ({"until": "yesterday"}, "until"), ({"type": "PARTY"}, "type"),
    ({"channel": "gossip"}, "channel"), ({"modality": "maybe"}, "modality"), ({"sort": "random"}, "sort"),
    ({"cursor": "not-a-cursor"}, "cursor"), ({"q": "x" * 201}, "q"),
])
def test_bad_event_parameters_are_400_naming_the_parameter(client: TestClient, query: dict[str, Any],
                                                           name: str) -> None:
    assert one_line_error(client.get("/api/events", params=query), 400).startswith(f"{name}:")


def test_a_cursor_belongs_to_its_sort(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    assert cursor
    assert "cursor" in one_line_error(client.get("/api/events", params={"cursor": cursor, "sort": "mentions"}), 400)


def test_one_event_with_its_evidence(client: TestClient, seeds_store: Path) -> None:
    event = next(e for e in detente.events(seeds_store) if "Malta" in (e.sentence or ""))
    body = client.get(f"/api/events/{event.event_id[:8]}").json()
    assert body["event"] == json.loads(json.dumps(event.to_dict()))
    evidence = detente.evidence(seeds_store, event.event_id)
    assert [m["sentence"] for m in body["mentions"]] == [m.sentence for m, _ in evidence]
    assert {m["event_id"] for m in body["mentions"]} == {event.event_id}
    assert [d["id"] for d in body["documents"]] == list(dict.fromkeys(d.id for _, d in evidence))
    assert body["outlets"] == sorted({d.outlet for _, d in evidence if d.outlet})


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    assert "no event" in one_line_error(client.get("/api/events/ffffffffffff"), 404)
    assert "no document" in one_line_error(client.get("/api/documents/ffffffffffff"), 404)
    assert "event_id" in one_line_error(client.get("/api/events/not-hex"), 400)
    one_line_error(client.get("/api/events/..%2F..%2Fetc"), 404)  # no route: a path never reaches the disk
    assert client.get("/static/..%2Fapp.py").status_code == 404
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    one_line_error(client.get("/api/nothing-here"), 404)


def test_documents_pages_and_one_document(client: TestClient, seeds_store: Path) -> None:
    stored = detente.documents(seeds_store)
    first = client.get("/api/documents", params={"limit": 2}).json()
    rest = client.get("/api/documents", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert rest["next_cursor"] is None
    got = first["documents"] + rest["documents"]
    assert sorted(d["id"] for d in got) == sorted(d.id for d in stored)
    assert [d["published"] for d in got] == sorted((d["published"] for d in got), reverse=True)
    assert got[0] == json.loads(json.dumps(next(d for d in stored if d.id == got[0]["id"]).to_dict()))

    doc = stored[0]
    body = client.get(f"/api/documents/{doc.id[:10]}").json()
    assert body["document"]["id"] == doc.id and body["document"]["text"] == doc.text
    assert body["mentions"] and {m["doc_id"] for m in body["mentions"]} == {doc.id}
    outlet = next(d.outlet for d in stored if d.outlet)
    only = client.get("/api/documents", params={"outlet": outlet}).json()["documents"]
    assert {d["outlet"] for d in only} == {outlet}
    assert "cursor" in one_line_error(client.get("/api/documents", params={"cursor": "eyJ4Ijo"}), 400)


def test_outlets_and_stats(client: TestClient, seeds_store: Path) -> None:
    stored = detente.documents(seeds_store)
    outlets = client.get("/api/outlets").json()["outlets"]
    assert sum(o["documents"] for o in outlets) == sum(1 for d in stored if d.outlet)
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == len(stored) and stats["writable"] is False


def test_actor_search_as_of_a_date(client: TestClient) -> None:
    early = client.get("/api/actors", params={"q": "wang yi", "date": "2020-05-01"}).json()["actors"]
    later = client.get("/api/actors", params={"q": "wang yi", "date": "2023-04-01"}).json()["actors"]
    assert early[0]["id"] == later[0]["id"] == "person/chn/wang-yi"
    assert early[0]["title"] == "foreign minister"  # the offices the knowledge base dates
    assert later[0]["title"].startswith("director of the office")
    assert "date" in one_line_error(client.get("/api/actors", params={"q": "wang", "date": "May 2020"}), 400)
    assert "q" in one_line_error(client.get("/api/actors"), 400)
    assert client.get("/api/actors", params={"q": "zzqqxx"}).json()["actors"] == []


def test_openapi_and_the_offline_docs_page(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{doc_id}",
                 "/api/actors", "/api/outlets", "/api/stats", "/api/ingests/{job_id}"):
        assert path in schema["paths"]
    assert "post" in schema["paths"]["/api/documents"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/events/{event_id}" in page.text
    assert "cdn" not in page.text.lower() and "<script" not in page.text
    assert client.get("/redoc").status_code == 404


def test_a_crash_is_one_line_without_a_traceback(read_app: Any, client: TestClient,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    reads_fail(read_app, monkeypatch, RuntimeError("secret internals /srv/detente.duckdb"))
    response = client.get("/api/stats")
    assert one_line_error(response, 500) == "internal error"
    page = client.get("/")
    assert page.status_code == 500 and "Traceback" not in page.text and "secret" not in page.text


# -- writing ------------------------------------------------------------------------------------------------


def test_a_read_only_server_refuses_posts(client: TestClient) -> None:
    assert "read-only" in one_line_error(client.post("/api/documents", json=TALKS, headers=auth()), 403)
    one_line_error(client.get("/api/ingests/1", headers=auth()), 403)


def test_the_token_is_required_and_checked(writer: TestClient) -> None:
    response = writer.post("/api/documents", json=TALKS)
    assert "token" in one_line_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    one_line_error(writer.post("/api/documents", json=TALKS, headers=auth("wrong")), 401)
    one_line_error(writer.post("/api/documents", json=TALKS, headers=auth(TOKEN + "x")), 401)
    one_line_error(writer.post("/api/documents", json=TALKS, headers={"Authorization": TOKEN}), 401)
    one_line_error(writer.get("/api/ingests/1"), 401)
    assert writer.get("/api/stats").json()["counts"]["documents"] == 3  # nothing was stored


def test_post_json_then_read_it_back(writer: TestClient) -> None:
    done = writer.post("/api/documents?wait=true", json=TALKS, headers=auth())
    assert done.status_code == 200, done.text
    job = done.json()
    assert job["status"] == "done" and job["report"]["ingested"] == 1 and "db" not in job["report"]
    assert writer.get(f"/api/ingests/{job['job']}", headers={"X-Detente-Token": TOKEN}).json() == job
    found = writer.get("/api/events", params={"q": "Tuesday"}).json()["events"]
    assert found and found[0]["document_ids"] == ["talks-1"] and found[0]["urls"] == [TALKS["url"]]
    again = writer.post("/api/documents?wait=true", json=TALKS, headers=auth()).json()
    assert again["report"]["duplicates"] == 1 and again["report"]["ingested"] == 0
    one_line_error(writer.get("/api/ingests/999", headers=auth()), 404)


def test_post_jsonl_with_rejections_like_ingest(writer: TestClient) -> None:
    body = "\n".join([json.dumps(HOSTILE), "{not json", json.dumps({"id": "empty", "title": "no text"}),
                      json.dumps({"text": "Beijing and Washington held talks.", "published": "2023-02-30"})])
    job = writer.post("/api/documents?wait=true", content=body.encode(),
                      headers={**auth(), "Content-Type": "application/x-ndjson"}).json()
    report = job["report"]
    assert (report["ingested"], report["rejected"]) == (1, 3)
    assert [r.split(":")[:2] for r in report["rejections"]] == [["-", "2"], ["-", "3"], ["-", "4"]]
    assert "impossible date" in report["rejections"][2]


def test_posting_without_waiting_queues_a_job(writer: TestClient) -> None:
    queued = writer.post("/api/documents", json=[TALKS], headers=auth())
    assert queued.status_code in (200, 202)
    job_id = queued.json()["job"]
    for _ in range(600):
        status = writer.get(f"/api/ingests/{job_id}", headers=auth()).json()
        if status["status"] in ("done", "failed"):
            break
        import time
        time.sleep(0.1)
    assert status["status"] == "done" and status["report"]["ingested"] == 1


@pytest.mark.parametrize(("body", "content_type", "status", "words"), [
    (b"{broken", "application/json", 400, "invalid JSON"),
    (b"[]", "application/json", 400, "no documents"),
    (b"text=hello", "application/x-www-form-urlencoded", 400, "expected application/json"),
    (b"\n".join([json.dumps(TALKS).encode()] * 6), "application/x-ndjson", 413, "at most 5"),
    (b"x" * (64 * 1024 + 1), "application/x-ndjson", 413, "over"),
])
def test_bad_bodies_are_refused_with_one_line(writer: TestClient, body: bytes, content_type: str, status: int,
                                              words: str) -> None:
    response = writer.post("/api/documents", content=body, headers={**auth(), "Content-Type": content_type})
    assert words in one_line_error(response, status)


def test_analysis_endpoints_are_the_python_api_verbs(client: TestClient, seeds_store: Path) -> None:
    index = client.get("/api/index", params={"dyad": "CHN-USA", "by": "month"}).json()["rows"]
    assert index == json.loads(json.dumps([r.to_dict() for r in detente.index(seeds_store, dyad="CHN-USA",
                                                                                 by="month")]))
    assert index and all(r["dyad"] == "CHN-USA" for r in index)
    quotes = client.get("/api/quotes", params={"speaker": "Wang Yi"}).json()["quotes"]
    assert any("must-answer question" in q["text"] for q in quotes)
    numbers = client.get("/api/numbers", params={"kind": "ordinal"}).json()["numbers"]
    assert any(n["text"].startswith("45th") for n in numbers)
    upcoming = client.get("/api/upcoming", params={"dyad": "CHN-USA"}).json()["upcoming"]
    assert upcoming == json.loads(json.dumps([u.to_dict() for u in detente.upcoming(seeds_store, dyad="CHN-USA")]))
    tone = client.get("/api/tone", params={"dyad": "CHN-USA"}).json()
    assert tone["stance"] and {"method", "stance", "events", "documents"} <= set(tone)


@pytest.mark.parametrize(("path", "query"), [
    ("/api/index", {"by": "year"}), ("/api/index", {"since": "2024-13"}), ("/api/numbers", {"kind": "weight"}),
    ("/api/quotes", {"dyad": "CHINA"}), ("/api/upcoming", {"until": "soon"}),
])
def test_bad_analysis_parameters_are_400(client: TestClient, path: str, query: dict[str, str]) -> None:
    answer = client.get(path, params=query)
    assert answer.status_code == 400 and answer.json()["error"]


def test_the_weekly_brief_as_markdown_and_as_a_file(client: TestClient, seeds_store: Path) -> None:
    md = client.get("/api/brief", params={"week": "2024-01-08"})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.text == detente.brief(seeds_store, week="2024-01-08", format="md")
    assert "must-answer question" in md.text
    html = client.get("/api/brief", params={"week": "2024-01-10", "format": "html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert html.headers["content-disposition"] == 'attachment; filename="brief-CHN-USA-2024-01-10.html"'
    assert "<script" not in html.text.lower() and "<svg" in html.text
    for bad in ({"week": "someday"}, {"week": "2024-01-08", "dyad": "CHN"}, {"week": "2024-01-08", "format": "pdf"}):
        answer = client.get("/api/brief", params=bad)
        assert answer.status_code == 400 and answer.json()["error"]
