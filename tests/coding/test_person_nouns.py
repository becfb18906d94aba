"""The WordNet person nouns the coder uses for arguments the knowledge base does not know, and the script that
derives them (run when Debian's wordnet-base is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.words import PERSON_NOUNS
from tests.conftest import ROOT
from tests.conftest import script as load_script

WORDNET = Path("/usr/share/wordnet")


def test_commonest_sense_decides() -> None:
    assert {"historian", "blogger", "activist", "writer", "diplomat"} <= PERSON_NOUNS
    # nouns that name people only in a rarer sense, and groups, stay out
    assert not {"power", "state", "government", "country", "book", "head"} & PERSON_NOUNS
    assert len(PERSON_NOUNS) > 5000


def test_the_shipped_list_is_what_the_script_derives(tmp_path: Path) -> None:
    if not (WORDNET / "index.noun").exists():
        pytest.skip("Debian's wordnet-base is not installed (apt-get install wordnet-base)")
    script = load_script("build_person_nouns")
    out = tmp_path / "person_nouns.txt"
    assert script.main(["build", str(WORDNET), str(out)]) == 0
    shipped = (ROOT / "detente" / "coding" / "data" / "person_nouns.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in shipped
