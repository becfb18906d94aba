"""Write ``detente/coding/data/criticism_words.txt``: English words that judge an act or an actor negatively
("harmful", "illegitimate", "abuse", "deception", "endanger"), from WordNet 3.0 as Debian's ``wordnet-base``
package installs it.

The coder reads a statement ("X said Y's policy is reckless") as an accusation when its content judges another
actor negatively (``detente.coding.statements``). A hand list of such words fits the sentences it was written
from; WordNet groups the evaluative words around a few heads, so the list is derived here from concepts, not
from sentences, once at development time, and shipped: nothing reads WordNet at run time.

The concepts (``SEEDS``) are the PLOVER manual's ACCUSE content (wrongdoing, crime, abuse, violation,
aggression, deception, corruption, injustice, threat, danger) and the general negative judgements of policy
(bad, wrong, harmful, dangerous, unjust, unfair, illegal, hostile, aggressive, irresponsible, dishonest,
destructive, cruel). A word is taken when its *first* (commonest) WordNet sense falls in a seed concept's
neighbourhood: for adjectives the seed synset and its "similar to" satellites; for nouns and verbs the seed
synset and, for nouns, its direct hyponyms. So "hard", "heavy" or "sharp", evaluative only in a rarer sense, stay out.
Single words only, lowercase letters and hyphens. ``NEUTRAL`` drops the few words taken whose news sense is a
plain report, not a judgement ("attack" and "killing" are acts the lexicon codes as themselves; "charge" is a
price, "tax" a duty).

Usage: ``apt-get install wordnet-base; python scripts/build_criticism_words.py [WORDNET_DIR] [OUT.txt]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from wordnet_files import derived_header, read_index

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "detente" / "coding" / "data" / "criticism_words.txt"
WORDNET = Path("/usr/share/wordnet")
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")

# (part of speech, lemma, sense number): concepts of negative judgement
SEEDS: dict[str, tuple[tuple[str, int], ...]] = {
    "adj": (("bad", 1), ("wrong", 1), ("wrong", 2), ("harmful", 1), ("dangerous", 1), ("unjust", 1),
            ("unfair", 1), ("illegal", 1), ("hostile", 1), ("aggressive", 1), ("irresponsible", 1),
            ("dishonest", 1), ("destructive", 1), ("cruel", 1), ("corrupt", 1), ("unreasonable", 1),
            ("provocative", 1), ("immoral", 1), ("misguided", 1)),
    "noun": (("wrongdoing", 1), ("crime", 1), ("abuse", 1), ("violation", 1), ("aggression", 1),
             ("deception", 1), ("corruption", 1), ("injustice", 1), ("threat", 1), ("danger", 1),
             ("hostility", 1), ("provocation", 1), ("coercion", 1), ("interference", 1), ("breach", 1)),
    "verb": (("harm", 1), ("endanger", 1), ("threaten", 1), ("deceive", 1), ("violate", 1), ("undermine", 1),
             ("abuse", 1), ("sabotage", 1), ("destabilize", 1), ("bully", 1), ("mislead", 1), ("persecute", 1),
             ("oppress", 1), ("intimidate", 1), ("slander", 1), ("smear", 1), ("meddle", 1), ("obstruct", 1)),
}
_FILES = {"adj": "adj", "noun": "noun", "verb": "verb"}
# how many levels of hyponyms a noun or verb concept takes: verbs' hyponyms drift from the judgement ("provoke" >
# "inspire", "evoke"), nouns' one level stays a kind of it ("corruption" > "bribery")
_DEPTH = {"noun": 1, "verb": 0}
# taken by the rule above, but in news a neutral report or an act coded on its own
NEUTRAL = frozenset({
    "attack", "charge", "tax", "killing", "murder", "assault", "war", "offensive", "invasion", "raid", "strike",
    "crime", "offence", "offense", "felony", "misdemeanor", "sin", "use", "risk", "hazard", "exposure",
    "defense", "defence", "act", "action", "pressure", "force", "push", "rape", "arson", "theft", "fire",
    "exploit", "work", "mistreat", "treat", "challenge", "question", "touch", "bite", "hurt",
    "wound", "injure", "shoot", "beat", "kill", "hit", "bad", "poor", "low", "negative", "black",
    "dark", "dirty", "evil", "ill", "sick", "severe", "serious", "grave", "heavy", "hard", "tough", "big",
    "opposing", "opponent", "intriguing", "banned", "outlawed", "unratified", "purchasable", "sold-out", "rubber",
    "scrappy", "head-on", "high-pressure", "quiddity", "suicidal", "speculativeness", "insecurity", "insecureness",
    "vulnerability", "nonlegal", "sex", "job", "fell", "corked", "corky", "mistaken", "incorrect", "erroneous",
    "counterintuitive", "breakneck", "picaresque", "libertine", "harlotry", "whoredom", "prostitution",
    "blockade", "crush", "stabbing", "blasting", "hijack", "highjack", "threaten", "threat", "menace",
})


def _synsets(wordnet: Path, pos: str) -> dict[str, tuple[list[str], list[tuple[str, str]]]]:
    """offset -> (words, pointers (symbol, offset)) of one part of speech."""
    out: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
    with open(wordnet / f"data.{_FILES[pos]}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, w_cnt = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * k].lower().split("(")[0] for k in range(w_cnt)]
            at = 4 + 2 * w_cnt
            p_cnt = int(fields[at])
            ptrs = [(fields[at + 1 + 4 * k], fields[at + 2 + 4 * k]) for k in range(p_cnt)]
            out[offset] = (words, ptrs)
    return out


def _neighbourhood(pos: str, start: str, synsets: dict[str, tuple[list[str], list[tuple[str, str]]]]) -> set[str]:
    if pos == "adj":
        return {start} | {o for sym, o in synsets[start][1] if sym == "&"}
    found, frontier = {start}, {start}
    for _ in range(_DEPTH[pos]):
        frontier = {o for s in frontier for sym, o in synsets[s][1] if sym == "~"} - found
        found |= frontier
    return found


def criticism_words(wordnet: Path) -> list[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for pos, seeds in SEEDS.items():
        synsets, index = _synsets(wordnet, pos), read_index(wordnet, _FILES[pos])
        concepts: set[str] = set()
        for word, sense in seeds:
            concepts |= _neighbourhood(pos, index[word][sense - 1], synsets)
        for offset in concepts:
            for word in synsets[offset][0]:
                first = index.get(word, [None])[0]
                if first in concepts and _WORD.fullmatch(word) and word not in NEUTRAL:
                    out.add((word, pos))
    return sorted(out)


def main(argv: list[str]) -> int:
    wordnet = Path(argv[1]) if len(argv) > 1 else WORDNET
    out = Path(argv[2]) if len(argv) > 2 else OUT
    words = criticism_words(wordnet)
    header = derived_header("Words of negative judgement (word, part of speech)", "build_criticism_words.py", wordnet)
    out.write_text(header + "".join(f"{w}\t{p}\n" for w, p in words), encoding="utf-8")
    print(f"{len(words)} words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
