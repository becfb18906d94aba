"""The classes of arguments that decide a trigger's sense, and the script that derives them from WordNet (run when
Debian's wordnet-base is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from detente.coding.nounclass import NOUN_CLASSES, compound_class, noun_class, word_class
from tests.conftest import ROOT
from tests.conftest import script as load_script

WORDNET = Path("/usr/share/wordnet")


def test_words_and_ideas_have_a_class_things_places_and_people_none() -> None:
    assert word_class("policy") == "cognition"
    assert word_class("statement") == "communication"
    assert word_class("role") == "act"
    # any concrete sense keeps a word out: a target, a compound, a base may be attacked
    assert not {word_class(w) for w in ("target", "compound", "base", "village", "convoy", "soldier", "pipeline",
                                        "government", "troop")} - {None}


def test_an_argument_in_its_sentence(nlp: Language) -> None:
    doc = nlp("Exports hit $4 billion as critics attacked the policy and 25 people died.")
    by_text = {t.text: t for t in doc}
    assert noun_class(by_text["$"]) == "quantity"
    assert noun_class(by_text["policy"]) == "cognition"
    assert noun_class(by_text["25"]) is None  # a bare number may count people
    assert noun_class(by_text["critics"]) is None


def test_every_class_is_a_known_one() -> None:
    text = (ROOT / "detente" / "coding" / "data" / "noun_classes.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) > 10000 and {cls for _w, cls in rows} == NOUN_CLASSES


def test_the_shipped_table_is_what_the_script_derives(tmp_path: Path) -> None:
    if not (WORDNET / "index.noun").exists():
        pytest.skip("Debian's wordnet-base is not installed (apt-get install wordnet-base)")
    script = load_script("build_noun_classes")
    out = tmp_path / "noun_classes.txt"
    assert script.main(["build", str(WORDNET), str(out)]) == 0
    shipped = (ROOT / "detente" / "coding" / "data" / "noun_classes.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in shipped


def test_a_compound_that_names_a_condition_has_its_class(nlp: Language) -> None:
    """Two-word nouns whose commonest sense is a state are listed with a space: "a heart attack" is an illness,
    "an air attack" stays an act of no listed compound."""
    assert word_class("heart attack") == "state"
    doc = nlp("He died of a heart attack after an air attack on the town.")
    attacks = [t for t in doc if t.text == "attack"]
    assert compound_class(attacks[0]) == "state"
    assert compound_class(attacks[1]) is None
