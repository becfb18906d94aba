"""The WordNet words of negative judgement statement-level coding reads, and the script that derives them (run
when Debian's wordnet-base is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.criticism import CRITICISM_WORDS, criticism_forms
from tests.conftest import ROOT
from tests.conftest import script as load_script

WORDNET = Path("/usr/share/wordnet")


def test_judgements_are_in_and_plain_reports_are_out() -> None:
    assert {"harmful", "counterproductive", "deceitful", "illegitimate", "reckless"} & CRITICISM_WORDS["adj"] >= {
        "harmful", "counterproductive", "deceitful"}
    assert {"corruption", "deception", "wrongdoing", "injustice"} <= CRITICISM_WORDS["noun"]
    assert {"undermine", "endanger", "deceive"} <= CRITICISM_WORDS["verb"]
    # acts the lexicon codes as themselves, and words evaluative only in a rarer sense, stay out
    assert not {"attack", "killing", "charge", "hard", "heavy", "risk"} & (
        CRITICISM_WORDS["noun"] | CRITICISM_WORDS["adj"] | CRITICISM_WORDS["verb"])


def test_failed_obligations_and_ill_conceived_policy_are_judgements() -> None:
    # seeds "breach" (a failure to keep an obligation) and "misguided" (ill-conceived) of session 12
    assert "breach" in CRITICISM_WORDS["noun"]
    assert {"misguided", "ill-conceived"} <= CRITICISM_WORDS["adj"]


def test_prefilter_forms_inflect_and_leave_out_split_hyphenated_words() -> None:
    forms = criticism_forms()
    assert {"undermined", "undermining", "deceptions", "harmful"} <= forms
    assert "faced" not in forms  # "two-faced" would otherwise pass any sentence with "faced"


def test_the_shipped_list_is_what_the_script_derives(tmp_path: Path) -> None:
    if not (WORDNET / "index.adj").exists():
        pytest.skip("Debian's wordnet-base is not installed (apt-get install wordnet-base)")
    script = load_script("build_criticism_words")
    out = tmp_path / "criticism_words.txt"
    assert script.main(["build", str(WORDNET), str(out)]) == 0
    shipped = (ROOT / "detente" / "coding" / "data" / "criticism_words.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in shipped
