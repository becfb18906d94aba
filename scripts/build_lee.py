"""Build the sixth and seventh draws of the labelled news, from outside the bundled corpus (``gold/lee*/``).

Every story of ``../shared/corpora/voa_stories.jsonl`` had been drawn and labelled by session 9, and the later
draws had been scored often, so a fresh check set needed news the rules were never written from. The Lee
corpus is 300 short news items of the Australian Broadcasting Corporation's news service (about December 2001
to January 2002: the Afghanistan war, the Middle East, the Indian-Pakistani crisis, Australian politics and
bushfires), collected by Lee, Pincombe and Welsh (2005) for a study of document similarity and distributed in
gensim's test data (``gensim/test/test_data/lee_background.cor``, one story a line, no titles or dates).

* ``--stories COR``: writes ``gold/lee/stories.jsonl``, one JSONL document a story (``id`` ``lee-NNN`` by line
  number, ``outlet`` "ABC News (Australia)", no publication date: the corpus has none). Get COR at development time with
  ``pip download gensim --no-deps`` and ``unzip`` of that one file; nothing reads gensim at run time.
* ``--order``: the stories in the draw's seeded order (the same two strata as every VOA draw, stories naming
  China or the US and the rest, shuffled with ``random.Random(DRAW6_SAMPLE_SEED)``, taken alternately).
* default: ``gold/lee/news.jsonl``, every sentence of each labelled story as ``split_sentences`` splits it (all
  ``check``, ``"draw": 6``) with the events of the annotators' ``gold/lee/labels_*.txt`` (the format of
  ``gold/labels.txt``, docs/labelling.md). The labelled stories must be a prefix of the order.

Score it with ``detente evaluate gold/lee/news.jsonl --documents gold/lee/stories.jsonl`` (its column is
``check d6``).

``--draw 7`` with any of the above builds the seventh draw instead (``gold/lee7/``): the 50 other stories of
the Lee corpus (``gensim/test/test_data/lee.cor``, latin-1: it has a pound sign; none shared with the sixth
draw), ids ``lee7-NN`` by line, the same strata shuffled with ``DRAW7_SAMPLE_SEED``, and every row ``tune``
with ``"draw": 7``: sentences of that newsroom to write rules from (docs/labelling.md, "The seventh draw").
Its column is ``tune d7``.

``--draw 8`` builds the eighth draw (``gold/lee8/``, session 14): half of the sixth draw's stories, drawn with
``READ_HALF_SEED``, moved to ``tune`` so that news of another newsroom can be read in quantity; the other half
stays the never-read check set ``check d6``. Stories that share a sentence (the corpus repeats a few) go to the
same half, so reading one half never shows a sentence of the other (docs/labelling.md, "The eighth draw").
"""


from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
LEE = ROOT / "gold" / "lee"
STORIES = LEE / "stories.jsonl"
OUT = LEE / "news.jsonl"
OUTLET = "ABC News (Australia)"
DRAW = 6
DRAW6_SAMPLE_SEED = 1666
DRAW7_SAMPLE_SEED = 1777
READ_HALF_SEED = 1888
SHARED_SENTENCE_CHARS = 40


class Draw(NamedTuple):
    """What differs between the two draws of the Lee corpus: where they live, their ids, seed and split (a
    NamedTuple, not a dataclass: the tests load this script without putting it in ``sys.modules``)."""

    number: int
    folder: Path
    prefix: str
    width: int
    seed: int
    split: str

    @property
    def stories(self) -> Path:
        return self.folder / "stories.jsonl"

    @property
    def news(self) -> Path:
        return self.folder / "news.jsonl"


DRAWS = {
    6: Draw(DRAW, LEE, "lee", 3, DRAW6_SAMPLE_SEED, "check"),
    7: Draw(7, ROOT / "gold" / "lee7", "lee7", 2, DRAW7_SAMPLE_SEED, "tune"),
    8: Draw(8, ROOT / "gold" / "lee8", "lee", 3, READ_HALF_SEED, "tune"),
}


def load_script(name: str) -> ModuleType:
    """``scripts/NAME.py`` as a module: scripts are files, not a package."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_corpus(corpus: Path) -> list[str]:
    """The corpus's non-blank lines. ``lee_background.cor`` is UTF-8 but ``lee.cor`` is latin-1 (a pound sign
    as byte A3), so UTF-8 is tried first and latin-1, which decodes any byte, is the fallback."""
    raw = corpus.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return [line.strip() for line in text.splitlines() if line.strip()]


def story_records(corpus: Path, draw: int = DRAW) -> list[dict]:
    """The draw's documents, one a non-blank line of the corpus, numbered by line."""
    spec = DRAWS[draw]
    return [{"id": f"{spec.prefix}-{number:0{spec.width}d}", "outlet": OUTLET, "text": text}
            for number, text in enumerate(read_corpus(corpus), 1)]


def write_stories(corpus: Path, draw: int = DRAW) -> int:
    """One JSONL document a line of the corpus; returns how many."""
    spec = DRAWS[draw]
    records = story_records(corpus, draw)
    spec.folder.mkdir(parents=True, exist_ok=True)
    with spec.stories.open("w", encoding="utf-8") as f:
        for doc in records:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return len(records)


def order(draw: int = DRAW) -> list[list[dict]]:
    """Every story as skeleton rows, in the draw's seeded order."""
    spec = DRAWS[draw]
    sampler = load_script("sample_documents")
    from detente.nlp import split_sentences

    stories = sampler._read([str(spec.stories)])
    return [[{"doc": str(doc.source_id), "published": None, "outlet": OUTLET, "sentence_index": s.index,
              "text": s.text, "split": spec.split, "draw": spec.number} for s in split_sentences(doc.text)]
            for doc in sampler.stratified(stories, spec.seed)]


def order_listing(draw: int = DRAW) -> str:
    """What ``--order`` prints: position, story, sentence count and the story's first words."""
    return "".join(f"{i:3d} {rows[0]['doc']} {len(rows):3d} sentences  {rows[0]['text'][:70]}\n"
                   for i, rows in enumerate(order(draw), 1))


def labels(draw: int = DRAW) -> dict[str, dict[int, list[dict]]]:
    """The annotators' files together; a story labelled in two files is an error. The eighth draw's labels are
    the sixth's (its stories were labelled as the sixth draw)."""
    folder = DRAWS[DRAW if draw == 8 else draw].folder
    return load_script("build_gold").merge_labels(sorted(folder.glob("labels_*.txt")))


def story_groups(stories: list[list[dict]]) -> list[list[str]]:
    """The stories as groups that share no sentence with another group (the corpus repeats a few stories,
    whole or in part), each group in the order's order."""
    parent = {rows[0]["doc"]: rows[0]["doc"] for rows in stories}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            doc = parent[doc]
        return doc

    first_with: dict[str, str] = {}
    for rows in stories:
        for r in rows:
            if len(r["text"]) >= SHARED_SENTENCE_CHARS:
                other = first_with.setdefault(r["text"], r["doc"])
                parent[root(r["doc"])] = root(other)
    groups: dict[str, list[str]] = {}
    for rows in stories:
        groups.setdefault(root(rows[0]["doc"]), []).append(rows[0]["doc"])
    return list(groups.values())


def read_half() -> set[str]:
    """The sixth draw's stories moved to the eighth draw: whole groups of :func:`story_groups`, shuffled with
    ``READ_HALF_SEED``, taken until they hold half the stories."""
    import random

    groups = story_groups(order(DRAW))
    random.Random(READ_HALF_SEED).shuffle(groups)
    half = sum(len(group) for group in groups) // 2
    chosen: set[str] = set()
    for group in groups:
        if len(chosen) >= half:
            break
        chosen.update(group)
    return chosen


def news_rows(draw: int = DRAW) -> list[dict]:
    """The rows of ``news.jsonl``: the labelled stories of the draw's order, built from the labels; for the
    sixth draw those not in the read half, for the eighth those in it, as ``tune`` rows of draw 8."""
    if draw not in (DRAW, 8):
        labelled = labels(draw)
        return build(skeleton(set(labelled), draw), labelled)
    labelled = labels(DRAW)
    rows = build(skeleton(set(labelled)), labelled)
    read = read_half()
    if draw == DRAW:
        return [r for r in rows if r["doc"] not in read]
    return [{**r, "split": DRAWS[8].split, "draw": 8} for r in rows if r["doc"] in read]


def write_read_stories() -> int:
    """The eighth draw's stories, copied from the sixth's file, in the corpus's order."""
    read = read_half()
    lines = [line for line in DRAWS[DRAW].stories.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["id"] in read]
    DRAWS[8].folder.mkdir(parents=True, exist_ok=True)
    DRAWS[8].stories.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def skeleton(labelled: set[str], draw: int = DRAW) -> list[dict]:
    """The rows of the labelled stories, which must be the first stories of the order."""
    stories = order(draw)
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


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _draw(argv: list[str]) -> int:
    """``--draw N`` picks the draw (default the sixth)."""
    if "--draw" not in argv:
        return DRAW
    number = int(argv[argv.index("--draw") + 1])
    if number not in DRAWS:
        raise SystemExit(f"no draw {number} here: {sorted(DRAWS)}")
    return number


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    draw = _draw(argv)
    spec = DRAWS[draw]
    if draw == 8:
        print(f"{write_read_stories()} stories -> {spec.stories}")
    elif "--stories" in argv:
        print(f"{write_stories(Path(argv[argv.index('--stories') + 1]), draw)} stories -> {spec.stories}")
        return
    if "--order" in argv:
        print(order_listing(draw), end="")
        return
    news = news_rows(draw)
    write_jsonl(spec.news, news)
    print(f"{len(news)} sentences, {sum(len(r['events']) for r in news)} events -> {spec.news}")


if __name__ == "__main__":
    main(sys.argv)
