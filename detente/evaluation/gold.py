"""Scoring the coder against gold event records (the format of the PLOVER gold standard records).

Each gold record is one sentence (``text``) with its date, its PLOVER type (``plover2021_via_cameo``) and its
source and target actors with country ``code``s. The sentence is coded at the record's date and the *most
confident* coded event stands for the coder's answer:

- event-type accuracy: that event's type equals the gold type (no event counts as wrong); records whose gold
  type is null are left out of the type and country scores;
- per-type precision, recall and F1 over the same answers, and their macro average over the gold types;
- source (target) country accuracy, over gold records with at least one source (target) code: the answer's
  first source (target) actor has a country among the gold codes (no event, or no such actor, is wrong);
- events per sentence: all events coded, divided by the number of distinct sentences;
- a confusion matrix gold type -> coded type ("-" for no event).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.coding.lexicon import PLOVER_TYPES
from detente.evaluation.jsonl import read_records
from detente.records import Mention
from detente.textsafe import for_terminal

if TYPE_CHECKING:
    from detente.coding import Coder

NO_EVENT = "-"


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    date: dt.date | None
    type: str | None
    source_codes: set[str]
    target_codes: set[str]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GoldRecord:
        date = None
        if d.get("date"):
            try:
                date = dt.date.fromisoformat(str(d["date"])[:10])
            except ValueError:
                date = None
        return cls(
            id=str(d.get("id", "")),
            text=str(d["text"]),
            date=date,
            type=d.get("plover2021_via_cameo") or None,
            source_codes={a["code"] for a in d.get("source") or [] if a.get("code")},
            target_codes={a["code"] for a in d.get("target") or [] if a.get("code")},
        )


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Gold records from a JSON Lines file; blank lines are skipped."""
    return read_records(path, GoldRecord.from_dict, "a gold record", (ValueError, KeyError))


@dataclass(slots=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(slots=True)
class Miss:
    id: str
    text: str
    gold: str | None
    coded: str
    source: str | None
    target: str | None


@dataclass(slots=True)
class EvaluationResult:
    records: int
    scored: int
    accuracy: float
    macro_f1: float
    per_type: dict[str, TypeScore]
    source_accuracy: float
    source_scored: int
    target_accuracy: float
    target_scored: int
    events_per_sentence: float
    sentences: int
    events: int
    confusion: dict[str, dict[str, int]]
    misses: list[Miss] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "scored": self.scored,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "source_country_accuracy": round(self.source_accuracy, 4),
            "source_scored": self.source_scored,
            "target_country_accuracy": round(self.target_accuracy, 4),
            "target_scored": self.target_scored,
            "events_per_sentence": round(self.events_per_sentence, 4),
            "sentences": self.sentences,
            "events": self.events,
            "per_type": {
                t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                    "support": s.support, "predicted": s.predicted}
                for t, s in self.per_type.items()
            },
            "confusion": self.confusion,
            "misses": [
                {"id": m.id, "gold": m.gold, "coded": m.coded, "source": m.source, "target": m.target,
                 "text": m.text}
                for m in self.misses
            ],
        }


def best_event(records: Sequence[Mention]) -> Mention | None:
    """The coder's answer for a sentence: its most confident event (the first, on ties)."""
    best: Mention | None = None
    for rec in records:
        if best is None or rec.confidence > best.confidence:
            best = rec
    return best


def _country(actors: Sequence[Any]) -> str | None:
    for a in actors:
        if a.country:
            return str(a.country)
    return None


def score(gold: Sequence[GoldRecord], coded: Sequence[Sequence[Mention]]) -> EvaluationResult:
    """Scores for coded events (one list per gold record, same order) against the gold records."""
    if len(gold) != len(coded):
        raise ValueError("one list of coded events per gold record is needed")
    pairs: list[tuple[str, str]] = []
    src_ok = src_n = tgt_ok = tgt_n = 0
    misses: list[Miss] = []
    sentences: dict[str, int] = {}
    for g, recs in zip(gold, coded, strict=True):
        sentences[g.text] = len(recs)
        if g.type is None:
            continue
        best = best_event(recs)
        answer = best.type if best else NO_EVENT
        pairs.append((g.type, answer))
        src = _country(best.source) if best else None
        tgt = _country(best.target) if best else None
        if g.source_codes:
            src_n += 1
            src_ok += src in g.source_codes
        if g.target_codes:
            tgt_n += 1
            tgt_ok += tgt in g.target_codes
        if answer != g.type or (g.source_codes and src not in g.source_codes) or \
                (g.target_codes and tgt not in g.target_codes):
            misses.append(Miss(g.id, g.text, g.type, answer, src, tgt))
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for gt, pt in pairs:
        confusion[gt][pt] = confusion[gt].get(pt, 0) + 1
    gold_types = sorted({gt for gt, _ in pairs}, key=_type_order)
    per_type: dict[str, TypeScore] = {}
    predicted = Counter(pt for _, pt in pairs)
    for t in sorted(set(gold_types) | {pt for _, pt in pairs if pt != NO_EVENT}, key=_type_order):
        tp = sum(1 for gt, pt in pairs if gt == t and pt == t)
        support = sum(1 for gt, _ in pairs if gt == t)
        prec = tp / predicted[t] if predicted[t] else 0.0
        rec = tp / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[t] = TypeScore(prec, rec, f1, support, predicted[t])
    macro = sum(per_type[t].f1 for t in gold_types) / len(gold_types) if gold_types else 0.0
    correct = sum(1 for gt, pt in pairs if gt == pt)
    events = sum(sentences.values())
    return EvaluationResult(
        records=len(gold),
        scored=len(pairs),
        accuracy=correct / len(pairs) if pairs else 0.0,
        macro_f1=macro,
        per_type=per_type,
        source_accuracy=src_ok / src_n if src_n else 0.0,
        source_scored=src_n,
        target_accuracy=tgt_ok / tgt_n if tgt_n else 0.0,
        target_scored=tgt_n,
        events_per_sentence=events / len(sentences) if sentences else 0.0,
        sentences=len(sentences),
        events=events,
        confusion={k: dict(sorted(v.items(), key=lambda kv: _type_order(kv[0]))) for k, v in
                   sorted(confusion.items(), key=lambda kv: _type_order(kv[0]))},
        misses=misses,
    )


def _type_order(t: str) -> int:
    return PLOVER_TYPES.index(t) if t in PLOVER_TYPES else len(PLOVER_TYPES)


def evaluate(gold: Iterable[GoldRecord], coder: Coder) -> EvaluationResult:
    """Code every gold sentence with ``coder`` (a ``Coder``) at its date and score the answers."""
    records = list(gold)
    cache: dict[tuple[str, dt.date | None], list[Mention]] = {}
    coded: list[list[Mention]] = []
    for g in records:
        key = (g.text, g.date)
        if key not in cache:
            cache[key] = coder.code_text(g.text, on=g.date)
        coded.append(cache[key])
    return score(records, coded)


def format_result(result: EvaluationResult, misses: int = 0) -> str:
    """A plain-text report: headline figures, per-type table, confusion matrix (and the first misses)."""
    lines = [
        f"records {result.records}, scored {result.scored} (gold type present)",
        f"event-type accuracy   {result.accuracy:.3f}",
        f"macro-F1              {result.macro_f1:.3f}",
        f"source country acc.   {result.source_accuracy:.3f}  (n={result.source_scored})",
        f"target country acc.   {result.target_accuracy:.3f}  (n={result.target_scored})",
        f"events per sentence   {result.events_per_sentence:.2f}  ({result.events} events, "
        f"{result.sentences} sentences)",
        "",
        f"{'type':<10} {'prec':>6} {'rec':>6} {'f1':>6} {'gold':>5} {'coded':>6}",
    ]
    for t, s in result.per_type.items():
        lines.append(f"{t:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:5d} {s.predicted:6d}")
    cols = [t for t in PLOVER_TYPES if any(t in row for row in result.confusion.values())] + [NO_EVENT]
    lines += ["", "confusion (rows gold, columns coded)", " " * 10 + "".join(f"{c[:4]:>5}" for c in cols)]
    for gt, row in result.confusion.items():
        lines.append(f"{gt:<10}" + "".join(f"{row.get(c, 0) or '.':>5}" for c in cols))
    if misses:
        lines += ["", f"first {min(misses, len(result.misses))} of {len(result.misses)} misses:"]
        for m in result.misses[:misses]:
            text = " ".join(m.text.split())[:140]
            lines.append(f"  [{m.gold} -> {m.coded}; src {m.source} tgt {m.target}] {text}")
    return "\n".join(for_terminal(line) for line in lines)  # gold ids, types and text are input: escaped
