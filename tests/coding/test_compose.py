"""Composition tables: what a governed, intended or refused act becomes, and the order keys are tried in."""

from __future__ import annotations

from detente.coding.compose import Coded, Composer, load_composer


def test_composer_tables() -> None:
    comp = load_composer()
    assert comp.intended(Coded("CONSULT", "visit", "042")) == Coded("AGREE", None, "036")
    assert comp.intended(Coded("ASSAULT", None, "190")).type == "THREATEN"
    assert comp.intended(Coded("REJECT", None, "120")) == Coded("REJECT", None, "120")
    assert comp.refused(Coded("AID", None, "070")) == Coded("REJECT", "assist", "122")
    assert comp.refused(Coded("ASSAULT", None, "190")).type == "AGREE"
    assert comp.apply("demand", Coded("REQUEST", None, "100"), Coded("RETREAT", "release", "0841")) == \
        Coded("REQUEST", "yield", "1053")
    assert comp.apply("order", Coded("REQUEST", None, "100"), Coded("COERCE", "censor", "175")) == \
        Coded("COERCE", "censor", "175")  # a coercive act ordered on another party is done
    assert comp.apply("instruct", Coded("REQUEST", None, "100"), Coded("COERCE", "arrest", "173")) == \
        Coded("REQUEST", None, "100")  # an order to one's own forces is the order
    assert comp.apply("instruct", Coded("REQUEST", None, "100"), Coded("RETREAT", "withdraw", "0872")) == \
        comp.apply("demand", Coded("REQUEST", None, "100"), Coded("RETREAT", "withdraw", "0872"))
    # an accusation, a demand or a refusal to come is that act (planned), not an intent to cooperate
    sue = Coded("ACCUSE", "allege", "115")
    assert comp.apply("intent", Coded("AGREE", None, "030"), sue) == sue
    assert comp.apply("intent", Coded("AGREE", None, "030"), Coded("REQUEST", None, "020")).type == "REQUEST"
    assert {"military", "police", "troop"} <= comp.own_agencies and "government" not in comp.own_agencies
    assert comp.apply("threaten", Coded("THREATEN", None, "130"), Coded("SANCTION", "discontinue", "163")) == \
        Coded("THREATEN", "restrict", "1312")
    # a plan found out after the fact is the act for conflict, the intent for cooperation
    assert comp.apply("plot", Coded("AGREE", None, "030"), Coded("ASSAULT", None, "190")) == \
        Coded("ASSAULT", None, "190")
    assert comp.apply("plot", Coded("AGREE", None, "030"), Coded("CONSULT", "visit", "042")) == \
        comp.intended(Coded("CONSULT", "visit", "042"))


def _toy() -> Composer:
    """A hand-written table, so the lookup rules are tested apart from the bundled data."""
    return Composer(
        tables={
            "intent": {
                "0841": {"type": "AGREE", "cameo": "0354"},
                "RETREAT:release": {"type": "AGREE", "cameo": "035R"},
                "RETREAT": {"type": "AGREE", "cameo": "035"},
                "material_conflict": {"type": "THREATEN", "cameo": "130"},
                "*": {},
            },
            "order": {"material_conflict": {"child": True}, "*": {"use": "demand"}},
            "demand": {"RETREAT": {"mode": "yield", "cameo": "100"}},
        },
        cooperative=frozenset({"RETREAT", "AGREE"}),
        material_conflict=frozenset({"ASSAULT"}),
        verbal_conflict=frozenset({"REQUEST"}),
        own_agencies=frozenset(),
    )


def test_most_specific_key_wins() -> None:
    comp = _toy()
    gov = Coded("AGREE", None, "030")
    # the CAMEO code before TYPE:mode before TYPE before the family
    assert comp.apply("intent", gov, Coded("RETREAT", "release", "0841")).cameo == "0354"
    assert comp.apply("intent", gov, Coded("RETREAT", "release", "084")).cameo == "035R"
    assert comp.apply("intent", gov, Coded("RETREAT", "ease", "085")).cameo == "035"
    assert comp.apply("intent", gov, Coded("ASSAULT", None, "190")) == Coded("THREATEN", None, "130")


def test_an_empty_entry_keeps_the_governor_and_a_missing_one_too() -> None:
    comp = _toy()
    gov = Coded("AGREE", "assist", "030")
    assert comp.apply("intent", gov, Coded("REQUEST", None, "100")) == gov  # "*": {}
    assert comp.apply("demand", Coded("REQUEST", None, "100"), Coded("ASSAULT", None, "190")) == \
        Coded("REQUEST", None, "100")  # no entry at all


def test_a_mode_without_a_type_keeps_the_governors_type() -> None:
    comp = _toy()
    assert comp.apply("demand", Coded("REQUEST", None, "100"), Coded("RETREAT", "ease", "085")) == \
        Coded("REQUEST", "yield", "100")


def test_child_and_use_entries() -> None:
    comp = _toy()
    assault = Coded("ASSAULT", None, "190")
    assert comp.apply("order", Coded("REQUEST", None, "100"), assault) == assault  # the ordered act itself
    assert comp.apply("order", Coded("REQUEST", None, "100"), Coded("RETREAT", "ease", "085")) == \
        Coded("REQUEST", "yield", "100")  # read as a demand


def test_families() -> None:
    comp = _toy()
    assert comp.family("RETREAT") == "cooperative"
    assert comp.family("ASSAULT") == "material_conflict"
    assert comp.family("REQUEST") == "verbal_conflict"
    assert comp.family("UNKNOWN") == "verbal_conflict"


def test_the_bundled_stop_table() -> None:
    comp = load_composer()
    stop = Coded("SANCTION", None, "160")
    assert comp.apply("stop", stop, Coded("AGREE", None, "030")) == Coded("SANCTION", None, "160")
    assert comp.apply("stop", stop, Coded("CONSULT", None, "040")) == Coded("SANCTION", "withdraw", "164")
    assert comp.apply("stop", stop, Coded("ASSAULT", None, "190")).type == "RETREAT"
    assert comp.apply("stop", stop, Coded("PROTEST", None, "140")).type == "CONCEDE"
