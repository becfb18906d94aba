"""Where coding's CPU time goes, stage by stage, in one process coding as one of ``throughput.py``'s workers does.

The bench's corpus (the VOA stories repeated, see ``throughput.make_corpus``), its first ``--docs`` documents
(default 150: a worker's half of the bench's 300), coded in chunks of 4 documents after ``Coder.warm()`` and
``gc.freeze()``, as ``detente.coding.parallel`` does in a forked worker. Every figure is CPU time of this process
(``time.process_time``), which the other jobs on a shared machine sway much less than wall time; compare two
commits by running this for each, one after the other.

    python bench/stages.py [--docs 150] [--corpus PATH] [--model NAME] [--chunk 4]

Stages: the prefilter (splitting into sentences, then the trigger and actor tests), the spaCy components one by
one (each one's own time: a component's stream also pulls the documents through the ones before it, which is
subtracted), the tokenizer of the selected sentences, and coding (reading events from each parse, resolving
actors, dates and places). Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from throughput import DEFAULT_CORPUS, make_corpus

CHUNK = 4  # documents per chunk, as detente.coding.parallel.code_in_processes sends them to a worker


class _Timed:
    """A pipeline component's stand-in that adds the CPU time of each document pulled through it to ``spent``."""

    def __init__(self, name: str, component: Any, spent: defaultdict[str, float]) -> None:
        self.name, self.component, self.spent = name, component, spent

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.component, attr)

    def __call__(self, doc: Any) -> Any:
        return self.component(doc)

    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        stream = self.component.pipe(docs, **kwargs) if hasattr(self.component, "pipe") else map(self.component, docs)
        while True:
            t = time.process_time()
            try:
                doc = next(stream)
            except StopIteration:
                return
            finally:
                self.spent[self.name] += time.process_time() - t
            yield doc


def _timed_call(func: Callable[..., Any], name: str, spent: defaultdict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any) -> Any:
        t = time.process_time()
        try:
            return func(*args)
        finally:
            spent[name] += time.process_time() - t

    return timed


def measure(corpus: Path, n_docs: int, model: str | None = None, chunk: int = CHUNK) -> dict[str, Any]:
    t = time.process_time()
    import detente
    import detente.coding.selection as selection

    pipe = detente.load(model=model, processes=1)
    coder = pipe.coder
    coder.warm()
    gc.freeze()  # as before the fork: the loaded tables are never walked by the collector
    load = time.process_time() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        make_corpus(corpus, n_docs, path)
        docs = list(detente.read(path, max_bytes=50_000_000))[:n_docs]

    # CPU seconds by stage; a component's figure includes the ones before it (and the prefilter), subtracted below
    spent: defaultdict[str, float] = defaultdict(float)
    nlp = coder.nlp
    names = list(nlp.pipe_names)
    # spaCy has no public way to wrap a component in place; ``_components`` is the list ``nlp.pipe`` reads
    nlp._components[:] = [(n, _Timed(n, c, spent) if n in names else c) for n, c in nlp._components]
    nlp.tokenizer = _timed_call(nlp.tokenizer, "tokenizer", spent)
    selection.split_sentences = _timed_call(selection.split_sentences, "split", spent)
    for prefilter in (coder.selector.prefilter, coder.selector.editorial_prefilter):
        prefilter.is_actor = _timed_call(prefilter.is_actor, "actor test", spent)
    # timed here rather than read from ``coder.timings``, so that older commits (wall-clock timings) compare
    coder._start = _timed_call(coder._start, "prefilter", spent)  # type: ignore[method-assign]
    coder._code_sentence = _timed_call(coder._code_sentence, "coding", spent)  # type: ignore[method-assign]

    t = time.process_time()
    mentions = 0
    for i in range(0, len(docs), chunk):
        mentions += sum(len(records) for _doc, records in coder.code_documents_serial(docs[i:i + chunk]))
    total = time.process_time() - t
    stages: dict[str, float] = {
        "prefilter": spent["prefilter"],
        "  split into sentences": spent["split"],
        "  actor test": spent["actor test"],
        "tokenizer (selected sentences)": spent["tokenizer"],
    }
    before = spent["tokenizer"] + spent["prefilter"]
    for name in names:
        stages[f"spaCy {name}"] = spent[name] - before
        before = spent[name]
    stages["coding (events, actors, dates, places)"] = spent["coding"]
    stages["other"] = total - before - spent["coding"]
    return {"docs": len(docs), "sentences": coder.stats["sentences"], "parsed": coder.stats["parsed"],
            "mentions": mentions, "load_s": round(load, 3), "total_s": round(total, 3),
            "stages_s": {k.strip(): round(v, 3) for k, v in stages.items()}, "display": stages}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--model", default=None)
    ap.add_argument("--chunk", type=int, default=CHUNK, help="documents per chunk (a worker's parse stream)")
    args = ap.parse_args()
    result = measure(args.corpus, args.docs, args.model, args.chunk)
    display = result.pop("display")
    print(f"{result['docs']} documents, {result['sentences']} sentences, {result['parsed']} parsed, "
          f"{result['mentions']} mentions; CPU seconds, one process")
    for stage, seconds in display.items():
        print(f"  {stage:<40} {seconds:7.3f}")
    print(f"  {'total coding':<40} {result['total_s']:7.3f}   (load and warm-up: {result['load_s']:.3f})")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
