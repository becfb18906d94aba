"""The text and the words of a parsed sentence, computed once per sentence and shared by all its candidates."""

from __future__ import annotations

from spacy.tokens import Doc

from detente.syntax import lemma, tokens


def sentence_text(doc: Doc) -> str:
    """``Doc.text`` joins the tokens again on every call; each parsed sentence keeps its text once."""
    text = doc.user_data.get("detente.text")
    if text is None:
        text = doc.user_data["detente.text"] = doc.text
    return text


def sentence_words(doc: Doc) -> list[str]:
    """Every word of the sentence and its lemma, once per sentence for all its candidates' channel evidence."""
    words = doc.user_data.get("detente.words")
    if words is None:
        words = doc.user_data["detente.words"] = [w for t in tokens(doc) for w in (t.lower_, lemma(t))]
    return words
