"""Actor identity and merging one act reported twice in a sentence."""

from __future__ import annotations

from detente.coding import merge_records
from detente.coding.merge import dedupe, same_actor
from detente.records import Actor, Mention


def test_actors_with_ids_are_the_same_when_the_ids_agree() -> None:
    a = Actor("Xi", name="Xi Jinping", country="CHN", id="person/xi")
    b = Actor("President Xi", name="Xi Jinping", country="CHN", id="person/xi")
    c = Actor("Xi", name="Xi Jinping", country="CHN", id="person/other")
    assert same_actor(a, b) and not same_actor(a, c)


def test_actors_without_ids_are_the_same_by_name_or_text_and_country() -> None:
    assert same_actor(Actor("the Rebels", country="SYR"), Actor("the rebels", country="SYR"))
    assert not same_actor(Actor("the rebels", country="SYR"), Actor("the rebels", country="IRQ"))
    assert same_actor(Actor("Beijing", name="China", country="CHN"), Actor("China", name="China", country="CHN"))


def test_dedupe_keeps_the_first_of_each_in_order() -> None:
    us, cn = Actor("US", name="United States", country="USA"), Actor("China", name="China", country="CHN")
    again = Actor("the United States", name="United States", country="USA")
    assert dedupe([us, cn, again]) == [us, cn]


def test_merge_records_joins_one_act_reported_twice() -> None:
    def r(type_: str, src: str, tgt: str | None, conf: float, modality: str = "asserted") -> Mention:
        return Mention(mention_id=f"{type_}{src}{conf}", doc_id="d", sentence="s", sentence_index=0,
                           type=type_, mode=None, cameo="042", goldstein=1.9, quad_class=1,
                           modality=modality,  # type: ignore[arg-type]
                           channel="diplomatic", source=[Actor(src, name=src, country="CHN")],
                           target=[Actor(tgt, name=tgt, country="USA")] if tgt else [], confidence=conf)
    merged = merge_records([r("CONSULT", "Wang", None, 0.9), r("CONSULT", "Wang", "Washington", 0.7),
                            r("CONSULT", "Wang", None, 0.5, "negated"), r("ACCUSE", "Wang", None, 0.6)])
    assert [(m.type, m.modality) for m in merged] == [("CONSULT", "asserted"), ("CONSULT", "negated"),
                                                      ("ACCUSE", "asserted")]
    assert [a.name for a in merged[0].target] == ["Washington"]


def test_a_record_restating_anothers_countries_in_general_terms_merges() -> None:
    def r(src: list[Actor], tgt: list[Actor], conf: float) -> Mention:
        return Mention(mention_id=f"m{conf}", doc_id="d", sentence="s", sentence_index=0, type="CONSULT",
                       mode=None, cameo="040", goldstein=1.0, quad_class=1, modality="asserted",
                       channel="diplomatic", source=src, target=tgt, confidence=conf)
    blinken = Actor("Blinken", name="Antony Blinken", country="USA", id="person/usa/antony-blinken")
    wang = Actor("Wang Yi", name="Wang Yi", country="CHN", id="person/chn/wang-yi")
    sides = [Actor("the two sides", country="USA"), Actor("the two sides", country="CHN")]
    # "During the meeting, Blinken told Wang ... the two sides were maintaining open communications": one meeting
    assert len(merge_records([r([blinken], [wang], 0.65), r(sides, [], 0.4)])) == 1
    # two acts of one type by different countries stay two ("Xi was absent from the summit Biden attended")
    xi = Actor("Xi", name="Xi Jinping", country="CHN", id="person/chn/xi-jinping")
    biden = Actor("Biden", name="Joe Biden", country="USA", id="person/usa/joe-biden")
    assert len(merge_records([r([xi], [], 0.6), r([biden], [], 0.6)])) == 2
    # named people of the same countries are not a restatement: each is an act of its own
    assert len(merge_records([r([blinken], [wang], 0.65), r([wang], [blinken], 0.6)])) == 2


def test_a_guessed_recipient_gives_way_to_a_named_one_on_merging() -> None:
    def r(tgt: list[Actor], conf: float) -> Mention:
        return Mention(mention_id=f"m{conf}", doc_id="d", sentence="s", sentence_index=0, type="THREATEN",
                       mode=None, cameo="138", goldstein=-7.0, quad_class=3, modality="asserted",
                       channel="military", source=[Actor("China's Defense Ministry", country="CHN")], target=tgt,
                       confidence=conf)
    guessed = Actor("USA", country="USA")  # the story's other side, supplied because "warning" named nobody
    plots = Actor("Taiwan independence plots", country="TWN")
    [merged] = merge_records([r([guessed], 0.48), r([plots], 0.41)])
    assert merged.target == [plots]
    # a named recipient of no known country does not push the guess out
    [merged] = merge_records([r([guessed], 0.48), r([Actor("hostages")], 0.41)])
    assert [a.country for a in merged.target] == ["USA", None]


def test_an_act_and_the_act_it_answers_stay_two() -> None:
    def r(src: Actor, tgt: Actor, conf: float) -> Mention:
        return Mention(mention_id=f"m{conf}", doc_id="d", sentence="s", sentence_index=0, type="ASSAULT",
                       mode=None, cameo="190", goldstein=-10.0, quad_class=4, modality="asserted",
                       channel="military", source=[src], target=[tgt], confidence=conf)
    rebels, soldiers = Actor("rebels", country="SYR"), Actor("soldiers", country="SYR")
    base = Actor("the army base", country="SYR")
    # "Rebels attacked the army base and soldiers killed them": the attack and the answer to it, two acts
    assert len(merge_records([r(rebels, base, 0.7), r(soldiers, rebels, 0.6)])) == 2
    # a recipient the coder guessed (a bare country) answers nothing: told in general terms, one act
    syria = Actor("SYR", country="SYR")
    assert len(merge_records([r(soldiers, syria, 0.7), r(syria, base, 0.6)])) == 1
