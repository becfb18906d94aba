"""What the lists derived from WordNet 3.0 at development time share: reading its index files, and the database's
licence, which must appear on every copy, modified ones included (used by build_person_nouns.py,
build_criticism_words.py and build_petrarch_agents.py)."""

from __future__ import annotations

from pathlib import Path


def licence(wordnet: Path) -> list[str]:
    """WordNet's licence, as the header lines of its data files give it."""
    lines: list[str] = []
    with open(wordnet / "data.noun", encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                break
            lines.append(line.strip().split(" ", 1)[1].rstrip() if " " in line.strip() else "")
    return lines


def derived_header(what: str, script: str, wordnet: Path) -> str:
    """The comment block a derived file starts with: what it holds, the script that made it, the licence."""
    return (f"# {what}, derived from WordNet 3.0 by\n"
            f"# scripts/{script} (do not edit by hand). WordNet's licence follows.\n#\n"
            + "".join(f"# {line}\n".replace("# \n", "#\n") for line in licence(wordnet)) + "#\n")


def read_index(wordnet: Path, pos: str) -> dict[str, list[str]]:
    """``index.POS`` (noun, verb, adj, adv): lemma -> its synset offsets, commonest sense first."""
    out: dict[str, list[str]] = {}
    with open(wordnet / f"index.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            synset_cnt, p_cnt = int(fields[2]), int(fields[3])
            out[fields[0]] = fields[6 + p_cnt:6 + p_cnt + synset_cnt]
    return out
