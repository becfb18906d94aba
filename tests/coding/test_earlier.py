"""The readers of earlier sentences (``coding/earlier.py``), called directly: what each answers for a phrase with
no name of its own, from the sentences, the described actors and the reported events before it."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from detente.coding.earlier import (
    bare_the,
    described_before,
    described_person,
    named_in_sentence,
    pair_named,
    people_introduced,
    persons_named,
    quote_attribution,
    reported_before,
    speaking,
)
from detente.coding.references import Mentioned
from detente.coding.spans import Arg
from detente.records import Actor
from tests.coding.test_participants import BLINKEN, Candidates, context
from tests.test_records import mention

ON = dt.date(2024, 3, 1)


def _arg(nlp: Language, text: str, head: str) -> Arg:
    tok = next(t for t in nlp(text) if t.text == head)
    return Arg(token=tok, texts=(" ".join(t.text for t in tok.subtree),), via="nsubj")


def test_persons_named_are_each_once_by_their_name(kb) -> None:
    ctx = context("Blinken met Wang Yi. Blinken said more.")
    found = persons_named(kb, ctx, "Blinken met Wang Yi, and Blinken said so.", ON)
    assert [(a.name, a.text, a.country) for a in found] == [("Antony Blinken", "Antony Blinken", "USA"),
                                                            ("Wang Yi", "Wang Yi", "CHN")]


def test_a_capitalized_word_opening_the_sentence_is_no_part_of_a_name_when_asked(kb) -> None:
    ctx = context("But Blinken clarified it.")
    assert persons_named(kb, ctx, "But Blinken clarified it.", ON) == []
    assert [a.name for a in persons_named(kb, ctx, "But Blinken clarified it.", ON, opener=True)] == \
        ["Antony Blinken"]


def test_a_quote_over_several_sentences_is_the_person_named_where_it_closes(kb) -> None:
    story = 'Talks went on for hours. "We are ready. We want an agreement," Blinken said. It rained.'
    ctx = context(story)
    assert [a.name for a in quote_attribution(kb, ctx, 1, ON)] == ["Antony Blinken"]
    # a quote that closes on an attribution naming two people, or on none at all, says nobody
    ctx = context('Talks went on for hours. "We are ready. We want an agreement," Blinken and Wang Yi said.')
    assert quote_attribution(kb, ctx, 1, ON) == []


def test_of_several_persons_named_the_one_a_verb_of_saying_stands_next_to_speaks(kb) -> None:
    text = "Blinken met Wang Yi in Beijing."
    ctx = context(f"{text} It rained.")
    assert speaking(kb, ctx, "We are close, Blinken said after talks with Wang Yi.", ON)[0].name == "Antony Blinken"
    assert [a.name for a in speaking(kb, ctx, "We are close, said Wang Yi, who met Blinken.", ON)] == ["Wang Yi"]
    # no verb of saying by either name, or one by each, says nobody
    assert speaking(kb, ctx, text, ON) == []
    assert speaking(kb, ctx, "Blinken said so and Wang Yi added more.", ON) == []


def test_a_quoted_paragraph_is_the_speaker_named_where_it_opened(kb) -> None:
    story = 'Blinken met reporters. "We are ready," he said. "We want an agreement. We will sign it." It rained.'
    ctx = context(story)
    assert [a.name for a in quote_attribution(kb, ctx, 3, ON)] == ["Antony Blinken"]
    # outside the quote the run is broken: the sentence after it is nobody's
    assert quote_attribution(kb, ctx, 4, ON) == []
    # the speaker coded in a sentence of the run is taken before a name
    ctx.mentioned.append(Mentioned(1, BLINKEN, speaker=True))
    assert quote_attribution(kb, ctx, 3, ON) == [BLINKEN]


def test_a_sentence_with_a_person_pronoun_of_its_own_gives_nobody(kb) -> None:
    ctx = context("He met Wang Yi in Beijing. It rained.")
    assert named_in_sentence(kb, ctx, 0, "person", ON) == []
    assert named_in_sentence(kb, ctx, 5, "person", ON) == []  # no such sentence
    ctx = context("Blinken met Wang Yi in Beijing. It rained.")
    assert [a.name for a in named_in_sentence(kb, ctx, 0, "person", ON)] == ["Antony Blinken", "Wang Yi"]


def test_a_pair_needs_two_people_of_two_countries_in_the_sentence_before(kb, nlp: Language) -> None:
    ctx = context("Blinken met Wang Yi in Beijing. The two ministers talked for hours.")
    arg = _arg(nlp, "The two ministers talked for hours.", "ministers")
    assert [a.country for a in pair_named(kb, ctx, arg, 1, ON)] == ["USA", "CHN"]
    assert pair_named(kb, ctx, arg, 0, ON) == []  # nothing before the first sentence
    countries = _arg(nlp, "The two countries talked for hours.", "countries")
    assert pair_named(kb, ctx, countries, 1, ON) == []  # not a phrase about people


def test_the_bare_the_is_only_a_determiner_before_the_head(nlp: Language) -> None:
    assert bare_the(_arg(nlp, "The ministry said so.", "ministry").token)
    assert not bare_the(_arg(nlp, "The defense ministry said so.", "ministry").token)
    assert not bare_the(_arg(nlp, "A ministry said so.", "ministry").token)


def test_a_bare_definite_noun_is_the_actor_last_described_with_it(kb, nlp: Language) -> None:
    ctx = context("x")
    army, police = kb.resolve("Somali army", on=ON), kb.resolve("Kenyan police", on=ON)
    assert army is not None and police is not None
    ctx.described.extend([("airstrike", police), ("airstrike", army)])
    assert described_before(ctx, _arg(nlp, "The airstrikes targeted a camp.", "airstrikes")) == army
    assert described_before(ctx, _arg(nlp, "The Iraqi airstrikes targeted a camp.", "airstrikes")) is None
    assert described_before(ctx, _arg(nlp, "The raids targeted a camp.", "raids")) is None


def test_a_definite_noun_event_is_the_latest_of_its_type_reported_before(candidates: Candidates) -> None:
    [cand] = [c for c in candidates("The attack marked an escalation.") if c.coded.type == "ASSAULT"]
    ctx = context("x")
    assert reported_before(ctx, cand, 3) is None  # no event reported before
    ctx.records.extend([mention(type="ASSAULT", sentence_index=0, source=[], target=[BLINKEN]),
                        mention(type="CONSULT", sentence_index=1),
                        mention(type="ASSAULT", sentence_index=3, target=[])])
    assert reported_before(ctx, cand, 3) == ([], [BLINKEN])  # of its type, before its own sentence
    [indefinite] = [c for c in candidates("An attack marked an escalation.") if c.coded.type == "ASSAULT"]
    assert reported_before(ctx, indefinite, 3) is None


def test_people_introduced_are_read_with_the_words_before_their_name(kb) -> None:
    ctx = context("x")
    found = people_introduced(kb, ctx, "Yesterday, Kenyan rebel commander Omari Baraka Tundu spoke to Blinken.", ON)
    assert [(a.name, a.country, a.sector) for a in found][:1] == [("Omari Baraka Tundu", "KEN", "REB")]


def _described(kb, nlp: Language, story: str, sentence: str, head: str) -> Actor | None:
    ctx = context(story)
    arg = _arg(nlp, sentence, head)
    generic = kb.resolve(arg.texts[0], on=ON)
    assert generic is not None and generic.country is None
    return described_person(kb, ctx, arg, generic, len(ctx.sentences) - 1, ON)


def test_a_described_person_is_the_one_named_last_whose_sector_it_fits(kb, nlp: Language) -> None:
    story = ("Kenyan rebel commander Omari Baraka Tundu met Blinken. Talks went on. "
             "The veteran militant was arrested.")
    found = _described(kb, nlp, story, "The veteran militant was arrested.", "militant")
    assert found is not None and (found.name, found.country) == ("Omari Baraka Tundu", "KEN")
    # an armed man of no state is described as a militant too (references.yaml, described_fits)
    story = "Palestinian gunman Omari Baraka Tundu was seen. Talks went on. The militant was arrested."
    found = _described(kb, nlp, story, "The militant was arrested.", "militant")
    assert found is not None and found.country == "PSE"


def test_a_described_person_who_fits_no_one_stays_unnamed(kb, nlp: Language) -> None:
    # the person named is of a state, the described one an armed man of none
    story = "Kenyan Interior Minister Omari Baraka Tundu spoke. The militant was arrested."
    assert _described(kb, nlp, story, "The militant was arrested.", "militant") is None
    # out of reach: three sentences back
    story = "Kenyan rebel commander Omari Baraka Tundu spoke. It rained. Talks went on. The militant was arrested."
    assert _described(kb, nlp, story, "The militant was arrested.", "militant") is None
    # a description that says more than adjectives is its own ("the Hamas militant")
    story = "Kenyan rebel commander Omari Baraka Tundu spoke. The Hamas militant was arrested."
    ctx = context(story)
    arg = _arg(nlp, "The Hamas militant was arrested.", "militant")
    assert described_person(kb, ctx, arg, kb.resolve("militant", on=ON) or BLINKEN, 1, ON) is None
