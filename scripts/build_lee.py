"""Build the sixth draw of the labelled news: a check set from outside the bundled corpus (``gold/lee/``).

Every story of ``../shared/corpora/voa_stories.jsonl`` had been drawn and labelled by session 9, and the later
draws had been scored often, so a fresh check set needed news the rules were never written from. The Lee
corpus is 300 short news items of the Australian Broadcasting Corporation's news service (about December 2001
to January 2002: the Afghanistan war, the Middle East, the Indian-Pakistani crisis, Australian politics and
bushfires), collected by Lee, Pincombe and Welsh (2005) for a study of document similarity and distributed in
gensim's test data (``gensim/test/test_data/lee_background.cor``, one story a line, no titles or dates).

* ``--stories COR``: writes ``gold/lee/stories.jsonl``, one JSONL document a story (``id`` ``lee-NNN`` by line
  number, ``outlet`` ABC News, no publication date: the corpus has none). Get COR at development time with
  ``pip download gensim --no-deps`` and ``unzip`` of that one file; nothing reads gensim at run time.
* ``--order``: the stories in the draw's seeded order (the same two strata as every VOA draw, stories naming
  China or the US and the rest, shuffled with ``random.Random(DRAW6_SAMPLE_SEED)``, taken alternately).
* default: ``gold/lee/news.jsonl``, every sentence of each labelled story as ``split_sentences`` splits it (all
  ``check``, ``"draw": 6``) with the events of the annotators' ``gold/lee/labels_*.txt`` (the format of
  ``gold/labels.txt``, docs/labelling.md). The labelled stories must be a prefix of the order.

Score it with ``detente evaluate gold/lee/news.jsonl --documents gold/lee/stories.jsonl`` (its column is
``check d6``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
LEE = ROOT / "gold" / "lee"
STORIES = LEE / "stories.jsonl"
OUT = LEE / "news.jsonl"
OUTLET = "ABC News"
DRAW = 6
DRAW6_SAMPLE_SEED = 1666


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_stories(corpus: Path) -> int:
    """One JSONL document a line of the corpus; returns how many."""
    lines = [line.strip() for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    with STORIES.open("w", encoding="utf-8") as f:
        for number, text in enumerate(lines, 1):
            f.write(json.dumps({"id": f"lee-{number:03d}", "outlet": OUTLET, "text": text}, ensure_ascii=False) + "\n")
    return len(lines)


def order() -> list[list[dict]]:
    """Every story as skeleton rows, in the draw's seeded order."""
    sampler = _script("sample_documents")
    from detente.nlp import split_sentences

    stories = sampler._read([str(STORIES)])
    return [[{"doc": str(doc.source_id), "published": None, "outlet": OUTLET, "sentence_index": s.index,
              "text": s.text, "split": "check", "draw": DRAW} for s in split_sentences(doc.text)]
            for doc in sampler.stratified(stories, DRAW6_SAMPLE_SEED)]


def labels() -> dict[str, dict[int, list[dict]]]:
    """The annotators' files together; a story labelled in two files is an error."""
    return _script("build_gold").merge_labels(sorted(LEE.glob("labels_*.txt")))


def skeleton(labelled: set[str]) -> list[dict]:
    """The rows of the labelled stories, which must be the first stories of the order."""
    stories = order()
    done = [rows[0]["doc"] in labelled for rows in stories]
    if any(done[i + 1] and not done[i] for i in range(len(done) - 1)):
        raise SystemExit("the labelled stories are not a prefix of the seeded order (scripts/build_lee.py --order)")
    return [r for rows, d in zip(stories, done, strict=True) if d for r in rows]


def build(rows: list[dict], labelled: dict[str, dict[int, list[dict]]]) -> list[dict]:
    out = []
    for r in rows:
        events = labelled[r["doc"]].get(r["sentence_index"])
        if events is None:
            raise SystemExit(f"{r['doc']} sentence {r['sentence_index']} not labelled")
        out.append({**r, "events": events})
    for doc, by_index in labelled.items():
        n = sum(r["doc"] == doc for r in rows)
        beyond = [i for i in by_index if i >= n]
        if beyond:
            raise SystemExit(f"{doc}: labels for sentences beyond the last ({n - 1}): {beyond}")
    return out


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    if "--stories" in argv:
        print(f"{write_stories(Path(argv[argv.index('--stories') + 1]))} stories -> {STORIES}")
        return
    if "--order" in argv:
        for i, rows in enumerate(order(), 1):
            print(f"{i:3d} {rows[0]['doc']} {len(rows):3d} sentences  {rows[0]['text'][:70]}")
        return
    labelled = labels()
    news = build(skeleton(set(labelled)), labelled)
    _write(OUT, news)
    print(f"{len(news)} sentences, {sum(len(r['events']) for r in news)} events -> {OUT}")


if __name__ == "__main__":
    main(sys.argv)
