"""How the rule-based entities compare with the model's NER, on the same sentences, in one run.

    python bench/entities.py [--corpus PATH] [--prefiltered]

Both sources label the same parsed sentences (the VOA corpus, split as detente splits it; ``--prefiltered``:
only the sentences the prefilter sends to the parser, which is what coding sees). Printed per label: how many
spans each source found, and the rules' precision and recall against the model's spans (exact boundaries and
label). The model is not gold: where they differ, either may be right. Then the time each takes on these
sentences, as a ratio, and last one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"
LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
          "PERCENT")


def sentences(corpus: Path, prefiltered: bool) -> list[str]:
    from detente.nlp import split_sentences

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not prefiltered:
        return [s.text for t in texts for s in split_sentences(t)]
    from detente.coding import Coder

    coder = Coder()
    return [s.text for t in texts for s in coder.prefilter.select(split_sentences(t))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--prefiltered", action="store_true")
    args = ap.parse_args()
    from spacy.pipeline import EntityRecognizer

    from detente.nlp import load_nlp
    from detente.nlp.entities import RuleEntities

    texts = sentences(args.corpus, args.prefiltered)
    rules = load_nlp()
    model = load_nlp(entities="model")
    # the shared part of the pipeline once, then each entity source on copies of the same parses
    parsed = list(model.pipe(texts, batch_size=256, disable=["ner"]))
    ner = cast(EntityRecognizer, model.get_pipe("ner"))
    entities = cast(RuleEntities, rules.get_pipe("entities"))
    by_model = [d.copy() for d in parsed]
    by_rules = [d.copy() for d in parsed]
    t = time.perf_counter()
    by_model = list(ner.pipe(by_model, batch_size=256))
    t_model = time.perf_counter() - t
    t = time.perf_counter()
    by_rules = list(entities.pipe(by_rules, batch_size=256))
    t_rules = time.perf_counter() - t
    found: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    for m, r in zip(by_model, by_rules, strict=True):
        m_spans = {(e.start, e.end, e.label_) for e in m.ents}
        r_spans = {(e.start, e.end, e.label_) for e in r.ents}
        expected.update(lab for _, _, lab in m_spans)
        found.update(lab for _, _, lab in r_spans)
        agreed.update(lab for _, _, lab in m_spans & r_spans)
    print(f"{len(texts)} sentences from {args.corpus.name}{' (prefiltered)' if args.prefiltered else ''}")
    print(f"{'label':9} {'model':>6} {'rules':>6} {'agree':>6} {'prec':>6} {'rec':>6}")
    for lab in LABELS:
        prec = agreed[lab] / found[lab] if found[lab] else 0.0
        rec = agreed[lab] / expected[lab] if expected[lab] else 0.0
        print(f"{lab:9} {expected[lab]:6d} {found[lab]:6d} {agreed[lab]:6d} {prec:6.3f} {rec:6.3f}")
    total_p = sum(agreed.values()) / max(sum(found.values()), 1)
    total_r = sum(agreed.values()) / max(sum(expected.values()), 1)
    print(f"{'all':9} {sum(expected.values()):6d} {sum(found.values()):6d} {sum(agreed.values()):6d} "
          f"{total_p:6.3f} {total_r:6.3f}")
    print(f"time: model NER {t_model:.2f} s, rules {t_rules:.2f} s, ratio {t_rules / t_model:.2f}")
    print(json.dumps({"sentences": len(texts), "agreement_precision": round(total_p, 3),
                      "agreement_recall": round(total_r, 3), "model_ner_s": round(t_model, 3),
                      "rules_s": round(t_rules, 3), "ratio_rules_vs_model_ner": round(t_rules / t_model, 3)}))


if __name__ == "__main__":
    main()
