"""Write ``detente/coding/data/petrarch_verbs.tsv``: the verbs of PETRARCH2's CAMEO verb dictionary
(``CAMEO.2.0.txt``, Open Event Data Alliance, MIT licence) that the trigger lexicon lacks, each with the CAMEO
code of its synonym group and the PLOVER type and mode the lexicon gives that code.

PETRARCH2 groups about a thousand verbs under head verbs, each group with a default CAMEO code ("CONTEST" and
"DISAGREE" under VERBAL_CONFLICT, 110; "CELEBRATE" under ACCLAIM, 051). The lexicon
(``detente.coding.lexicon.load_lexicon``) gives each such verb one ``fallback`` sense: tried only for a verb the
lexicon does not know, and, as every default sense, only with a direct object, and kept by the coder only with
a recipient. A verb group with no default code ("[---]": its code depends on the object) is left out, and so are
the verbs of saying, light verbs and verbs of motion (not events themselves), multiword entries and codes the
lexicon never uses.

The type and mode of a code are the lexicon's own reading of it: the commonest (type, mode) among
``triggers.yaml``'s senses with that code, else the commonest type among those of its two-digit root, so the
fallback agrees with what the curated words code the same act as. The file is derived here once, at
development time, and shipped: nothing reads PETRARCH2's files at run time.

Usage: ``python scripts/build_petrarch_verbs.py [CAMEO.2.0.txt] [OUT.tsv]`` (default: the project's reference
copy in ``../shared/reference/petrarch2/``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
OUT = ROOT / "detente" / "coding" / "data" / "petrarch_verbs.tsv"
TRIGGERS = ROOT / "detente" / "coding" / "data" / "triggers.yaml"
_HEAD = re.compile(r"^---\s+\S+\s+\[(\d{2,4}|---)\]\s+---")
_MEMBER = re.compile(r"^([A-Z][A-Z]+)\b(?!_)")
WORDNET = Path("/usr/share/wordnet")
# a verb with more WordNet senses than this is too general to mean its group's act whatever its object
MAX_SENSES = int(__import__("os").environ.get("MAXS", "2"))
# public statements (01) are no events of the dyad's exchanges
_NO_EVENT_ROOTS = frozenset({"01"})


def read_groups(path: Path) -> dict[str, str]:
    """verb (lowercase) -> its group's default CAMEO code, for groups that have one; the first group wins."""
    out: dict[str, str] = {}
    code: str | None = None
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        line = raw.split("#", 1)[0].rstrip()
        head = _HEAD.match(line)
        if head:
            code = None if head.group(1) == "---" else head.group(1)
            continue
        if code is None or not line or line.startswith(("-", " ", "&", "+", "{")):
            continue
        word = line.split()[0]
        if _MEMBER.fullmatch(word):
            out.setdefault(word.lower(), code)
    return out


def lexicon_readings(triggers: dict[str, object]) -> tuple[set[str], dict[str, tuple[str, str]], dict[str, str]]:
    """(every verb the lexicon knows or reads as no event, code -> (type, mode), root -> type)."""
    known: set[str] = set()
    by_code: dict[str, Counter[tuple[str, str]]] = {}
    by_root: dict[str, Counter[str]] = {}
    for entry in triggers["senses"]:  # type: ignore[index]
        lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
        if entry.get("pos") == "verb":
            known.update(str(w) for w in lemmas)
        code = str(entry["cameo"])
        by_code.setdefault(code, Counter())[(str(entry["type"]), str(entry.get("mode") or ""))] += 1
        by_root.setdefault(code[:2], Counter())[str(entry["type"])] += 1
    for key in ("light_verbs", "speech_verbs", "motion_verbs"):
        known.update(str(w) for w in triggers.get(key, []))  # type: ignore[attr-defined]
    codes = {c: n.most_common(1)[0][0] for c, n in by_code.items()}
    roots = {r: n.most_common(1)[0][0] for r, n in by_root.items()}
    return known, codes, roots


def sense_counts(wordnet: Path) -> dict[str, int]:
    """verb -> how many verb senses WordNet gives it."""
    out: dict[str, int] = {}
    with open(wordnet / "index.verb", encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                fields = line.split()
                out[fields[0]] = int(fields[2])
    return out


def petrarch_verbs(source: Path, triggers: Path, wordnet: Path) -> list[tuple[str, str, str, str]]:
    """(verb, cameo, type, mode) rows for the verbs the lexicon lacks."""
    known, codes, roots = lexicon_readings(yaml.safe_load(triggers.read_text(encoding="utf-8")))
    senses = sense_counts(wordnet)
    out: list[tuple[str, str, str, str]] = []
    for verb, code in sorted(read_groups(source).items()):
        if verb in known or code[:2] in _NO_EVENT_ROOTS or not 0 < senses.get(verb, 0) <= MAX_SENSES:
            continue
        if code in codes:
            type_, mode = codes[code]
        elif code[:2] in roots:
            type_, mode = roots[code[:2]], ""
        else:
            continue
        out.append((verb, code, type_, mode))
    return out


HEADER = """\
# Verbs of PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt) the trigger lexicon lacks: verb, CAMEO code of its
# synonym group, and the PLOVER type and mode the lexicon gives that code. Derived by
# scripts/build_petrarch_verbs.py (do not edit by hand). PETRARCH2's licence follows.
#
"""


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    out = Path(argv[2]) if len(argv) > 2 else OUT
    rows = petrarch_verbs(source, TRIGGERS, WORDNET)
    licence = (source.parent / "LICENSE").read_text(encoding="utf-8").strip().splitlines()
    header = HEADER + "".join(f"# {line}\n".replace("# \n", "#\n") for line in licence) + "#\n"
    out.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} verbs -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
