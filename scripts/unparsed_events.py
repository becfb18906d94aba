"""Would a bag of words find the events in the sentences the prefilter refuses for want of a trigger word?

A measurement, not a coder stage (docs/coding.md, "The statistical layer with tune d8"): over the ``tune``
sentences of every tune draw (``tune_draws.TUNE_SETS``; never a check row, never ``gold/lee/``) that the
prefilter refuses with "no trigger word", a binary logistic regression over the sentence's lowercase words
(the prefilter's own tokens, no parse) scores "has an event". Out of fold (folds by document), it prints, per
threshold, how many refused sentences it would parse, how many of them carry an event (precision) and what share
of the refused event sentences that is (recall); then, fitted on every tune row, how many of the VOA corpus's
refused sentences each threshold would parse. Needs scikit-learn (``PYTHONPATH=...:/path/to/sklearn``).

Usage: ``python scripts/unparsed_events.py [--min-word-docs 3] [--c 1.0]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_classifier import FOLDS, SEED  # noqa: E402
from tune_draws import TUNE_SETS, VOA, documents_named, tune_gold  # noqa: E402

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


@dataclass(slots=True)
class Refused:
    words: list[str]
    event: bool
    group: str


def _refused(coder: object, documents: Iterator[object]) -> Iterator[tuple[str, int, list[str]]]:
    """(document, sentence index, words) of each sentence refused for want of a trigger word."""
    from detente.nlp.prefilter import Verdict

    for doc in documents:
        selection = coder.selection(doc)  # type: ignore[attr-defined]
        for s in selection.sentences:
            if selection.refused.get(s.index) is Verdict.NO_TRIGGER:
                yield doc.source_id, s.index, sorted({t for t in s.tokens if t.isalpha()})  # type: ignore[attr-defined]


def tune_refused(coder: object) -> list[Refused]:
    out: list[Refused] = []
    for _draw, gold_path, documents in TUNE_SETS:
        gold = tune_gold(gold_path)  # never a check row
        docs = documents_named((doc for doc, _ in gold), documents)
        for name, index, words in _refused(coder, (docs[d] for d in sorted(docs))):
            g = gold.get((name, index))
            if g is not None:
                out.append(Refused(words, bool(g.events), name))
    return out


def rare(rows: list[Refused], min_docs: int) -> set[str]:
    docs: dict[str, set[str]] = {}
    for r in rows:
        for w in r.words:
            docs.setdefault(w, set()).add(r.group)
    return {w for w, ds in docs.items() if len(ds) < min_docs}


def fit(rows: list[Refused], min_docs: int, c: float) -> tuple[DictVectorizer, LogisticRegression, set[str]]:
    drop = rare(rows, min_docs)
    vec = DictVectorizer()
    x = vec.fit_transform([{w: 1 for w in r.words if w not in drop} for r in rows])
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED, class_weight=None)
    clf.fit(x, [r.event for r in rows])
    return vec, clf, drop


def score(model: tuple[DictVectorizer, LogisticRegression, set[str]], words: list[str]) -> float:
    vec, clf, drop = model
    return float(clf.predict_proba(vec.transform([{w: 1 for w in words if w not in drop}]))[0][1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-word-docs", type=int, default=3)
    ap.add_argument("--c", type=float, default=1.0)
    args = ap.parse_args(argv)
    from detente.coding import Coder
    from detente.readers import iter_documents
    from detente.records import Document

    coder = Coder()
    rows = tune_refused(coder)
    events = sum(r.event for r in rows)
    print(f"refused for want of a trigger word: {len(rows)} tune sentences, {events} with an event")
    scored: list[tuple[Refused, float]] = []
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(rows, groups=[r.group for r in rows]):
        model = fit([rows[i] for i in train_idx], args.min_word_docs, args.c)
        scored += [(rows[i], score(model, rows[i].words)) for i in test_idx]
    model = fit(rows, args.min_word_docs, args.c)
    voa = [score(model, words) for _, _, words in
           _refused(coder, (d for d in iter_documents([str(VOA)]) if isinstance(d, Document)))]
    table = []
    for t in THRESHOLDS:
        chosen = [r for r, p in scored if p >= t]
        hit = sum(r.event for r in chosen)
        table.append({"threshold": t, "parsed": len(chosen), "with_event": hit,
                      "precision": round(hit / len(chosen), 3) if chosen else None,
                      "recall": round(hit / events, 3) if events else None,
                      "voa_refused": len(voa), "voa_parsed": sum(p >= t for p in voa)})
        print(json.dumps(table[-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
