"""Loading the spaCy pipeline once, with only the components event coding reads.

Coding reads part-of-speech tags, lemmas, the dependency parse and named entities; everything else a model may
carry (sentence recognizer, text classifiers, custom components) is excluded at load time so it costs
nothing. The model is a parameter everywhere so users can bring their own package or path.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from detente.config import DEFAULT_MODEL
from detente.nlp.taglemma import install as install_tag_lemma_cache

NEEDED_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, components: tuple[str, ...] = NEEDED_COMPONENTS) -> Language:
    """The pipeline ``model`` (package name or path) with every component outside ``components`` removed.

    Cached per (model, components): loading takes about a second and the pipeline is read-only afterwards.
    Raises ``OSError`` with spaCy's message when the model is not installed. ``attribute_ruler`` and
    ``lemmatizer`` are replaced by one ``tag_lemma`` component with the same output (see ``taglemma``).
    """
    nlp = spacy.load(model)
    for name in list(nlp.pipe_names):
        if name not in components:
            nlp.remove_pipe(name)
    # The attribute ruler and the lemmatizer memoized per (word, tag, dep): identical output, less Python per
    # token (detente/nlp/taglemma.py).
    return install_tag_lemma_cache(nlp)


def pipeline_summary(nlp: Language) -> str:
    """``name version: components`` for logs and benchmark reports."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}: " + \
        ", ".join(nlp.pipe_names)
