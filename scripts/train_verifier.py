"""Train the learned check on the rules' events (``detente/coding/verifier.py``) and write its weights to
``detente/coding/data/verifier.json``.

Training data, and only this (docs/labelling.md: the check split is never read here): every event the coder
makes, with the check off, in the ``tune`` sentences of the read draws — ``gold/news.jsonl`` draws 1, 2 and 4,
``gold/lee7/news.jsonl`` (draw 7), ``gold/lee8/news.jsonl`` (draw 8) and ``gold/outlets/tune/news.jsonl`` (the
ninth draw's read half), each with its documents; never a ``check`` row, never ``gold/lee/`` nor
``gold/outlets/check/``. Each event's features are ``verifier.features`` at the moment the coder's
hook sees it; its label is whether its type is among the sentence's labelled types (what ``detente evaluate``
matches).

The model is a binary logistic regression (scikit-learn, outside the shared venv) with a fixed seed. Out of
fold (5 folds by document, over all read draws) the script prints, per threshold, the events dropped right and
wrong and the read draws' type accuracy and precision, and for re-ranking the answers changed right and wrong;
the threshold and re-ranking written are those ``--threshold``, ``--keep-first`` (drop a sentence's most
confident event only under ``--answer-threshold``, never at 0) and ``--rerank`` name (chosen from those tables).
``--transfer`` scores each read draw by a model trained without it (how the check meets a newsroom it never
saw). Trigger lemmas found in fewer than ``--min-lemma-docs`` training documents are not trained on.

Usage: ``python scripts/train_verifier.py [--cache PATH] [--c C] [--min-lemma-docs N] [--threshold T] [--keep-first]
[--answer-threshold T] [--floors T ...] [--transfer] [--rerank] [--enabled] [--out PATH]`` (shipped, session 18:
``--c 0.3 --min-lemma-docs 5 --threshold 0.5 --keep-first --enabled``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file, it imports its neighbours
from tune_draws import ROOT, TUNE_SETS, documents_named, tune_gold  # noqa: E402

OUT = ROOT / "detente" / "coding" / "data" / "verifier.json"
SEED = 0
FOLDS = 5
C = 0.3  # inverse L2 strength (chosen out of fold, docs/coding.md)
MIN_LEMMA_DOCS = 5  # chosen out of fold (docs/coding.md)
MIN_COUNT = 2  # features seen in fewer training events carry no weight in the file
THRESHOLDS = [round(0.02 * k, 2) for k in range(1, 10)] + [round(0.05 * k, 2) for k in range(4, 15)]  # .02 .. .7
LEXICAL = ("lemma:", "lt:")
SETS = TUNE_SETS  # every read draw, the ninth's read half (gold/outlets/tune) included: scripts/tune_draws.py


@dataclass(slots=True)
class Event:
    features: dict[str, float]
    right: bool
    type: str
    confidence: float
    sentence: tuple[str, str, int]  # (draw set, document, sentence index)


@dataclass(slots=True)
class Sentence:
    key: tuple[str, str, int]
    part: str
    gold: list[str]  # labelled types, one per event


def collect(sets: tuple[tuple[str, Path, tuple[Path, ...]], ...] = SETS) -> tuple[list[Event], list[Sentence]]:
    """Every event the coder makes in the read draws' tune sentences, with the check off, and the sentences."""
    import detente.coding.coder as coder_module
    from detente.coding import Coder
    from detente.coding.verifier import features
    from detente.evaluation.news import draw_part

    events: list[Event] = []
    sentences: list[Sentence] = []
    for name, gold_path, documents in sets:
        gold = tune_gold(gold_path)  # check rows never read
        sentences += [Sentence((name, *k), draw_part(g) or g.split, sorted(e.type for e in g.events))
                      for k, g in sorted(gold.items())]
        docs = documents_named((g.doc for g in gold.values()), documents)
        coder = Coder()
        logged: list[Event] = []

        def log(pairs: Any, records: list[Any], lexicon: Any, model: Any = None, _logged: Any = logged,
                _gold: Any = gold, _name: str = name, _coder: Any = coder) -> list[Any]:
            cands = {id(rec): cand for cand, rec in pairs}
            for rec in records:
                g = _gold.get((rec.document_id, rec.sentence_index))
                if g is None or id(rec) not in cands:
                    continue  # a check row's or an unlabelled sentence's event is not kept
                _logged.append(Event(features(cands[id(rec)], rec, records, lexicon), rec.type in
                                     {e.type for e in g.events}, rec.type, rec.confidence,
                                     (_name, g.doc, g.sentence_index)))
            return records

        kept = coder_module.check
        coder_module.check = log
        try:
            for _doc, _records in coder.code_documents(docs[d] for d in sorted(docs)):
                pass
        finally:
            coder_module.check = kept
        events += logged
        print(f"{name}: {len(gold)} tune sentences, {len(logged)} events", file=sys.stderr)
    return events, sentences


def lexical_rare(events: list[Event], min_docs: int) -> set[str]:
    """Trigger-lemma features found in fewer than ``min_docs`` documents: a story's words, not a kind of act."""
    docs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        for f in e.features:
            if f.startswith(LEXICAL):
                docs[f].add(e.sentence[:2])
    return {f for f, d in docs.items() if len(d) < min_docs}


def _fit(events: list[Event], c: float, min_docs: int) -> tuple[Any, Any, set[str]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rare = lexical_rare(events, min_docs)
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in e.features.items() if k not in rare} for e in events])
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    clf.fit(x, [int(e.right) for e in events])
    return vec, clf, rare


def _predict(vec: Any, clf: Any, rare: set[str], events: list[Event]) -> list[float]:
    x = vec.transform([{k: v for k, v in e.features.items() if k not in rare} for e in events])
    return [float(p) for p in clf.predict_proba(x)[:, 1]]


def out_of_fold(events: list[Event], c: float, min_docs: int) -> list[float]:
    """Each event's probability from a model that never saw its document (folds by document)."""
    from sklearn.model_selection import GroupKFold

    groups = [f"{e.sentence[0]}/{e.sentence[1]}" for e in events]
    probs = [0.0] * len(events)
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(events, groups=groups):
        vec, clf, rare = _fit([events[i] for i in train_idx], c, min_docs)
        for i, p in zip(test_idx, _predict(vec, clf, rare, [events[i] for i in test_idx]), strict=True):
            probs[i] = p
    return probs


def _answer(scored: list[tuple[Event, float]], threshold: float, rerank: bool, secondary: bool,
            floor: float = 0.0) -> tuple[list[Event], Event | None]:
    """The events a sentence keeps and its answer, as the hook would make them (``secondary``: the sentence's
    most confident event is dropped only under ``floor``)."""
    if not scored:
        return [], None
    first = max(scored, key=lambda ep: ep[0].confidence)[0]
    kept = [(e, p) for e, p in scored if p >= threshold or (secondary and e is first and p >= floor)]
    if not kept:
        return [], None
    if rerank:
        return [e for e, _ in kept], max(kept, key=lambda ep: (ep[1], ep[0].confidence))[0]
    return [e for e, _ in kept], max(kept, key=lambda ep: ep[0].confidence)[0]


def simulate(events: list[Event], probs: list[float], sentences: list[Sentence], threshold: float,
             rerank: bool, secondary: bool = False, floor: float = 0.0) -> dict[str, dict[str, float]]:
    """Type accuracy and precision per read part (and pooled) when the check drops and re-ranks as given."""
    by_sentence: dict[tuple[str, str, int], list[tuple[Event, float]]] = defaultdict(list)
    for e, p in zip(events, probs, strict=True):
        by_sentence[e.sentence].append((e, p))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sentences:
        kept, answer = _answer(by_sentence.get(s.key, []), threshold, rerank, secondary, floor)
        for part in (s.part, "all"):
            k = counts[part]
            k["coded"] += len(kept)
            gold = Counter(s.gold)
            made = Counter(e.type for e in kept)
            k["matched"] += sum(min(n, gold[t]) for t, n in made.items())
            if s.gold:
                k["with"] += 1
                k["right"] += answer is not None and answer.type in gold
    return {part: {"type": round(k["right"] / max(1, k["with"]), 4),
                   "precision": round(k["matched"] / max(1, k["coded"]), 4), "coded": k["coded"]}
            for part, k in sorted(counts.items())}


def _row(sim: dict[str, dict[str, float]]) -> str:
    """One table row: type accuracy / precision / events coded per part."""
    return " ".join(f"{k} {v['type']:.3f}/{v['precision']:.3f}/{v['coded']:.0f}" for k, v in sim.items())


def tables(events: list[Event], probs: list[float], sentences: list[Sentence], floors: tuple[float, ...] = ()) -> None:
    """The out-of-fold tables: per threshold, events dropped right / wrong and the parts' figures (all events,
    secondary ones only, or secondary ones and answers under each of ``floors``); re-ranking's answers changed."""
    print("off:", _row(simulate(events, probs, sentences, 0.0, False)), file=sys.stderr)
    first = _firsts(events)
    for label, secondary, floor in (("all", False, 0.0), ("secondary", True, 0.0),
                                    *((f"answer<{f}", True, f) for f in floors)):
        for t in THRESHOLDS:
            if t < floor:
                continue
            drop = [e for e, p in zip(events, probs, strict=True)
                    if p < (floor if secondary and id(e) in first else t)]
            right = sum(e.right for e in drop)
            sim = simulate(events, probs, sentences, t, False, secondary, floor)
            print(f"{label} t={t}: dropped right {right} wrong {len(drop) - right} | {_row(sim)}", file=sys.stderr)
    by_sentence: dict[tuple[str, str, int], list[tuple[Event, float]]] = defaultdict(list)
    for e, p in zip(events, probs, strict=True):
        by_sentence[e.sentence].append((e, p))
    changed: Counter[str] = Counter()
    for scored in by_sentence.values():
        _, old = _answer(scored, 0.0, False, False)
        _, new = _answer(scored, 0.0, True, False)
        if old is not None and new is not None and old is not new:
            changed[f"{'right' if old.right else 'wrong'}->{'right' if new.right else 'wrong'}"] += 1
    print(f"rerank: answers changed {dict(changed)}", file=sys.stderr)
    print("rerank:", _row(simulate(events, probs, sentences, 0.0, True)), file=sys.stderr)


def transfer(events: list[Event], sentences: list[Sentence], c: float, min_docs: int, threshold: float,
             floor: float) -> None:
    """Each read draw scored by a model trained on the others alone: how the check does on a newsroom it never
    saw (the question a check must answer before it meets a new outlet)."""
    from sklearn.metrics import roc_auc_score

    for draw in sorted({e.sentence[0] for e in events}):
        train = [e for e in events if e.sentence[0] != draw]
        test = [e for e in events if e.sentence[0] == draw]
        vec, clf, rare = _fit(train, c, min_docs)
        probs = _predict(vec, clf, rare, test)
        own = [s for s in sentences if s.key[0] == draw]
        auc = roc_auc_score([e.right for e in test], probs) if 0 < sum(e.right for e in test) < len(test) else 0.5
        print(f"without {draw} (AUC {auc:.3f}): off {_row(simulate(test, probs, own, 0.0, False))}", file=sys.stderr)
        for t in sorted({0.2, 0.3, 0.4, threshold} - {0.0}):
            print(f"without {draw} secondary t={t}: {_row(simulate(test, probs, own, t, False, True, floor))}",
                  file=sys.stderr)


def _firsts(events: list[Event]) -> set[int]:
    """The ids of each sentence's most confident event (the first on a tie, as ``max`` picks)."""
    best: dict[tuple[str, str, int], Event] = {}
    for e in events:
        if e.sentence not in best or e.confidence > best[e.sentence].confidence:
            best[e.sentence] = e
    return {id(e) for e in best.values()}


def _load(cache: Path | None) -> tuple[list[Event], list[Sentence]]:
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        return ([Event(e["features"], e["right"], e["type"], e["confidence"], tuple(e["sentence"]))
                 for e in data["events"]],
                [Sentence(tuple(s["key"]), s["part"], s["gold"]) for s in data["sentences"]])
    events, sentences = collect()
    if cache is not None:
        cache.write_text(json.dumps({
            "events": [{"features": e.features, "right": e.right, "type": e.type, "confidence": e.confidence,
                        "sentence": list(e.sentence)} for e in events],
            "sentences": [{"key": list(s.key), "part": s.part, "gold": s.gold} for s in sentences]}),
            encoding="utf-8")
    return events, sentences


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="the coded events, written on the first run and read after")
    ap.add_argument("--c", type=float, default=C, help=f"inverse L2 strength (default {C})")
    ap.add_argument("--min-lemma-docs", type=int, default=MIN_LEMMA_DOCS)
    ap.add_argument("--threshold", type=float, default=0.0, help="drop events under this probability (0: none)")
    ap.add_argument("--rerank", action="store_true", help="the most trusted event becomes the answer")
    ap.add_argument("--keep-first", action="store_true",
                    help="drop a sentence's most confident event only under --answer-threshold")
    ap.add_argument("--answer-threshold", type=float, default=0.0,
                    help="with --keep-first, the answer's own lower threshold (0: never dropped)")
    ap.add_argument("--floors", type=float, nargs="*", default=[],
                    help="answer thresholds to tabulate out of fold beside the secondary-only table")
    ap.add_argument("--transfer", action="store_true", help="score each read draw by a model trained without it")
    ap.add_argument("--enabled", action="store_true", help="the check is on by default in the written file")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    os.environ["DETENTE_CLASSIFIER"] = "off"
    os.environ["DETENTE_VERIFIER"] = "off"
    events, sentences = _load(args.cache)
    print(f"events {len(events)}, right {sum(e.right for e in events)}", file=sys.stderr)
    probs = out_of_fold(events, args.c, args.min_lemma_docs)
    tables(events, probs, sentences, tuple(args.floors))
    if args.transfer:
        transfer(events, sentences, args.c, args.min_lemma_docs, args.threshold, args.answer_threshold)
    vec, clf, _rare = _fit(events, args.c, args.min_lemma_docs)
    seen = Counter(f for e in events for f in e.features)
    weights = {str(f): round(float(w), 5) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if seen[str(f)] >= MIN_COUNT and round(float(w), 5) != 0.0}
    data = {
        "about": ("Weights of detente/coding/verifier.py, written by scripts/train_verifier.py on "
                  f"{dt.date.today().isoformat()}: a binary logistic regression (scikit-learn, C={args.c}, seed "
                  f"{SEED}) over the events the coder makes in the tune sentences of gold/news.jsonl (draws 1, 2, "
                  "4), gold/lee7, gold/lee8 and gold/outlets/tune (draw 9), labelled right when their type is "
                  f"among the sentence's labelled types; trigger lemmas in fewer than {args.min_lemma_docs} "
                  f"documents left out; never a check row. Threshold and re-ranking chosen from {FOLDS}-fold "
                  "out-of-fold tables by document."),
        "events": len(events),
        "enabled": args.enabled,
        "threshold": args.threshold,
        "rerank": args.rerank,
        "keep_first": args.keep_first,
        "answer_threshold": args.answer_threshold,
        "bias": round(float(clf.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(data, indent=None, separators=(",", ":"), ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
