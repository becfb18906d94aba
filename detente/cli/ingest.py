"""``detente ingest PATH…``: read, code and store documents.

Exit status: 0 when every input was stored or was already there, 1 when at least one input was rejected
(each rejection is one ``PATH[:LINE]: reason`` line on stderr), 2 when the store cannot be used.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator

from detente.cli.common import add_coding_options, add_db_option, batched, error
from detente.cli.pipeline import Tally, make_coder, read_batches
from detente.config import resolve_db_path
from detente.records import Document
from detente.store.db import BatchHook, Store, StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read, code and store documents",
                       description="Read articles (.txt/.md/.html/.jsonl, directories, - for JSONL on stdin), "
                       "code their events and store everything in the DuckDB store.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db_option(p)
    add_coding_options(p)
    p.add_argument("-v", "--verbose", action="store_true", help="report each committed batch on stderr")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    try:
        store = Store(db_path)
    except StoreError as exc:
        error(f"detente: {exc}")
        return 2
    tally = Tally()
    with store:
        run_id = store.start_run("ingest", args.paths)
        status = "failed"
        try:
            fresh = fresh_documents(read_batches(args, tally), store, tally)
            first = next(fresh, None)
            if first is not None:
                cluster = _cluster_hook()
                # One coding stream for the whole run (spaCy worker processes start once); commits are
                # grouped in batches behind it.
                coded = make_coder(args)(itertools.chain([first], fresh))
                for chunk in batched(coded, args.batch_size):
                    result = store.add_batch(chunk, run_id=run_id, after_insert=cluster)
                    tally.ingested += len(result.added)
                    tally.duplicates += len(result.duplicates)
                    tally.mentions += result.mentions
                    if args.verbose:
                        error(f"committed batch: {len(result.added)} documents, {result.mentions} mentions")
            status = "done"
        finally:
            store.finish_run(run_id, ingested=tally.ingested, duplicates=tally.duplicates,
                             rejected=tally.rejected, mentions=tally.mentions, status=status)
        counts = store.counts()
    print(f"ingested {tally.ingested}, duplicate {tally.duplicates}, rejected {tally.rejected}; "
          f"{tally.mentions} new mentions")
    print(f"store {db_path}: {counts['documents']} documents, {counts['mentions']} mentions, "
          f"{counts['events']} events")
    sys.stdout.flush()
    return 1 if tally.rejected else 0


def fresh_documents(batches: Iterable[list[Document]], store: Store, tally: Tally) -> Iterator[Document]:
    """Documents not yet stored (by content hash) and not seen earlier in this run; the rest are counted as
    duplicates before any coding is spent on them."""
    seen: set[str] = set()
    for batch in batches:
        known = store.known_ids(d.id for d in batch)
        for doc in batch:
            if doc.id in known or doc.id in seen:
                tally.duplicates += 1
                continue
            seen.add(doc.id)
            yield doc


def _cluster_hook() -> BatchHook:
    """Event clustering runs inside each batch's transaction so events never disagree with documents."""
    from detente.analysis.cluster import update_events

    return update_events
