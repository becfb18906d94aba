"""The language layer: one spaCy pipeline, rule-based sentence splitting and the pre-parse filter."""

from detente.nlp.pipeline import DEFAULT_MODEL, NEEDED_COMPONENTS, load_nlp, pipeline_summary
from detente.nlp.prefilter import Prefilter, Verdict
from detente.nlp.sentences import Sentence, split_sentences

__all__ = [
    "DEFAULT_MODEL",
    "NEEDED_COMPONENTS",
    "Prefilter",
    "Sentence",
    "Verdict",
    "load_nlp",
    "pipeline_summary",
    "split_sentences",
]
