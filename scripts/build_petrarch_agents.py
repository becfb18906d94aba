"""Write ``detente/resolve/actor_data/petrarch_agents.yaml``: agent words of PETRARCH2's CAMEO agents dictionary
(``Phoenix.agents.txt``, Open Event Data Alliance, MIT licence) that the curated ``agents.yaml`` lacks, each with
its sector, as *weak* agent words of the actor knowledge base.

The curated list has a few hundred agent words; PETRARCH2's has about 2,300 entries gathered from news and from
WordNet ("border patrol agent", "chief minister", "coup plotter", "historian"). Weak words only count when no
curated word of the phrase does, so the import widens coverage without changing a sector the curated list gives.
The file is derived here once, at development time, and shipped: nothing reads PETRARCH2's files at run time.

Kept: plain entries of letters, spaces, hyphens and apostrophes whose CAMEO agent code maps to one of the
knowledge base's sectors (the first three letters of a compound code decide: ``GOVMED`` is GOV; CAMEO's MED is
the media, JRN here, and its HLH health, MED here; the religions are REL). Left out: substitution templates,
entries with plural notes or digits, stems (a last word PETRARCH cut short: "minist"), codes with no sector here
(ENV, RAD, IMG ...), and anything ``agents.yaml`` or a country file already has.

Stems are told from words by WordNet's noun index, as Debian's ``wordnet-base`` installs it (at development
time only). Usage: ``apt-get install wordnet-base; python scripts/build_petrarch_agents.py [Phoenix.agents.txt]
[OUT.yaml]`` (default: the project's reference copy in ``../shared/reference/petrarch2/``).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from wordnet_files import read_index

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.agents.txt"
OUT = ROOT / "detente" / "resolve" / "actor_data" / "petrarch_agents.yaml"
WORDNET = Path("/usr/share/wordnet")

# CAMEO agent code (first three letters) -> sector of agents.yaml
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "CRM": "CRM", "OPP": "OPP", "BUS": "BUS", "CVL": "CVL", "JUD": "JUD",
    "COP": "COP", "MED": "JRN", "LEG": "LEG", "HLH": "MED", "EDU": "EDU", "UAF": "UAF", "SPY": "SPY", "AGR": "AGR",
    "LAB": "LAB", "REF": "REF", "REL": "REL", "MUS": "REL", "CHR": "REL", "BUD": "REL", "HIN": "REL", "JEW": "REL",
    "ELI": "ELI", "PTY": "PTY", "NGO": "NGO", "HRI": "NGO",
}
_ENTRY = re.compile(r"^([A-Z][A-Z_'\-]*[A-Z])\s*\[~([A-Z]{3})[A-Z]*\]\s*$")
_WORD = re.compile(r"^[a-z][a-z'\-]*$")
_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "for", "in", "on", "to", "and", "or", "with", "by", "at"})


def read_entries(path: Path) -> dict[str, str]:
    """Phrase -> sector for the plain entries of a PETRARCH agents file."""
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = _ENTRY.match(line)
        if m is None:
            continue  # a template (!PERSON!), a plural note ({...}), a comment or blank
        phrase = m.group(1).replace("_", " ").lower()
        sector = SECTORS.get(m.group(2))
        words = phrase.split()
        if sector is None or not all(_WORD.match(w) for w in words):
            continue
        out.setdefault(phrase, sector)
    return out


def known_keys(out: Path) -> set[str]:
    """Every key of the bundled knowledge base but this script's own file (names, agent words, offices)."""
    sys.path.insert(0, str(ROOT))
    from detente.resolve.actors._data import bundled_files, read_all
    from detente.resolve.actors._index import compile_index

    own = {out.resolve(), OUT.resolve()}
    files = [f for f in bundled_files() if f.resolve() not in own]
    return set(compile_index(read_all(files)).lex)


def wordnet_nouns(wordnet: Path) -> set[str]:
    """The one-word noun lemmas of WordNet (Debian's ``wordnet-base``), to tell a word from a stem."""
    return {lemma for lemma in read_index(wordnet, "noun") if "_" not in lemma}


def is_stem(phrase: str, english: set[str]) -> bool:
    """A phrase whose head PETRARCH cut to a stem ("broadcast minist"): its last word is no noun, nor a plural
    of one."""
    words = phrase.split()
    last = words[-1]
    forms = [last] + ([last[:-1]] if last.endswith("s") else []) + ([last[:-2]] if last.endswith("es") else [])
    if words[0] in _FUNCTION_WORDS or last in _FUNCTION_WORDS:
        return True  # a fragment: "a cabinet meeting", "c in c of"
    return not any(form in english for form in forms)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    out = Path(argv[2]) if len(argv) > 2 else OUT
    entries = read_entries(source)
    english = wordnet_nouns(WORDNET)
    known = known_keys(out)
    by_sector: dict[str, list[str]] = defaultdict(list)
    for phrase, sector in sorted(entries.items()):
        if phrase in known or is_stem(phrase, english | known):
            continue
        by_sector[sector].append(phrase)
    lines = [
        "# Agent words from PETRARCH2's CAMEO agents dictionary (Phoenix.agents.txt, Open Event Data Alliance, MIT",
        "# licence), those agents.yaml and the country files lack, as weak agent words: they count only when no",
        "# curated word of a phrase does. Generated by scripts/build_petrarch_agents.py; do not edit by hand.",
        "agents:",
        "  weak:",
    ]
    for sector in sorted(by_sector):
        words = ", ".join(f'"{w}"' if "'" in w else w for w in by_sector[sector])
        lines.append(f"    {sector}: [{words}]")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {sum(len(v) for v in by_sector.values())} agent words in {len(by_sector)} sectors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
