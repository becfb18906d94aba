"""Is a dyad two countries (analysis/dyads.py)? A typo is refused; every country the store can hold events of is
accepted, also one the knowledge base codes outside ISO 3166 (Kosovo, PLOVER's KOS)."""

from __future__ import annotations

import pytest

from detente.analysis.dyads import check_dyad


@pytest.mark.parametrize("dyad", [("CHN", "USA"), ("SRB", "KOS"), ("TWN", "CHN"), ("PSE", "ISR")])
def test_pairs_of_countries_the_knowledge_base_codes_are_accepted(dyad: tuple[str, str]) -> None:
    check_dyad(dyad)


@pytest.mark.parametrize(("dyad", "message"), [
    (("CHN", "XYZ"), "unknown country code 'XYZ' in dyad CHN-XYZ"),
    (("IGO", "USA"), "unknown country code 'IGO' in dyad IGO-USA"),  # a body is no side of a pair's index
    (("CHN", "CHN"), "a dyad is two different countries, got CHN-CHN"),
])
def test_a_code_that_is_no_country_or_one_country_twice_is_refused(dyad: tuple[str, str], message: str) -> None:
    with pytest.raises(ValueError) as info:
        check_dyad(dyad)
    assert str(info.value) == message
