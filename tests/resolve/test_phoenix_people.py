"""scripts/build_phoenix_people.py: PETRARCH2's people in the knowledge base's person form, with its guards.

The dictionary lines below are written here in PETRARCH2's format, not copied from its file."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_phoenix_people as phx  # noqa: E402

_SOURCE = phx.SOURCE
_WORDNET = phx.WORDNET


def _kb(**kinds: set[str]) -> phx.Knowledge:
    """A small stand-in for the curated knowledge base: lookup keys and their kinds, given by the test."""
    base: dict[str, set[str]] = {"secretary general": {"office"}, "un": {"body"}, "minister": {"agent"},
                                 "ole hansen": {"person"}, "hansen": {"surname"}}
    base.update({k.replace("_", " "): v for k, v in kinds.items()})
    return phx.Knowledge(
        kinds=base,
        countries={"IGO", "NOR", "USA", "ROU", "KOR"},
        igo_bodies=[("IGOUNOHLHWHO", "World Health Organization"), ("IGOUNO", "United Nations")],
        common={"grant", "rodrigo"},
        family_names={"park", "lee"},
        curated_surnames={"hansen": {"o"}},
    )


_TEXT = """\
# a constructed dictionary
ZORAN_PETRICEK_
+SECRETARY_GENERAL_ZORAN_PETRICEK_
+Z._PETRICEK_
\t[IGOUNOHLHWHO 940101-991231]
\t[NORGOV 20010315-20050630]
\t[ELI]
MALVINA_OSTRUP_\t[USAGOV >081004] [IGOUNO <950101]  # inline codes
TYPO_PERSON_\t[NORGOV 2004017-20061201]
LONELYNAME_\t[NORGOV 900101-951231]
"""


def test_records_read_primary_synonyms_and_dated_codes() -> None:
    recs = phx.parse_records(_TEXT)
    assert [r.names[0] for r in recs] == ["ZORAN_PETRICEK_", "MALVINA_OSTRUP_", "TYPO_PERSON_", "LONELYNAME_"]
    first = recs[0]
    assert first.names[1:] == ["SECRETARY_GENERAL_ZORAN_PETRICEK_", "Z._PETRICEK_"]
    assert [(c.code, c.start, c.end, c.dated) for c in first.codes] == [
        ("IGOUNOHLHWHO", dt.date(1994, 1, 1), dt.date(1999, 12, 31), True),
        ("NORGOV", dt.date(2001, 3, 15), dt.date(2005, 6, 30), True),
        ("ELI", None, None, False),
    ]
    open_ended = recs[1].codes
    assert (open_ended[0].start, open_ended[0].end) == (dt.date(2008, 10, 4), None)
    assert (open_ended[1].start, open_ended[1].end) == (None, dt.date(1995, 1, 1))
    assert recs[2].codes == []  # a seven-digit date is no date: the restriction is dropped, not guessed


def test_a_person_gets_dated_roles_a_home_country_and_bodies() -> None:
    recs = phx.parse_records(_TEXT)
    entry = phx.person_of(recs[0], _kb())
    assert entry is not None
    assert entry["name"] == "Zoran Petricek" and entry["country"] == "NOR"
    assert entry["aliases"] == ["Z. Petricek"]  # the titled form is dropped; the initial form kept
    assert entry["roles"] == [
        {"body": "World Health Organization", "from": "1994-01-01", "to": "1999-12-31"},
        {"sector": "GOV", "from": "2001-03-15", "to": "2005-06-30"},
    ]
    assert "surname" not in entry  # "Petricek" is no common word: the default surname stands


def test_single_word_names_and_undated_records_are_not_people() -> None:
    recs = phx.parse_records(_TEXT)
    assert phx.person_of(recs[3], _kb()) is None  # LONELYNAME_: one word
    assert phx.person_of(recs[2], _kb()) is None  # no usable dated code
    assert phx.person_of(phx.Record(["ANNA_BERG_"], [phx.Code("NORGOV")]), _kb()) is None


def test_names_with_words_the_knowledge_base_reads_otherwise_are_not_names() -> None:
    kb = _kb()
    assert phx.plain_name("UN_SECRETARY_GENERAL_", kb) is None
    assert phx.plain_name("NORWEGIAN_MINISTER_BERG_", kb) is None
    assert phx.plain_name("ANNA_BERG_", kb) == "Anna Berg"


def test_a_curated_person_wins_in_full_and_in_initial_forms() -> None:
    kb = _kb()
    code = [phx.Code("IGOUNO", dt.date(2000, 1, 1), None, True)]
    assert phx.person_of(phx.Record(["OLE_HANSEN_"], code), kb) is None
    assert phx.person_of(phx.Record(["O._HANSEN_"], code), kb) is None
    assert phx.person_of(phx.Record(["OLAF_JOHAN_HANSEN_"], code), kb) is None
    assert phx.person_of(phx.Record(["ERIK_HANSEN_"], code), kb) is not None  # another initial: another man


def test_common_words_first_names_and_family_first_names_find_no_one_alone() -> None:
    kb = _kb()
    code = [phx.Code("IGOUNO", dt.date(2000, 1, 1), None, True)]
    for name in ("JAMES_GRANT_", "MARIA_RODRIGO_", "LEE_JONG_SUK_", "BEN_OX_"):
        entry = phx.person_of(phx.Record([name], code), kb)
        assert entry is not None and entry["surname"] == [], name
    hyphen = phx.person_of(phx.Record(["AHMAD_SALEM-KADRI_"], code), kb)
    assert hyphen is not None and hyphen["surname"] == ["Salem-Kadri"]


def test_corporations_with_a_national_code_are_not_people() -> None:
    rec = phx.Record(["NORDIC_SAVINGS_"], [phx.Code("NORGOV", dt.date(2008, 1, 1), None, True), phx.Code("MNCNOR")])
    assert phx.person_of(rec, _kb()) is None


def test_one_person_listed_twice_becomes_one_entry(tmp_path: Path) -> None:
    src = tmp_path / "actors.txt"
    src.write_text("ANNA_BERG_\t[IGOUNO 900101-951231]\nANNA_K._BERG_\t[IGOUNO 900102-951231]\n", encoding="utf-8")
    people = phx.build(src, _kb())
    assert len(people) == 1
    assert people[0]["aliases"] == ["Anna K. Berg"]
    assert len(people[0]["roles"]) == 1  # type: ignore[arg-type]


@pytest.mark.skipif(not _SOURCE.is_file() or not (_WORDNET / "index.noun").is_file(),
                    reason="needs ../shared/reference/petrarch2 and Debian's wordnet-base")
def test_the_derived_file_loads_beside_the_curated_entries_and_leaves_them_standing(tmp_path: Path) -> None:
    from detente.resolve.actors.kb import ActorKB

    out = tmp_path / "phoenix_people.yaml"
    phx.main(["build_phoenix_people.py", str(_SOURCE), str(out)])
    kb = ActorKB.load([out])
    blix = kb.resolve("Hans Blix", dt.date(1990, 6, 1))
    assert blix is not None and blix.country == "IGO"
    annan = kb.resolve("Kofi Annan", dt.date(2003, 6, 1))
    assert annan is not None and annan.id == "person/gha/kofi-annan"  # the curated entry, not an import
    assert kb.resolve("Grant", dt.date(1990, 6, 1)) is None  # James Grant of UNICEF, but "grant" is a word


def test_wordnet_tells_words_from_people() -> None:
    if shutil.which("wn") is None and not (_WORDNET / "index.noun").is_file():
        pytest.skip("needs Debian's wordnet-base")
    words = phx.english_words(_WORDNET)
    assert {"grant", "rice", "woods", "spring"} <= words
    assert "blix" not in words
