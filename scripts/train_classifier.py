"""Train the statistical layer (``detente/coding/classifier.py``) and write its weights to
``detente/coding/data/classifier.json``.

Training data, and only this (docs/labelling.md: the check split is never read here):

* the ``tune`` sentences of every tune draw (``tune_draws.TUNE_SETS``: ``gold/news.jsonl``, draws 1, 2 and 4;
  ``gold/lee7/news.jsonl`` and ``gold/lee8/news.jsonl``, draws 7 and 8, and ``gold/outlets/tune/news.jsonl``, draw
  9's read half, outside news, with their documents ``stories.jsonl``) that the prefilter passes, parsed as the
  coder parses them, labelled with their gold types (a sentence with two types gives two rows of half weight; no
  event: ``NONE``); never a ``check`` row, never ``gold/lee/`` nor ``gold/outlets/check/``;
* the records of ``../shared/gold/plover_gsr_dev.jsonl``, each labelled with its PLOVER type;
* the mode tables of ``../shared/reference/PLOVER_MANUAL.tex`` (each mode's one-line definition, labelled with
  its type), when the manual is there.

The model is a multinomial logistic regression (scikit-learn, ``pip install -e '.[train]'``) over the string
features of ``detente.coding.classifier.features``. The threshold on the best type's probability comes from
cross-validation on the tune documents only (folds by document; the dev records and the manual are always in
the training folds): over the tune sentences the rules code nothing for, the lowest threshold from which every
threshold with at least ``MIN_PROPOSALS`` proposals is right at least ``--precision`` of the time. The rules'
output is computed with the layer off.

Content lemmas (``w:``) seen in fewer than ``--min-word-docs`` tune documents are left out of training, so the
model leans on words that recur across stories and newsrooms rather than on one story's names.

``--transfer`` scores each named read draw by a model trained without it (its threshold chosen out of fold on the
other draws): how the layer meets a newsroom it never saw.

Usage: ``python scripts/train_classifier.py [--precision 0.65] [--min-word-docs N] [--c C] [--enabled |
--disabled] [--rows CACHE.json] [--transfer d8,d9] [--out PATH]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file, it imports its neighbours
from tune_draws import ROOT, SHARED, TUNE_SETS, documents_named, tune_gold  # noqa: E402

DEV = SHARED / "gold" / "plover_gsr_dev.jsonl"
MANUAL = SHARED / "reference" / "PLOVER_MANUAL.tex"
OUT = ROOT / "detente" / "coding" / "data" / "classifier.json"

SEED = 0
FOLDS = 5
C = 3.0  # inverse L2 strength, picked from {1, 3, 10} by the cross-validation below (docs/coding.md, session 15)
MIN_COUNT = 2  # features seen in fewer training rows carry no weight in the file
MIN_WORD_DOCS = 3  # content lemmas in fewer tune documents are left out (chosen out of fold; docs/coding.md)
NONE_LABEL = "NONE"  # ``classifier.NONE``, without importing the coder at module level
MIN_PROPOSALS = 20  # thresholds with fewer cross-validated proposals are not judged by ``choose`` (5 before d8)
THRESHOLDS = [round(0.20 + 0.025 * k, 3) for k in range(31)]  # 0.20 .. 0.95
_MODE_ROW = re.compile(r"^\s*([a-z][\w-]*)\s*&\s*(.+?)\s*\\\\")


@dataclass(slots=True)
class Row:
    features: list[str]
    labels: list[str]  # gold types of the sentence, or [NONE]
    group: str  # the document (tune), "dev" or "manual"
    rules_empty: bool = False  # the rules code nothing for it (tune only)
    draw: str = ""  # the read draw (``tune_draws.TUNE_SETS`` name) of a tune row


def _tune_rows(nlp: Any, draw: str, gold_path: Path, documents: tuple[Path, ...]) -> list[Row]:
    """Rows of one tune gold file's ``tune`` sentences (the check split is never read)."""
    from detente.coding import Coder
    from detente.coding.classifier import NONE, features

    by_key = tune_gold(gold_path)  # the check split is never read
    wanted = {g.doc for g in by_key.values()}
    docs = documents_named(wanted, documents)
    missing = sorted(wanted - set(docs))
    if missing:
        raise SystemExit(f"tune documents not found: {', '.join(missing)}")
    coder = Coder()
    coded = {(doc.source_id, m.sentence_index) for doc, ms in coder.code_documents(docs[d] for d in sorted(docs))
             for m in ms}
    rows: list[Row] = []
    for name in sorted(docs):
        selection = coder.selector.select(docs[name].text)
        parsed = nlp.pipe([s.text for s in selection.selected], batch_size=256)
        for sentence, doc in zip(selection.selected, parsed, strict=True):
            g = by_key.get((name, sentence.index))
            if g is None:
                continue
            labels = sorted({e.type for e in g.events}) or [NONE]
            rows.append(Row(features(doc[:], coder.lexicon), labels, name,
                            rules_empty=(name, sentence.index) not in coded, draw=draw))
    return rows


def _dev_rows(nlp: Any, lexicon: Any) -> list[Row]:
    from detente.coding.classifier import features
    from detente.evaluation.gold import read_gold

    records = [r for r in read_gold(DEV) if r.type]
    texts = [r.text.strip("{} ") for r in records]
    return [Row(features(doc[:], lexicon), [str(r.type)], "dev")
            for r, doc in zip(records, nlp.pipe(texts, batch_size=256), strict=True)]


def _manual_rows(nlp: Any, lexicon: Any) -> list[Row]:
    """Each type's definition (the paragraph under its section heading, cut at semicolons and full stops) and
    each mode's one-line definition in its mode table, labelled with the type."""
    from detente.coding.classifier import features
    from detente.ontology import PLOVER_TYPES

    if not MANUAL.exists():
        return []
    current: str | None = None
    definition = False
    found: list[tuple[str, str]] = []
    for line in MANUAL.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"\\section\{([^}]*)\}", line)
        if heading:
            current = heading.group(1) if heading.group(1) in PLOVER_TYPES else None
            definition = current is not None
            continue
        text = re.sub(r"\\[a-z]+\{([^}]*)\}", r"\1", line).replace("\\", "").strip()
        if current and definition and text:
            found.extend((current, part.strip()) for part in re.split(r"[;.]", text) if len(part.split()) >= 2)
            definition = False
            continue
        m = _MODE_ROW.match(line)
        if current and m and m.group(1) not in ("mode", "name"):
            found.append((current, f"{m.group(1)}: " + re.sub(r"\\[a-z]+\{([^}]*)\}", r"\1", m.group(2))
                          .replace("\\", "").strip()))
    return [Row(features(doc[:], lexicon), [t], "manual")
            for (t, _), doc in zip(found, nlp.pipe([x for _, x in found]), strict=True)]


def rare_words(rows: list[Row], min_docs: int) -> set[str]:
    """Content-lemma features (``w:``) found in fewer than ``min_docs`` tune documents: a story's own names
    and topic words, which teach the model that story rather than a kind of event."""
    docs: dict[str, set[str]] = {}
    for r in rows:
        if r.group in ("dev", "manual"):
            continue
        for f in r.features:
            if f.startswith("w:"):
                docs.setdefault(f, set()).add(r.group)
    return {f for f, ds in docs.items() if len(ds) < min_docs}


def without(rows: list[Row], drop: set[str]) -> list[Row]:
    """The rows with the features in ``drop`` taken out."""
    if not drop:
        return rows
    return [Row([f for f in r.features if f not in drop], r.labels, r.group, r.rules_empty, r.draw) for r in rows]


def _expand(rows: list[Row]) -> tuple[list[dict[str, int]], list[str], list[float]]:
    xs, ys, ws = [], [], []
    for r in rows:
        for label in r.labels:
            xs.append(dict.fromkeys(r.features, 1))
            ys.append(label)
            ws.append(1.0 / len(r.labels))
    return xs, ys, ws


def _fit(rows: list[Row], c: float = C) -> tuple[DictVectorizer, LogisticRegression]:
    xs, ys, ws = _expand(rows)
    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    clf.fit(x, ys, sample_weight=ws)
    return vec, clf


def _best(vec: DictVectorizer, clf: LogisticRegression, row: Row) -> tuple[str, float]:
    from detente.coding.classifier import NONE

    probs = clf.predict_proba(vec.transform([dict.fromkeys(row.features, 1)]))[0]
    classes = list(clf.classes_)
    k = max((k for k, c in enumerate(classes) if c != NONE), key=lambda k: (probs[k], -k))
    return str(classes[k]), float(probs[k])


def cross_validate(rows: list[Row], min_word_docs: int = 1, c: float = C) -> list[tuple[Row, str, float]]:
    """Out-of-fold (type, probability) for every tune row; folds by document. Rare content lemmas are counted
    on the training folds alone, so the held-out documents do not decide which words are kept."""
    tune = [r for r in rows if r.group not in ("dev", "manual")]
    always = [r for r in rows if r.group in ("dev", "manual")]
    groups = [r.group for r in tune]
    out: list[tuple[Row, str, float]] = []
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(tune, groups=groups):
        train = [tune[i] for i in train_idx]
        vec, clf = _fit(without(train + always, rare_words(train, min_word_docs)), c)
        out.extend((tune[i], *_best(vec, clf, tune[i])) for i in test_idx)
    return out


def threshold_table(scored: list[tuple[Row, str, float]]) -> list[dict[str, Any]]:
    """Proposals and right proposals per threshold, over the tune sentences the rules code nothing for."""
    table = []
    for t in THRESHOLDS:
        made = [(r, y) for r, y, p in scored if r.rules_empty and p >= t]
        right = sum(y in r.labels for r, y in made)
        table.append({"threshold": t, "proposals": len(made), "right": right,
                      "precision": round(right / len(made), 4) if made else None})
    return table


def choose(table: list[dict[str, Any]], precision: float, min_proposals: int = 1) -> float:
    """The lowest threshold from which on every threshold with at least ``min_proposals`` proposals keeps
    ``precision``. Thresholds with fewer (the top ones: proposals only fall as the threshold rises) are not
    judged: one or two sentences say nothing about a precision, and with them a single wrong proposal near the
    top vetoes every threshold below it. When no threshold has that many, every threshold is judged."""
    if not any(entry["proposals"] >= min_proposals for entry in table):
        min_proposals = 1
    ok = 1.0
    for entry in reversed(table):
        if entry["proposals"] >= min_proposals and entry["precision"] < precision:
            break
        ok = entry["threshold"]
    return ok


def cameo_codes(lexicon: Any) -> dict[str, str]:
    """Each type's CAMEO code for a proposal: the code the lexicon's senses of that type use most (the
    lowest on a tie), so the classifier's events carry a code the rules use too."""
    counts: dict[str, Counter[str]] = {}
    for sense in lexicon.all_senses():
        counts.setdefault(sense.type, Counter())[sense.cameo] += 1
    return {t: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for t, c in sorted(counts.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--precision", type=float, default=0.65,
                    help="cross-validated precision the threshold must keep (default 0.65: about the rules' own "
                         "precision on tune, so proposals do not lower it)")
    on = ap.add_mutually_exclusive_group()
    on.add_argument("--enabled", dest="enabled", action="store_true", default=False,
                    help="the layer is on by default in the written file")
    on.add_argument("--disabled", dest="enabled", action="store_false")
    ap.add_argument("--min-word-docs", type=int, default=MIN_WORD_DOCS,
                    help=f"content lemmas found in fewer tune documents are not trained on "
                         f"(default {MIN_WORD_DOCS})")
    ap.add_argument("--c", type=float, default=C, help=f"inverse L2 strength (default {C})")
    ap.add_argument("--rows", type=Path, default=None,
                    help="cache of the parsed training rows (JSON): read when it exists, else written, so that "
                         "candidates can be compared without parsing every draw again")
    ap.add_argument("--transfer", default="",
                    help="comma-separated read draws (d8,d9) each scored by a model trained without it; "
                         "nothing is written")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    os.environ["DETENTE_CLASSIFIER"] = "off"  # the rules' own output decides which sentences the layer sees
    from detente.coding.lexicon import load_lexicon
    from detente.nlp import load_nlp

    lexicon = load_lexicon()
    if args.rows is not None and args.rows.exists():
        rows = [Row(**r) for r in json.loads(args.rows.read_text(encoding="utf-8"))]
    else:
        nlp = load_nlp()
        rows = [r for draw, gold, docs in TUNE_SETS for r in _tune_rows(nlp, draw, gold, docs)]
        rows += _dev_rows(nlp, lexicon) + _manual_rows(nlp, lexicon)
        if args.rows is not None:
            args.rows.write_text(json.dumps([asdict(r) for r in rows]), encoding="utf-8")
    print(f"rows: {Counter(r.group if r.group in ('dev', 'manual') else 'tune' for r in rows)}", file=sys.stderr)
    print(f"rules-empty rows with an event, by type: {dict(empty_types(rows).most_common())}", file=sys.stderr)
    if args.transfer:
        for draw in args.transfer.split(","):
            print(json.dumps(transfer(rows, draw, args.precision, args.min_word_docs, args.c)))
        return 0
    data = train(rows, lexicon, args.precision, args.min_word_docs, args.enabled, args.c)
    args.out.write_text(json.dumps(data, indent=None, separators=(",", ":"), ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out} ({len(data['weights'])} features, {len(data['classes'])} classes)", file=sys.stderr)
    return 0


def empty_types(rows: list[Row]) -> Counter[str]:
    """The labelled types of the tune sentences the rules code nothing for: what the layer can learn to add."""
    from detente.coding.classifier import NONE

    return Counter(t for r in rows if r.rules_empty for t in r.labels if t != NONE)


def proposals_at(scored: list[tuple[Row, str, float]], threshold: float) -> dict[str, Any]:
    """Right / made proposals at ``threshold`` among the scored rows the rules code nothing for, and how many of
    those carry an event (what the layer could add at best)."""
    made = [(r, y) for r, y, p in scored if r.rules_empty and p >= threshold]
    right = sum(y in r.labels for r, y in made)
    return {"threshold": threshold, "made": len(made), "right": right,
            "precision": round(right / len(made), 4) if made else None,
            "empty_with_event": sum(1 for r, _, _ in scored if r.rules_empty and r.labels != [NONE_LABEL])}


def transfer(rows: list[Row], draw: str, precision: float, min_word_docs: int, c: float = C) -> dict[str, Any]:
    """``draw`` scored by a model that never saw it: the threshold chosen out of fold on the other read draws
    (as ``train`` chooses it), the model fitted on them (and the dev records and manual), then its proposals on
    ``draw``'s rules-empty sentences, at that threshold and at a few fixed ones."""
    rest = [r for r in rows if r.draw != draw]
    held = [r for r in rows if r.draw == draw and r.group not in ("dev", "manual")]
    if not held:
        raise SystemExit(f"no rows of read draw {draw!r}")
    threshold = choose(threshold_table(cross_validate(rest, min_word_docs, c)), precision, MIN_PROPOSALS)
    vec, clf = _fit(without(rest, rare_words(rest, min_word_docs)), c)
    scored = [(r, *_best(vec, clf, r)) for r in held]
    top = sum(1 for r, y, _ in scored if r.rules_empty and y in r.labels)
    return {"draw": draw, "chosen": proposals_at(scored, threshold), "top_right": top,
            "fixed": [proposals_at(scored, t) for t in (0.5, 0.6, 0.7, 0.8, 0.9)]}


def train(rows: list[Row], lexicon: Any, precision: float, min_word_docs: int, enabled: bool,
          c: float = C) -> dict[str, Any]:
    """The data file's content: threshold chosen out of fold, then the model fitted on every row."""
    scored = cross_validate(rows, min_word_docs, c)
    table = threshold_table(scored)
    threshold = choose(table, precision, MIN_PROPOSALS)
    for entry in table:
        print(json.dumps(entry), file=sys.stderr)
    print(f"threshold {threshold}", file=sys.stderr)
    rows = without(rows, rare_words(rows, min_word_docs))
    vec, clf = _fit(rows, c)
    names = vec.get_feature_names_out()
    seen = Counter(f for r in rows for f in r.features)
    coef = np.asarray(clf.coef_)  # classes x features
    weights = {str(f): [round(float(w), 4) for w in coef[:, j]] for j, f in enumerate(names)
               if seen[str(f)] >= MIN_COUNT}
    cv = next((e for e in table if e["threshold"] == threshold), None)
    data = {
        "about": ("Weights of detente/coding/classifier.py, written by scripts/train_classifier.py on "
                  f"{dt.date.today().isoformat()}: a multinomial logistic regression (scikit-learn, C={c}, "
                  f"seed {SEED}) trained on the tune sentences the prefilter passes of every tune draw "
                  "(gold/news.jsonl draws 1, 2 and 4, gold/lee7/news.jsonl draw 7, gold/lee8/news.jsonl draw 8, "
                  "gold/outlets/tune/news.jsonl draw 9; "
                  "content lemmas in fewer than "
                  f"{min_word_docs} tune documents left out), "
                  "../shared/gold/plover_gsr_dev.jsonl and the type definitions and mode tables of the PLOVER "
                  "manual; never on the "
                  "check split. The threshold is the lowest whose proposals were right at least "
                  f"{precision} of the time in {FOLDS}-fold cross-validation by document on the tune "
                  f"sentences the rules code nothing for (thresholds with fewer than {MIN_PROPOSALS} proposals "
                  "not judged)."),
        "rows": dict(Counter(r.group if r.group in ("dev", "manual") else "tune" for r in rows)),
        "cross_validation": cv,
        "enabled": enabled,
        "threshold": threshold,
        "classes": [str(c) for c in clf.classes_],
        "bias": [round(float(b), 4) for b in clf.intercept_],
        "cameo": cameo_codes(lexicon),
        "weights": dict(sorted(weights.items())),
    }
    return data


if __name__ == "__main__":
    raise SystemExit(main())
