"""Load on `detente serve`: 50 concurrent clients for 20 s against 127.0.0.1, on a store of 10,000+ events.

    python bench/serve.py [--db PATH] [--events 10000] [--clients 50] [--seconds 20]

The store is synthetic but shaped like a real one: documents from a dozen outlets over six years, each with one
to four coded sentences between real actors of the knowledge base (China, the United States and their
neighbours), PLOVER types with their CAMEO roots and quad classes, channels, modalities, dates at several
precisions, places with coordinates; stored through ``Store.add_batch`` and clustered into events by the
store's own ``recluster``, as an ingest would. It is built once and reused (``--rebuild`` to start over).

The server runs in its own process (read-only, as ``detente serve`` starts without a token); the clients are
asyncio tasks in this process, each on one keep-alive connection of a minimal HTTP/1.1 client (httpx cost the
clients more CPU than the server spent on kept answers), each alternating a timeline page (50 events) and one
event with its evidence, in two phases of ``--seconds`` each on one fresh server:

- **cold**: every request distinct (a filter × sort × first-month timeline query, then the same with a last
  month, or an event, asked once; next pages of those by cursor), so the server answers none from its kept
  answers: the cost of reading the store (or its read model) for each;
- **warm**: twelve timeline first pages and 200 events, each asked once before the clock starts, then again and
  again: what popular pages cost once kept.

Prints, per phase, requests/s and p50/p99 latency per endpoint and the server's CPU time per request (from
/proc), then one JSON line with both. The clients share the machine with the server, and this is a shared
machine: the figures move with its load (printed before and after).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from detente.ontology import CHANNELS, MODALITIES, MODES, ONTOLOGY, PLOVER_TYPES
from detente.records import Actor, Document, Location, Mention
from detente.serve.ready import wait_until_serving
from detente.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = Path(tempfile.gettempdir()) / "detente-bench-serve.duckdb"

ACTORS = [
    Actor("Wang Yi", "Wang Yi", "CHN", "GOV", "person/chn/wang-yi"),
    Actor("Xi Jinping", "Xi Jinping", "CHN", "GOV", "person/chn/xi-jinping"),
    Actor("Li Qiang", "Li Qiang", "CHN", "GOV", "person/chn/li-qiang"),
    Actor("Beijing", "China", "CHN", "GOV", None),
    Actor("Chinese military", "China", "CHN", "MIL", None),
    Actor("Antony Blinken", "Antony Blinken", "USA", "GOV", "person/usa/antony-blinken"),
    Actor("Joe Biden", "Joe Biden", "USA", "GOV", "person/usa/joe-biden"),
    Actor("Janet Yellen", "Janet Yellen", "USA", "GOV", "person/usa/janet-yellen"),
    Actor("Washington", "United States", "USA", "GOV", None),
    Actor("the Pentagon", "United States", "USA", "MIL", None),
    Actor("Taipei", "Taiwan", "TWN", "GOV", None),
    Actor("Tokyo", "Japan", "JPN", "GOV", None),
    Actor("Manila", "Philippines", "PHL", "GOV", None),
]
PLACES = [
    Location("Beijing", "Beijing", "CHN", 39.9, 116.4), Location("Washington", "Washington", "USA", 38.9, -77.0),
    Location("Bali", "Bali", "IDN", -8.4, 115.2, "region"), Location("Malta", "Malta", "MLT", 35.9, 14.5, "country"),
    Location("San Francisco", "San Francisco", "USA", 37.8, -122.4), Location("Geneva", "Geneva", "CHE", 46.2, 6.1),
    Location("Taiwan Strait", "Taiwan Strait", None, 24.5, 119.5, "place"),
]
OUTLETS = ["Reuters", "Associated Press", "Xinhua", "Global Times", "VOA", "South China Morning Post",
           "The New York Times", "Bloomberg", "China Daily", "Nikkei Asia", "The Diplomat", "CGTN"]
VERBS = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised", "CONCEDE": "conceded to",
         "COOPERATE": "signed a deal with", "AID": "sent aid to", "RETREAT": "eased restrictions on",
         "REQUEST": "urged", "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened",
         "PROTEST": "protested to", "SANCTION": "sanctioned", "MOBILIZE": "mobilized against",
         "COERCE": "detained citizens of", "ASSAULT": "fired on"}
CAMEO_ROOTS = {1: (1, 5), 2: (6, 8), 3: (9, 14), 4: (15, 20)}
GOLDSTEIN = {1: 3.0, 2: 6.0, 3: -3.0, 4: -8.0}
START = dt.date(2019, 1, 1)
DAYS = 6 * 365


def synthetic_document(rng: random.Random, n: int) -> tuple[Document, list[Mention]]:
    published = START + dt.timedelta(days=rng.randrange(DAYS))
    outlet = rng.choice(OUTLETS)
    mentions: list[Mention] = []
    sentences: list[str] = []
    doc_key = f"bench-{n}"
    doc_id = hashlib.sha256(doc_key.encode()).hexdigest()
    for i in range(rng.randint(1, 4)):
        kind = rng.choice(PLOVER_TYPES)
        quad = ONTOLOGY.type_quads[kind]
        source, target = rng.sample(ACTORS, 2)
        precision = rng.choice(["day", "day", "day", "month", "unresolved", "season", "year"])
        date = published - dt.timedelta(days=rng.randrange(30))
        place = rng.choice(PLACES) if rng.random() < 0.6 else None
        where = f" in {place.text}" if place else ""
        sentence = f"{source.text} {VERBS[kind]} {target.text}{where}, {outlet} reported (item {n}.{i})."
        sentences.append(sentence)
        first, last = CAMEO_ROOTS[quad]
        modes = MODES[kind]
        mentions.append(Mention(
            mention_id=hashlib.sha256(f"{doc_key}:{i}".encode()).hexdigest()[:16], doc_id=doc_id,
            sentence=sentence, sentence_index=i, type=kind, mode=rng.choice(modes) if modes else None,
            cameo=f"{rng.randint(first, last):02d}0", goldstein=GOLDSTEIN[quad], quad_class=quad,
            modality=MODALITIES[0] if rng.random() < 0.7 else rng.choice(MODALITIES),
            channel=rng.choice(CHANNELS), source=[source], target=[target], trigger=VERBS[kind].split()[0],
            date=date, date_end=date + dt.timedelta(days=1) if rng.random() < 0.1 else None,
            date_precision=precision,  # type: ignore[arg-type]  # a precision of the ontology
            date_text=None if precision == "unresolved" else "on that day", location=place,
            confidence=round(rng.uniform(0.5, 0.95), 2), document_id=f"bench-{n}"))
    text = " ".join(sentences)
    doc = Document(id=doc_id, text=text, source_id=f"bench-{n}", origin="bench", published=published,
                   title=f"{outlet}: {sentences[0][:60]}", outlet=outlet, url=f"https://example.org/bench/{n}",
                   genre="news")
    return doc, mentions


def build_store(path: Path, events: int, seed: int = 14) -> dict[str, int]:
    """Add synthetic documents until the store holds ``events`` events; clustered once at the end of each
    round (``recluster``), as a bulk load would be."""
    rng = random.Random(seed)
    with Store(path) as store:
        n = store.counts()["documents"]
        rng.seed(seed + n)
        while store.counts()["events"] < events:
            missing = events - store.counts()["events"]
            for _ in range(max(1, missing // 2000) + 1):
                batch = [synthetic_document(rng, n + k) for k in range(1000)]
                n += len(batch)
                store.add_batch(batch, cluster=False)
            store.recluster()
        return store.counts()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used (Linux /proc), to tell the server's own cost per request
    from the waiting a loaded machine adds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DETENTE_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_serving(proc, port, seconds=60)
    return proc


TIMELINE_FILTERS: list[dict[str, str]] = [
    {}, {}, {"dyad": "CHN-USA"}, {"channel": "military"}, {"type": "CONSULT"}, {"since": "2023-06"},
    {"dyad": "CHN-USA", "since": "2022", "until": "2023"}, {"modality": "planned"}, {"outlet": "Xinhua"},
    {"q": "Blinken"}, {"sort": "mentions"}, {"sort": "reported"},
]
SORTS = [None, "date_asc", "reported", "mentions"]
MONTHS = [None] + [f"{y}-{m:02d}" for y in range(2019, 2025) for m in range(1, 13)]
UNTILS = ["2024-12", "2024-06", "2023-12", "2023-06", "2022-12", "2022-06"]


class Cold:
    """Requests the server has not answered before, so none is a kept answer: every timeline query (a filter,
    a sort, a first month) and every event at most once, and next pages of those queries by cursor."""

    def __init__(self, ids: list[str], rng: random.Random) -> None:
        seen: set[frozenset[tuple[str, str]]] = set()
        combos: list[dict[str, str]] = []
        for base in TIMELINE_FILTERS:
            for sort in SORTS:
                for month in MONTHS:
                    query = {**base, **({"sort": sort} if sort else {}), **({"since": month} if month else {})}
                    if frozenset(query.items()) not in seen:
                        seen.add(frozenset(query.items()))
                        combos.append(query)
        rng.shuffle(combos)
        # then the same with an end month, for a server fast enough to ask all of the above within the phase
        more = [{**query, "until": until} for until in UNTILS for query in combos
                if "until" not in query and query.get("since", "") <= until]
        rng.shuffle(more)
        self.timelines = iter(combos + more)
        self.events = iter(rng.sample(ids, len(ids)))
        self.follow = True

    def timeline(self, rng: random.Random) -> dict[str, str] | None:
        return next(self.timelines, None)

    def event(self, rng: random.Random) -> str | None:
        return next(self.events, None)


class Warm:
    """The same few requests again and again (twelve timeline first pages, 200 events), each answered once
    before the clock starts: what a popular page costs once the server keeps its answer."""

    def __init__(self, ids: list[str], rng: random.Random) -> None:
        self.ids = rng.sample(ids, 200)
        self.follow = False

    def timeline(self, rng: random.Random) -> dict[str, str] | None:
        return dict(rng.choice(TIMELINE_FILTERS))

    def event(self, rng: random.Random) -> str | None:
        return rng.choice(self.ids)


class Connection:
    """One keep-alive HTTP/1.1 connection to the server for GET requests, reading bodies by Content-Length (all
    uvicorn sends here): a client light enough that the machine's cores go to the server."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, url: str, params: dict[str, str] | None = None) -> tuple[int, bytes]:
        try:
            return await asyncio.wait_for(self._get(url + ("?" + urlencode(params) if params else "")), 30)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError):
            self.close()
            raise

    async def _get(self, target: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.streams
        writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        fields = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in head[1:])}
        body = await reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("connection", "").lower() == "close":
            self.close()
        return int(head[0].split()[1]), body

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def client(http: Connection, work: Cold | Warm, until: float, rng: random.Random,
                 times: dict[str, list[float]], failures: list[str]) -> None:
    cursor: tuple[dict[str, str], str] | None = None
    while time.monotonic() < until:
        if rng.random() < 0.5:
            name = "timeline"
            if cursor is not None and rng.random() < 0.3:
                params = {**cursor[0], "cursor": cursor[1]}
            else:
                found = work.timeline(rng)
                if found is None:
                    return  # every distinct query asked
                params = found
            params["limit"] = "50"
            url = "/api/events"
        else:
            event_id = work.event(rng)
            if event_id is None:
                return
            name, url, params = "event", f"/api/events/{event_id}", {}
        started = time.perf_counter()
        try:
            status, body = await http.get(url, params)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError) as exc:
            failures.append(f"{url} {type(exc).__name__}")
            continue
        times[name].append(time.perf_counter() - started)
        if status != 200:
            failures.append(f"{url} {status}")
        elif name == "timeline" and work.follow:
            nxt = next_cursor(body)
            base = {k: v for k, v in params.items() if k not in ("cursor", "limit")}
            cursor = (base, nxt) if nxt else None


def next_cursor(body: bytes) -> str | None:
    """The page's ``next_cursor`` without parsing its 50 events: the top-level key is the last one written with
    unescaped quotes (a quote inside a JSON string is escaped), and only ``total`` may follow it. Parsing whole
    bodies cost the clients about a millisecond a page, which on two cores is the server's time too."""
    tail = body[body.rindex(b'"next_cursor": '):]
    found: str | None = json.loads(b"{" + tail if tail.endswith(b"}") else b"{" + tail + b"}")["next_cursor"]
    return found


async def drive(port: int, clients: int, seconds: float, work: Cold | Warm) -> dict[str, Any]:
    times: dict[str, list[float]] = {"timeline": [], "event": []}
    failures: list[str] = []
    connections = [Connection(port) for _ in range(clients)]
    for connection in connections:
        await connection.get("/api/stats")  # connections made before the clock starts
    until = time.monotonic() + seconds
    started = time.monotonic()
    await asyncio.gather(*(client(connections[i], work, until, random.Random(i), times, failures)
                           for i in range(clients)))
    elapsed = time.monotonic() - started
    for connection in connections:
        connection.close()
    out: dict[str, Any] = {"seconds": round(elapsed, 1), "failures": len(failures),
                           "failure_kinds": sorted({f.split()[-1] for f in failures})}
    for name, values in times.items():
        ordered = sorted(values)
        out[name] = {"requests": len(values), "per_s": round(len(values) / elapsed, 1),
                     "p50_ms": round(1000 * statistics.median(ordered), 1) if ordered else None,
                     "p99_ms": round(1000 * ordered[int(0.99 * (len(ordered) - 1))], 1) if ordered else None}
    out["requests_per_s"] = round(sum(len(v) for v in times.values()) / elapsed, 1)
    return out


async def warm_up(port: int, work: Warm) -> None:
    """Every request of the warm set answered once, before the clock (and the CPU count) starts."""
    connection = Connection(port)
    for query in TIMELINE_FILTERS:
        await connection.get("/api/events", {**query, "limit": "50"})
    for event_id in work.ids:
        await connection.get(f"/api/events/{event_id}")
    connection.close()


def phase(server: subprocess.Popen[bytes], port: int, clients: int, seconds: float,
          work: Cold | Warm) -> dict[str, Any]:
    if isinstance(work, Warm):
        asyncio.run(warm_up(port, work))
    cpu_before = cpu_seconds(server.pid)
    result = asyncio.run(drive(port, clients, seconds, work))
    cpu_after = cpu_seconds(server.pid)
    served = result["timeline"]["requests"] + result["event"]["requests"]
    if cpu_before is not None and cpu_after is not None and served:
        result["server_cpu_ms_per_request"] = round(1000 * (cpu_after - cpu_before) / served, 2)
        result["server_cpu_share"] = round((cpu_after - cpu_before) / result["seconds"], 2)
    return result


def rss_mb(pid: int) -> float | None:
    """A process's resident memory (Linux /proc), to show what the server's read model holds."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def report(name: str, result: dict[str, Any], clients: int) -> None:
    print(f"{name}:")
    for kind in ("timeline", "event"):
        r = result[kind]
        print(f"  {kind:9} {r['requests']:6} requests  {r['per_s']:7.1f}/s  p50 {r['p50_ms']} ms  "
              f"p99 {r['p99_ms']} ms")
    print(f"  all       {result['requests_per_s']} requests/s with {clients} clients over {result['seconds']} s; "
          f"{result['failures']} failures {result['failure_kinds'] or ''}")
    if "server_cpu_ms_per_request" in result:
        print(f"  server    {result['server_cpu_ms_per_request']} ms of CPU per request; it had "
              f"{result['server_cpu_share']} of a core on average")


async def asgi_get(app: Any, path: str, query: dict[str, str]) -> tuple[int, bytes]:
    """One GET straight into the ASGI app, with no HTTP in between: what the server itself spends on it."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": urlencode(query).encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return int(sent[0]["status"]), b"".join(m.get("body", b"") for m in sent[1:])


async def cold_requests(app: Any, work: Cold, rng: random.Random, requests: int, profiler: Any,
                        cpu: dict[str, list[float]]) -> None:
    """``requests`` cold requests as the load's clients make them (a timeline page, then an event; next pages by
    cursor), each timed on the process's CPU clock into ``cpu``, and profiled when ``profiler`` is given."""
    cursor: tuple[dict[str, str], str] | None = None
    for i in range(requests):
        if i % 2 == 0:
            if cursor is not None and rng.random() < 0.3:
                query = {**cursor[0], "cursor": cursor[1]}
            else:
                query = dict(work.timeline(rng) or {})
            kind, path, query = "timeline", "/api/events", {**query, "limit": "50"}
        else:
            kind, path, query = "event", f"/api/events/{work.event(rng)}", {}
        if profiler is not None:
            profiler.enable()
        before = time.process_time()
        status, body = await asgi_get(app, path, query)
        cpu[kind].append(time.process_time() - before)
        if profiler is not None:
            profiler.disable()
        assert status == 200, (path, query, body[:200])
        if kind == "timeline":
            nxt = next_cursor(body)
            base = {k: v for k, v in query.items() if k not in ("cursor", "limit")}
            cursor = (base, nxt) if nxt else None


def profile(db: Path, ids: list[str], requests: int, top: int) -> dict[str, Any]:
    """Cold requests in this process, with the read model and without (the store path), timed on the process's
    CPU clock (robust to the machine's load, unlike latency); then where the model path's time goes."""
    import cProfile
    import io
    import pstats

    from detente.serve import create_app

    out: dict[str, Any] = {}
    for name, read_model in (("read_model", True), ("store_path", False)):
        rss_before = rss_mb(os.getpid())
        started, cpu_started = time.perf_counter(), time.process_time()
        app = create_app(db, read_model=read_model, cache_size=0)  # nothing kept: every request is cold
        built = {"start_s": round(time.perf_counter() - started, 2),
                 "start_cpu_s": round(time.process_time() - cpu_started, 2)}
        rss_after = rss_mb(os.getpid())
        if rss_before is not None and rss_after is not None:
            built["rss_added_mb"] = round(rss_after - rss_before, 1)
        cpu: dict[str, list[float]] = {"timeline": [], "event": []}
        asyncio.run(cold_requests(app, Cold(ids, random.Random(1)), random.Random(3), requests, None, cpu))
        out[name] = {**built, **{kind: round(1000 * sum(v) / len(v), 3) for kind, v in cpu.items()}}
        if read_model:  # again under the profiler (which inflates every figure; the shares are what it tells)
            profiler = cProfile.Profile()
            asyncio.run(cold_requests(app, Cold(ids, random.Random(4)), random.Random(5), requests, profiler,
                                      {"timeline": [], "event": []}))
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
            out["read_model_profile"] = text.getvalue()
        app.state.server.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"store to build or reuse ({DEFAULT_DB})")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rebuild", action="store_true", help="delete the store first")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="instead of the load: N cold requests in this process, with and without the read model, "
                             "timed on the CPU clock, and the model path's profile")
    args = parser.parse_args()
    if args.rebuild:
        args.db.unlink(missing_ok=True)
    started = time.monotonic()
    counts = build_store(args.db, args.events)
    print(f"store {args.db}: {counts['documents']} documents, {counts['mentions']} mentions, {counts['events']} "
          f"events (ready in {time.monotonic() - started:.0f} s)")
    with Store(args.db, read_only=True) as store:
        ids = [e.event_id for e in store.events()]
    load = os.getloadavg()[0]
    if args.profile:
        found = profile(args.db, ids, args.profile, top=25)
        print(found.pop("read_model_profile"))
        for name, figures in found.items():
            print(f"{name:11} CPU per cold request: timeline {figures['timeline']} ms, event {figures['event']} ms; "
                  f"app ready in {figures['start_s']} s ({figures['start_cpu_s']} s of CPU), "
                  f"{figures.get('rss_added_mb')} MB more resident")
        print(f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after")
        print(json.dumps({"events": counts["events"], "requests": args.profile, **found}))
        return
    port = free_port()
    started = time.monotonic()
    server = start_server(args.db, port)  # a fresh server: nothing kept before the cold phase
    ready_s = time.monotonic() - started
    memory = {"started": rss_mb(server.pid)}
    try:
        cold = phase(server, port, args.clients, args.seconds, Cold(ids, random.Random(1)))
        warm = phase(server, port, args.clients, args.seconds, Warm(ids, random.Random(2)))
        memory["after"] = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(30)
    print(f"load average {load:.2f} before the run, {os.getloadavg()[0]:.2f} after "
          f"({os.cpu_count()} cores; a shared machine: figures move with its load)")
    print(f"server ready in {ready_s:.1f} s (its read model built); resident {memory['started']} MB then, "
          f"{memory.get('after')} MB after both phases")
    report("cold (every request distinct: no kept answer)", cold, args.clients)
    report("warm (a few requests repeated: kept answers)", warm, args.clients)
    print(json.dumps({"events": counts["events"], "clients": args.clients, "load_before": round(load, 2),
                      "ready_s": round(ready_s, 1), "server_rss_mb": memory, "cold": cold, "warm": warm}))


if __name__ == "__main__":
    main()
