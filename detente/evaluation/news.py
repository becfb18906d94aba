"""Scoring on labelled real news: every sentence of whole articles, coded in context.

The gold file (format in docs/labelling.md) holds every sentence of a sample of documents with the events a
person labelled in it, before looking at the coder's output, and a ``split``: ``tune`` (rules may be written
from it) or ``check`` (scored only, never read for misses). Each document is coded whole, as ``ingest`` codes
it, and its mentions are compared sentence by sentence:

- a coded mention *matches* a labelled event of its sentence with the same PLOVER type (one to one, most
  confident first); precision is matched mentions over all mentions (a mention in a sentence with no labelled
  event is a false positive), recall matched events over all events;
- type accuracy: over sentences with a labelled event, the most confident mention's type is one of them (no
  mention is wrong); quad-class accuracy the same one level up (cooperation/conflict × verbal/material);
- over matched pairs: source and target country (a coded country among the labelled ones, where some are
  labelled), modality, date (the labelled day inside the coded period, at the labelled precision) and place (the
  same place name, or a coded place inside the labelled place's country when only the country is labelled);
- coverage beside accuracy: of all matched mentions, the share the coder gives any date (``date_given``) or any
  place (``place_given``), right or wrong, labelled or not: an accuracy over the few events it places says
  nothing of the many it leaves without a place.

A row may name the ``draw`` it came from; each draw's rows are also scored as a part of their own
(``check d3``): a fresh draw nobody has read is the honest figure, and pooled with spent check rows it is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from detente.evaluation.jsonl import read_records
from detente.ontology import ONTOLOGY, PLOVER_TYPES
from detente.records import Document, Mention, countries_of

if TYPE_CHECKING:
    from detente.coding import Coder

SPLITS = ("tune", "check")
E = TypeVar("E")
M = TypeVar("M")


@dataclass(slots=True, frozen=True)
class GoldEvent:
    type: str
    modality: str
    source: frozenset[str]
    target: frozenset[str]
    date: dt.date | None
    date_precision: str
    place: str | None
    place_country: str | None
    core: bool = True


@dataclass(slots=True)
class GoldSentence:
    doc: str
    published: dt.date | None
    sentence_index: int
    text: str
    split: str
    events: list[GoldEvent]
    draw: int | None = None  # the labelled set's sampling draw, where the row names it

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc, self.sentence_index)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def read_news_gold(path: str | Path) -> list[GoldSentence]:
    """Labelled sentences from a JSON Lines file; a malformed line raises ``ValueError`` naming it."""
    return read_records(path, _gold_sentence, "a labelled sentence", (ValueError, KeyError, TypeError))


def _gold_sentence(d: Any) -> GoldSentence:
    events = [GoldEvent(type=e["type"], modality=e.get("modality") or "asserted",
                        source=frozenset(e.get("source") or ()), target=frozenset(e.get("target") or ()),
                        date=_date(e.get("date")), date_precision=e.get("date_precision") or "unresolved",
                        place=e.get("place") or None, place_country=e.get("place_country") or None,
                        core=bool(e.get("core", True)))
              for e in d.get("events") or []]
    return GoldSentence(doc=str(d["doc"]), published=_date(d.get("published")),
                        sentence_index=int(d["sentence_index"]), text=str(d["text"]),
                        split=str(d.get("split") or "tune"), events=events,
                        draw=None if d.get("draw") is None else int(d["draw"]))


def is_news_gold(path: str | Path) -> bool:
    """Does the file hold labelled news sentences (rather than PLOVER gold-standard records)?"""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                first = json.loads(line)
                return isinstance(first, dict) and "events" in first and "sentence_index" in first
    return False


# -- coding the documents ---------------------------------------------------------------------------------


def code_in_context(gold: Sequence[GoldSentence], coder: Coder, documents: Iterable[Document],
                    stages: dict[tuple[str, int], str] | None = None,
                    refused: dict[tuple[str, int], str] | None = None,
                    ) -> tuple[dict[tuple[str, int], list[Mention]], list[str]]:
    """Code each labelled document whole and file its mentions by (document, sentence index). Returns them and
    the problems found: documents not among ``documents``, sentences whose text differs from the split. Given
    ``stages``, it is filled with how far each sentence got towards a record (``Coder.trace``); given
    ``refused``, with why the prefilter did not parse a sentence (``Selection.refused``: the selector is
    deterministic, so selecting again gives the coder's own answer)."""
    from detente.nlp import split_sentences

    wanted = {g.doc for g in gold}
    by_doc: dict[str, Document] = {}
    for doc in documents:
        if doc.source_id in wanted and doc.source_id not in by_doc:
            by_doc[doc.source_id] = doc
    problems = [f"document {d!r} not found among the documents given" for d in sorted(wanted - set(by_doc))]
    texts = {(doc_id, s.index): s.text for doc_id, doc in by_doc.items() for s in split_sentences(doc.text)}
    for g in gold:
        said = texts.get(g.key)
        if g.doc in by_doc and (said is None or _norm(said) != _norm(g.text)):
            problems.append(f"{g.doc}:{g.sentence_index}: labelled text differs from the document's sentence")
    coded: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    trace: dict[tuple[str, int], str] = {}
    named: dict[str, str] = {}  # the coder's document id -> the labels' document id
    kept = coder.trace
    if stages is not None:
        coder.trace = trace
    try:
        for doc, mentions in coder.code_documents(by_doc[d] for d in sorted(by_doc)):
            named[doc.id] = doc.source_id or doc.id
            for m in mentions:
                coded[(named[doc.id], m.sentence_index)].append(m)
    finally:
        coder.trace = kept
    if stages is not None:
        stages.update(((named[doc_id], index), stage) for (doc_id, index), stage in trace.items())
    if refused is not None:
        for doc_id in sorted(by_doc):
            doc = by_doc[doc_id]
            refused.update(((doc_id, index), why.value) for index, why in coder.selection(doc).refused.items())
    return dict(coded), problems


def code_alone(gold: Sequence[GoldSentence], coder: Coder) -> dict[tuple[str, int], list[Mention]]:
    """Each sentence coded on its own, as of its publication date (when the documents are not at hand)."""
    return {g.key: coder.code_text(g.text, on=g.published) for g in gold}


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


# -- scoring ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """Running counts for one split; ``result`` turns them into rates."""

    sentences: int = 0
    with_events: int = 0
    no_event: int = 0
    type_right: int = 0
    quad_right: int = 0
    gold_events: int = 0
    coded_events: int = 0
    matched: int = 0
    quad_matched: int = 0
    spurious_in_empty: int = 0
    empty_sentences: int = 0
    attributes: Counter[str] = field(default_factory=Counter)  # "source_right", "source_scored", ...
    per_type: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lost_at: Counter[str] = field(default_factory=Counter)  # sentences with events coded none, by stage reached
    not_parsed_by: Counter[str] = field(default_factory=Counter)  # of those not parsed: why the prefilter refused
    lost_by_type: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # unmatched events
    coded_instead: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # ... beside which


def _quad(event_type: str) -> int | None:
    return ONTOLOGY.type_quads.get(event_type)


def match_one_to_one(events: Sequence[E], mentions: Iterable[M], fits: Callable[[E, M], bool],
                     confidence: Callable[[M], float]) -> list[tuple[E, M]]:
    """One-to-one pairs, the most confident mention first, each to the first unmatched event it fits: a
    confident mention claims its event before a doubtful one of the same sentence can. Shared by the news
    scores and the same-event scores, so both count the same matches."""
    free = list(events)
    pairs: list[tuple[E, M]] = []
    for m in sorted(mentions, key=lambda m: -confidence(m)):
        for pos, e in enumerate(free):
            if fits(e, m):
                pairs.append((e, m))
                del free[pos]
                break
    return pairs


def _confidence(m: Mention) -> float:
    return m.confidence


def _match(events: Sequence[GoldEvent], mentions: Sequence[Mention],
           same: Callable[[GoldEvent, Mention], bool]) -> list[tuple[GoldEvent, Mention]]:
    return match_one_to_one(events, mentions, same, _confidence)


def _date_right(e: GoldEvent, m: Mention) -> bool:
    if e.date is None or m.date is None or m.date_precision == "unresolved":
        return False
    end = m.date_end or m.date
    if e.date_precision == "day":
        return m.date_precision == "day" and m.date <= e.date <= end
    if e.date_precision == "month":
        return (m.date.year, m.date.month) == (e.date.year, e.date.month)
    return m.date.year == e.date.year


def _place_right(e: GoldEvent, m: Mention) -> bool:
    if m.location is None:
        return False
    if e.place and _norm(m.location.name) and (_norm(m.location.name) == _norm(e.place)
                                               or _norm(m.location.text) == _norm(e.place)):
        return True
    return e.place is None and bool(e.place_country) and m.location.country == e.place_country


def _score_sentence(c: Counts, g: GoldSentence, mentions: Sequence[Mention], stage: str | None = None,
                    why: str | None = None) -> None:
    c.sentences += 1
    c.coded_events += len(mentions)
    c.gold_events += len(g.events)
    for m in mentions:
        c.per_type[m.type]["predicted"] += 1
    for e in g.events:
        c.per_type[e.type]["support"] += 1
    if not g.events:
        c.empty_sentences += 1
        c.spurious_in_empty += len(mentions)
        return
    c.with_events += 1
    best = max(mentions, key=lambda m: m.confidence, default=None)
    if best is None:
        c.no_event += 1
        if stage is not None:
            c.lost_at[stage] += 1
        if stage == "not parsed" and why is not None:
            c.not_parsed_by[why] += 1
    else:
        c.type_right += best.type in {e.type for e in g.events}
        c.quad_right += _quad(best.type) in {_quad(e.type) for e in g.events}
    pairs = _match(g.events, mentions, lambda e, m: e.type == m.type)
    if stage is not None:
        _count_lost(c, g, mentions, pairs, stage, why)
    c.matched += len(pairs)
    c.quad_matched += len(_match(g.events, mentions, lambda e, m: _quad(e.type) == _quad(m.type)))
    for e, m in pairs:
        c.per_type[e.type]["matched"] += 1
        a = c.attributes
        a["date_given"] += m.date is not None and m.date_precision != "unresolved"
        a["place_given"] += m.location is not None
        if e.source:
            a["source_scored"] += 1
            a["source_right"] += bool(e.source.intersection(countries_of(m.source)))
        if e.target:
            a["target_scored"] += 1
            a["target_right"] += bool(e.target.intersection(countries_of(m.target)))
        a["modality_scored"] += 1
        a["modality_right"] += m.modality == e.modality
        if e.date is not None:
            a["date_scored"] += 1
            a["date_right"] += _date_right(e, m)
        if e.place or e.place_country:
            a["place_scored"] += 1
            a["place_right"] += _place_right(e, m)


def _count_lost(c: Counts, g: GoldSentence, mentions: Sequence[Mention],
                pairs: Sequence[tuple[GoldEvent, Mention]], stage: str, why: str | None) -> None:
    """Where each labelled event no coded event matched was lost, by its type: "another type" when the sentence
    got events but none of this one (and then which type: the most confident coded event no labelled one took,
    "none spare" when each matched another), else the stage the sentence stopped at (a refused sentence by why).
    Counts only, so the check split may show it: it says which type loses most where, never which sentence."""
    found = {id(e) for e, _ in pairs}
    lost = "another type" if mentions else (f"not parsed: {why}" if stage == "not parsed" and why else stage)
    used = {id(m) for _, m in pairs}
    spare = [m for m in mentions if id(m) not in used]
    instead = max(spare, key=lambda m: m.confidence).type if spare else "none spare"
    for e in g.events:
        if id(e) not in found:
            c.lost_by_type[e.type][lost] += 1
            if mentions:
                c.coded_instead[e.type][instead] += 1


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if not p or not r:
        return 0.0 if p is not None and r is not None else None
    return round(2 * p * r / (p + r), 4)


def _result(c: Counts) -> dict[str, Any]:
    precision, recall = _rate(c.matched, c.coded_events), _rate(c.matched, c.gold_events)
    per_type: dict[str, dict[str, Any]] = {}
    for t in sorted(c.per_type, key=lambda t: PLOVER_TYPES.index(t) if t in PLOVER_TYPES else len(PLOVER_TYPES)):
        k = c.per_type[t]
        p, r = _rate(k["matched"], k["predicted"]), _rate(k["matched"], k["support"])
        per_type[t] = {"precision": p, "recall": r, "f1": _f1(p, r), "support": k["support"],
                       "predicted": k["predicted"]}
        if t in c.lost_by_type:
            per_type[t]["lost"] = dict(c.lost_by_type[t].most_common())
        if t in c.coded_instead:
            per_type[t]["coded_instead"] = dict(c.coded_instead[t].most_common())
    supported = [s["f1"] or 0.0 for s in per_type.values() if s["support"]]
    a = c.attributes
    return {
        "sentences": c.sentences,
        "sentences_with_events": c.with_events,
        "gold_events": c.gold_events,
        "coded_events": c.coded_events,
        "type_accuracy": _rate(c.type_right, c.with_events),
        "quad_class_accuracy": _rate(c.quad_right, c.with_events),
        "no_event_rate": _rate(c.no_event, c.with_events),
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "quad_class_precision": _rate(c.quad_matched, c.coded_events),
        "quad_class_recall": _rate(c.quad_matched, c.gold_events),
        "macro_f1": round(sum(supported) / len(supported), 4) if supported else None,
        "events_per_sentence": _rate(c.coded_events, c.sentences),
        "events_in_sentences_without_events": c.spurious_in_empty,
        "sentences_without_events": c.empty_sentences,
        **{f"{k}_accuracy": _rate(a[f"{k}_right"], a[f"{k}_scored"])
           for k in ("source", "target", "modality", "date", "place")},
        **{f"{k}_scored": a[f"{k}_scored"] for k in ("source", "target", "modality", "date", "place")},
        "date_given": _rate(a["date_given"], c.matched),
        "place_given": _rate(a["place_given"], c.matched),
        "per_type": per_type,
    }


def draw_part(g: GoldSentence) -> str | None:
    """The name of the part a row of a named draw is also scored in (``check d3``), or None."""
    return None if g.draw is None else f"{g.split} d{g.draw}"


def score_news(gold: Sequence[GoldSentence], coded: Mapping[tuple[str, int], Sequence[Mention]],
               stages: Mapping[tuple[str, int], str] | None = None,
               refused: Mapping[tuple[str, int], str] | None = None) -> dict[str, Any]:
    """Scores per split (``tune``, ``check``), per split of each named draw (``check d3``) and over all. Given
    the ``stages`` sentences reached (``code_in_context``), sentences with events coded none are also counted by
    where they stopped (``no_event_at``: shares of the sentences with events), an aggregate the check split may
    show: it says which part of the coder loses most, never which sentence. Given why the prefilter ``refused``
    sentences, those not parsed are split by it too (``not_parsed_by``, shares of the same base)."""
    counts: dict[str, Counts] = {"all": Counts()}
    for g in gold:
        mentions = coded.get(g.key, ())
        stage = None if stages is None else stages.get(g.key, "not coded")
        why = None if refused is None else refused.get(g.key)
        for name in ("all", g.split, draw_part(g)):
            if name is not None:
                _score_sentence(counts.setdefault(name, Counts()), g, mentions, stage, why)
    results = {name: _result(c) for name, c in counts.items()}
    if stages is not None:
        from detente.coding.coder import STAGES  # the coder is loaded when it traced stages

        for name, c in counts.items():  # every stage short of "coded"; "not coded" only where it happened
            shown = [*STAGES[:-1], *(["not coded"] if c.lost_at["not coded"] else [])]
            results[name]["no_event_at"] = {s: _rate(c.lost_at[s], c.with_events) for s in shown}
    if refused is not None:
        from detente.nlp import Verdict

        reasons = [v.value for v in Verdict if v is not Verdict.PASSED]
        for name, c in counts.items():
            results[name]["not_parsed_by"] = {r: _rate(c.not_parsed_by[r], c.with_events) for r in reasons}
    return results


def misses(gold: Sequence[GoldSentence], coded: Mapping[tuple[str, int], Sequence[Mention]],
           split: str = "tune", stages: Mapping[tuple[str, int], str] | None = None,
           refused: Mapping[tuple[str, int], str] | None = None) -> Iterator[dict[str, Any]]:
    """Sentences of ``split`` where labelled and coded types differ (with why the prefilter refused one it did
    not parse, given ``refused``). Never call it on the check split: its misses must not be read, so rules are
    never written from it."""
    if split == "check":
        raise ValueError("the check split is scored only; its misses are not shown")
    for g in gold:
        if g.split != split:
            continue
        mentions = coded.get(g.key, ())
        gold_types = sorted(e.type for e in g.events)
        coded_types = sorted(m.type for m in mentions)
        if gold_types != coded_types:
            stage = None if stages is None else stages.get(g.key, "not coded")
            why = refused.get(g.key) if refused is not None and stage == "not parsed" else None
            yield {"doc": g.doc, "sentence_index": g.sentence_index, "gold": gold_types, "coded": coded_types,
                   "text": g.text, **({"stage": stage} if stage is not None else {}),
                   **({"refused": why} if why is not None else {})}


def format_news(result: Mapping[str, Mapping[str, Any]]) -> str:
    """A plain-text table, one column per split, then one per split of a named draw (``check d3``), then all."""
    draws = sorted((n for n in result if n not in ("all", *SPLITS) and " d" in n),
                   key=lambda n: (n.split(" d")[0], int(n.rpartition(" d")[2]) if n[-1].isdigit() else 0))
    names = [n for n in ("tune", "check", *draws, "all") if n in result]
    rows = ("sentences", "sentences_with_events", "gold_events", "coded_events", "type_accuracy",
            "quad_class_accuracy", "no_event_rate", "precision", "recall", "f1", "quad_class_precision",
            "quad_class_recall", "macro_f1", "events_per_sentence", "events_in_sentences_without_events",
            "source_accuracy", "target_accuracy", "modality_accuracy", "date_accuracy", "place_accuracy",
            "date_given", "place_given")
    lost = list(result["all"].get("no_event_at", {}))
    why = list(result["all"].get("not_parsed_by", {}))
    width = max(len(r) for r in (*rows, *(f"  none: {s}" for s in lost), *(f"    {s}" for s in why)))
    lines = [" " * width + "".join(f"{n:>10}" for n in names)]

    def line(label: str, values: list[Any]) -> str:
        cells = (f"{'-' if v is None else (f'{v:.3f}' if isinstance(v, float) else v):>10}" for v in values)
        return f"{label:<{width}}" + "".join(cells)

    for row in rows:
        lines.append(line(row, [result[n].get(row) for n in names]))
        if row == "no_event_rate":  # where those sentences stopped, when the coder traced it
            for s in lost:
                lines.append(line(f"  none: {s}", [result[n].get("no_event_at", {}).get(s) for n in names]))
                if s == "not parsed":  # and why the prefilter refused them, when that was asked
                    lines += [line(f"    {w}", [result[n].get("not_parsed_by", {}).get(w) for n in names])
                              for w in why]
    lines += ["", "per type (all): precision / recall / F1 (support, predicted)"]
    for t, s in result["all"]["per_type"].items():
        p, r, f = (("-" if v is None else f"{v:.2f}") for v in (s["precision"], s["recall"], s["f1"]))
        lines.append(f"  {t:<10} {p:>5} / {r:>5} / {f:>5}  ({s['support']}, {s['predicted']})")
        if s.get("lost"):
            lines.append(f"  {'':<10} unmatched: " + ", ".join(f"{n} {where}" for where, n in s["lost"].items()))
    return "\n".join(lines)
