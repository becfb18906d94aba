"""``detente watch FEED_OR_URL_LIST…``: poll feeds and pages, ingest what is new, until stopped.

One line per cycle on stdout, one ``URL: reason`` line per failure on stderr. SIGINT or SIGTERM finishes the
batch in hand and exits 0 with a line; a second signal interrupts at once (the open transaction rolls back).
Exit status 2 when the store or the setup cannot be used.
"""

from __future__ import annotations

import argparse

from detente import api
from detente.cli.common import add_coding_options, add_db_option, checked, error, load_pipeline, positive_int, refused
from detente.readers.web import FetchLimits
from detente.store.db import StoreError
from detente.watch import DEFAULT_EVERY, CycleReport, Watcher, parse_interval, stop_on_signals


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="poll feeds and pages, ingest what is new",
                       description="Poll RSS/Atom feeds and article URLs (given here or listed one per line in "
                       "files) with conditional GETs, and ingest new articles into the store, every --every.")
    p.add_argument("sources", nargs="+", metavar="FEED_OR_URL_LIST",
                   help="a feed or article URL, or a file listing them one per line (# starts a comment)")
    p.add_argument("--every", type=checked(parse_interval), default=DEFAULT_EVERY, metavar="INTERVAL",
                   help="time between polls: 30s, 15m, 1h (default 15m)")
    p.add_argument("--cycles", type=positive_int, metavar="N", help="stop after N polls (default: run until stopped)")
    add_db_option(p)
    add_coding_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pipe = load_pipeline(args)
    try:
        api.open_store(args.db).close()  # a store that cannot be opened is a setup error, before any polling
    except StoreError as exc:
        return refused("watch", exc)
    watcher = Watcher(args.sources, pipe, args.db, batch_size=args.batch_size,
                      limits=FetchLimits(max_bytes=args.max_bytes), on_reject=lambda r: error(r.message()))
    stop_on_signals(watcher.stop, on_signal=lambda name: error(f"detente watch: {name}: finishing the current batch"))

    def report(cycle: CycleReport) -> None:
        print(cycle.line(), flush=True)

    cycles = watcher.run(every=args.every, cycles=args.cycles, on_cycle=report)
    with api.open_store(args.db, read_only=True) as store:
        totals = store.counts()
    reason = "stopped" if watcher.stop.is_set() else "done"
    print(f"watch {reason} after {cycles} cycles; store {store.path}: {totals['documents']} documents, "
          f"{totals['mentions']} mentions, {totals['events']} events", flush=True)
    return 0
