"""A conditional announcement reaches the coder whichever future auxiliary writes it: the prefilter pairs "if" and
"unless" with the grammar's future and "would" auxiliaries (detente/grammar.yaml), the ones the coder's
conditional-threat rule reads ("shall" and "going to" used to be missing from a copy of them)."""

from __future__ import annotations

import pytest

from detente.coding import Coder
from detente.coding.lexicon import load_lexicon
from detente.coding.modality import load_cues
from detente.coding.selection import SentenceSelector
from detente.resolve.actors import ActorKB


@pytest.mark.parametrize("text", [
    "Turkey will buy Russian aircraft unless Washington acts.",
    "Turkey won't buy Russian aircraft unless Washington acts.",
    "Turkey would buy Russian aircraft unless Washington acts.",
    "Turkey shall buy Russian aircraft unless Washington acts.",
    "Turkey is going to buy Russian aircraft unless Washington acts.",
])
def test_a_conditional_announcement_is_parsed_and_coded_as_a_threat(kb: ActorKB, coder: Coder, text: str) -> None:
    selected = SentenceSelector(kb, load_lexicon(), load_cues()).select(text).selected
    assert [s.text for s in selected] == [text]
    assert [m.type for m in coder.code_text(text)] == ["THREATEN"]


def test_a_condition_without_an_announced_act_is_not_parsed(kb: ActorKB) -> None:
    text = "Turkey buys Russian aircraft unless Washington acts."
    assert SentenceSelector(kb, load_lexicon(), load_cues()).select(text).selected == []
