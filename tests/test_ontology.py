"""The ontology file: checked at load, and the typed Literal aliases written out in code agree with it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from detente import datafiles, ontology, records
from detente.coding.lexicon import build_lexicon
from detente.ontology import OntologyError, build_ontology

FILE = Path(__file__).resolve().parents[1] / "detente" / "ontology.yaml"
RAW: dict[str, Any] = yaml.safe_load(FILE.read_text(encoding="utf-8"))


def test_the_literals_agree_with_the_file_in_its_order() -> None:
    assert get_args(ontology.PloverType) == tuple(t["name"] for t in RAW["types"])
    assert get_args(ontology.Mode) == tuple(dict.fromkeys(m for t in RAW["types"] for m in t["modes"]))
    assert get_args(ontology.QuadClass) == tuple(q["id"] for q in RAW["quad_classes"])
    assert get_args(ontology.Role) == tuple(RAW["roles"])
    assert get_args(ontology.Channel) == tuple(RAW["channels"])
    assert get_args(ontology.Modality) == tuple(RAW["modalities"])
    assert get_args(ontology.DatePrecision) == tuple(RAW["date_precisions"])
    assert get_args(ontology.Genre) == tuple(RAW["genres"])


def test_the_tuples_are_the_files() -> None:
    assert ontology.PLOVER_TYPES == tuple(t["name"] for t in RAW["types"])
    assert {t: set(m) for t, m in ontology.MODES.items()} == {t["name"]: set(t["modes"]) for t in RAW["types"]}
    assert ontology.CHANNELS == tuple(RAW["channels"])
    assert ontology.GENRES == tuple(RAW["genres"])


def test_the_plover_codebook() -> None:
    """PLOVER (manual draft 0.8): sixteen event types in four quad categories, and the modes of a few of them."""
    assert ontology.PLOVER_TYPES == (
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    )
    assert [ontology.ONTOLOGY.type_quads[t] for t in ("AGREE", "AID", "THREATEN", "ASSAULT")] == [1, 2, 3, 4]
    assert ontology.MODES["CONSULT"] == ("visit", "third-party", "multilateral", "phone")
    assert ontology.MODES["REQUEST"] == ontology.MODES["REJECT"]  # "These modes are shared with REJECT."
    assert ontology.MODES["AGREE"] == ()
    assert ontology.is_mode_of("SANCTION", "expel") and not ontology.is_mode_of("CONSULT", "expel")
    # CAMEO roots 01-05 verbal cooperation, 06-08 material cooperation, 09-14 verbal conflict, 15-20 material
    assert [ontology.quad_class_of_root(r) for r in (1, 5, 6, 8, 9, 14, 15, 20, 21)] == [1, 1, 2, 2, 3, 3, 4, 4, None]


def test_records_reexport_the_ontologys_vocabularies() -> None:
    assert records.CHANNELS is ontology.CHANNELS
    assert (records.Genre, records.Modality, records.DatePrecision) == (
        ontology.Genre, ontology.Modality, ontology.DatePrecision)


def _edited(edit: Any) -> dict[str, Any]:
    data = copy.deepcopy(RAW)
    edit(data)
    return data


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(moods=["calm"]), "unknown keys"),
        (lambda d: d.pop("genres"), "missing keys"),
        (lambda d: d["types"].append({"name": "AGREE", "quad": 1, "modes": []}), "duplicate type AGREE"),
        (lambda d: d["types"].append({"name": "Yield", "quad": 1, "modes": []}), "not an upper-case type name"),
        (lambda d: d["types"][1]["modes"].append("visit"), "CONSULT: modes: duplicate names"),
        (lambda d: d["types"][1]["modes"].append(7), "CONSULT: modes: expected a list of names"),
        (lambda d: d["types"][1].update(modes="visit"), "CONSULT: modes: expected a list of names"),
        (lambda d: d["types"][0].update(quad=5), "AGREE: quad 5 is not one of the quad classes"),
        (lambda d: d["types"][0].update(context="x"), "expected exactly the keys name, quad, modes"),
        (lambda d: d["channels"].append("military"), "channels: duplicate names"),
        (lambda d: d["roles"].append("Intent"), "roles: expected a list of names"),
        (lambda d: d["quad_classes"][1].update(cameo_roots=["05", "08"]), "roots of 2 overlap those of 1"),
        (lambda d: d["quad_classes"][1].update(cameo_roots=["08", "06"]), "cameo_roots must be"),
        (lambda d: d["quad_classes"][1].update(id=1), "id 1 is not a new integer"),
    ],
)
def test_a_broken_ontology_is_rejected(edit: Any, message: str) -> None:
    with pytest.raises(OntologyError, match=message):
        build_ontology(_edited(edit))


def test_the_error_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "ontology.yaml"
    file.write_text(yaml.safe_dump(_edited(lambda d: d["genres"].append("news"))), encoding="utf-8")
    with pytest.raises(OntologyError, match=rf"^{file}: genres: duplicate names \['news'\]"):
        build_ontology(datafiles.load_file(file), origin=str(file))


def test_the_bundled_file_builds() -> None:
    assert build_ontology(RAW) == ontology.ONTOLOGY


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"type": "CONSULT", "mode": "expel"}, "expel is not a mode of CONSULT"),
        ({"type": "AGREE", "mode": "visit"}, "visit is not a mode of AGREE"),
        ({"type": "CONSULT", "channel": "cultural"}, "unknown channel cultural"),
        ({"type": "TALK"}, "TALK is not a PLOVER type"),
        ({"type": "CONSULT", "role": "wish"}, "unknown role wish"),
    ],
)
def test_the_lexicon_checks_its_entries_against_the_ontology(extra: dict[str, str], message: str) -> None:
    entry = {"lemma": "x", "pos": "verb", "cameo": "040", **extra}
    with pytest.raises(ValueError, match=message):
        build_lexicon({"senses": [entry]})
