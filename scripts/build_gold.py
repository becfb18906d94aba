"""Build ``gold/news.jsonl`` from the sentence skeleton and the hand labels in ``gold/labels.txt``.

The labels file is the one the annotator edits (format in docs/labelling.md): a ``@ DOC`` line opens each
document, then ``INDEX: -`` (no event) or ``INDEX: EVENT ; EVENT ...``, where an index may be a range
``3-7``. Every sentence of the skeleton must be covered exactly once. An event is written
``TYPE[.mode] a|n|p|h SRC,SRC>TGT,TGT [d=DATE] [p=PLACE@CTY] [bg]``:

* modality letters: a asserted, n negated, p planned, h hypothetical;
* ``d=YYYY-MM-DD`` day precision, ``d=YYYY-MM`` month (date = first of the month), ``d=YYYY`` year (date =
  1 January); no ``d=`` means date null, precision ``unresolved``;
* ``p=Place@CTY`` (quote the whole token when the place has spaces: ``"p=New York@USA"``); ``p=@CTY`` gives
  a country with no place name;
* ``bg`` marks a backgrounded or embedded event (``core: false``).

The skeleton itself is rebuilt with ``--skeleton`` (needs ``../shared/corpora/voa_stories.jsonl``): the first
draw exactly as ``scripts/sample_documents.py`` makes it, then the second draw (``second_draw``): the VOA
stories not in the first draw, in the same two strata, shuffled with ``random.Random(DRAW2_SAMPLE_SEED)`` and
drawn alternately (``pair`` first), each story whole, until the draw holds at least ``DRAW2_MIN_SENTENCES``
sentences; then split by story with ``random.Random(DRAW2_SPLIT_SEED)`` the same way as the first draw, so that
about a third of the new sentences are ``check``; then the third draw (``third_draw``), a fresh check set: the
VOA stories in neither earlier draw, strata shuffled with ``random.Random(DRAW3_SAMPLE_SEED)`` and taken
alternately (``pair`` first), of which the first ``DRAW3_STORIES`` (those labelled, whole and in that order) are
kept, all ``check`` and marked ``"draw": 3``; then the fourth draw (``fourth_draw``), more tuning data: the VOA
stories in no earlier draw, strata shuffled with ``random.Random(DRAW4_SAMPLE_SEED)`` and taken alternately, of
which the first ``DRAW4_STORIES`` are kept, all ``tune`` and marked ``"draw": 4``; then the fifth draw
(``fifth_draw``), a check set again: every VOA story in no earlier draw, in the order of ``DRAW5_SAMPLE_SEED``,
kept when labelled (the labelled stories must be a prefix of that order: tests/test_gold_news.py checks it), all
``check`` and marked ``"draw": 5``. The old rows stay byte-identical and first (the first two draws with no
``draw`` field).

Labels are read from ``gold/labels.txt`` and every ``gold/labels_*.txt`` beside it (one annotator per file, so
two can label one draw at once); a document labelled in two files is an error.

Usage: ``python scripts/build_gold.py [--skeleton] [--counts] [--order5]`` (``--counts`` prints the tables for
docs/labelling.md; ``--order5`` lists the fifth draw's stories in their seeded order, with sentence counts).
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SKELETON = ROOT / "gold" / "skeleton.jsonl"
LABELS = ROOT / "gold" / "labels.txt"
OUT = ROOT / "gold" / "news.jsonl"

# the second draw (docs/labelling.md, "The second draw"): issue 12, draw 2
DRAW2_SAMPLE_SEED = 122
DRAW2_SPLIT_SEED = 1222
DRAW2_MIN_SENTENCES = 400
# the third draw (docs/labelling.md, "The third draw"): a fresh check set, all ``check``; the stories labelled are
# the first DRAW3_STORIES of the seeded order (whole stories, labelled in that order: an unbiased prefix)
DRAW3_SAMPLE_SEED = 1333
DRAW3_STORIES = 24
# the fourth draw (docs/labelling.md, "The fourth draw"): more tuning data, all ``tune``; the stories labelled are
# the first DRAW4_STORIES of its own seeded order over the stories in no earlier draw (whole, in that order)
DRAW4_SAMPLE_SEED = 1444
DRAW4_STORIES = 15
# the fifth draw (docs/labelling.md, "The fifth draw"): a check set again, all ``check``, over every story left
DRAW5_SAMPLE_SEED = 1555

TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT"
).split()
MODALITY = {"a": "asserted", "n": "negated", "p": "planned", "h": "hypothetical"}
_CODE = re.compile(r"^([A-Z]{3})$")


def _codes(side: str, where: str) -> list[str]:
    codes = [c for c in side.split(",") if c]
    for c in codes:
        if not _CODE.match(c):
            raise SystemExit(f"{where}: bad country code {c!r}")
    return codes


def parse_event(text: str, where: str) -> dict:
    tokens = shlex.split(text)
    if len(tokens) < 3:
        raise SystemExit(f"{where}: too few fields in {text!r}")
    kind, letter, sides, *rest = tokens
    etype, _, mode = kind.partition(".")
    if etype not in TYPES:
        raise SystemExit(f"{where}: unknown type {etype!r}")
    if letter not in MODALITY or ">" not in sides:
        raise SystemExit(f"{where}: bad modality or sides in {text!r}")
    src, tgt = sides.split(">", 1)
    event = {
        "type": etype,
        "mode": mode or None,
        "modality": MODALITY[letter],
        "source": _codes(src, where),
        "target": _codes(tgt, where),
        "date": None,
        "date_precision": "unresolved",
        "place": None,
        "place_country": None,
        "core": True,
    }
    for tok in rest:
        if tok == "bg":
            event["core"] = False
        elif tok.startswith("d="):
            value = tok[2:]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                event["date"], event["date_precision"] = value, "day"
            elif re.fullmatch(r"\d{4}-\d{2}", value):
                event["date"], event["date_precision"] = value + "-01", "month"
            elif re.fullmatch(r"\d{4}", value):
                event["date"], event["date_precision"] = value + "-01-01", "year"
            else:
                raise SystemExit(f"{where}: bad date {value!r}")
        elif tok.startswith("p="):
            place, _, country = tok[2:].rpartition("@")
            event["place"] = place or None
            event["place_country"] = _codes(country, where)[0] if country else None
        else:
            raise SystemExit(f"{where}: unknown field {tok!r}")
    return event


def parse_labels(path: Path) -> dict[str, dict[int, list[dict]]]:
    labels: dict[str, dict[int, list[dict]]] = {}
    doc = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        if line.startswith("@"):
            doc = line[1:].strip()
            if doc in labels:
                raise SystemExit(f"{where}: document {doc} twice")
            labels[doc] = {}
            continue
        if doc is None:
            raise SystemExit(f"{where}: label before any @ DOC line")
        head, sep, body = line.partition(":")
        if not sep:
            raise SystemExit(f"{where}: no ':' in {line!r}")
        first, _, last = head.strip().partition("-")
        indexes = range(int(first), int(last or first) + 1)
        body = body.strip()
        if body == "-":
            events: list[dict] = []
        elif len(indexes) > 1:
            raise SystemExit(f"{where}: a range must be '-'")
        else:
            events = [parse_event(part.strip(), where) for part in body.split(" ; ")]
        for i in indexes:
            if i in labels[doc]:
                raise SystemExit(f"{where}: {doc} sentence {i} labelled twice")
            labels[doc][i] = events
    return labels


def label_files() -> list[Path]:
    """``gold/labels.txt`` first, then each annotator's ``gold/labels_*.txt``."""
    return [LABELS, *sorted(LABELS.parent.glob("labels_*.txt"))]


def all_labels() -> dict[str, dict[int, list[dict]]]:
    return merge_labels(label_files())


def merge_labels(paths: list[Path]) -> dict[str, dict[int, list[dict]]]:
    """Several annotators' files as one; a document labelled in two files is an error."""
    labels: dict[str, dict[int, list[dict]]] = {}
    for path in paths:
        part = parse_labels(path)
        twice = sorted(set(part) & set(labels))
        if twice:
            raise SystemExit(f"{path.name}: documents labelled in another file too: {twice}")
        labels |= part
    return labels


def build() -> list[dict]:
    labels = all_labels()
    rows = [json.loads(line) for line in SKELETON.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(dict.fromkeys(r["doc"] for r in rows))
    missing = [d for d in docs if d not in labels]
    if missing:
        raise SystemExit(f"documents not labelled: {missing}")
    extra = [d for d in labels if d not in docs]
    if extra:
        raise SystemExit(f"labels for documents not in the skeleton: {extra}")
    out = []
    for r in rows:
        doc_labels = labels[r["doc"]]
        if r["sentence_index"] not in doc_labels:
            raise SystemExit(f"{r['doc']} sentence {r['sentence_index']} not labelled")
        out.append({**r, "events": doc_labels[r["sentence_index"]]})
    for d in docs:
        n = sum(r["doc"] == d for r in rows)
        beyond = [i for i in labels[d] if i >= n]
        if beyond:
            raise SystemExit(f"{d}: labels for sentences beyond the last ({n - 1}): {beyond}")
    return out


def counts(rows: list[dict]) -> str:
    lines = ["| split | documents | sentences | with ≥1 event | events | core events |", "|---|---|---|---|---|---|"]
    for split in ("tune", "check", "all"):
        rs = [r for r in rows if split == "all" or r["split"] == split]
        evs = [e for r in rs for e in r["events"]]
        lines.append(
            f"| {split} | {len({r['doc'] for r in rs})} | {len(rs)} | {sum(bool(r['events']) for r in rs)} "
            f"| {len(evs)} | {sum(e['core'] for e in evs)} |"
        )
    by = {s: Counter(e["type"] for r in rows if s == "all" or r["split"] == s for e in r["events"]) for s in
          ("tune", "check", "all")}
    lines += ["", "| type | tune | check | all |", "|---|---|---|---|"]
    for t in TYPES:
        lines.append(f"| {t} | {by['tune'][t]} | {by['check'][t]} | {by['all'][t]} |")
    mods = {s: Counter(e["modality"] for r in rows if s == "all" or r["split"] == s for e in r["events"]) for s in
            ("tune", "check", "all")}
    lines += ["", "| modality | tune | check | all |", "|---|---|---|---|"]
    for m in MODALITY.values():
        lines.append(f"| {m} | {mods['tune'][m]} | {mods['check'][m]} | {mods['all'][m]} |")
    lines += ["", "| document | published | outlet | split | sentences | with ≥1 event | events |",
              "|---|---|---|---|---|---|---|"]
    for d in dict.fromkeys(r["doc"] for r in rows):
        rs = [r for r in rows if r["doc"] == d]
        lines.append(
            f"| {d} | {rs[0]['published']} | {rs[0]['outlet']} | {rs[0]['split']} | {len(rs)} "
            f"| {sum(bool(r['events']) for r in rs)} | {sum(len(r['events']) for r in rs)} |"
        )
    return "\n".join(lines)


def _sampler() -> ModuleType:
    """scripts/sample_documents.py, which made the first draw and holds the reading and splitting helpers."""
    spec = importlib.util.spec_from_file_location("sample_documents", ROOT / "scripts" / "sample_documents.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def second_draw(first: list[dict], sampler: ModuleType) -> list[dict]:
    """Skeleton rows of the second draw: VOA stories not in ``first``, by the first draw's stratified procedure."""
    taken = {r["doc"] for r in first}
    voa = [d for d in sampler._read([str(sampler.VOA)]) if str(d.source_id) not in taken]
    order = sampler.stratified(voa, DRAW2_SAMPLE_SEED)
    drawn: list[list[dict]] = []
    total = 0
    while total < DRAW2_MIN_SENTENCES:
        doc = next(order, None)
        if doc is None:
            raise SystemExit("corpus exhausted")
        drawn.append(sampler._rows(doc, str(doc.source_id), sampler.VOA_OUTLET))
        total += len(drawn[-1])
    check = sampler.split_check([len(rows) for rows in drawn], DRAW2_SPLIT_SEED, sampler.CHECK_TARGET,
                                sampler.CHECK_MAX)
    return [r | {"split": "check" if i in check else "tune"} for i, rows in enumerate(drawn) for r in rows]


def third_draw_order(taken: set[str], sampler: ModuleType) -> list[list[dict]]:
    """Every VOA story not in ``taken``, as skeleton rows, in the third draw's seeded order: the two strata
    shuffled with ``DRAW3_SAMPLE_SEED`` and taken alternately, ``pair`` first, as the earlier draws do."""
    voa = [d for d in sampler._read([str(sampler.VOA)]) if str(d.source_id) not in taken]
    return [sampler._rows(doc, str(doc.source_id), sampler.VOA_OUTLET)
            for doc in sampler.stratified(voa, DRAW3_SAMPLE_SEED)]


def third_draw(earlier: list[dict], sampler: ModuleType) -> list[dict]:
    """Skeleton rows of the third draw: the first ``DRAW3_STORIES`` stories of its seeded order, all ``check``,
    each marked ``"draw": 3`` so the fresh check set is scored on its own (``check d3``)."""
    order = third_draw_order({r["doc"] for r in earlier}, sampler)
    if len(order) < DRAW3_STORIES:
        raise SystemExit("corpus exhausted")
    return [r | {"split": "check", "draw": 3} for rows in order[:DRAW3_STORIES] for r in rows]


def fourth_draw_order(taken: set[str], sampler: ModuleType) -> list[list[dict]]:
    """Every VOA story not in ``taken``, as skeleton rows, in the fourth draw's seeded order (``DRAW4_SAMPLE_SEED``,
    the same stratified alternation as the earlier draws)."""
    voa = [d for d in sampler._read([str(sampler.VOA)]) if str(d.source_id) not in taken]
    return [sampler._rows(doc, str(doc.source_id), sampler.VOA_OUTLET)
            for doc in sampler.stratified(voa, DRAW4_SAMPLE_SEED)]


def fourth_draw(earlier: list[dict], sampler: ModuleType) -> list[dict]:
    """Skeleton rows of the fourth draw: the first ``DRAW4_STORIES`` stories of its seeded order, all ``tune``,
    each marked ``"draw": 4`` (scored on their own as ``tune d4``); the rest stay unread for later check draws."""
    order = fourth_draw_order({r["doc"] for r in earlier}, sampler)
    if len(order) < DRAW4_STORIES:
        raise SystemExit("corpus exhausted")
    return [r | {"split": "tune", "draw": 4} for rows in order[:DRAW4_STORIES] for r in rows]


def fifth_draw_order(taken: set[str], sampler: ModuleType) -> list[list[dict]]:
    """Every VOA story not in ``taken``, as skeleton rows, in the fifth draw's seeded order (``DRAW5_SAMPLE_SEED``,
    the same stratified alternation as the earlier draws)."""
    voa = [d for d in sampler._read([str(sampler.VOA)]) if str(d.source_id) not in taken]
    return [sampler._rows(doc, str(doc.source_id), sampler.VOA_OUTLET)
            for doc in sampler.stratified(voa, DRAW5_SAMPLE_SEED)]


def fifth_draw(earlier: list[dict], sampler: ModuleType, labelled: set[str]) -> list[dict]:
    """Skeleton rows of the fifth draw: the stories of its seeded order that are labelled, all ``check``, each
    marked ``"draw": 5``. Two annotators label it at once (alternate stories), so the labelled stories are a
    prefix of the order only when both are done; the test of the built set checks that they are."""
    order = fifth_draw_order({r["doc"] for r in earlier}, sampler)
    return [r | {"split": "check", "draw": 5} for rows in order if rows[0]["doc"] in labelled for r in rows]


def fourth_draws(sampler: ModuleType) -> list[dict]:
    """The skeleton up to the fourth draw: the first draw, unchanged, then the second, the third and the fourth."""
    first = sampler.sample()
    both = first + second_draw(first, sampler)
    three = both + third_draw(both, sampler)
    return three + fourth_draw(three, sampler)


def skeleton() -> list[dict]:
    """The whole skeleton: the first four draws, then the labelled stories of the fifth."""
    sampler = _sampler()
    four = fourth_draws(sampler)
    return four + fifth_draw(four, sampler, set(all_labels()))


def order5() -> str:
    """The fifth draw's stories in their seeded order: position, story id, sentences, title."""
    sampler = _sampler()
    order = fifth_draw_order({r["doc"] for r in fourth_draws(sampler)}, sampler)
    return "\n".join(f"{i:2d} {rows[0]['doc']} {len(rows):3d} sentences" for i, rows in enumerate(order, 1))


def main(argv: list[str]) -> None:
    if "--order5" in argv:
        print(order5())
        return
    if "--skeleton" in argv:
        skel = skeleton()
        with SKELETON.open("w", encoding="utf-8") as f:
            for r in skel:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(skel)} sentences -> {SKELETON}")
    rows = build()
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if "--counts" in argv:
        print(counts(rows))
    else:
        n_events = sum(len(r["events"]) for r in rows)
        print(f"{len(rows)} sentences, {n_events} events -> {OUT}")


if __name__ == "__main__":
    main(sys.argv)
