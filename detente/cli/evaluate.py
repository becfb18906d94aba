"""``detente evaluate GOLD.jsonl``: code gold sentences and score the coder against them.

Prints event-type accuracy, macro-F1, per-type precision/recall/F1, source and target country accuracy,
events per sentence and a confusion matrix; ``--json`` prints the same as one JSON object. Labelled news is
reported per part: ``tune``, ``check``, each named draw's split (``check d3``, the fresh check set) and ``all``.
``--same-events TSV`` (labelled news, with ``--documents``) adds a section: the labelled documents are ingested
into a temporary store and its events scored against which reports are one real happening
(``evaluation/same_events.py``); a flag of ``evaluate`` rather than a verb of its own, since it reads the same
gold rows, documents and pipeline. Exit status 0, or 2 when the gold file or the same-event labels cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from detente import api
from detente.cli.common import add_coder_options, cell, name_cell, non_negative_int

T = TypeVar("T")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="score event coding against gold records",
                       description="Code each gold sentence at its date and compare the most confident event "
                                   "with the gold type and actors.")
    p.add_argument("gold", metavar="GOLD.jsonl", help="gold records: PLOVER gold-standard sentences, or labelled "
                   "news sentences (docs/labelling.md), told apart by their fields")
    p.add_argument("--documents", metavar="PATH", action="append",
                   help="labelled news: the documents to code whole (repeatable; files, folders, JSONL); "
                   "without them each sentence is coded alone")
    p.add_argument("--same-events", metavar="TSV",
                   help="labelled news with --documents: also ingest the labelled documents into a temporary store "
                   "and score its events against these same-event labels (docs/labelling.md, 'Same real event')")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    add_coder_options(p)
    p.add_argument("--misses", type=non_negative_int, default=0, metavar="N",
                   help="also list the first N misses (labelled news: of the tune split only; the check split is "
                   "scored, never shown)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from detente.evaluation import evaluate, format_result, read_gold
    from detente.evaluation.news import is_news_gold

    try:
        news = is_news_gold(args.gold)
        gold = [] if news else read_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"detente evaluate: {exc}", file=sys.stderr)
        return 2
    if news:
        return _run_news(args)
    pipe = _pipeline(args)
    if pipe is None:
        return 2
    result = evaluate(gold, pipe.coder)
    if args.json:
        out = result.to_dict()
        if not args.misses:
            out.pop("misses")
        else:
            out["misses"] = out["misses"][: args.misses]
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(format_result(result, misses=args.misses))
    return 0


def _run_news(args: argparse.Namespace) -> int:
    from detente.evaluation.news import code_alone, code_in_context, format_news, misses, read_news_gold, score_news

    if args.same_events and not args.documents:
        print("detente evaluate: --same-events needs --documents (the labelled documents to ingest)",
              file=sys.stderr)
        return 2
    gold = _read(read_news_gold, args.gold)
    if gold is None:
        return 2
    pipe = _pipeline(args)
    if pipe is None:
        return 2
    if args.documents:
        stages: dict[tuple[str, int], str] | None = {} if pipe.coder.n_process == 1 else None
        refused: dict[tuple[str, int], str] | None = None if stages is None else {}
        coded, problems = code_in_context(gold, pipe.coder, api.read(args.documents), stages, refused)
        for problem in problems:
            print(f"detente evaluate: {problem}", file=sys.stderr)
    else:
        stages, refused, coded = None, None, code_alone(gold, pipe.coder)
    result = score_news(gold, coded, stages, refused)
    if args.same_events:
        same = _same_events(args, gold, pipe)
        if same is None:
            return 2
        result["same_events"] = same
    shown = list(misses(gold, coded, stages=stages, refused=refused))[: args.misses]
    if args.json:
        print(json.dumps({**result, **({"misses": shown} if args.misses else {})}, ensure_ascii=False))
    else:
        print(format_news({k: v for k, v in result.items() if k != "same_events"}))
        if "same_events" in result:
            from detente.evaluation.same_events import format_same_events

            print("\n" + format_same_events(result["same_events"]))
        for miss in shown:
            stage = f"  ({miss['stage']}{': ' + miss['refused'] if 'refused' in miss else ''})" \
                if "stage" in miss and not miss["coded"] else ""
            print(f"\n{name_cell(str(miss['doc']))}:{miss['sentence_index']}  gold {cell(str(miss['gold'] or '-'))}  "
                  f"coded {cell(str(miss['coded'] or '-'))}{stage}\n  {cell(str(miss['text']))}")
    return 0


def _same_events(args: argparse.Namespace, gold: list[Any], pipe: api.Pipeline) -> dict[str, Any] | None:
    """The clustering scored against same-event labels, or None (the reason printed) when they cannot be used:
    unreadable or naming events that are not labelled."""
    from detente.evaluation.same_events import label_problems, measure_same_events, read_same_events

    groups = _read(read_same_events, args.same_events)
    if groups is None:
        return None
    problems = label_problems(groups, gold)
    for problem in problems:
        print(f"detente evaluate: {args.same_events}: {problem}", file=sys.stderr)
    if problems:
        return None
    result = measure_same_events(groups, gold, pipe, api.read(args.documents))
    for doc in result["missing_documents"]:
        print(f"detente evaluate: same events: document {doc!r} not found among the documents given",
              file=sys.stderr)
    return result


def _read(reader: Callable[[str], T], path: str) -> T | None:
    """What ``reader`` makes of ``path``, or None with the reason printed as one line (a gold or label file that
    cannot be read or parsed)."""
    try:
        return reader(path)
    except (OSError, ValueError) as exc:
        print(f"detente evaluate: {exc}", file=sys.stderr)
        return None


def _pipeline(args: argparse.Namespace) -> api.Pipeline | None:
    """The pipeline the options describe, or None (the reason printed) when it cannot be set up."""
    try:
        return api.load(model=args.model, actors=args.actors, entities=args.entities)
    except api.SetupError as exc:
        print(exc, file=sys.stderr)
        return None
