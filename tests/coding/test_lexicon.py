"""The trigger lexicon: loading, validity of every entry against the CAMEO tables, coverage of the vocabulary.
(The CAMEO tables themselves: test_cameo.py.)"""

from __future__ import annotations

import pytest

from detente.coding.cameo import load_cameo
from detente.coding.lexicon import PLOVER_TYPES, build_lexicon, inflections, load_lexicon
from tests.plover_manual import MANUAL_MODES, PROJECT_MODES


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_every_plover_type_has_triggers(lexicon) -> None:
    types = {s.type for s in lexicon.all_senses()}
    assert types == set(PLOVER_TYPES)


def test_every_cameo_code_is_in_the_table_and_fits_the_type(lexicon) -> None:
    table = load_cameo()
    for sense in lexicon.all_senses():
        entry = table.get(sense.cameo)
        assert entry is not None, (sense.lemmas, sense.cameo)
        # the conversion table gives each CAMEO root a set of PLOVER types; the appeal root 02 is not in it
        # and is REQUEST by PLOVER's definition ("all requests")
        root = sense.cameo[:2]
        allowed = table.plover_types(root) | ({"REQUEST"} if root == "02" else set())
        if root == "17" and sense.cameo == "1712":
            allowed.add("ASSAULT")  # destruction of property: ASSAULT 'destroy' in PLOVER
        if root == "19" and sense.cameo in ("191", "192"):
            allowed.add("COERCE")
        if root == "16" and sense.type == "SANCTION":
            allowed.add("SANCTION")
        assert sense.type in allowed, (sense.lemmas, sense.cameo, sense.type, allowed)


def test_modes_belong_to_their_type(lexicon) -> None:
    modes = {t: MANUAL_MODES.get(t, set()) | PROJECT_MODES.get(t, set()) for t in {*MANUAL_MODES, *PROJECT_MODES}}
    for sense in lexicon.all_senses():
        if sense.mode is not None:
            assert sense.mode in modes.get(sense.type, set()), (sense.lemmas, sense.type, sense.mode)


@pytest.mark.parametrize("word", [
    # the diplomacy vocabulary of the seed articles
    "visited", "met", "held", "talks", "exchanged", "letters", "speech", "warned", "promised", "signed",
    "prepared", "cross",
    # the usual conflict and cooperation words
    "accuse", "condemned", "criticized", "urged", "calls", "demanded", "rejected", "denied", "sanctioned",
    "tariffs", "banned", "expelled", "arrested", "detained", "deployed", "attacked", "strikes", "killed",
    "bombed", "invaded", "threatened", "aid", "donated", "cooperate", "agreed", "negotiating", "hosted",
    "praised", "supported", "apologized", "withdrew", "released", "protested", "boycott", "seized",
])
def test_prefilter_forms_cover_the_vocabulary(lexicon, word: str) -> None:
    assert word in lexicon.surface_forms()


def test_inflections_are_generous() -> None:
    assert {"ban", "bans", "banned", "banning"} <= inflections("ban", "verb")
    assert {"apply", "applies", "applied", "applying"} <= inflections("apply", "verb")
    assert {"agree", "agreed", "agreeing"} <= inflections("agree", "verb")
    assert inflections("sanction", "noun") == {"sanction", "sanctions"}


def test_irregular_forms_map_to_their_own_lemma(lexicon) -> None:
    assert lexicon.lemmas_of("held") == {"hold"}
    assert lexicon.lemmas_of("met") == {"meet"}
    assert "take" not in lexicon.lemmas_of("held")


def test_constrained_senses_come_first(lexicon) -> None:
    lift = lexicon.lookup("lift", "verb")
    # every sense has an object list but the default meaning, tried only when none fits ("lifted the curbs")
    assert lift[0].type == "RETREAT" and lift[0].objects and all(s.objects or s.fallback for s in lift)
    assert [s.type for s in lift if s.fallback] == ["RETREAT"]
    meet = lexicon.lookup("meet", "verb")
    assert meet[0].type == "CONCEDE" and meet[-1].type == "CONSULT"


def test_yaml_booleans_are_rejected() -> None:
    with pytest.raises(ValueError, match="booleans"):
        build_lexicon({"senses": [{"lemma": "call", "pos": "verb", "type": "REQUEST", "cameo": "020",
                                   "prep": [True]}]})


def test_unknown_types_and_fields_are_rejected() -> None:
    with pytest.raises(ValueError, match="not a PLOVER type"):
        build_lexicon({"senses": [{"lemma": "x", "pos": "verb", "type": "YIELD", "cameo": "080"}]})
    with pytest.raises(ValueError, match="unknown fields"):
        build_lexicon({"senses": [{"lemma": "x", "pos": "verb", "type": "AID", "cameo": "070", "obj": ["y"]}]})


def test_a_noun_event_with_no_verb_of_its_own_counts_in_the_prefilter_beside_between(lexicon) -> None:
    """"The deal between Mauritius and Britain": a noun that is an event only with a light verb, or naming both
    sides, passes the prefilter beside "between" (triggers._names_both_sides)."""
    alone, paired = lexicon.prefilter_rules()
    assert "deal" not in alone and {"between", "reached", "held"} <= paired["deal"]


def test_argument_classes_are_checked_and_make_a_sense_constrained() -> None:
    with pytest.raises(ValueError, match="unknown noun classes"):
        build_lexicon({"senses": [{"lemma": "x", "pos": "verb", "type": "AID", "cameo": "070",
                                   "object_classes": ["weapon"]}]})
    lex = build_lexicon({"senses": [
        {"lemma": "attack", "pos": "verb", "type": "ASSAULT", "cameo": "190", "exclude_classes": ["cognition"]},
        {"lemma": "attack", "pos": "verb", "type": "ACCUSE", "cameo": "111", "object_classes": ["cognition"]},
    ]})
    # the sense that asks for a class of argument is tried before the plain one, like one with an object list
    assert [s.type for s in lex.lookup("attack", "verb")] == ["ACCUSE", "ASSAULT"]


def test_a_measure_that_must_name_its_party_is_read() -> None:
    lex = build_lexicon({"senses": [
        {"lemma": "ban", "pos": "verb", "type": "SANCTION", "cameo": "163", "objects": ["import"],
         "foreign_party": True},
        {"lemma": "ban", "pos": "verb", "type": "COERCE", "cameo": "1722"},
    ]})
    assert [s.foreign_party for s in lex.lookup("ban", "verb")] == [True, False]
