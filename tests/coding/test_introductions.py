"""People a document introduces in full and later calls by their surname alone: the introducing phrase, read once
per document, makes the surname that person of that country."""

from __future__ import annotations

import datetime as dt

from detente.coding import Coder
from detente.coding.context import DocumentContext
from detente.coding.introductions import introduce, introducing_phrases, name_run
from detente.nlp import split_sentences
from detente.records import Document
from detente.resolve.actors import ActorKB, DocumentActors
from tests.coding.test_participants import _coded

ON = dt.date(2024, 3, 1)


def test_the_name_run_is_the_capitalized_words_ending_with_the_surname() -> None:
    assert name_run("U.S. Envoy Tamsin Varleigh", "Varleigh") == ["U.S.", "Envoy", "Tamsin", "Varleigh"]
    assert name_run("Kenya's ambassador, Tamsin Varleigh's", "Varleigh") == ["Tamsin", "Varleigh"]
    assert name_run("the ambassador", "Varleigh") == []


def test_a_title_before_a_comma_is_tried_with_the_name() -> None:
    text = "Kenya's ambassador to the United Nations, Tamsin Varleigh, spoke at the council on Monday."
    assert introducing_phrases(text, "Tamsin Varleigh", "Tamsin Varleigh") == [
        "Tamsin Varleigh", "Kenya's ambassador to the United Nations, Tamsin Varleigh"]
    text = "Kenyan lawmaker Tamsin Varleigh met supporters."
    assert introducing_phrases(text, "Kenyan lawmaker Tamsin Varleigh", "Tamsin Varleigh") == [
        "Kenyan lawmaker Tamsin Varleigh"]


def _context(text: str, parsed: slice) -> DocumentContext:
    sentences = split_sentences(text)
    return DocumentContext(doc=Document(id="d", text=text, published=ON), sentences=sentences,
                           actors=DocumentActors(), countries=set(), selected=sentences[parsed])


def test_an_unknown_person_introduced_with_a_country_is_remembered_for_a_parsed_surname(kb: ActorKB) -> None:
    text = "Kenyan opposition lawmaker Tamsin Varleigh met supporters on Friday. Varleigh accused the police."
    ctx = _context(text, slice(1, None))
    introduce(kb, ctx, (), ON)
    actor = kb.resolve("Varleigh", on=ON, context=ctx.actors)
    assert actor is not None and actor.country == "KEN" and actor.name == "Tamsin Varleigh"
    # a surname no parsed sentence calls anyone by alone is not looked up
    ctx = _context(text, slice(0, 1))
    introduce(kb, ctx, (), ON)
    actor = kb.resolve("Varleigh", on=ON, context=ctx.actors)
    assert actor is None or actor.country is None


def test_a_surname_alone_is_the_person_the_document_introduced_in_full(coder: Coder) -> None:
    # the knowledge base holds Bobi Wine, but "Wine" alone is a common word: the introduction says who
    text = "Ugandan opposition leader Bobi Wine toured the north on Friday. Wine accused the police of beating " \
           "his supporters."
    assert [(i, kind, sources) for i, kind, sources, _t in _coded(coder, text)] == [(1, "ACCUSE", ["UGA"])]
    # a person the knowledge base does not know keeps the country the phrase that introduced them gave
    text = "Kenyan opposition lawmaker Tamsin Varleigh met supporters in Nairobi on Friday. Varleigh accused the " \
           "police of beating her supporters."
    assert (1, "ACCUSE", ["KEN"], [None]) in _coded(coder, text)


def test_a_person_the_knowledge_base_does_not_know_is_who_the_document_introduced(coder: Coder) -> None:
    # the introduction has no event and is never parsed; the later surname is still Albania's minister, not the
    # Serbia its own sentence names
    text = "Albania's interior minister, Tamsin Varleigh, is 52 years old. Varleigh accused Serbia of arming " \
           "smugglers on Monday."
    assert (1, "ACCUSE", ["ALB"], ["SRB"]) in _coded(coder, text)
    # a commentator's field of study is no side: "Varleigh" is not Japan
    text = "Tamsin Varleigh, a lecturer in Japanese foreign policy, is 52 years old. Varleigh accused China of " \
           "bullying its neighbors on Monday."
    assert all(sources != ["JPN"] for _i, _kind, sources, _t in _coded(coder, text))


def test_a_known_person_whose_surname_alone_names_nobody_is_remembered(kb: ActorKB) -> None:
    # "Wine" alone is a common word, not Bobi Wine; the introduction is in a sentence that is never parsed
    text = "That is something Uganda's Bobi Wine knows all too well. Wine says the police beat his supporters."
    assert kb.resolve("Wine", on=ON) is None
    ctx = _context(text, slice(1, None))
    introduce(kb, ctx, (), ON)
    actor = kb.resolve("Wine", on=ON, context=ctx.actors)
    assert actor is not None and (actor.name, actor.country) == ("Bobi Wine", "UGA")


def test_a_known_person_whose_surname_names_them_already_is_not_looked_up_again(kb: ActorKB) -> None:
    text = "That is something Turkish President Recep Tayyip Erdogan knows well. Erdogan says the army is ready."
    ctx = _context(text, slice(1, None))
    introduce(kb, ctx, (), ON)
    assert len(ctx.actors) == 0
