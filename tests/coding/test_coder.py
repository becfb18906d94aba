"""The public API: streaming documents through the coder, stable ids, one-off snippets, confidence, counts."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder, mention_id
from detente.records import Document


def doc(i: str, text: str, published: dt.date | None = dt.date(2024, 3, 1)) -> Document:
    return Document(id=i, text=text, published=published)


def test_documents_stream_in_order_with_their_records(coder: Coder) -> None:
    docs = [doc("a", "Blinken met Wang Yi in Beijing on Tuesday."),
            doc("b", "The weather was mild all week."),  # nothing to parse at all
            doc("c", "China imposed sanctions on three US defense firms. Beijing also summoned the US envoy.")]
    out = list(coder.code_documents(iter(docs)))
    assert [d.id for d, _ in out] == ["a", "b", "c"]
    a, b, c = (records for _, records in out)
    assert [r.type for r in a] == ["CONSULT"] and b == []
    assert [r.type for r in c] == ["SANCTION", "ACCUSE"]
    assert [r.sentence_index for r in c] == [0, 1]
    assert c[0].channel in ("economic", "military") and c[0].quad_class == 4


def test_event_ids_are_stable(coder: Coder) -> None:
    d = doc("z", "Russia expelled two British diplomats on Monday.")
    first = [r.mention_id for _, rs in coder.code_documents([d]) for r in rs]
    again = [r.mention_id for _, rs in coder.code_documents([d]) for r in rs]
    assert first == again and len(first) == 1
    assert mention_id("z", 0, 1, "SANCTION") == first[0]
    assert mention_id("z", 0, 1, "SANCTION") != mention_id("z", 0, 2, "SANCTION")


def test_code_text_uses_the_date_for_officeholders(coder: Coder) -> None:
    [r] = coder.code_text("The US president met the Chinese president in Bali.", on=dt.date(2022, 11, 14))
    assert r.type == "CONSULT"
    assert {a.country for a in r.source + r.target} == {"USA", "CHN"}


def test_the_two_countries_leaders_are_their_heads_of_state_then(coder: Coder) -> None:
    text = ("Russia and China signed a trade deal in Moscow. The presidents of the two countries held talks "
            "on Tuesday.")
    found = [r for r in coder.code_text(text, on=dt.date(2019, 6, 5)) if r.trigger and "talks" in r.trigger]
    assert found and {a.name for a in found[0].source + found[0].target} == {"Vladimir Putin", "Xi Jinping"}


def test_modified_leaders_of_the_two_countries_stay_anonymous(coder: Coder) -> None:
    text = ("Russia and China signed a trade deal in Moscow. Opposition leaders of the two countries held talks "
            "on Tuesday.")
    found = [r for r in coder.code_text(text, on=dt.date(2019, 6, 5)) if r.trigger and "talks" in r.trigger]
    assert found and all(a.name is None for a in found[0].source + found[0].target)


def test_unresolvable_events_are_dropped(coder: Coder) -> None:
    assert coder.code_text("Some people met other people.") == []


def test_prefilter_skips_sentences_without_triggers(kb) -> None:
    c = Coder(kb=kb)
    text = "China's economy grew. Blinken visited Beijing. Prices rose in Shanghai. Wang met Blinken."
    list(c.code_documents([doc("p", text)]))
    assert c.stats["sentences"] == 4 and c.stats["parsed"] == 2


def test_confidence_follows_the_weights_file(coder: Coder) -> None:
    # "meet" has the default prior 0.9 (triggers.yaml), a main clause keeps it; confidence.yaml: both sides 1.0,
    # asserted 1.0, negated 0.7
    [both] = coder.code_text("Blinken met Wang Yi in Beijing.", on=dt.date(2024, 3, 1))
    assert both.confidence == pytest.approx(0.9)
    [negated] = coder.code_text("Blinken did not meet Wang Yi.", on=dt.date(2024, 3, 1))
    assert negated.modality == "negated" and negated.confidence == pytest.approx(0.9 * 0.7)


def test_stats_and_timings_count_the_work(kb) -> None:
    c = Coder(kb=kb)
    out = list(c.code_documents([doc("a", "Blinken met Wang Yi in Beijing. Russia expelled two British diplomats.")]))
    assert c.stats["documents"] == 1 and c.stats["sentences"] == 2 and c.stats["parsed"] == 2
    assert c.stats["events"] == sum(len(records) for _, records in out) == 2
    assert c.timings["prefilter"] > 0 and c.timings["code"] > 0
    c.warm()
    assert not c.stats and not c.timings  # warming up is not work


def test_two_of_a_state_agent_are_the_documents_two_countries(coder: Coder) -> None:
    text = ("China and the United States held talks in Beijing on Monday. "
            "Both foreign ministers agreed to meet again in March. "
            "The two senior diplomats pledged to keep talking.")
    doc = Document(id="pair", text=text, published=dt.date(2024, 3, 6))
    [(_, records)] = list(coder.code_documents([doc]))
    later = [r for r in records if r.sentence_index > 0]
    assert {r.sentence_index for r in later} == {1, 2}
    assert all({a.country for a in r.source} == {"CHN", "USA"} for r in later)


def test_a_dateline_places_the_lead_not_the_whole_story(coder: Coder) -> None:
    text = ("BEIJING, June 19 (Reuters) - Chinese President Xi Jinping met U.S. Secretary of State Antony Blinken "
            "on Monday. Xi told Blinken that the two countries should respect each other.\n\n"
            "Separately, Japan criticized China over its military drills. "
            "Later, Australia criticized China over the detention of a journalist.")
    doc = Document(id="wire", text=text, published=dt.date(2023, 6, 20))
    [(_, records)] = list(coder.code_documents([doc]))
    meeting = next(r for r in records if r.type == "CONSULT")
    assert meeting.location is not None and meeting.location.name == "Beijing"
    assert all(r.location is None or r.location.name != "Beijing" for r in records if r.sentence_index > 1)


def test_coercion_with_no_recipient_named_is_done_at_home(coder: Coder) -> None:
    [ban] = [r for r in coder.code_text("The Taliban banned her book.", on=dt.date(2024, 11, 20))
             if r.type == "COERCE"]
    assert [a.country for a in ban.source] == ["AFG"] and [a.country for a in ban.target] == ["AFG"]
    [arrest] = [r for r in coder.code_text("Chinese police detained a Japanese businessman.",
                                           on=dt.date(2024, 11, 20)) if r.type == "COERCE"]
    assert [a.country for a in arrest.target] == ["JPN"]  # a named recipient stays


def test_a_hosted_visit_with_no_place_named_is_in_the_hosts_country(coder: Coder) -> None:
    [visit] = coder.code_text("Xi hosted Biden on Monday.", on=dt.date(2023, 6, 21))
    assert visit.location is not None and (visit.location.country, visit.location.precision) == ("CHN", "country")
    [meeting] = coder.code_text("Blinken met Wang Yi on Monday.", on=dt.date(2023, 6, 21))
    assert meeting.location is None  # a meeting says nothing of whose country it was in


def test_trace_files_each_sentence_under_the_furthest_stage_it_reached(coder: Coder) -> None:
    text = ("The weather in the capital was mild this week. "  # no trigger word: not parsed
            "Chinese officials met somebody. "  # parsed, nothing read from it
            "China said the talks were about the weather in Beijing. "  # the talks: nobody takes part
            "The United States imposed sanctions.")
    plain = list(coder.code_documents([doc("t", text)]))
    coder.trace = {}
    try:
        traced = list(coder.code_documents([doc("t", text)]))
        assert coder.trace == {("t", 0): "not parsed", ("t", 1): "no trigger", ("t", 2): "no actor",
                               ("t", 3): "coded"}
    finally:
        coder.trace = None
    assert traced == plain  # tracing changes no record


def test_a_quote_that_goes_on_from_the_sentence_before_is_its_speakers(coder: Coder) -> None:
    """The speaker named in one sentence ('"...," Wang said.') is the source of a judgement in the quote the next
    sentence goes on with; a sentence outside quotation marks is nobody's."""
    said = 'Chinese Foreign Minister Wang Yi met reporters in Beijing on Monday. "We are ready to talk," Wang said. '
    quoted = coder.code_text(said + '"But the United States is irresponsible and hypocritical."', dt.date(2024, 1, 8))
    assert [(r.type, [a.country for a in r.source], [a.country for a in r.target]) for r in quoted] == \
        [("ACCUSE", ["CHN"], ["USA"])]
    assert coder.code_text(said + "The United States is irresponsible and hypocritical.", dt.date(2024, 1, 8)) == []


def test_an_accusation_with_no_accuser_named_keeps_an_empty_source(coder: Coder) -> None:
    records = coder.code_text("France was accused of arming the rebels in Mali.", dt.date(2024, 1, 8))
    accusations = [r for r in records if r.type == "ACCUSE"]
    assert [([a.country for a in r.source], [a.country for a in r.target]) for r in accusations] == [([], ["FRA"])]
    named = coder.code_text("Mali accused France of arming the rebels.", dt.date(2024, 1, 8))
    assert [[a.country for a in r.source] for r in named if r.type == "ACCUSE"] == [["MLI"]]


def test_a_passive_accusation_with_its_accuser_named_is_the_accusers(coder: Coder) -> None:
    records = coder.code_text("France was accused by Mali of arming the rebels.", dt.date(2024, 1, 8))
    assert [(r.type, [a.country for a in r.source], [a.country for a in r.target]) for r in records] == \
        [("ACCUSE", ["MLI"], ["FRA"])]


def test_a_person_named_in_a_screened_sentence_is_remembered(coder: Coder) -> None:
    """A prediction is no event (``conventions.screen``), but the person it names in full is the one the next
    sentence calls by the surname alone: "Wang" is Wang Yi of China, not an unknown of the sentence's other
    country."""
    story = "Chinese Foreign Minister Wang Yi will probably visit Moscow next month, analysts said. " \
        "On Monday, Wang accused the United States of hypocrisy."
    records = coder.code_text(story, dt.date(2024, 1, 8))
    assert [(r.sentence_index, r.type, [(a.name, a.country) for a in r.source]) for r in records] == \
        [(1, "ACCUSE", [("Wang Yi", "CHN")])]


def test_remembering_a_screened_sentence_codes_nothing_of_it(coder: Coder) -> None:
    """Resolving a screened candidate's actors for the memory neither codes it nor counts it as dropped."""
    before = dict(coder.stats)
    records = coder.code_text("Chinese Foreign Minister Wang Yi will probably visit Moscow next month, analysts said.",
                              dt.date(2024, 1, 8))
    assert records == []
    assert coder.stats["dropped_unresolved"] == before.get("dropped_unresolved", 0)


def test_a_body_named_in_a_screened_sentence_is_what_the_group_refers_to(coder: Coder) -> None:
    """"The group" and "the ministry" stand for the body the sentence before named, also when that sentence's
    event (a prediction) is not coded: not for the one country the sentence itself names."""
    group = "Al-Shabab fighters will probably attack Kenyan bases next month, analysts said. " \
        "On Monday, the group accused Ethiopia of killing civilians."
    ministry = "The Kenyan Foreign Ministry will probably meet Somali officials next month, analysts said. " \
        "On Monday, the ministry accused Ethiopia of arming rebels."
    coded = [r for story in (group, ministry) for r in coder.code_text(story, dt.date(2024, 1, 8))]
    assert [(r.sentence_index, r.type, [a.country for a in r.source]) for r in coded] == \
        [(1, "ACCUSE", ["SOM"]), (1, "ACCUSE", ["KEN"])]


def test_a_meeting_dropped_as_one_sided_still_names_the_ministry(coder: Coder) -> None:
    """A reciprocal verb with nobody met is no meeting, but "the ministry" of the next sentence is the one it
    named."""
    story = "The Kenyan Foreign Ministry discussed how to end the war. " \
        "On Monday, the ministry accused Ethiopia of arming rebels."
    records = coder.code_text(story, dt.date(2024, 1, 8))
    assert [(r.sentence_index, r.type, [a.country for a in r.source]) for r in records] == [(1, "ACCUSE", ["KEN"])]
