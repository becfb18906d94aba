"""The read draws a training or measuring script may learn from, and how their documents are read.

One list for every script (``train_classifier``, ``train_verifier``, ``unparsed_events``), so that a new read draw
is added once and no script can drift to a check row or to a fresh check set (``gold/lee/``, ``gold/outlets/check/``;
docs/labelling.md):
only ``tune`` rows are ever returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.evaluation.news import GoldSentence
    from detente.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "gold"
VOA = SHARED / "corpora" / "voa_stories.jsonl"
# every read draw: (name, gold file, the documents its sentences come from); gold/lee/ (the fresh check) never
TUNE_SETS: tuple[tuple[str, Path, tuple[Path, ...]], ...] = (
    ("news", GOLD / "news.jsonl", (VOA, ROOT / "examples")),  # draws 1, 2 and 4
    ("d7", GOLD / "lee7" / "news.jsonl", (GOLD / "lee7" / "stories.jsonl",)),
    ("d8", GOLD / "lee8" / "news.jsonl", (GOLD / "lee8" / "stories.jsonl",)),
    # draw 9's read half (nine outlets); gold/outlets/check/, labels_*.txt and the draw's own stories.jsonl never
    ("d9", GOLD / "outlets" / "tune" / "news.jsonl", (GOLD / "outlets" / "tune" / "stories.jsonl",)),
)


def tune_gold(gold_path: Path) -> dict[tuple[str, int], GoldSentence]:
    """A gold file's ``tune`` sentences by (document, sentence index); its check rows are never kept."""
    from detente.evaluation.news import read_news_gold

    return {g.key: g for g in read_news_gold(gold_path) if g.split == "tune"}


def documents_named(wanted: Iterable[str], documents: Iterable[Path]) -> dict[str, Document]:
    """The documents of ``wanted`` ids among the files ``documents`` (those that exist), the first of each id
    read: a corpus may hold a story twice."""
    from detente.readers import iter_documents
    from detente.records import Document

    ids = set(wanted)
    found: dict[str, Document] = {}
    for item in iter_documents([str(p) for p in documents if p.exists()]):
        if isinstance(item, Document) and item.source_id in ids and item.source_id not in found:
            found[item.source_id] = item
    return found
