"""What every list derived from WordNet 3.0 at development time carries: the database's licence, which must
appear on every copy, modified ones included (used by build_person_nouns.py and build_criticism_words.py)."""

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
