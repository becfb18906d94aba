"""Write ``detente/coding/data/noun_classes.txt``: English nouns that name no thing, place or people — words, ideas,
acts, states, amounts — with the WordNet lexicographer class of their commonest sense ("policy" cognition,
"statement" communication, "role" act, "billion" quantity), from WordNet 3.0 as Debian's ``wordnet-base``
installs it.

Many trigger verbs have a material sense and another one that their argument decides: "attacked the village" is
an assault, "attacked the policy" criticism; "troops withdrew from the border" is a retreat, "withdrew from the
race" none; "trade hit $1 billion" no attack. A hand list of such objects would fit the sentences it was written
from; WordNet's classes group every noun once, so the classes are derived here, once at development time, and
shipped: nothing reads WordNet at run time (``detente.coding.nounclass``).

A noun is listed, with the class of the first (most frequent) sense WordNet's index gives for it, when that sense
is in one of ``CLASSES`` and no sense of it names a thing, a place, a group, a person or matter (``CONCRETE``): so
"convoy", "base" and "village" keep the material senses, and so do "target" (a location too), "compound" (an
enclosure) and "pipeline", whose commonest senses are abstract. Single words, lowercase letters and hyphens; and
two-word nouns whose commonest sense is a state, written with a space ("heart attack", "asthma attack"): a
compound that names a condition makes its head noun no act (``nounclass.compound_class``).

Usage: ``apt-get install wordnet-base; python scripts/build_noun_classes.py [WORDNET_DIR] [OUT.txt]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from wordnet_files import derived_header, read_index

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "detente" / "coding" / "data" / "noun_classes.txt"
WORDNET = Path("/usr/share/wordnet")
# WordNet's lexicographer files (lexnames) of the classes the coder's sense tests read
CLASSES = {4: "act", 7: "attribute", 9: "cognition", 10: "communication", 11: "event", 23: "quantity", 26: "state"}
# things, places, groups, people, bodies, matter: a noun with any sense among these may be attacked or left
CONCRETE = frozenset({5, 6, 8, 13, 14, 15, 17, 18, 20, 25, 27})
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
_TWO_WORDS = re.compile(r"[a-z]+_[a-z]+")


def synset_files(wordnet: Path) -> dict[str, int]:
    """Synset offset -> the number of its lexicographer file."""
    out: dict[str, int] = {}
    with open(wordnet / "data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue  # the licence header
            offset, lex_filenum = line.split(" ", 2)[:2]
            out[offset] = int(lex_filenum)
    return out


def noun_classes(wordnet: Path) -> list[tuple[str, str]]:
    files = synset_files(wordnet)
    index = read_index(wordnet, "noun")
    rows = [(lemma, CLASSES[files[offsets[0]]]) for lemma, offsets in index.items()
            if offsets and files[offsets[0]] in CLASSES and not any(files[o] in CONCRETE for o in offsets)]
    return sorted([(w, c) for w, c in rows if _WORD.fullmatch(w)] +
                  [(w.replace("_", " "), c) for w, c in rows if c == "state" and _TWO_WORDS.fullmatch(w)])


def main(argv: list[str]) -> int:
    wordnet = Path(argv[1]) if len(argv) > 1 else WORDNET
    out = Path(argv[2]) if len(argv) > 2 else OUT
    rows = noun_classes(wordnet)
    header = derived_header("Nouns for words, ideas, acts, states and amounts, with the class of their commonest"
                            " sense", "build_noun_classes.py", wordnet)
    out.write_text(header + "".join(f"{word}\t{cls}\n" for word, cls in rows), encoding="utf-8")
    print(f"{len(rows)} nouns -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
