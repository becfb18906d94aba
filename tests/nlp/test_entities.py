"""The rule-based entity pass: names typed from the knowledge base and the gazetteer, dates, times, amounts."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.language import Language

from detente.nlp import load_nlp
from detente.nlp.entities import RuleEntities, _runs


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(("text", "expected"), [
    # titles end a name; the knowledge base's people, countries and demonyms keep their own types
    ("Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Monday, June 19, 2023.",
     [("Antony Blinken", "PERSON"), ("Chinese", "NORP"), ("Wang Yi", "PERSON"), ("Beijing", "GPE"),
      ("Monday", "DATE"), ("June 19, 2023", "DATE")]),
    # a body the knowledge base knows whole, a hyphenated pair of countries in one token
    ("Chinese Foreign Ministry spokesman Wang Wenbin said the U.S.-China relationship is at a low point.",
     [("Chinese Foreign Ministry", "ORG"), ("Wang Wenbin", "PERSON"), ("U.S.-China", "GPE")]),
    # a month inside a name is the name; durations, money, percentages
    ("Theresa May visited the University of Virginia two days ago and spent $5 million, 20 percent more "
     "than last year.",
     [("Theresa May", "PERSON"), ("the University of Virginia", "ORG"), ("two days ago", "DATE"),
      ("$5 million", "MONEY"), ("20 percent", "PERCENT"), ("last year", "DATE")]),
    # names nobody listed: typed by their head word, joined to the known name before them
    ("The Xinhua News Agency said Tony Blinken flew to Beijing Capital International Airport early last week.",
     [("The Xinhua News Agency", "ORG"), ("Tony Blinken", "PERSON"), ("Beijing Capital International Airport", "FAC"),
      ("early last week", "DATE")]),
    ("On the first day of the New Year, Xi Jinping and Joe Biden exchanged letters on the 45th anniversary.",
     [("the first day", "DATE"), ("the New Year", "DATE"), ("Xi Jinping", "PERSON"), ("Joe Biden", "PERSON"),
      ("45th", "ORDINAL")]),
    # "March" the month is a date, not a protest; a hyphenated region the knowledge base knows
    ("In March, protesters in Kunming and Xiamen marched across the Indo-Pacific.",
     [("March", "DATE"), ("Kunming", "GPE"), ("Xiamen", "GPE"), ("the Indo-Pacific", "LOC")]),
    ("The Ministry of Commerce and the People's Liberation Army held drills near the Taiwan Strait during the "
     "Lunar New Year.",
     [("The Ministry of Commerce", "ORG"), ("the People's Liberation Army", "ORG"), ("the Taiwan Strait", "LOC"),
      ("the Lunar New Year", "DATE")]),
    # peoples and languages nobody listed; an unknown first name before a known surname is one person
    ("Uyghurs and Kurds speak Mandarin, Adrianna Zhang wrote.",
     [("Uyghurs", "NORP"), ("Kurds", "NORP"), ("Mandarin", "LANGUAGE"), ("Adrianna Zhang", "PERSON")]),
    # the article goes with organizations, regions and many-word countries, as in OntoNotes
    ("Envoys of the United States and the Philippines met at the United Nations.",
     [("the United States", "GPE"), ("Philippines", "GPE"), ("the United Nations", "ORG")]),
    # an unknown surname is a person; a number before a plural noun is a count, not a year
    ("Smith told reporters at the Pentagon on Jan. 3 that 2000 troops would leave by 2025.",
     [("Smith", "PERSON"), ("the Pentagon", "ORG"), ("Jan. 3", "DATE"), ("2000", "CARDINAL"), ("2025", "DATE")]),
    ("Talks resumed at 3:30 p.m. on Friday morning, the second round this month.",
     [("3:30 p.m.", "TIME"), ("Friday morning", "TIME"), ("second", "ORDINAL"), ("this month", "DATE")]),
    # the capital named with its district's code is the capital, a place (not a seat of government)
    ("Protesters marched in Washington DC and in Washington D.C. again.",
     [("Washington DC", "GPE"), ("Washington D.C.", "GPE")]),
])  # fmt: skip
def test_entities(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert ents(nlp, text) == expected


def test_accented_names_keep_their_offsets(nlp: Language) -> None:
    # the knowledge base folds accents ("Erdoğan" -> "Erdogan"); spans must still land on the right tokens
    assert ents(nlp, "Recep Tayyip Erdoğan met Jonas Gahr Støre in Ankara.") == [
        ("Recep Tayyip Erdoğan", "PERSON"), ("Jonas Gahr Støre", "PERSON"), ("Ankara", "GPE")]


def test_used_before_configured_fails_loudly(nlp: Language) -> None:
    bare = RuleEntities(nlp.vocab)
    doc = nlp.make_doc("Xi Jinping")
    for tok in doc:
        tok.tag_ = "NNP"
    with pytest.raises(RuntimeError, match="set_labellers"):
        bare(doc)


def test_a_custom_knowledge_base_types_its_own_names(tmp_path: Path) -> None:
    from detente.resolve.actors import ActorKB

    nlp = load_nlp()
    before = ents(nlp, "Envoy Zorblax Quentworth arrived.")
    assert ("Zorblax Quentworth", "PERSON") in before  # unknown two-word name: a person by default
    extra = tmp_path / "bodies.yaml"
    extra.write_text("country: FRA\nbodies:\n  - {name: Zorblax Quentworth, sector: BUS}\n", encoding="utf-8")
    custom = load_nlp(kb=ActorKB.load([extra]))
    assert ("Zorblax Quentworth", "ORG") in ents(custom, "Envoy Zorblax Quentworth arrived.")


def test_windows_around_anchors_find_what_the_whole_sentence_holds(nlp: Language, voa_path: Path) -> None:
    """Dates and amounts are matched only around anchor words, names only on runs of the tokens a name can be
    made of, a batch at a time; the result must equal the matchers run over every whole sentence (the examples
    and the first 20 VOA stories; a missing corpus skips)."""
    import json

    from detente.nlp import split_sentences
    from tests.conftest import EXAMPLES

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [json.loads(line)["text"] for line in voa_path.read_text(encoding="utf-8").splitlines()[:20] if line]
    sentences = [s.text for text in texts for s in split_sentences(text)]
    sentences += ["At 3:30 on the 4th, in the 1990s, $5 bn and 20 per cent of it went on Eid al-Fitr.",
                  "The Chinese Ministry of Foreign Affairs and the Bank of the United States - Xi 's aide said."]
    component = nlp.get_pipe("entities")
    assert isinstance(component, RuleEntities)
    windowed = [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(sentences, batch_size=64)]
    whole = []
    for doc in nlp.pipe(sentences, disable=["entities"]):
        component._label(doc, [(0, len(doc))], [(0, len(doc))])
        whole.append([(e.start, e.end, e.label_) for e in doc.ents])
    assert len(sentences) > 300
    assert windowed == whole


@given(st.lists(st.sampled_from(["core", "member", "other"]), max_size=40))
@example([])
@example(["core"])
@example(["member", "core", "other", "member", "other", "core"])
def test_runs_are_the_stretches_of_members_that_hold_a_core_token(kinds: list[str]) -> None:
    member = numpy.array([k != "other" for k in kinds], dtype=bool)
    core = numpy.array([k == "core" for k in kinds], dtype=bool)
    expected, pos = [], 0
    for is_member, group in itertools.groupby(kinds, key=lambda k: k != "other"):
        n = len(list(group))
        if is_member and "core" in kinds[pos:pos + n]:
            expected.append((pos, pos + n))
        pos += n
    assert _runs(member, core) == expected
