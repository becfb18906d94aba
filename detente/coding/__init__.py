"""Event coding: who did what to whom, as PLOVER event records with CAMEO codes, modality and channel.

``Coder`` is the entry point (see docs/coding.md); the trigger lexicon and the other tables are data files in
``detente/coding/data``.
"""

from detente.coding.coder import Coder, mention_id
from detente.coding.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from detente.coding.merge import merge_records

__all__ = ["PLOVER_TYPES", "Coder", "Lexicon", "load_lexicon", "mention_id", "merge_records"]
