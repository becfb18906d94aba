"""What the learned check on the rules' events (detente/coding/verifier.py) adds per parsed sentence.

The corpus is coded once with the check on (the bundled weights), the check's own calls timed inside the
coder; the sentences the prefilter passes are parsed once more alone, for scale. Last line: JSON.

Usage: ``python bench/verifier.py [--corpus PATH]``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "voa_stories.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    os.environ["DETENTE_VERIFIER"] = "on"
    import detente.coding.coder as coder_module
    from detente.coding import Coder
    from detente.readers import iter_documents
    from detente.records import Document

    docs = [item for item in iter_documents([str(args.corpus)]) if isinstance(item, Document)]
    coder = Coder(warm=True)
    spent = [0.0, 0]
    check = coder_module.check

    def timed(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        out = check(*a, **k)
        spent[0] += time.perf_counter() - t
        spent[1] += 1
        return out

    coder_module.check = timed
    try:
        events = sum(len(records) for _doc, records in coder.code_documents(docs))
    finally:
        coder_module.check = check
    texts = [s.text for doc in docs for s in coder.selector.select(doc.text).selected]
    t0 = time.perf_counter()
    for _ in coder.nlp.pipe(texts, batch_size=coder.batch_size):
        pass
    parse_s = time.perf_counter() - t0
    n = len(texts)
    out = {"sentences": n, "events": events, "parse_us_per_sentence": round(1e6 * parse_s / n, 1),
           "check_us_per_sentence": round(1e6 * spent[0] / n, 1), "check_share_of_parse": round(spent[0] / parse_s, 4)}
    print(f"{n} parsed sentences ({events} events): parse {out['parse_us_per_sentence']} µs each; the check "
          f"{out['check_us_per_sentence']} µs ({100 * out['check_share_of_parse']:.2f}% of the parse)")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
