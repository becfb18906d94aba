"""What the statistical layer (detente/coding/classifier.py) adds per parsed sentence.

The corpus's sentences the prefilter passes are parsed once (that time is printed too, for scale); then the
layer's scoring (features and the weighted sum) and its whole proposal (scoring, and arguments when the
threshold is cleared) are timed over every parsed sentence, ``--repeat`` times, the best run kept. The layer
runs only on sentences the rules code nothing for, so this is an upper bound on its cost. Last line: JSON.

Usage: ``python bench/classifier.py [--corpus PATH] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Span

ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from detente.coding import Coder
    from detente.coding.classifier import features, load_model, propose
    from detente.readers import iter_documents
    from detente.records import Document

    coder = Coder(warm=True)
    model = load_model()
    texts = [s.text for item in iter_documents([str(args.corpus)]) if isinstance(item, Document)
             for s in coder.selector.select(item.text).selected]
    t0 = time.perf_counter()
    sents = [doc[:] for doc in coder.nlp.pipe(texts, batch_size=coder.batch_size)]
    parse_s = time.perf_counter() - t0

    def best_of(fn: Callable[[Span], object]) -> float:
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            for sent in sents:
                fn(sent)
            runs.append(time.perf_counter() - t)
        return min(runs)

    score_s = best_of(lambda s: model.best(features(s, coder.lexicon)))
    propose_s = best_of(lambda s: propose(s, coder.lexicon, coder.cues, model=model))
    n = len(sents)
    out = {"sentences": n, "parse_us_per_sentence": round(1e6 * parse_s / n, 1),
           "score_us_per_sentence": round(1e6 * score_s / n, 1),
           "propose_us_per_sentence": round(1e6 * propose_s / n, 1),
           "propose_share_of_parse": round(propose_s / parse_s, 4)}
    print(f"{n} parsed sentences: parse {out['parse_us_per_sentence']} µs each; the layer's scoring "
          f"{out['score_us_per_sentence']} µs, its whole proposal {out['propose_us_per_sentence']} µs "
          f"({100 * out['propose_share_of_parse']:.1f}% of the parse)")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
