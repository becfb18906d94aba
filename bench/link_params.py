"""What the candidate query pays to receive a batch's new link rows: as a registered table of numpy arrays (the
store's way since session 13, ``index.neighbour_links``) or as one list parameter per column (the way before,
rebuilt here from the same arrays), for a few real batches (``candidate_parts.captured``), against ``--small`` and
``--large``, interleaved in one process so that both ways see the same load.

    python bench/link_params.py --large STORE --small STORE --next N [--repeat 9] [--mentions-from PATH]

The stores are read, never written (the large one is copied first).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

import candidate_parts  # noqa: E402  (the captured link rows)
import replay_cli  # noqa: E402  (the command line these benches share)

from detente.store import queries as q  # noqa: E402

_UNIX = dt.date(1970, 1, 1)
_COLUMNS = {"kh": "BIGINT", "weak": "BOOLEAN", "lo": "DATE", "hi": "DATE", "reach": "DATE", "first0": "BIGINT",
            "last0": "BIGINT", "first1": "BIGINT", "last1": "BIGINT"}
# the statement fed by list parameters: the new link rows unnested from one list per column
LISTS_SQL = "WITH nk AS (SELECT " + ", ".join(f"unnest(CAST(${name} AS {kind}[])) AS {name}"
                                              for name, kind in _COLUMNS.items()) + q.CANDIDATE_NUMBERS_SQL[
    q.CANDIDATE_NUMBERS_SQL.index("), probe AS"):]


def as_lists(table: dict[str, Any]) -> dict[str, list[Any]]:
    """The parameters of ``LISTS_SQL``: Python values, the days as dates again."""
    return {name: [_UNIX + dt.timedelta(days=int(d)) for d in table[name]] if kind == "DATE"
            else [x.item() for x in table[name]] for name, kind in _COLUMNS.items()}


def by_table(con: Any, table: dict[str, Any]) -> list[Any]:
    con.register(q.NEW_LINKS, table)
    try:
        return sorted(con.execute(q.CANDIDATE_NUMBERS_SQL).fetchall())
    finally:
        con.unregister(q.NEW_LINKS)


def by_lists(con: Any, params: dict[str, list[Any]]) -> list[Any]:
    return sorted(con.execute(LISTS_SQL, params).fetchall())


def main() -> None:
    ap = replay_cli.parser(__doc__)
    ap.add_argument("--large", type=Path, required=True)
    ap.add_argument("--small", type=Path, required=True)
    ap.add_argument("--next", type=int, required=True)
    ap.add_argument("--repeat", type=int, default=9)
    args, coded = replay_cli.parse(ap)
    with tempfile.TemporaryDirectory() as tmp:
        tables = candidate_parts.captured(args.large, coded, args.next, Path(tmp))
        # each way gets what the store built for it: the arrays, or the lists (their building is not timed)
        ways: dict[str, tuple[Callable[[Any, Any], list[Any]], list[Any]]] = {
            "arrays": (by_table, tables), "lists": (by_lists, [as_lists(table) for table in tables])}
        cons = {name: duckdb.connect(str(path), read_only=True)
                for name, path in (("small", args.small), ("large", Path(tmp) / "large.duckdb"))}
        for name, con in cons.items():  # both ways find the same members
            assert all(by_table(con, table) == by_lists(con, as_lists(table)) for table in tables), name
        spent: defaultdict[tuple[str, str], list[float]] = defaultdict(list)
        for _ in range(args.repeat):
            for k in range(len(tables)):
                for name, con in cons.items():
                    for way, (run, inputs) in ways.items():
                        t = time.process_time()
                        run(con, inputs[k])
                        spent[way, name].append(time.process_time() - t)
        for con in cons.values():
            con.close()
    print(f"{len(tables)} batches' link rows ({', '.join(str(len(t['kh'])) for t in tables)}), median ms CPU:")
    for way in ways:
        small, large = (statistics.median(spent[way, name]) * 1000 for name in cons)
        print(f"  {way:7s} small {small:6.2f}  large {large:6.2f}  (+{large - small:.2f})")


if __name__ == "__main__":
    main()
