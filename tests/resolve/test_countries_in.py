"""``ActorKB.countries_in``: the countries a text names (docs/actors.md, *API*).

Expected values are independent of the implementation: hand-labelled phrases with the countries a reader knows
they name, properties that need no oracle (whitespace, memo state, separators), and one differential check
against a second, public reading of the same text (``label_names`` plus ``country_of_name`` /
``metonym_country`` / ``resolve``), which must never find a country ``countries_in`` misses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from detente.resolve.actors import ActorKB, default_kb
from detente.resolve.actors import _countries as countries_module
from detente.resolve.actors._index import _dotted_trie
from detente.resolve.actors.names import label_names
from tests.conftest import EXAMPLES

# Non-state codes (docs/actors.md, "Codes and conventions"): never a country.
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "ISM"}


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return default_kb()


def _sentences(texts: list[str]) -> list[str]:
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]


@pytest.fixture(scope="module", params=["examples", "voa"])
def corpus(request: pytest.FixtureRequest) -> list[str]:
    """Sentences and whole texts: the three bundled examples, or the 89 VOA stories of ../shared (skipped with a
    reason when the corpus is missing)."""
    if request.param == "examples":
        texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
        assert len(texts) == 3
    else:
        voa: Path = request.getfixturevalue("voa_path")
        texts = [json.loads(line)["text"] for line in voa.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(texts) == 89
    sentences = _sentences(texts)
    assert len(sentences) > 50
    return [*sentences, *texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonyms, people nouns, and several in one sentence
        ("Chinese officials said", {"CHN"}),
        ("Americans", {"USA"}),
        ("Ukrainian drones", {"UKR"}),
        ("Israeli and Palestinian negotiators", {"ISR", "PSE"}),
        ("Iranian-backed Houthis", {"IRN", "YEM"}),
        ("Chinese-American scholars", {"CHN", "USA"}),
        ("Sino-US ties", {"CHN", "USA"}),
        # country names, overlapping names: the longest name wins, and a shorter one inside it is not named
        ("Turkey", {"TUR"}),
        ("South Korea", {"KOR"}),
        ("North Korea", {"PRK"}),
        ("Papua New Guinea", {"PNG"}),
        ("Equatorial Guinea and Guinea-Bissau", {"GNQ", "GNB"}),
        ("Niger and Nigeria", {"NER", "NGA"}),
        ("Sudan and South Sudan", {"SDN", "SSD"}),
        ("Dominica", {"DMA"}),
        ("the Dominican Republic", {"DOM"}),
        ("the Republic of the Congo", {"COG"}),
        ("the Democratic Republic of the Congo", {"COD"}),
        ("Saudi Arabia", {"SAU"}),
        # dependencies, claimed territories and historical names fold into today's state (docs/actors.md)
        ("Puerto Rico", {"USA"}),
        ("Macau", {"CHN"}),
        ("Greenland", {"DNK"}),
        ("Crimea", {"UKR"}),
        ("Kosovo", {"KOS"}),
        ("the Soviet Union", {"RUS"}),
        ("Burma", {"MMR"}),
        ("Hong Kong", {"HKG"}),
        # capitals and seats of government
        ("Beijing said on Monday", {"CHN"}),
        ("Pyongyang fired a missile", {"PRK"}),
        ("Moscow and Kyiv", {"RUS", "UKR"}),
        ("Taipei", {"TWN"}),
        ("the White House said", {"USA"}),
        ("the Kremlin", {"RUS"}),
        ("Downing Street", {"GBR"}),
        ("Zhongnanhai", {"CHN"}),
        ("The Hague", {"NLD"}),
        ("the Pentagon", {"USA"}),
        # known people, by full name or by a surname only one person bears
        ("Xi Jinping met Blinken", {"CHN", "USA"}),
        ("Blinken said", {"USA"}),
        ("Vladimir Putin", {"RUS"}),
        ("Emmanuel Macron", {"FRA"}),
        ("Recep Tayyip Erdoğan", {"TUR"}),
        ("Netanyahu", {"ISR"}),
        ("Kremlin spokesman Dmitry Peskov", {"RUS"}),
        ("Kim said", set()),  # a surname many people bear names nobody
        # bodies: national ones carry their country, international ones are not states
        ("the People's Liberation Army", {"CHN"}),
        ("Hezbollah", {"LBN"}),
        ("al-Shabaab", {"SOM"}),
        ("UN peacekeepers", set()),
        ("the European Union", set()),
        ("NATO", set()),
        ("Amnesty International", set()),
        ("Islamic State", set()),
        ("UN Secretary-General Antonio Guterres", set()),  # an IGO official: the body, not his home country
        # one-edit misspellings of long names, only when capitalised
        ("Ethopia has agreed to re-open its borders", {"ETH"}),
        ("ETHOPIA", {"ETH"}),
        ("Phillippines", {"PHL"}),
        ("phillippines", set()),
        # case: names need a capital; all capitals is still a name
        ("CHINA AND JAPAN", {"CHN", "JPN"}),
        ("BEIJING", {"CHN"}),
        ("china and japan", set()),
        ("beijing", set()),
        ("turkey for dinner", set()),
        # punctuation: possessives (straight or curly), brackets, quotes, lists, hyphenated pairs
        ("China's foreign ministry", {"CHN"}),
        ("China\u2019s economy", {"CHN"}),
        ("Russia's invasion of Ukraine", {"RUS", "UKR"}),
        ("Putin's spokesman", {"RUS"}),
        ("Beijing's reply", {"CHN"}),
        ("(China)", {"CHN"}),
        ("\u201cChina\u201d", {"CHN"}),
        ("China, Japan; Korea", {"CHN", "JPN", "KOR"}),
        ("U.S.-China talks", {"CHN", "USA"}),
        ("US-China talks", {"CHN", "USA"}),
        # an acronym in capitals is not a name written in capitals
        ("AI companies", set()),
        ("Ai Weiwei", {"CHN"}),
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
    assert kb.countries_in(text) == expected  # again, from the memos


def test_surrounding_whitespace_and_spacing_change_nothing(kb: ActorKB, corpus: list[str]) -> None:
    for s in corpus:
        assert kb.countries_in(" \n " + re.sub(r"\s+", " \t ", s) + "\n") == kb.countries_in(s), s


def test_a_separator_ends_every_name(kb: ActorKB, corpus: list[str]) -> None:
    """No name spans a semicolon: two texts joined by one name what each names alone."""
    for a, b in zip(corpus, corpus[1:], strict=False):
        assert kb.countries_in(f"{a} ; {b}") == kb.countries_in(a) | kb.countries_in(b), (a, b)


def test_answers_do_not_depend_on_what_was_asked_before(kb: ActorKB, corpus: list[str]) -> None:
    """A freshly loaded knowledge base, asked in the opposite order, answers as the warm one does."""
    warm = [kb.countries_in(s) for s in corpus]
    fresh = ActorKB.load()
    assert [fresh.countries_in(s) for s in reversed(corpus)] == warm[::-1]


def _public_countries(kb: ActorKB, text: str) -> Iterator[tuple[str, str]]:
    """Countries a second reading of ``text`` finds through the public API: every stretch the entity labeller
    types as a place or a people (``country_of_name``, ``metonym_country``), and every known person named by at
    least two words (``resolve``). Bodies are left out: the portfolio rule drops some of them on purpose."""
    for start, end, label in label_names(kb, text):
        span = text[start:end]
        code = None
        if label in ("GPE", "NORP"):
            code = kb.country_of_name(span) or kb.metonym_country(span)
        elif label == "PERSON" and len(span.split()) >= 2:
            actor = kb.resolve(span)
            if actor is not None and (actor.id or "").startswith("person/"):
                code = actor.country
        if code and code not in NON_STATE:
            yield span, code


def test_every_country_the_public_reading_finds_is_named(kb: ActorKB, corpus: list[str]) -> None:
    """Differential check: ``countries_in`` (the fast CountryFinder) and the resolver's scan behind
    ``label_names``/``resolve`` are two implementations of one reading of names; the fast one must not lose a
    country the other finds."""
    checked = 0
    for s in corpus:
        found = kb.countries_in(s)
        for span, code in _public_countries(kb, s):
            checked += 1
            assert code in found, (span, code, s)
    assert checked > 100


def test_countries_in_survives_full_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memos are cleared when full, not evicted one by one: answers stay the same across a clear."""
    monkeypatch.setattr(countries_module, "_WORDS_MAX", 3)
    monkeypatch.setattr(countries_module, "_KEYS_MAX", 2)
    monkeypatch.setattr(countries_module, "_TEXTS_MAX", 1)  # two texts in turn: each is scanned every time
    fresh = ActorKB.load()
    text = "Chinese Foreign Minister Wang Yi met Blinken in Ethopia, the White House said."
    for _ in range(3):
        assert fresh.countries_in(text) == {"CHN", "USA", "ETH"}
        assert fresh.countries_in("Russian troops left Kyiv.") == {"RUS", "UKR"}


def test_a_remembered_answer_is_a_copy_each_caller_may_change(kb: ActorKB) -> None:
    text = "The UN Security Council met as Beijing and Washington traded charges."
    countries, bodies = kb.named_in(text)
    assert (countries, bodies) == ({"CHN", "USA"}, {"IGO"})
    countries.add("FRA")
    bodies.clear()
    assert kb.named_in(text) == ({"CHN", "USA"}, {"IGO"})
    assert kb.countries_in(text) == {"CHN", "USA"}


_LETTERS = st.text(alphabet="USAKNDoPRC.-' ", max_size=12)


@given(st.lists(st.text(alphabet="USAKNDoPRC", min_size=1, max_size=5), min_size=1, max_size=6), _LETTERS)
@example(["US", "USA", "UN"], "the U.S.-China U.N. USAx")
def test_dotted_trie_matches_what_one_alternative_per_key_matches(keys: list[str], text: str) -> None:
    """The prefilter's acronym pattern, built as a trie, finds a key exactly where the flat pattern does."""
    flat = "|".join(r"\.?".join(map(re.escape, k)) + r"\.?" for k in sorted(set(keys), key=len, reverse=True))
    wrap = r"(?<![A-Za-z])(?:{})(?![A-Za-z])"
    assert bool(re.search(wrap.format(flat), text)) == bool(re.search(wrap.format(_dotted_trie(keys)), text))
    for k in keys:  # every key, dotted or not, is found
        assert re.search(wrap.format(_dotted_trie(keys)), f"x {'.'.join(k)}. y")


def test_named_in_gives_the_non_state_bodies_beside_the_countries() -> None:
    from detente.resolve.actors import default_kb

    kb = default_kb()
    assert kb.named_in("The UN Security Council met as China objected.") == ({"CHN"}, {"IGO"})
    assert kb.named_in("NATO and the IAEA issued statements.") == (set(), {"IGO"})
    assert kb.named_in("Officials met.") == (set(), set())


@pytest.mark.parametrize(("text", "everything", "parties"), [
    ("Survivors told VOA the attackers singled out soldiers.", {"USA"}, set()),
    ("Gunmen attacked the village, witnesses told Reuters on Monday.", {"GBR"}, set()),
    # an outlet's country named otherwise as well is named
    ("VOA reported that the United States would send aid.", {"USA"}, {"USA"}),
    ("Kenyan police told the BBC they arrested two men.", {"KEN", "GBR"}, {"KEN"}),
])
def test_press_false_leaves_out_countries_only_a_news_outlet_gives(kb: ActorKB, text: str, everything: set[str],
                                                                  parties: set[str]) -> None:
    assert kb.countries_in(text) == everything
    assert kb.countries_in(text, press=False) == parties
    assert kb.named_in(text, press=False)[0] == parties


@pytest.mark.parametrize(("text", "expected"), [
    # a known surname inside another person's full name is that other person: no country of the known one's
    ("Union secretary Doug Cameron says the airline is being greedy.", set()),
    ("Doug Cameron says the airline is being greedy.", set()),
    ("In his report, the coroner, Dick Wallace, said the boy was neglected.", set()),
    # the known person's own given name, a title or honorific, or a function word opening the sentence before
    # the surname leave it the known person's
    ("Prime Minister David Cameron said the talks would go on.", {"GBR"}),
    ("Mr Cameron said the talks would go on.", {"GBR"}),
    ("But Cameron said the talks would go on.", {"GBR"}),
    ("When Cameron spoke, nobody listened.", {"GBR"}),
    ("The Tory leader Cameron said so.", {"GBR"}),
])
def test_a_surname_inside_another_full_name_names_no_country(kb: ActorKB, text: str, expected: set[str]) -> None:
    assert kb.countries_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a name the spelling corrector would read as a country is a given name beside another name word
    ("Businessman Solomon Lew said the sale was off.", set()),
    # an outlet's word that is also a known surname, after a given name, is that other person
    ("Trucking magnate Lindsay Fox said the sale was off.", set()),
    # a country, city or demonym before a name still says whose; the outlet alone is still the outlet
    ("American Ed Moses won the final.", {"USA"}),
    ("Elizabeth Warren said the bill would pass.", {"USA"}),
    ("Vicente Fox said the talks would go on.", {"MEX"}),
    ("The Sydney Test begins today.", {"AUS"}),
    # a known surname opening another full name still names its bearer's country: measured, not kept (the
    # given-name reading lost a read event; docs/coding.md, home14)
    ("Transport Minister Warren Truss said the ban would stay.", {"USA"}),
])
def test_a_name_word_beside_another_name_names_no_country(kb: ActorKB, text: str, expected: set[str]) -> None:
    assert kb.countries_in(text) == expected
