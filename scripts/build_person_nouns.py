"""Write ``detente/coding/data/person_nouns.txt``: English nouns whose commonest sense names a person ("historian",
"blogger", "publisher", "activist"), from WordNet 3.0 as Debian's ``wordnet-base`` package installs it.

The coder keeps an argument the actor knowledge base does not know as an actor without a country when its head
names people ("historians criticized the Afghan government"), so the sentence's one country can still place it;
the knowledge base's agent words are a few hundred, WordNet's person nouns several thousand. The list is derived
here once, at development time, and shipped: nothing reads WordNet at run time.

A noun counts when the first (most frequent) sense WordNet's index lists for it is in the ``noun.person``
lexicographer file (number 18), so "head", "general" or "power", which name people only in a rarer sense, stay
out. Single words only, lowercase letters and hyphens.

Usage: ``apt-get install wordnet-base; python scripts/build_person_nouns.py [WORDNET_DIR] [OUT.txt]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from wordnet_files import derived_header, read_index

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "detente" / "coding" / "data" / "person_nouns.txt"
WORDNET = Path("/usr/share/wordnet")
NOUN_PERSON = 18
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")


def person_synsets(wordnet: Path) -> set[str]:
    """Offsets of the synsets in noun.person."""
    out: set[str] = set()
    with open(wordnet / "data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue  # the licence header
            offset, lex_filenum = line.split(" ", 2)[:2]
            if int(lex_filenum) == NOUN_PERSON:
                out.add(offset)
    return out


def person_nouns(wordnet: Path) -> list[str]:
    persons = person_synsets(wordnet)
    index = read_index(wordnet, "noun")
    return sorted(lemma for lemma, offsets in index.items()
                  if offsets and offsets[0] in persons and _WORD.fullmatch(lemma))


def main(argv: list[str]) -> int:
    wordnet = Path(argv[1]) if len(argv) > 1 else WORDNET
    out = Path(argv[2]) if len(argv) > 2 else OUT
    words = person_nouns(wordnet)
    header = derived_header("Nouns whose commonest sense names a person", "build_person_nouns.py", wordnet)
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
