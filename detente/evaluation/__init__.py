"""Scoring the coder against labelled data: PLOVER gold-standard sentences coded alone (``gold``), and every
sentence of real news articles coded in context (``news``)."""

from detente.evaluation.gold import EvaluationResult, GoldRecord, evaluate, format_result, read_gold

__all__ = ["EvaluationResult", "GoldRecord", "evaluate", "format_result", "read_gold"]
