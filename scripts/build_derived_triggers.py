"""Write ``detente/coding/data/derived_triggers.tsv``: words that report the same act as a trigger verb of the
lexicon, from WordNet 3.0 as Debian's ``wordnet-base`` package installs it:

- ``noun`` rows: the nouns that name the verb's act ("designate" -> "designation", "persecute" ->
  "persecution"), by WordNet's derivational links;
- ``verb`` rows: the verb's synonyms ("prohibit" -> "forbid", "threaten" -> "imperil"), the other words of its
  commonest sense.

News reports an act by many words; the lexicon lists the commonest by hand. The rest are derived here, once at
development time, and shipped: nothing reads WordNet at run time. The lexicon
(``detente.coding.lexicon.load_lexicon``) gives each derived word its trigger verb's default sense (one that holds
with no object, cue or particle condition), below every word it lists itself, and weaker (``derived_triggers``
in ``triggers.yaml``).

A word is taken only where both meanings are the commonest: the link must start from the verb's *first*
WordNet sense and end in the derived word's own first sense ("sue" -> "action", "examine" -> "study" stay out),
and a noun must name an act, event or communication (lexicographer files ``noun.act``, ``noun.event``,
``noun.communication``: "accuser" and "deportee" are people). Single words only, not words the lexicon already
has in that part of speech.

Usage: ``apt-get install wordnet-base; python scripts/build_derived_triggers.py [WORDNET_DIR] [OUT.tsv]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml
from wordnet_files import derived_header

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "detente" / "coding" / "data" / "derived_triggers.tsv"
TRIGGERS = ROOT / "detente" / "coding" / "data" / "triggers.yaml"
WORDNET = Path("/usr/share/wordnet")
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
# lexicographer files of nouns that name an act (04 noun.act, 10 noun.communication, 11 noun.event)
ACT_FILES = frozenset({"04", "10", "11"})
# conditions a sense holds under that a derived word cannot carry (the lexicon's ``_CONDITIONS`` too)
CONDITIONS = ("objects", "cues", "prep", "need_clause", "no_object", "object_actor", "exclude_cues")

Synsets = dict[str, tuple[str, list[str], list[tuple[str, str, str, str]]]]


def _lemmas(entry: dict[str, Any]) -> list[str]:
    value = entry["lemma"]
    return [str(w) for w in (value if isinstance(value, list) else [value])]


def lexicon_words(data: dict[str, Any]) -> tuple[list[str], dict[str, set[str]]]:
    """(the verbs with a sense free of conditions, every word the lexicon has by part of speech)."""
    verbs: set[str] = set()
    known: dict[str, set[str]] = {"noun": set(), "verb": set(), "adj": set()}
    for entry in data["senses"]:
        known[str(entry["pos"])].update(_lemmas(entry))
        if entry["pos"] == "verb" and not any(entry.get(k) for k in CONDITIONS) and entry.get("alone") is not False:
            verbs.update(_lemmas(entry))
    for key in ("light_verbs", "speech_verbs", "motion_verbs"):  # no events themselves: keep their synonyms out
        known["verb"].update(str(w) for w in data.get(key, []))
    return sorted(verbs), known


def _data(wordnet: Path, pos: str) -> Synsets:
    """offset -> (lexicographer file, words, pointers (symbol, offset, pos, source/target))."""
    out: Synsets = {}
    with open(wordnet / f"data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, lex_file, w_cnt = fields[0], fields[1], int(fields[3], 16)
            words = [fields[4 + 2 * k].lower().split("(")[0] for k in range(w_cnt)]
            at = 4 + 2 * w_cnt
            p_cnt = int(fields[at])
            ptrs = [(fields[at + 1 + 4 * k], fields[at + 2 + 4 * k], fields[at + 3 + 4 * k], fields[at + 4 + 4 * k])
                    for k in range(p_cnt)]
            out[offset] = (lex_file, words, ptrs)
    return out


def _index(wordnet: Path, pos: str) -> dict[str, list[str]]:
    """lemma -> its synset offsets, commonest first."""
    out: dict[str, list[str]] = {}
    with open(wordnet / f"index.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            synset_cnt, p_cnt = int(fields[2]), int(fields[3])
            out[fields[0]] = fields[6 + p_cnt:6 + p_cnt + synset_cnt]
    return out


def derived_triggers(wordnet: Path, data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(word, part of speech, trigger verb) rows, sorted."""
    verbs, known = lexicon_words(data)
    verb_data, noun_data = _data(wordnet, "verb"), _data(wordnet, "noun")
    verb_index, noun_index = _index(wordnet, "verb"), _index(wordnet, "noun")
    out: set[tuple[str, str, str]] = set()
    for verb in verbs:
        senses = verb_index.get(verb)
        if not senses:
            continue
        first = senses[0]
        _, words, ptrs = verb_data[first]
        for word in words:
            if word != verb and _WORD.fullmatch(word) and word not in known["verb"] and \
                    verb_index.get(word, [None])[0] == first:
                out.add((word, "verb", verb))
        here = words.index(verb) + 1
        for symbol, offset, pos, src_tgt in ptrs:
            if symbol != "+" or pos != "n" or int(src_tgt[:2], 16) not in (0, here):
                continue
            lex_file, nouns, _ = noun_data[offset]
            noun = nouns[int(src_tgt[2:], 16) - 1]
            if lex_file in ACT_FILES and _WORD.fullmatch(noun) and noun not in known["noun"] and \
                    noun_index.get(noun, [None])[0] == offset:
                out.add((noun, "noun", verb))
    return sorted(out)


def main(argv: list[str]) -> int:
    wordnet = Path(argv[1]) if len(argv) > 1 else WORDNET
    out = Path(argv[2]) if len(argv) > 2 else OUT
    rows = derived_triggers(wordnet, yaml.safe_load(TRIGGERS.read_text(encoding="utf-8")))
    header = derived_header("Words reporting a trigger verb's act (word, part of speech, trigger verb)",
                            "build_derived_triggers.py", wordnet)
    out.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
