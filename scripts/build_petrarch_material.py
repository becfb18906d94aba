"""Print, as trigger-lexicon senses, PETRARCH2's object patterns of material acts that the lexicon does not read.

PETRARCH2's verb dictionary (``CAMEO.2.0.txt``, Open Event Data Alliance, MIT licence) gives many verbs a code only
with a given object: ``- * ROCKS [180] # THROW``, ``- * {BANK ACCOUNT} [163] # FREEZE``. Earlier sessions found
that its group defaults (a verb's code whatever its object) over-code unseen news, while its object- and
particle-constrained patterns held ("Vocabulary on unseen news", "Lexicon follow-ups" in docs/coding.md). This
script takes only the constrained patterns whose code is a material act (CAMEO 07 aid, 15 force posture, 16
reduced relations, 17 coercion, 18-20 violence) and whose verb with that object the lexicon reads as nothing yet,
and prints them as senses gated by their object list, each with the type and mode the lexicon already gives that
code. It is run once, at development time; its output is reviewed and pasted into ``data/triggers.yaml``.

Kept: patterns with no word before the verb, one object word, a ``{multi word}`` object or an ``&CLASS`` (its
members' plain words), and a code. Left out: prepositional patterns, source or target placeholders, codes of
other types, and verb-object pairs for which the lexicon finds a trigger already ("The government will VERB the OBJECT").

Usage: ``PYTHONPATH=. python scripts/build_petrarch_material.py [CAMEO.2.0.txt]``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
MATERIAL_ROOTS = ("07", "15", "16", "17", "18", "19", "20")
PATTERN = re.compile(r"^-\s+(?P<pre>.*?)\s*\*\s*(?P<post>.*?)\s*\[(?P<code>[^\]]*)\]\s*(?:#\s*(?P<verb>.*))?$")
GROUP = re.compile(r"^---\s+(\S+)\s+\[")


def read_classes(lines: list[str]) -> dict[str, list[str]]:
    """``&CLASS`` blocks: their members' plain words ("+ASSAULT_RIFLE" is "assault rifle")."""
    classes: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#")[0].strip()
        if line.startswith("&") and " " not in line:
            current = line
            classes[current] = []
        elif current and line.startswith("+"):
            classes[current].append(line[1:].rstrip("_").replace("_", " ").lower())
        elif not line:
            current = None
    return classes


def verb_forms(group_lines: list[str]) -> dict[str, str]:
    """Inflected forms of a group's verbs ("THREW" is "throw"), from its braces and the regular endings."""
    forms: dict[str, str] = {}
    for line in group_lines:
        match = re.match(r"^([A-Z][A-Z-]*)\s*(\{([^}]*)\})?", line)
        if not match:
            continue
        base = match.group(1).lower()
        variants = [base, base + "s", base + "ed", base + "d", base + "ing", base[:-1] + "ing", base + "es"]
        variants += [v.lower() for v in (match.group(3) or "").split()]
        for v in variants:
            forms.setdefault(v, base)
    return forms


def patterns(path: Path) -> list[tuple[str, str, str]]:
    """(verb, object, code) of every kept pattern."""
    lines = path.read_text(encoding="latin-1").splitlines()
    classes = read_classes(lines)
    out: list[tuple[str, str, str]] = []
    group: list[str] = []
    for raw in lines:
        if GROUP.match(raw):
            group = []
            continue
        if not raw.startswith("-"):
            group.append(raw.split("#")[0].strip())
            continue
        m = PATTERN.match(raw.strip())
        if not m or m.group("pre") or not m.group("verb"):
            continue
        code = m.group("code").split(":")[0].strip()
        if not code.startswith(MATERIAL_ROOTS):
            continue
        verb = verb_forms(group).get(m.group("verb").split(",")[0].strip().lower())
        post = m.group("post").strip()
        if verb is None:
            continue
        if post.startswith("{") and post.endswith("}"):
            objects = [post[1:-1].lower()]
        elif post.startswith("&") and post in classes:
            objects = [w for w in classes[post] if " " not in w or len(w.split()) <= 2]
        elif re.fullmatch(r"[A-Z][A-Z-]*", post):
            objects = [post.lower()]
        else:
            continue
        out.extend((verb, o, code) for o in objects)
    return out


def main() -> None:
    from detente.coding.lexicon import load_lexicon
    from detente.coding.triggers import find_triggers
    from detente.nlp import load_nlp

    nlp, lexicon = load_nlp(), load_lexicon()
    by_code: dict[str, Counter[tuple[str, str | None]]] = defaultdict(Counter)
    for (_lemma, pos), senses in lexicon.senses.items():
        for s in senses if pos == "verb" else ():
            by_code[s.cameo].update([(s.type, s.mode)])
            by_code[s.cameo[:2]].update([(s.type, s.mode if len(s.cameo) == 2 else None)])
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for verb, obj, code in patterns(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE):
        lemma = nlp(obj)[-1].lemma_ if " " not in obj else obj
        doc = nlp(f"The government will {verb} the {obj}.")
        if any(t.token.i in (3, len(doc) - 2) for t in find_triggers(doc[:], lexicon)):
            continue
        if lemma not in groups[(verb, code)]:
            groups[(verb, code)].append(lemma)
    for (verb, code), objects in sorted(groups.items()):
        known = by_code.get(code) or by_code.get(code[:2])
        if not known:
            continue
        type_, mode = known.most_common(1)[0][0]
        mode_part = f", mode: {mode}" if mode else ""
        quoted = ", ".join(f'"{o}"' if " " in o else o for o in objects)
        print(f'- {{lemma: {verb}, pos: verb, type: {type_}{mode_part}, cameo: "{code}", weight: 0.7,\n'
              f"   objects: [{quoted}]}}")


if __name__ == "__main__":
    main()
