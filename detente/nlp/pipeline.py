"""Loading the spaCy pipeline once, with only the components event coding reads.

Coding reads part-of-speech tags, lemmas, the dependency parse and named entities; everything else a model may
carry (sentence recognizer, text classifiers, custom components) is excluded at load time so it costs
nothing. Named entities come by default from rules over the tags and the actor knowledge base
(``detente.nlp.entities``): the small model's NER is about half its parse time. ``entities="model"`` keeps the
model's own NER instead (for a model whose NER is worth its cost, or whose tag set is not the Penn Treebank's).
The model is a parameter everywhere so users can bring their own package or path.
"""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

import spacy
from spacy.language import Language

from detente.config import DEFAULT_MODEL, ENTITY_SOURCES, EntitySource
from detente.nlp.entities import FACTORY as RULE_ENTITIES
from detente.nlp.entities import RuleEntities
from detente.nlp.matmul import use_numpy_products
from detente.nlp.taglemma import install as install_tag_lemma_cache

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

NEEDED_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, components: tuple[str, ...] = NEEDED_COMPONENTS,
             entities: EntitySource = "rules", kb: ActorKB | None = None) -> Language:
    """The pipeline ``model`` (package name or path) with every component outside ``components`` removed.

    ``entities``: "rules" adds the rule-based entity component (named ``entities``, when the pipeline keeps a
    tagger), labelling names from ``kb`` (the bundled knowledge base when None); "model" keeps the model's
    ``ner``. Cached per argument tuple: loading takes about a second and the pipeline is read-only afterwards.
    Raises ``OSError`` with spaCy's message when the model is not installed. ``attribute_ruler`` and
    ``lemmatizer`` are replaced by one ``tag_lemma`` component with the same output (see ``taglemma``).
    """
    if entities not in ENTITY_SOURCES:
        raise ValueError(f"entities must be one of {', '.join(ENTITY_SOURCES)}, not {entities!r}")
    keep = set(components) | ({"ner"} if entities == "model" else set())
    nlp = spacy.load(model, exclude=[name for name in _model_components(model) if name not in keep])
    for name in list(nlp.pipe_names):  # what the model's meta did not list, if anything
        if name not in keep:
            nlp.remove_pipe(name)
    # The attribute ruler and the lemmatizer memoized per (word, tag, dep): identical output, less Python per
    # token (detente/nlp/taglemma.py).
    install_tag_lemma_cache(nlp)
    if entities == "rules" and "tagger" in nlp.pipe_names:
        _install_rule_entities(nlp, kb)
    # matrix products through numpy's BLAS on one thread, not BLIS: same parses, a third of the time on the
    # development machine (detente/nlp/matmul.py)
    use_numpy_products(nlp)
    return nlp


def _model_components(model: str) -> list[str]:
    """The components the model's ``meta.json`` lists, read before loading: those coding does not read are then
    excluded from the load rather than removed after it, so their weights are never deserialized (the small
    model's NER and sentence recognizer: about 0.07 s of the serial start-up before the workers fork). Empty
    when the meta cannot be read; spaCy then loads everything and ``load_nlp`` removes what it does not keep."""
    try:
        path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else Path(model)
        meta = spacy.util.get_model_meta(path)
    except (OSError, ValueError):
        return []
    names = meta.get("components") or meta.get("pipeline") or []
    return [str(name) for name in names] if isinstance(names, list) else []


def _install_rule_entities(nlp: Language, kb: ActorKB | None) -> None:
    from detente.resolve.actors import default_kb
    from detente.resolve.actors.names import label_names
    from detente.resolve.places import place_label

    component = cast(RuleEntities, nlp.add_pipe(RULE_ENTITIES, name="entities"))  # what the factory makes
    component.set_labellers(partial(label_names, kb or default_kb()), place_label)


def pipeline_summary(nlp: Language) -> str:
    """``name version: components`` for logs and benchmark reports."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}: " + \
        ", ".join(nlp.pipe_names)
