"""Scoring the store's clustering against labels of which reports are one real happening.

``gold/same_events.tsv`` (docs/labelling.md, "Same real event") puts each labelled event of the labelled news
in a *group*: events sharing a group are reports of one happening. The labelled documents are ingested into a
temporary store through the public API, as a user would, and each stored mention is matched to a labelled
event of its sentence with its type (one to one, most confident first, as ``news`` matches). Then:

- of the groups with two or more matched reports, the share whose reports all sit in one stored event
  (``together``), and over pairs of reports of one group, the share in one stored event (``pair_recall``);
- stored events whose matched reports belong to two or more groups (``wrong_merges``), and over pairs of
  reports in one stored event, the share of one group (``pair_precision``);

each over all, within one document and across documents: merging a lead with its paragraph 5 and merging two
outlets' stories are different problems with different causes.
"""

from __future__ import annotations

import csv
import itertools
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.evaluation.news import GoldEvent, GoldSentence, match_one_to_one
from detente.records import Document, Mention

if TYPE_CHECKING:
    from detente.api import Pipeline

EventKey = tuple[str, int, int]  # document, sentence index, the event's index among its row's events
KINDS = ("all", "within", "across")


@dataclass(slots=True, frozen=True)
class Report:
    """One labelled event matched by a stored mention: its group and the stored event it was clustered into."""

    doc: str
    sentence_index: int
    event: int
    group: str
    event_id: str


def read_same_events(path: str | Path) -> dict[EventKey, str]:
    """The group of each listed labelled event; a malformed or repeated row raises ``ValueError`` naming it."""
    groups: dict[EventKey, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            try:
                key = (row["doc"], int(row["sentence_index"]), int(row["event"]))
                group = row["group"].strip()
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ValueError(f"{path}:{n}: not a doc, sentence_index, event, group row") from exc
            if not group:
                raise ValueError(f"{path}:{n}: no group")
            if key in groups:
                raise ValueError(f"{path}:{n}: {key[0]}:{key[1]}.{key[2]} listed twice")
            groups[key] = group
    return groups


def label_problems(groups: Mapping[EventKey, str], gold: Sequence[GoldSentence]) -> list[str]:
    """Listed events that are no labelled event of a ``tune`` row (the check rows are never labelled here)."""
    known = {(g.doc, g.sentence_index, i) for g in gold if g.split == "tune" for i in range(len(g.events))}
    return [f"{d}:{s}.{e}: no labelled tune event" for d, s, e in groups if (d, s, e) not in known]


def match_reports(groups: Mapping[EventKey, str], gold: Sequence[GoldSentence],
                  stored: Iterable[tuple[str, Mention, str]]) -> list[Report]:
    """Stored mentions (document id, mention, event id) matched to the listed labelled events of their
    sentence with the same type, as the news scores match (``news.match_one_to_one``)."""
    by_sentence: dict[tuple[str, int], list[tuple[str, Mention, str]]] = defaultdict(list)
    for doc, m, event_id in stored:
        by_sentence[(doc, m.sentence_index)].append((doc, m, event_id))
    reports: list[Report] = []
    for g in gold:
        listed = [(i, e) for i, e in enumerate(g.events) if (g.doc, g.sentence_index, i) in groups]
        pairs = match_one_to_one(listed, by_sentence.get(g.key, ()), _same_type, lambda found: found[1].confidence)
        reports.extend(Report(g.doc, g.sentence_index, i, groups[(g.doc, g.sentence_index, i)], event_id)
                       for (i, _), (_, _, event_id) in pairs)
    return reports


def _same_type(event: tuple[int, GoldEvent], found: tuple[str, Mention, str]) -> bool:
    return event[1].type == found[1].type


def _kind(a: Report, b: Report) -> str:
    return "within" if a.doc == b.doc else "across"


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score_same_events(reports: Sequence[Report], labelled: int | None = None) -> dict[str, Any]:
    """Merge recall over labelled groups and merge precision over stored events (module docstring)."""
    by_group: dict[str, list[Report]] = defaultdict(list)
    by_event: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_group[r.group].append(r)
        by_event[r.event_id].append(r)
    groups = {k: 0 for k in KINDS}
    together = {k: 0 for k in KINDS}
    split: list[str] = []
    for name, rs in sorted(by_group.items()):
        if len(rs) < 2:
            continue
        kind = "within" if len({r.doc for r in rs}) == 1 else "across"
        joined = len({r.event_id for r in rs}) == 1
        for k in ("all", kind):
            groups[k] += 1
            together[k] += joined
        if not joined:
            split.append(name)
    wrong = {k: 0 for k in KINDS}
    merged: list[str] = []
    for event_id, rs in sorted(by_event.items()):
        kinds = {_kind(a, b) for a, b in itertools.combinations(rs, 2) if a.group != b.group}
        for k in kinds | ({"all"} if kinds else set()):
            wrong[k] += 1
        if kinds:
            merged.append(event_id)
    return {
        "labelled_events": labelled,
        "matched_events": len(reports),
        "groups": groups,
        "together": {k: _rate(together[k], groups[k]) for k in KINDS},
        "pair_recall": _pairs(by_group.values(), lambda a, b: a.event_id == b.event_id),
        "stored_events": sum(1 for rs in by_event.values() if len(rs) >= 2),
        "wrong_merges": wrong,
        "pair_precision": _pairs(by_event.values(), lambda a, b: a.group == b.group),
        "split_groups": split,
        "wrong_merge_events": merged,
    }


def _pairs(clusters: Iterable[list[Report]], hit: Any) -> dict[str, float | None]:
    """Over pairs of reports inside one cluster, the share for which ``hit`` holds, all, within and across."""
    num = {k: 0 for k in KINDS}
    den = {k: 0 for k in KINDS}
    for rs in clusters:
        for a, b in itertools.combinations(rs, 2):
            for k in ("all", _kind(a, b)):
                den[k] += 1
                num[k] += bool(hit(a, b))
    return {k: _rate(num[k], den[k]) for k in KINDS}


def stored_mentions(db: str | Path) -> list[tuple[str, Mention, str]]:
    """Every stored mention with its document's caller id and its event's id, read through the public API."""
    from detente import api

    found: list[tuple[str, Mention, str]] = []
    for event in api.events(db):
        for m, doc in api.evidence(db, event.event_id):
            found.append((doc.source_id or doc.id, m, event.event_id))
    return found


def measure_same_events(groups: Mapping[EventKey, str], gold: Sequence[GoldSentence], pipe: Pipeline,
                        documents: Iterable[Document]) -> dict[str, Any]:
    """Ingest the labelled documents into a temporary store as ``detente ingest`` does, and score its events."""
    wanted = {d for d, _, _ in groups}
    labelled = [g for g in gold if g.doc in wanted]
    docs = [d for d in documents if d.source_id in wanted]
    with tempfile.TemporaryDirectory(prefix="detente-same-") as tmp:
        db = Path(tmp) / "same.duckdb"
        pipe.ingest(docs, str(db))
        stored = stored_mentions(db)
    result = score_same_events(match_reports(groups, labelled, stored), labelled=len(groups))
    result["documents"] = len({d.source_id for d in docs})
    result["missing_documents"] = sorted(wanted - {d.source_id for d in docs if d.source_id})
    return result


def format_same_events(result: Mapping[str, Any]) -> str:
    """The text section: one column each for all pairs, within one document and across documents."""
    rows = [("groups with 2+ matched reports", result["groups"]),
            ("  all in one stored event", result["together"]),
            ("  pairwise merge recall", result["pair_recall"]),
            ("wrong merges (stored events)", result["wrong_merges"]),
            ("  pairwise merge precision", result["pair_precision"])]
    width = max(len(r[0]) for r in rows)
    lines = [f"same real events: {result['matched_events']} of {result['labelled_events']} labelled events matched "
             f"in {result.get('documents', '-')} documents; {result['stored_events']} stored events hold 2+",
             " " * width + "".join(f"{k:>10}" for k in KINDS)]
    for label, values in rows:
        cells = (f"{'-' if v is None else (f'{v:.3f}' if isinstance(v, float) else v):>10}"
                 for v in (values.get(k) for k in KINDS))
        lines.append(f"{label:<{width}}" + "".join(cells))
    if result["split_groups"]:
        lines.append("split groups: " + ", ".join(result["split_groups"]))
    return "\n".join(lines)
