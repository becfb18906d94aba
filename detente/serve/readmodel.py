"""The server's in-memory read model of the timeline and one-event endpoints: a cold page without a query.

Read from the store every cold page cost about 11 ms of CPU (a sort over the full event rows, two lookups,
JSON columns parsed, records serialized); with 50 clients on two cores that is a p99 of more than a second.
The model is built once per state of the store (``store.pages.read``, then ``assemble``), when the server
holds a store that cannot change under it, and dropped with the kept answers whenever the store may change
(``Server``): numpy arrays for the filter columns, each event's order in every sort, and each event, mention
and document already serialized as the API writes it (``json.dumps(record.to_dict(), ensure_ascii=False)``).
A page is then a few array operations and a join of bytes, and its answer is byte for byte the one the store
path gives (tests: tests/serve/test_readmodel.py). A text or outlet filter that is not ASCII goes to the store
path, since only DuckDB's ``lower()`` decides what matches there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from detente.records import Document
from detente.store import pages
from detente.store.db import Store
from detente.store.pages import PageEvent
from detente.store.queries import EVENT_SORTS, EventFilter, EventQuery, SortKey

log = logging.getLogger("detente.serve")

Mask = npt.NDArray[np.bool_]
NO_DAY = -(2**31)  # an ordinal below every date: "no date" never passes a period filter
QUIET_S = 1.0  # how long the store stays unchanged before the next model is built (a build costs seconds of CPU)
SETTLE_EVENTS = 2000  # a model this big is frozen out of the garbage collector's passes (``settle``)
TEXT_MASKS = 256  # text searches whose matches are kept (a search is asked again with other sorts and months)
# Expression of a sort key (queries.EVENT_SORTS) to the event's value, as the SQL coalesces it.
_LOW, _HIGH = dt.date(1, 1, 1), dt.date(9999, 12, 31)
_KEY_VALUES: dict[str, Callable[[PageEvent], Any]] = {
    f"coalesce(date, DATE '{_LOW}')": lambda p: p.event.date or _LOW,
    f"coalesce(date, DATE '{_HIGH}')": lambda p: p.event.date or _HIGH,
    f"coalesce(last_reported, DATE '{_LOW}')": lambda p: p.event.last_reported or _LOW,
    f"coalesce(last_reported, DATE '{_HIGH}')": lambda p: p.event.last_reported or _HIGH,
    "mentions": lambda p: p.event.mentions,
    "sources": lambda p: p.event.sources,
    "event_id": lambda p: p.event.event_id,
}


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def _ascending(keys: tuple[SortKey, ...], values: tuple[Any, ...]) -> tuple[Any, ...]:
    """A sort key as a tuple that Python orders ascending exactly as the SQL orders the key (DESC negated)."""
    out: list[Any] = []
    for (_, direction, kind), value in zip(keys, values, strict=True):
        number = value.toordinal() if kind == "date" else value
        out.append(-number if direction == "DESC" else number)
    return tuple(out)


@dataclass(slots=True, frozen=True)
class Sorted:
    """One sort order: event positions in that order, and each one's key (as a cursor holds it, and ascending)."""

    order: npt.NDArray[np.int64]
    keys: list[tuple[Any, ...]]  # in order
    ascending: list[tuple[Any, ...]]  # in order


class PageModel:
    """One state of the store, ready to answer pages of events and single events (see the module docstring)."""

    def __init__(self, events: list[PageEvent]) -> None:
        n = len(events)
        self.size = n
        self.ids = [p.event.event_id for p in events]
        self.position = {event_id: i for i, event_id in enumerate(self.ids)}
        self.by_id = sorted(self.ids)
        self._codes: dict[str, dict[str, int]] = {}
        self._columns: dict[str, npt.NDArray[np.int32]] = {}
        for name in ("type", "channel", "modality"):
            values = [getattr(p.event, name) for p in events]
            codes = {v: i for i, v in enumerate(dict.fromkeys(values))}
            self._codes[name] = codes
            self._columns[name] = np.fromiter((codes[v] for v in values), dtype=np.int32, count=n)
        self._date = np.fromiter((p.event.date.toordinal() if p.event.date else NO_DAY for p in events),
                                 dtype=np.int64, count=n)
        self._period_end = np.fromiter((p.period_end.toordinal() if p.period_end else NO_DAY for p in events),
                                       dtype=np.int64, count=n)
        self._countries = self._masks(n, ({*p.source_countries, *p.target_countries} for p in events))
        self._outlets = self._masks(n, (p.outlets for p in events))
        # the text a search reads, one event after another (NUL between: a search without NUL cannot span two)
        parts = ["\0".join([p.lowered, *p.mention_texts]) for p in events]
        self._text = "\0".join(parts)
        self._starts = np.cumsum([0] + [len(part) + 1 for part in parts[:-1]], dtype=np.int64) if parts else \
            np.zeros(0, dtype=np.int64)
        self._text_masks: OrderedDict[str, Mask] = OrderedDict()
        self._lock = threading.Lock()
        self.sorts = {name: self._sorted(events, keys) for name, keys in EVENT_SORTS.items()}
        self.event_json = [_dumps(p.event.to_dict()) for p in events]
        docs: dict[str, bytes] = {}
        self._evidence: list[tuple[bytes, list[bytes], list[bytes]]] = []
        for p in events:
            seen: dict[str, Document] = {}
            for _, doc in p.evidence:
                seen.setdefault(doc.id, doc)
            outlets = sorted({d.outlet for d in seen.values() if d.outlet})
            for doc_id, doc in seen.items():
                if doc_id not in docs:
                    docs[doc_id] = _dumps(doc.to_dict())
            doc_json = [docs[doc_id] for doc_id in seen]
            mention_json = [_dumps({**m.to_dict(), "event_id": m.event_id}) for m, _ in p.evidence]
            self._evidence.append((_dumps(outlets), doc_json, mention_json))

    @staticmethod
    def _masks(n: int, groups: Iterator[set[str]]) -> dict[str, Mask]:
        masks: dict[str, Mask] = {}
        for i, group in enumerate(groups):
            for value in group:
                if value not in masks:
                    masks[value] = np.zeros(n, dtype=np.bool_)
                masks[value][i] = True
        return masks

    @staticmethod
    def _sorted(events: list[PageEvent], keys: tuple[SortKey, ...]) -> Sorted:
        getters = [_KEY_VALUES[expr] for expr, _, _ in keys]
        values = [tuple(get(p) for get in getters) for p in events]
        ascending = [_ascending(keys, v) for v in values]
        order = sorted(range(len(events)), key=ascending.__getitem__)
        return Sorted(np.array(order, dtype=np.int64), [values[i] for i in order], [ascending[i] for i in order])

    # -- pages ------------------------------------------------------------------------------------------
    def handles(self, extra: EventFilter) -> bool:
        """Whether this model answers these filters exactly: a text or outlet that is not ASCII is lowered by
        DuckDB's rules, so the store path answers it (as it does a text holding NUL)."""
        return all(v is None or (v.isascii() and "\0" not in v) for v in (extra.text, extra.outlet))

    def _mask(self, query: EventQuery, extra: EventFilter) -> Mask | None:
        """The events matching the filters (None: all), as ``queries.event_page_filter`` selects them."""
        masks: list[Mask] = []
        for name, value in (("type", query.type), ("channel", query.channel), ("modality", extra.modality)):
            if value:
                code = self._codes[name].get(value)
                masks.append(self._columns[name] == code if code is not None else np.zeros(self.size, np.bool_))
        if query.dyad:
            none = np.zeros(self.size, np.bool_)
            masks += [self._countries.get(country, none) for country in query.dyad]
        if query.since:
            masks.append(self._period_end >= query.since.toordinal())
        if query.until:
            masks.append((self._date != NO_DAY) & (self._date <= query.until.toordinal()))
        if extra.outlet:
            masks.append(self._outlets.get(extra.outlet.lower(), np.zeros(self.size, np.bool_)))
        if extra.text:
            masks.append(self._text_mask(extra.text.lower()))
        if len(masks) < 2:
            return masks[0] if masks else None  # read only: a kept mask may be returned as it is
        out = masks[0] & masks[1]
        for mask in masks[2:]:
            out &= mask
        return out

    def _text_mask(self, needle: str) -> Mask:
        with self._lock:
            found = self._text_masks.get(needle)
            if found is not None:
                self._text_masks.move_to_end(needle)
                return found
        mask = np.zeros(self.size, np.bool_)
        text, starts, at = self._text, self._starts, 0
        while (at := text.find(needle, at)) >= 0:
            i = int(np.searchsorted(starts, at, side="right")) - 1
            mask[i] = True
            at = int(starts[i + 1]) if i + 1 < self.size else len(text)
        with self._lock:
            self._text_masks[needle] = mask
            while len(self._text_masks) > TEXT_MASKS:
                self._text_masks.popitem(last=False)
        return mask

    def page(self, query: EventQuery, extra: EventFilter) -> tuple[list[int], tuple[Any, ...] | None]:
        """``Store.event_page``: the positions of up to ``query.limit`` events in ``extra.sort`` order after
        ``extra.after``, and the sort key of the last one when more may follow."""
        limit = query.limit or 50
        ordered = self.sorts[extra.sort]
        start = 0
        if extra.after is not None:
            start = bisect.bisect_right(ordered.ascending, _ascending(EVENT_SORTS[extra.sort], extra.after))
        mask = self._mask(query, extra)
        ranks = self._first(ordered.order, mask, start, limit + 1)
        more = len(ranks) > limit
        ranks = ranks[:limit]
        last = ordered.keys[ranks[-1]] if more and ranks else None
        return [int(ordered.order[r]) for r in ranks], last

    def _first(self, order: npt.NDArray[np.int64], mask: Mask | None, start: int, wanted: int) -> list[int]:
        """The first ``wanted`` ranks from ``start`` on whose event passes ``mask``: read in growing windows of
        the order, so a page of a common filter looks at a few hundred events, not all of them."""
        if mask is None:
            return list(range(start, min(start + wanted, self.size)))
        found: list[int] = []
        step = max(256, 4 * wanted)
        while start < self.size and len(found) < wanted:
            window = order[start:start + step]
            found += (np.flatnonzero(mask[window]) + start).tolist()
            start += step
            step *= 4
        return found[:wanted]

    def count(self, query: EventQuery, extra: EventFilter) -> int:
        """``Store.count_event_page``: how many events match the filters (the cursor ignored)."""
        mask = self._mask(query, extra)
        return self.size if mask is None else int(mask.sum())

    def page_json(self, query: EventQuery, extra: EventFilter, next_cursor: Callable[[tuple[Any, ...]], str],
                  count: bool) -> bytes:
        """The body of ``GET /api/events``: ``{"events": [...], "next_cursor": ...[, "total": n]}``."""
        found, last = self.page(query, extra)
        body = (b'{"events": [' + b", ".join(self.event_json[i] for i in found) + b'], "next_cursor": '
                + _dumps(next_cursor(last) if last else None))
        if count:
            body += b', "total": ' + _dumps(self.count(query, extra))
        return body + b"}"

    # -- one event ---------------------------------------------------------------------------------------
    def find(self, event_id: str) -> list[int]:
        """``Store.find_events``: the event with this id, else those whose id starts with it (at most two)."""
        if event_id in self.position:
            return [self.position[event_id]]
        at = bisect.bisect_left(self.by_id, event_id)
        return [self.position[i] for i in self.by_id[at:at + 2] if i.startswith(event_id)]

    def event_body(self, i: int) -> bytes:
        """The body of ``GET /api/events/{id}``: the event, its outlets, documents and mentions."""
        outlets, docs, mentions = self._evidence[i]
        return (b'{"event": ' + self.event_json[i] + b', "outlets": ' + outlets + b', "documents": ['
                + b", ".join(docs) + b'], "mentions": [' + b", ".join(mentions) + b"]}")


def settle() -> None:
    """Take what lives now (a model's hundred thousand objects, the app's own) out of the cyclic collector's
    sight: a full collection over them took 100 ms or more on the loaded machine, a pause for every request in
    flight, and cold requests allocate enough to bring one on every few seconds. What was frozen before is
    collected first, so an object frozen and then dropped in a cycle lives only until the next model."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class PageModels:
    """The read model of the store's current state, rebuilt by one thread whenever the store may have changed
    (``invalidate``) and installed only if it has not changed again meanwhile. ``read`` opens the store as a
    request does and says whether it cannot change while open (a model is built only from such a read)."""

    def __init__(self, read: Callable[[], AbstractContextManager[tuple[Store, bool]]], *, enabled: bool = True,
                 quiet_s: float = QUIET_S) -> None:
        self._read = read
        self.enabled = enabled
        self.quiet_s = quiet_s  # a rebuild waits until the store has not changed for this long
        self._current: PageModel | None = None
        self._generation = 0
        self._built_generation = -1
        self._cond = threading.Condition()
        self._dirty = True
        self._stopped = False
        self._thread: threading.Thread | None = None
        self._settled = False

    def start(self) -> None:
        if self.enabled:
            self._thread = threading.Thread(target=self._build_loop, name="detente-serve-pages", daemon=True)
            self._thread.start()

    def current(self) -> PageModel | None:
        return self._current

    def invalidate(self) -> None:
        """The store may have changed: drop the model and build the next one when the store is still again."""
        with self._cond:
            self._generation += 1
            self._current = None
            self._dirty = True
            self._cond.notify_all()

    def wait(self, timeout: float) -> bool:
        """Wait until the build for the current state is done (whether it made a model); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self.enabled or self._stopped
                                       or self._built_generation == self._generation, timeout)

    def close(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(10)
        if self._settled:
            gc.unfreeze()  # what this server froze goes back to the collector

    def _build_loop(self) -> None:
        first = True  # a starting server builds at once; later builds wait for the store to settle
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._dirty or self._stopped)
                while not first and not self._stopped and self._changes_within(self.quiet_s):
                    pass  # one build after a run of batches, not one per batch
                if self._stopped:
                    return
                self._dirty, first = False, False
                generation = self._generation
            model = None
            try:
                model = self._build()
            except Exception as exc:  # the store path answers meanwhile; the next change tries again
                log.warning("read model not built: %s: %s", type(exc).__name__, exc)
            with self._cond:
                if generation == self._generation:
                    self._current = model
                    self._built_generation = generation
                    self._cond.notify_all()
            if model is not None and model.size >= SETTLE_EVENTS:
                settle()
                self._settled = True


    def _changes_within(self, seconds: float) -> bool:
        """Wait (holding ``_cond``) for the store to change or the models to stop; False if neither came."""
        generation = self._generation
        return self._cond.wait_for(lambda: self._stopped or self._generation != generation, seconds)

    def _build(self) -> PageModel | None:
        with self._read() as (store, still):
            if not still:
                return None  # a writer is at work: requests read the store until it is held again
            rows = pages.read(store)  # the store is held only for the queries
        return PageModel(pages.assemble(rows))
