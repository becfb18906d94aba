"""Entity labels for the names in a stretch of text, read off the knowledge base's own scan.

The rule-based entity pass (``detente.nlp.entities``) hands every capitalized stretch of a sentence here: the
scanner already knows "Chinese Foreign Ministry" as one body, "Secretary of State" as a title and "Wang Yi" as
a person, so its longest matches give better entity boundaries and types than a small statistical tagger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._text import fold

if TYPE_CHECKING:
    from .kb import ActorKB

# First kind present decides: a country beats a surname ("Jordan"), a body beats the place it is named after.
_LABEL_OF_KIND: tuple[tuple[str, str], ...] = (
    ("country", "GPE"), ("capital", "GPE"), ("city", "GPE"), ("place", "GPE"),
    ("demonym", "NORP"), ("people", "NORP"),
    ("body", "ORG"), ("local_body", "ORG"), ("seat", "ORG"),
    ("person", "PERSON"), ("surname", "PERSON"),
    ("not_actor", "LOC"),
)  # fmt: skip
# Known words that are not names but titles and agent words: they end a name ("Foreign Minister | Wang Yi").
_TITLE_KINDS = frozenset({"office", "agent", "marker"})

NameSpan = tuple[int, int, str]


def label_names(kb: ActorKB, text: str) -> list[NameSpan]:
    """``(start, end, label)`` character spans of ``text`` for every stretch the knowledge base knows. The label
    is an entity type, or "" for titles and agent words ("Secretary of State", "Foreign Minister"), so the
    caller can tell them from words nobody listed, which are left out."""
    span = kb._scanner.scan(text, None)
    back = None if len(span.folded) == len(text) else _original_offsets(text)
    out: list[NameSpan] = []
    for it in span.items:
        if it.sep or not it.lexes:
            continue
        kinds = {lx.kind for lx in it.lexes}
        label = next((lab for kind, lab in _LABEL_OF_KIND if kind in kinds), "")
        if label == "LOC" and not it.cap:
            label = ""  # "the region", "the world": common words, not names
        if not label and kinds.isdisjoint(_TITLE_KINDS):
            continue  # modifiers, fillers ("International", "the"): left to the caller like unknown words
        start, end = it.start, it.end
        if back is not None:
            start, end = back[start], back[end - 1] + 1
        out.append((start, end, label))
    return out


def _original_offsets(text: str) -> list[int]:
    """For each character of ``fold(text)``, the offset of the character of ``text`` it came from (folding
    drops accents and may expand "ß" or "æ", so offsets shift on non-ASCII text)."""
    back: list[int] = []
    for i, ch in enumerate(text):
        back.extend([i] * len(fold(ch)))
    return back
