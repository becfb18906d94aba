"""Can a cheap learned detector find the events in the sentences the prefilter refuses? (issue 12, session 18)

A feasibility measurement, not a coder stage (docs/coding.md, "A learned detector for the sentences the prefilter
refuses"). Over every labelled sentence of the read draws (``tune_draws.TUNE_SETS``: only ``tune`` rows, never a
check row, never an unread draw) that the prefilter refuses (no trigger word, no candidate actor, an actor of no
country), a binary logistic regression over what the prefilter already has — the sentence's lowercase words, its
trigger-lexicon words that lacked their partner, the knowledge base's actor and country test, quote marks, digits,
its length and its place in the story; no parse — scores "holds a labelled event". Scored out of fold twice:
folds by document, and by draw (a draw scored by a model trained without it). It prints precision at k and
recall of the refused sentences with an event, per threshold, and how many more of the VOA corpus's sentences
each threshold would send to the parser (fitted on every read row). ``--end-to-end T`` then codes every read
draw with its out-of-fold (by draw) picks at threshold ``T`` parsed as well, and counts what the rules (and the
statistical layer, with ``DETENTE_CLASSIFIER=on``) code in them: right type, wrong type, or an event in a
sentence with none.

Training needs scikit-learn (``PYTHONPATH=$PWD:/tmp/sk18``); ``features`` and ``score`` are plain Python.
``--oracle`` parses every refused sentence that holds an event instead: what the coder could make of a perfect
detector.

Usage: ``python scripts/train_detector.py [--c 1.0] [--min-word-docs 3] [--end-to-end 0.5 [--oracle]] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tune_draws import TUNE_SETS, VOA, documents_named, tune_gold  # noqa: E402

SEED = 0
FOLDS = 5
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
TOP_K = (10, 25, 50, 100, 200, 400)
# the refusals a detector could overturn: a length or budget refusal is no want of evidence
REFUSALS = ("no trigger word", "no candidate actor", "actor of no country")
QUOTES = frozenset("\"“”‘’'")


@dataclass(slots=True)
class Row:
    """One refused labelled sentence: where it is, why it was refused, its features and its gold types."""

    draw: str
    doc: str
    index: int
    verdict: str
    feats: dict[str, float]
    types: list[str] = field(default_factory=list)

    @property
    def event(self) -> bool:
        return bool(self.types)


def _bucket(n: int, edges: Sequence[int]) -> str:
    """The first edge ``n`` is under, as a label: a few coarse bins generalize where raw counts would not."""
    for edge in edges:
        if n < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def features(tokens: Sequence[str], text: str, index: int, verdict: str, partial: bool, actor: bool,
             countries: int) -> dict[str, float]:
    """What the prefilter already knows of a sentence, as features: its words, why it was refused, a trigger word
    whose partner was missing (``partial``), the KB's actor test and number of countries named, quote marks,
    digits, length, and place in the story (leads report the news, tails background)."""
    words = {t.lower() for t in tokens if t.isalpha()}
    feats: dict[str, float] = {f"w:{w}": 1.0 for w in words}
    feats[f"verdict:{verdict}"] = 1.0
    feats["partial"] = float(partial)
    feats["actor"] = float(actor)
    feats[f"countries:{min(countries, 2)}"] = 1.0
    feats["quote"] = float(any(ch in QUOTES for ch in text))
    feats["digit"] = float(any(ch.isdigit() for ch in text))
    feats[f"len:{_bucket(len(tokens), (10, 20, 30, 45))}"] = 1.0
    feats[f"pos:{_bucket(index, (1, 3, 8, 16))}"] = 1.0
    return feats


def partial_trigger(tokens: Sequence[str], near: Mapping[str, frozenset[str]],
                    paired: Mapping[str, frozenset[str]]) -> bool:
    """A word the prefilter counts only with a partner, present without it: half a trigger."""
    toks = {t.lower() for t in tokens}
    return any(t in near or t in paired for t in toks)


def refused_rows(coder: Any, documents: Iterable[Any], gold: Mapping[tuple[str, int], Any] | None,
                 draw: str) -> Iterator[Row]:
    """Each refused sentence of ``documents`` (with its gold types where ``gold`` is given and has the row)."""
    pre = coder.selector.prefilter
    kb = coder.selector.kb
    for doc in documents:
        selection = coder.selection(doc)
        for s in selection.sentences:
            verdict = selection.refused.get(s.index)
            if verdict is None or verdict.value not in REFUSALS:
                continue
            g = gold.get((doc.source_id, s.index)) if gold is not None else None
            if gold is not None and g is None:
                continue
            countries = len(kb.named_in(s.text)[0]) if kb.is_candidate(s.text) else 0
            feats = features(s.tokens, s.text, s.index, verdict.value,
                             partial_trigger(s.tokens, pre.near, pre.paired), kb.is_candidate(s.text), countries)
            types = sorted({e.type for e in g.events}) if g is not None else []
            yield Row(draw, doc.source_id, s.index, verdict.value, feats, types)


def read_rows(coder: Any) -> list[Row]:
    """Every refused labelled sentence of every read draw (tune rows only)."""
    rows: list[Row] = []
    for draw, gold_path, documents in TUNE_SETS:
        gold = tune_gold(gold_path)
        docs = documents_named((doc for doc, _ in gold), documents)
        rows += refused_rows(coder, (docs[d] for d in sorted(docs)), gold, draw)
    return rows


def common_words(rows: Sequence[Row], min_docs: int) -> set[str]:
    """Word features seen in at least ``min_docs`` documents of ``rows``: a story's names teach nothing."""
    docs: dict[str, set[str]] = {}
    for r in rows:
        for f in r.feats:
            if f.startswith("w:"):
                docs.setdefault(f, set()).add(r.doc)
    return {f for f, ds in docs.items() if len(ds) >= min_docs}


def kept(feats: Mapping[str, float], words: set[str]) -> dict[str, float]:
    return {f: v for f, v in feats.items() if not f.startswith("w:") or f in words}


@dataclass(slots=True)
class Model:
    """Weights and a bias, scored in plain Python (a sorted sum, then the logistic)."""

    weights: dict[str, float]
    bias: float

    def score(self, feats: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) * v for f, v in sorted(feats.items()))
        return 1.0 / (1.0 + math.exp(-z))


def fit(rows: Sequence[Row], c: float, min_docs: int) -> Model:
    """A logistic regression (scikit-learn, training only) over the rows' features, rare words left out."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    words = common_words(rows, min_docs)
    vec = DictVectorizer()
    x = vec.fit_transform([kept(r.feats, words) for r in rows])
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    clf.fit(x, [r.event for r in rows])
    names = vec.get_feature_names_out()
    return Model({str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True) if w}, float(clf.intercept_[0]))


def out_of_fold(rows: Sequence[Row], groups: Sequence[str], train: Callable[[list[Row]], Model],
                folds: int | None = None) -> list[float]:
    """Each row scored by a model trained without its group: ``folds`` groups of documents, or one group per
    distinct value (by draw) when ``folds`` is None."""
    keys = sorted(set(groups))
    if folds is not None:
        # documents to folds by a fixed, sorted round robin: deterministic, no library
        fold_of = {k: i % folds for i, k in enumerate(keys)}
    else:
        fold_of = {k: i for i, k in enumerate(keys)}
    scores = [0.0] * len(rows)
    for f in sorted(set(fold_of.values())):
        held = [i for i, g in enumerate(groups) if fold_of[g] == f]
        model = train([r for r, g in zip(rows, groups, strict=True) if fold_of[g] != f])
        for i in held:
            scores[i] = model.score(rows[i].feats)
    return scores


def precision_at(rows: Sequence[Row], scores: Sequence[float], k: int) -> tuple[int, int]:
    """(with an event, taken) among the ``k`` best-scored rows (ties by position: deterministic)."""
    order = sorted(range(len(rows)), key=lambda i: (-scores[i], i))[:k]
    return sum(rows[i].event for i in order), len(order)


def table(rows: Sequence[Row], scores: Sequence[float]) -> dict[str, Any]:
    """Precision at k, and per threshold what is taken, how many with an event, and the recall of those."""
    events = sum(r.event for r in rows)
    out: dict[str, Any] = {"rows": len(rows), "events": events,
                           "at_k": {k: precision_at(rows, scores, k) for k in TOP_K if k <= len(rows)}}
    out["thresholds"] = {}
    for t in THRESHOLDS:
        taken = [r for r, p in zip(rows, scores, strict=True) if p >= t]
        hit = sum(r.event for r in taken)
        out["thresholds"][t] = {"taken": len(taken), "with_event": hit,
                                "precision": round(hit / len(taken), 3) if taken else None,
                                "recall": round(hit / events, 3) if events else None}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--min-word-docs", type=int, default=3)
    ap.add_argument("--no-words", action="store_true", help="only the non-word features")
    ap.add_argument("--end-to-end", type=float, default=None, help="threshold of the picks to parse")
    ap.add_argument("--oracle", action="store_true",
                    help="end to end with every refused sentence that holds an event parsed: the coder's ceiling")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    from detente.coding import Coder
    from detente.readers import iter_documents
    from detente.records import Document

    coder = Coder()
    rows = read_rows(coder)
    if args.no_words:
        for r in rows:
            r.feats = {f: v for f, v in r.feats.items() if not f.startswith("w:")}
    report: dict[str, Any] = {"by_verdict": {v: [sum(1 for r in rows if r.verdict == v),
                                                 sum(r.event for r in rows if r.verdict == v)] for v in REFUSALS},
                              "by_draw": {d: [sum(1 for r in rows if r.draw == d),
                                              sum(r.event for r in rows if r.draw == d)]
                                          for d, _, _ in TUNE_SETS}}
    print(json.dumps(report))

    def train(part: list[Row]) -> Model:
        return fit(part, args.c, args.min_word_docs)

    by_doc = out_of_fold(rows, [r.doc for r in rows], train, FOLDS)
    by_draw = out_of_fold(rows, [r.draw for r in rows], train)
    report["by_document"] = table(rows, by_doc)
    report["by_draw_pooled"] = table(rows, by_draw)
    for d, _, _ in TUNE_SETS:
        idx = [i for i, r in enumerate(rows) if r.draw == d]
        report[f"by_draw_{d}"] = table([rows[i] for i in idx], [by_draw[i] for i in idx])
    for name in ("by_document", "by_draw_pooled", *(f"by_draw_{d}" for d, _, _ in TUNE_SETS)):
        print(name, json.dumps(report[name]))
    model = train(rows)
    voa_docs = [d for d in iter_documents([str(VOA)]) if isinstance(d, Document)]
    voa = [model.score(r.feats) for r in refused_rows(coder, voa_docs, None, "voa")]
    report["voa"] = {"documents": len(voa_docs), "refused": len(voa),
                     "extra_parsed": {t: sum(p >= t for p in voa) for t in THRESHOLDS}}
    print("voa", json.dumps(report["voa"]))
    top = sorted(model.weights.items(), key=lambda kv: -abs(kv[1]))[:30]
    report["top_weights"] = [(f, round(w, 3)) for f, w in top]
    print("top weights", report["top_weights"])
    if args.end_to_end is not None:
        picks = {(r.doc, r.index) for r, p in zip(rows, by_draw, strict=True)
                 if (r.event if args.oracle else p >= args.end_to_end)}
        report["end_to_end"] = end_to_end(picks, {(r.doc, r.index): r.verdict for r in rows})
        print("end to end", json.dumps(report["end_to_end"]))
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return 0


def widen(selection: Any, doc: str, picks: set[tuple[str, int]]) -> Any:
    """``selection`` with the refused sentences of ``doc`` that are among ``picks`` parsed as well (no longer
    refused), in document order: the detector's counterfactual, the prefilter itself unchanged."""
    extra = [s for s in selection.sentences if (doc, s.index) in picks and s.index in selection.refused]
    if not extra:
        return selection
    refused = {i: v for i, v in selection.refused.items() if (doc, i) not in picks}
    chosen = sorted([*selection.selected, *extra], key=lambda s: s.index)
    return replace(selection, selected=chosen, refused=refused)


def end_to_end(picks: set[tuple[str, int]], verdicts: Mapping[tuple[str, int], str]) -> dict[str, Any]:
    """Code every read draw with ``picks`` parsed too (a fresh coder: the layer's env switch is read once), and
    count the events coded in the picked sentences: right type, wrong type, or in a sentence with no event, by
    draw and by why the prefilter refused the sentence."""
    from detente.coding import Coder

    coder = Coder()
    select = coder.selector.select
    current: dict[str, str] = {}

    def widened(text: str, editorial: bool = False, outlet: str | None = None) -> Any:
        return widen(select(text, editorial=editorial, outlet=outlet), current.get("doc", ""), picks)

    coder.selector.select = widened  # type: ignore[method-assign]
    counts: Counter[str] = Counter()
    for draw, gold_path, documents in TUNE_SETS:
        gold = tune_gold(gold_path)
        docs = documents_named((doc for doc, _ in gold), documents)

        def tagged(names: list[str], docs: dict[str, Any]) -> Iterator[Any]:
            for name in names:
                current["doc"] = name  # read by ``widened``, called as the coder starts this document
                yield docs[name]

        wanted = sorted({d for d, _ in picks if d in docs})
        for doc, records in coder.code_documents_serial(tagged(wanted, docs)):
            for rec in records:
                key = (doc.source_id, rec.sentence_index)
                if key not in picks or key not in gold:
                    continue
                labels = {e.type for e in gold[key].events}
                kind = "right" if rec.type in labels else "wrong type" if labels else "no event labelled"
                counts[f"{draw} {kind}"] += 1
                counts[kind] += 1
                counts[f"{verdicts.get(key, '?')}: {kind}"] += 1
        counts[f"{draw} picked"] = sum(1 for k in picks if k in gold)
        counts[f"{draw} picked with event"] = sum(1 for k in picks if k in gold and gold[k].events)
        for k in picks:
            if k in gold and gold[k].events:
                counts[f"{verdicts.get(k, '?')}: picked with event"] += 1
    return dict(sorted(counts.items()))


if __name__ == "__main__":
    raise SystemExit(main())
