"""``ActorKB.countries_in``: the fast reading must name exactly the countries a full ``Scanner.scan`` finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.resolve.actors import ActorKB, _countries, default_kb
from detente.resolve.actors._data import NON_STATE
from detente.resolve.actors._index import COUNTRY_KINDS
from detente.resolve.actors._span import Item, Scanner

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return default_kb()


def reference(kb: ActorKB, text: str) -> set[str]:
    """``countries_in`` as it was written over the full scan (items, zones and all): the behaviour to keep."""
    ix = kb._ix
    items = Scanner(ix).scan(text, None).items

    def portfolio(i: int) -> bool:
        if not items[i].of("body") or i == 0 or i + 1 >= len(items):
            return False
        before: Item = items[i - 1]
        after: Item = items[i + 1]
        return before.has(*COUNTRY_KINDS) and after.has("agent", "office")

    out: set[str] = set()
    for i, it in enumerate(items):
        if portfolio(i):
            continue
        owners = {lx.entity.id for lx in it.of("surname") if lx.entity is not None}
        unique_surname = len(owners) == 1 and it.low not in ix.weak_surnames
        for lx in it.lexes:
            if lx.kind in COUNTRY_KINDS and lx.code:
                out.add(lx.code)
            elif lx.entity is not None and (lx.kind in {"person", "body"} or (lx.kind == "surname" and unique_surname)):
                t = lx.entity.latest()
                out.add(t.country if t and t.country else lx.entity.country)
    return out - NON_STATE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonyms, people nouns, and several in one sentence
        ("Chinese officials said", {"CHN"}),
        ("Americans", {"USA"}),
        ("Israeli and Palestinian negotiators", {"ISR", "PSE"}),
        # capitals and seats of government
        ("Beijing said on Monday", {"CHN"}),
        ("Pyongyang fired a missile", {"PRK"}),
        ("the White House said", {"USA"}),
        ("the Kremlin", {"RUS"}),
        ("Downing Street", {"GBR"}),
        ("The Hague", {"NLD"}),
        # known people, by full name or by a surname only one person bears
        ("Xi Jinping met Blinken", {"CHN", "USA"}),
        ("Blinken said", {"USA"}),
        ("Kremlin spokesman Dmitry Peskov", {"RUS"}),
        ("Kim said", set()),  # a surname many people bear names nobody
        # one-edit misspellings of long names, only when capitalised
        ("Ethopia has agreed to re-open its borders", {"ETH"}),
        ("ETHOPIA", {"ETH"}),
        ("Phillippines", {"PHL"}),
        ("phillippines", set()),
        # possessives and hyphenated pairs
        ("China's foreign ministry", {"CHN"}),
        ("Russia's invasion of Ukraine", {"RUS", "UKR"}),
        ("Putin's spokesman", {"RUS"}),
        ("U.S.-China talks", {"CHN", "USA"}),
        ("US-China talks", {"CHN", "USA"}),
        # an acronym in capitals is not a name written in capitals
        ("AI companies", set()),
        ("Ai Weiwei", {"CHN"}),
        # international bodies are not states
        ("UN peacekeepers", set()),
        ("the European Union", set()),
        # a body between a demonym and a title is a portfolio, also when the title is misspelled
        ("Serbian Labour Minister Dragan Milovanovic", {"SRB"}),
        ("Serbian Labour lawmakrs", {"SRB"}),
        ("British Labour lawmakers", {"GBR"}),
        # nothing
        ("The weather was fine yesterday.", set()),
        ("nothing here", set()),
        ("", set()),
        ("(, ;)", set()),
    ],
)
def test_countries_in_cases(kb: ActorKB, text: str, expected: set[str]) -> None:
    assert kb.countries_in(text) == expected
    assert reference(kb, text) == expected
    assert kb.countries_in(text) == expected  # again, from the memos


def test_countries_in_agrees_with_the_full_scan_on_the_examples(kb: ActorKB) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    assert len(sentences) > 50
    for s in [*sentences, *texts]:
        assert kb.countries_in(s) == reference(kb, s), s


def test_countries_in_survives_full_memos(kb: ActorKB, monkeypatch: pytest.MonkeyPatch) -> None:
    """The memos are cleared when full, not evicted one by one: answers stay the same across a clear."""
    monkeypatch.setattr(_countries, "_WORDS_MAX", 3)
    monkeypatch.setattr(_countries, "_KEYS_MAX", 2)
    fresh = ActorKB(kb._ix)
    text = "Chinese Foreign Minister Wang Yi met Blinken in Ethopia, the White House said."
    for _ in range(3):
        assert fresh.countries_in(text) == reference(kb, text) == {"CHN", "USA", "ETH"}
