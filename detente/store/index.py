"""Rows and parameters of the clustering index (``cluster_members``, ``cluster_key_hashes``): how a light mention
is stored so that its candidate links are found by equality joins on integers and date ranges, and how link
components are labelled.

The relation the index answers is the one ``clustering.segments`` chains mentions by, minus the same-document
part (a document's mentions all arrive in one batch): in one block, the same evidence key with windows that
meet (two undated mentions: the same publication day), or both dated to the day, the same countries and
overlapping windows. Every link the rule makes is such a pair, so the link components (``clustering.link_components``)
holding a batch's neighbours, with the batch, hold every link its mentions make.

Both relations are kept as *link rows* (``cluster_key_hashes``): what must be equal (an evidence key with its
block; for a mention dated to the day, its block with its countries) hashed to 64 bits, the window, and the
mention's number. A link row sits in one time bucket: a window of at most ``LEVELS[0][0]`` days in a bucket of
``LEVELS[0][1]`` days by its first day, a longer one in a coarser bucket, the longest in one bucket per hash;
the row's join key ``kb`` is its hash with the level and bucket folded in. A new window probes, at each level,
the buckets from its first day less that level's longest span to its last day, so a batch joins only with the
rows of its own keys in its own weeks, however large the store: one equality join on one integer column, then
the exact window test. Components are labelled by number: a mention's number ``n`` (its place in the index) and
its component's label (column ``segment``: the smallest number among the members) are integers too
(bench/README.md, "Scale").
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from detente.clustering import LightMention
from detente.clustering.rule import DATE_TOLERANCE_DAYS


def key_hash(*parts: str) -> int:
    """A signed 64-bit hash of these strings, the same in every process (blake2b, not Python's ``hash``). A
    collision can only add a candidate: it is read and tested by the rule, and changes nothing."""
    text = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big", signed=True)


def evidence_hash(light: LightMention, key: str) -> int:
    """The hash an evidence key is joined on: the key within the mention's block."""
    return key_hash(key, *light.block)


def day_hash(light: LightMention) -> int:
    """The hash day-dated mentions of one block and the same countries share (no evidence key starts with NUL)."""
    return key_hash("\x00day", *light.block, *light.countries)


# (longest span in days, bucket width in days) of each level of link rows but the last, which holds longer
# windows in one bucket per hash. queries.CANDIDATE_NUMBERS_SQL probes these two levels and the last.
LEVELS = ((31, 32), (366, 366))
_EPOCH = dt.date(1, 1, 1)
_UNIX = dt.date(1970, 1, 1)


def bucket(lo: dt.date, last: dt.date) -> tuple[int, int]:
    """The level and bucket a link row with the window [lo, last] sits in."""
    for level, (longest, width) in enumerate(LEVELS):
        if (last - lo).days <= longest:
            return level, (lo - _EPOCH).days // width
    return len(LEVELS), 0


def bucket_key(kh: int, level: int, bucket: int) -> int:
    """A link row's join key: its hash with level and bucket folded in (``xor`` in
    ``queries.CANDIDATE_NUMBERS_SQL`` computes the same for the buckets a new row probes). Two keys meet only
    if their hashes differ by less than 2**34: a rare extra candidate, which costs a little and changes nothing."""
    return kh ^ (level << 32 | bucket)


def probes(lo: dt.date, last: dt.date) -> list[int]:
    """The first and last bucket to probe at each level but the last for a window [lo, last]: every row there
    whose window can meet it starts at most that level's longest span before ``lo``."""
    out: list[int] = []
    for longest, width in LEVELS:
        out += [max(0, ((lo - _EPOCH).days - longest) // width), (last - _EPOCH).days // width]
    return out


def reach(light: LightMention) -> dt.date | None:
    """The last day a dated mention's key links can reach: one day of slack for mentions dated to the day."""
    if light.hi is None:
        return None
    return light.hi + dt.timedelta(days=DATE_TOLERANCE_DAYS if light.day else 0)


def _links(light: LightMention) -> list[tuple[int, bool, dt.date, dt.date, dt.date]]:
    """A mention's link rows: (hash, weak, lo, hi, reach) per evidence key, and one for its countries when it
    is dated to the day (overlap without tolerance: its reach is its last day)."""
    if light.lo is None or light.hi is None:
        return []
    last = reach(light)
    assert last is not None
    out = [(evidence_hash(light, key), light.weak, light.lo, light.hi, last) for key in light.keys]
    if light.day:
        out.append((day_hash(light), False, light.lo, light.hi, light.hi))
    return out


def rows(lights: Iterable[LightMention], numbers: Mapping[str, int], segments: Mapping[str, int],
         row_at: Mapping[str, int]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``cluster_members`` rows (``numbers``: each mention's number; ``segments``: its segment's label;
    ``row_at``: its rowid in ``mentions``) and ``cluster_key_hashes`` rows."""
    members: list[tuple[Any, ...]] = []
    links: list[tuple[Any, ...]] = []
    for light in lights:
        family, modality = light.block
        n = numbers[light.mention_id]
        members.append((n, light.mention_id, light.doc_id, family, modality, list(light.countries), light.weak,
                        light.day, light.lo, light.hi, list(light.keys), segments[light.mention_id],
                        row_at[light.mention_id]))
        links.extend((bucket_key(kh, *bucket(lo, last)), weak, lo, hi, last, n)
                     for kh, weak, lo, hi, last in _links(light))
    return members, links


def has_links(lights: Sequence[LightMention]) -> bool:
    """Whether any of these mentions can link outside its own document."""
    return any(_links(light) for light in lights)


def _days(dates: Iterable[dt.date]) -> np.ndarray:
    """Dates as days since 1970-01-01, the integer ``queries.CANDIDATE_NUMBERS_SQL`` adds to that day."""
    return np.array([(day - _UNIX).days for day in dates], dtype=np.int32)


def neighbour_links(lights: Sequence[LightMention]) -> dict[str, np.ndarray]:
    """The table ``queries.CANDIDATE_NUMBERS_SQL`` reads these new mentions' link rows from (registered as
    ``queries.NEW_LINKS``): one array per column, with the buckets each probes. Arrays, not list parameters: DuckDB
    scans an array in place, where it turns a list parameter into values one by one (about 0.6 µs a value, 6 ms
    for a batch's 700 link rows of nine columns; bench/README.md, "Scale")."""
    links = [link for light in lights for link in _links(light)]
    ranges = np.array([probes(lo, last) for _, _, lo, _, last in links], dtype=np.int64).reshape(-1, 2 * len(LEVELS))
    table = {"kh": np.array([link[0] for link in links], dtype=np.int64),
             "weak": np.array([link[1] for link in links], dtype=bool)}
    table.update({"lo": _days(lo for _, _, lo, _, _ in links), "hi": _days(hi for _, _, _, hi, _ in links),
                  "reach": _days(last for *_, last in links)})
    table.update({name: ranges[:, i] for i, name in enumerate(("first0", "last0", "first1", "last1"))})
    return table


def key_table(key_rows: Sequence[tuple[Any, ...]]) -> dict[str, np.ndarray]:
    """``rows``' link rows (kb, weak, lo, hi, reach, n) as the table ``queries.INSERT_KEYS_SQL`` inserts from
    (registered as ``queries.NEW_KEYS``): arrays, for the reason ``neighbour_links`` gives."""
    return {"kb": np.array([row[0] for row in key_rows], dtype=np.int64),
            "weak": np.array([row[1] for row in key_rows], dtype=bool),
            "lo": _days(row[2] for row in key_rows), "hi": _days(row[3] for row in key_rows),
            "reach": _days(row[4] for row in key_rows), "n": np.array([row[5] for row in key_rows], dtype=np.int64)}


def row_ranges(positions: Iterable[int], *, gap: int, most: int) -> list[tuple[int, int]]:
    """Runs of rowids to read: positions closer than ``gap`` share a run (reading the rows between costs less
    than another statement), and the widest gaps are kept so that there are at most ``most`` runs."""
    ordered = sorted(set(positions))
    if not ordered:
        return []
    cuts = sorted((b - a, i) for i, (a, b) in enumerate(zip(ordered, ordered[1:], strict=False), 1) if b - a >= gap)
    starts = sorted(i for _, i in cuts[len(cuts) - (most - 1):]) if most > 1 and cuts else []
    bounds = [0, *starts, len(ordered)]
    return [(ordered[a], ordered[b - 1]) for a, b in zip(bounds, bounds[1:], strict=False)]


def light_of(row: dict[str, Any]) -> LightMention:
    """The light mention an index row holds (no JSON to parse, no date rule to apply again)."""
    return LightMention(row["mention_id"], row["doc_id"], tuple(row["countries"]), bool(row["weak"]),
                        bool(row["day"]), row["lo"], row["hi"], tuple(row["keys"]), (row["family"], row["modality"]))


def labels(segs: Iterable[Sequence[str]], numbers: Mapping[str, int], current: Mapping[str, int]) -> dict[str, int]:
    """The label (the smallest number among its members) of every mention whose segment or component changes; a
    mention missing from ``current`` is new and always gets one."""
    out: dict[str, int] = {}
    for seg in segs:
        label = min(numbers[mid] for mid in seg)
        out.update((mid, label) for mid in seg if current.get(mid) != label)
    return out


class _Kept:
    """What a writer keeps between batches, by key, at most ``size`` items, least recently used first out; what a
    batch stages is taken in only once its transaction has committed (``commit``), and everything is dropped when
    the rows were committed through another connection (``begin``) or the index is rebuilt (``clear``)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._staged: dict[Any, Any] = {}
        self._owner: object | None = None  # the connection the items were committed through

    def begin(self, owner: object) -> None:
        """A batch starts on connection ``owner``: drop what a failed one staged, and every item if the items were
        committed through another connection."""
        self._staged = {}
        if owner is not self._owner:
            self.clear()
            self._owner = owner

    def _get(self, keys: Iterable[Any]) -> dict[Any, Any]:
        return {key: self._items[key] for key in keys if key in self._items}

    def commit(self) -> None:
        for key, item in self._staged.items():
            self._items[key] = item
            self._items.move_to_end(key)
        self._staged = {}
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()
        self._staged = {}


class RecentRows(_Kept):
    """The full rows (``queries.FULL_OF_MENTIONS_SQL``'s, with their current event) of the mentions a writer
    clustered last. A batch reads its candidates' link components, whose older members are mostly recent mentions:
    reading each of those again costs a decompressed block of every column of ``mentions`` per row (a few
    milliseconds), so the writer keeps them.

    They stay true because a mention's row changes only when ``Store._write`` points it at another event, and
    that change is kept here with the row (``stage``) and taken in only once its transaction has committed
    (``commit``). The store empties it whenever it cannot vouch for that: a recluster, or a new connection (another
    process may have written while this one had closed the file for a reader)."""

    def get(self, mention_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The kept rows of these mentions."""
        return self._get(mention_ids)

    def stage(self, rows: Iterable[dict[str, Any]], events: Mapping[str, str]) -> None:
        """Rows as the running transaction leaves them: each with its new event from ``events``, if it has one.
        Lists become tuples, so that a kept row holds only immutable values and Python's garbage collector stops
        tracking it: 30,000 tracked rows made every full collection 10 ms longer (bench/README.md, "Scale")."""
        for row in rows:
            mid = row["mention_id"]
            kept = {name: tuple(value) if isinstance(value, list) else value for name, value in row.items()}
            if mid in events:
                kept["event_id"] = events[mid]
            self._staged[mid] = kept


class RecentMembers(_Kept):
    """The index rows (``cluster_members``' light mention and rowid, by number ``n``) of the mentions a writer
    clustered last. A batch's candidates grow with the store where windows meet copies of a story (bench/scale.py's
    replay), and reading a member's strings again costs a decompressed vector of each column: with these kept, the
    candidate query reads two integer columns (``queries.CANDIDATE_NUMBERS_SQL``) and only the members not kept are
    read whole (``queries.INDEX_ROWS_SQL``). Everything but the component label (read every time) is written once
    and never changes while the number exists; a number is reused only after a rollback (whose staged rows are
    dropped) or a recluster (which clears these)."""

    def get(self, numbers: Iterable[int]) -> dict[int, tuple[LightMention, int]]:
        """The kept (light mention, rowid) of these numbers."""
        return {n: (LightMention(*fields[:-1]), fields[-1]) for n, fields in self._get(numbers).items()}

    def stage(self, members: Mapping[int, tuple[LightMention, int]]) -> None:
        """Kept as plain tuples of immutable values, which Python's garbage collector stops tracking (a light
        mention is an object it would track: see ``RecentRows.stage``)."""
        self._staged.update((n, (light.mention_id, light.doc_id, light.countries, light.weak, light.day, light.lo,
                                 light.hi, light.keys, light.block, row_at))
                            for n, (light, row_at) in members.items())


class PairVerdicts(_Kept):
    """The rule's verdicts (``clustering.segments.PairMemo``) on the pairs a writer's batches compared, by their
    two mention ids. A new report of an event with n members is compared with each member once: without these,
    re-clustering the event compares every pair again, n² calls of the rule a report (bench/README.md, "One more
    report of a large event"). A verdict depends on the two mentions' rows alone, which change only in their
    event (``RecentRows``); so it is kept as they are, taken in when its batch commits, dropped when the rows
    may have changed (another connection, a recluster)."""

    def get(self, key: str) -> int | None:
        found = self._items.get(key)
        return self._staged.get(key) if found is None else found

    def put(self, key: str, verdict: int) -> None:
        self._staged[key] = verdict
