"""Following feeds and pages over time: poll, ingest what is new, sleep, again; stop cleanly on a signal.

Each cycle opens the store, polls every source with a conditional GET (the ETag and Last-Modified each source
last answered with are kept in the store's ``sources`` table, written once the cycle's documents are
committed), skips feed entries and pages whose URL a stored document came from, and hands the rest to
``Pipeline.ingest``, which drops known content (by hash), codes and commits in batches. The store is closed
between cycles, so other commands can read it while ``watch`` sleeps.

A source that fails (down, timing out, not a feed) is one line and is polled again next cycle; its validators
are saved only when every new entry of it is settled, so an entry page that failed for a passing reason (a
timeout, a 503) is retried too, while a 404 or a robots.txt refusal is not asked again. An entry read once
(stored, a duplicate by content, or refused for what it is) is not fetched again in this process. A stop
request (``stop`` set, e.g. by SIGTERM) ends the cycle's input: the batch in hand is coded and committed,
nothing new is fetched, and ``run`` returns.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from types import FrameType

from detente.api import DbArg, Pipeline, open_store
from detente.config import DEFAULT_MAX_BYTES
from detente.readers.errors import Rejection
from detente.readers.feeds import Feed, FeedEntry, FeedError, looks_like_feed, parse_feed
from detente.readers.online import ACCEPT_ANY, ACCEPT_HTML, entry_item, page_document
from detente.readers.urls import URLError, check_url, looks_like_url
from detente.readers.web import Fetcher, FetchError, FetchLimits
from detente.records import Document, RunReport
from detente.store.db import Store, StoreError

DEFAULT_EVERY = 15 * 60.0
_INTERVAL = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>s|sec|m|min|h)?", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600}

Item = Document | Rejection


def parse_interval(text: str) -> float:
    """"15m", "30s", "1h" or plain seconds → seconds (at least 1)."""
    match = _INTERVAL.fullmatch(text.strip())
    if not match:
        raise ValueError(f"expected an interval like 30s, 15m or 1h, got {text!r}")
    seconds = float(match["n"]) * _UNITS[(match["unit"] or "").lower()]
    if seconds < 1:
        raise ValueError(f"interval must be at least 1 second, got {text!r}")
    return seconds


def watch_list(given: Sequence[str]) -> tuple[list[str], list[Rejection]]:
    """The sources named by ``given``: URLs as they are, and files listing one URL per line (blank lines and
    ``#`` comments skipped), read anew each cycle so a list can be edited while ``watch`` runs."""
    urls: list[str] = []
    problems: list[Rejection] = []
    for name in given:
        if looks_like_url(name) and not os.path.exists(name):
            urls.append(name.strip())
            continue
        try:
            with open(name, encoding="utf-8") as stream:
                lines = stream.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problems.append(Rejection(name, f"cannot read list ({reason})"))
            continue
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                if looks_like_url(line):
                    urls.append(line)
                else:
                    problems.append(Rejection(f"{name}:{number}", "not a URL"))
    return list(dict.fromkeys(urls)), problems


@dataclass(slots=True)
class CycleReport:
    cycle: int
    sources: int = 0
    unchanged: int = 0  # answered 304 Not Modified
    known: int = 0  # entries or pages whose URL is already stored
    failed: int = 0  # sources that could not be polled
    run: RunReport | None = None  # None when nothing new was read (no run is recorded)
    error: str | None = None  # the store could not be used this cycle (locked by another writer, …)

    def line(self) -> str:
        if self.error:
            return f"cycle {self.cycle}: {self.error}; retrying next cycle"
        run = self.run
        new = f"{run.ingested} new, {run.duplicates} duplicate, {run.rejected} rejected" if run else "nothing new"
        return (f"cycle {self.cycle}: {self.sources} sources, {self.unchanged} unchanged, {self.failed} failed, "
                f"{self.known} already stored; {new}")


@dataclass
class Watcher:
    """Polls ``sources`` (URLs and list files) into the store ``db`` with ``pipe``."""

    sources: Sequence[str]
    pipe: Pipeline
    db: DbArg = None
    batch_size: int = 32
    limits: FetchLimits = field(default_factory=lambda: FetchLimits(max_bytes=DEFAULT_MAX_BYTES))
    on_reject: Callable[[Rejection], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    cycles_done: int = 0
    _handled: set[str] = field(default_factory=set)  # entry links read in this process (stored, or refused)

    def run(self, *, every: float = DEFAULT_EVERY, cycles: int | None = None,
            on_cycle: Callable[[CycleReport], None] | None = None) -> int:
        """Poll until ``stop`` is set or ``cycles`` cycles are done; returns the number of cycles run."""
        with Fetcher(self.limits) as fetcher:
            while not self.stop.is_set():
                try:
                    report = self.cycle(fetcher)
                except StoreError as exc:
                    report = CycleReport(self.cycles_done, error=str(exc))
                if on_cycle is not None:
                    on_cycle(report)
                if cycles is not None and self.cycles_done >= cycles:
                    break
                self.stop.wait(every)
        return self.cycles_done

    def cycle(self, fetcher: Fetcher) -> CycleReport:
        """One poll of every source; what is new is coded and committed before this returns."""
        self.cycles_done += 1
        report = CycleReport(self.cycles_done)
        urls, problems = watch_list(self.sources)
        report.sources = len(urls)
        for problem in problems:
            self._reject(problem)
        settled: dict[str, tuple[str | None, str | None]] = {}
        with self._store() as store:
            items = self._poll(urls, store, fetcher, report, settled)
            first = next(items, None)  # nothing new: no run recorded, the model not loaded
            if first is not None:
                report.run = self.pipe.ingest(_chain(first, items), store, batch_size=self.batch_size,
                                              inputs=urls, on_reject=self._reject)
            # Only now that everything read is committed: saved earlier, a crash before the commit would leave
            # the next poll a 304 for entries that never reached the store.
            for url, (etag, modified) in settled.items():
                store.save_source_validators(url, etag, modified)
        return report

    def _store(self) -> AbstractContextManager[Store]:
        """The store for one cycle: opened and closed again, unless the caller passed an open one."""
        return nullcontext(self.db) if isinstance(self.db, Store) else open_store(self.db)

    def _reject(self, rejection: Rejection) -> None:
        (self.on_reject or (lambda r: None))(rejection)

    def _poll(self, urls: list[str], store: Store, fetcher: Fetcher, report: CycleReport,
              settled: dict[str, tuple[str | None, str | None]]) -> Iterator[Item]:
        """New documents (and rejected entries) of every source, fetched lazily as the ingest asks for them. A
        source whose items were all handed over, each settled, gets its validators put in ``settled``. A source
        that fails is reported here and counted in ``report.failed``, not in the ingest run."""
        for url in urls:
            if self.stop.is_set():
                return
            try:
                check_url(url)
            except URLError as exc:
                report.failed += 1
                self._reject(Rejection(url, exc.reason))
                continue
            if store.known_urls([url]):
                report.known += 1  # a page already stored: new versions of it are not news
                continue
            etag, modified = store.source_validators(url)
            try:
                response = fetcher.get(url, etag=etag, last_modified=modified, accept=ACCEPT_ANY)
            except FetchError as exc:
                report.failed += 1
                self._reject(Rejection(url, exc.reason))
                continue
            if response.not_modified:
                report.unchanged += 1
                continue
            complete = True
            if looks_like_feed(response.content, response.media_type):
                try:
                    feed = parse_feed(response.content)
                except FeedError as exc:
                    report.failed += 1
                    self._reject(Rejection(url, exc.reason))
                    continue
                links = [e.link for e in feed.entries if e.link]
                stored = store.known_urls(links)
                for entry in feed.entries:
                    if self.stop.is_set():
                        return  # validators not saved: the rest of this feed is read next time
                    if entry.link and (entry.link in stored or entry.link in self._handled):
                        report.known += entry.link in stored
                        continue
                    item, fetched = self._entry(entry, feed, url, fetcher)
                    complete = complete and fetched
                    yield item
            else:
                yield page_document(response)
            if complete:
                settled[url] = (response.etag, response.last_modified)

    def _entry(self, entry: FeedEntry, feed: Feed, origin: str, fetcher: Fetcher) -> tuple[Item, bool]:
        """An entry's item and whether it is settled: a fetch that failed for a passing reason (a timeout, a 503)
        is not, and is tried again next cycle."""
        if entry.content or not entry.link:
            item = entry_item(entry, feed, origin=origin, fetcher=fetcher)
        else:
            try:
                response = fetcher.get(entry.link, accept=ACCEPT_HTML)
            except FetchError as exc:
                if not exc.transient:
                    self._handled.add(entry.link)
                return Rejection(entry.link, exc.reason), not exc.transient
            item = page_document(response, meta={"title": entry.title, "published": entry.published,
                                                 "url": entry.link},
                                 fallback={"outlet": feed.title}, source_id=entry.id or entry.link)
        if entry.link:
            self._handled.add(entry.link)  # stored, a duplicate by content, or refused for what it is
        return item, True


def _chain(first: Item, rest: Iterator[Item]) -> Iterator[Item]:
    yield first
    yield from rest


def stop_on_signals(stop: threading.Event, *, on_signal: Callable[[str], None] | None = None) -> None:
    """SIGINT and SIGTERM ask ``stop`` to end the watch after the batch in hand; a second one interrupts at once
    (the open transaction rolls back). Call from the main thread."""

    def handle(number: int, frame: FrameType | None) -> None:
        name = signal.Signals(number).name
        if stop.is_set():
            raise KeyboardInterrupt(name)
        stop.set()
        if on_signal is not None:
            on_signal(name)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, handle)
