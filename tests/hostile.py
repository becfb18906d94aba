"""Hypothesis strategies for hostile input, shared by the property tests of the readers and the pipeline.

Text mixes news words (so that some examples hold events), characters that have crashed or fooled text tools
(lone surrogates, NUL, escape sequences, bidi overrides, separators, a BOM) and arbitrary code points; JSONL lines
mix records with fields of every type, arbitrary JSON values and raw bytes. Settings keep the suite fast on two
cores: few examples, no deadline, no example database written, and derandomized so CI runs are repeatable.
To hunt for new failures, set ``DETENTE_HYPOTHESIS_EXAMPLES=2000``: random examples, that many per test.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

GOOD = "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday."

HOSTILE_CHARS = ["\x00", "\x1b[2J", "\x1b]0;title\x07", "\u202e", "\u200f", "\u2066", "\ud800", "\udfff", "\r",
                 "\n", "\n\n", "\t", "\x85", "\x9b", "\u2028", "\ufeff", "\u00ad", " "]
NEWS_WORDS = ["China ", "the United States ", "Wang Yi ", "met ", "Antony Blinken ", "in ", "Beijing ",
              "on Monday", ". ", ", ", "sanctions ", "accused ", "Taiwan ", "\"", "Published: Jan 11, 2024\n"]

fragments = st.one_of(
    st.sampled_from(HOSTILE_CHARS + NEWS_WORDS),
    st.text(st.characters(exclude_categories=[]), max_size=12),  # every code point, surrogates included
)
hostile_text = st.lists(fragments, max_size=80).map("".join)

_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_text)
json_values = st.recursive(_json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)), max_leaves=8)

records = st.fixed_dictionaries(
    {"text": st.one_of(hostile_text, _json_scalars)},
    optional={
        "id": _json_scalars,
        "title": st.one_of(hostile_text, _json_scalars),
        "published": st.one_of(st.dates().map(str), st.text(max_size=30), _json_scalars),
        "outlet": st.one_of(hostile_text, _json_scalars),
        "url": st.one_of(st.sampled_from(["https://www.voanews.com/a/x.html", "http://[abc/", "http://\u2100.com/x",
                                          "https://[::1]:80/", "http://a\x00b.com/"]), hostile_text),
        "genre": st.sampled_from(["news", "editorial", "newsletter", "gossip", None]),
    },
)


def _line(value: object, ascii_only: bool) -> bytes:
    # ASCII JSON writes a lone surrogate as a \\ud800 escape; raw UTF-8 cannot encode it, so it is written as
    # the invalid bytes a broken encoder would emit
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


jsonl_lines = st.one_of(
    st.builds(_line, records, st.booleans()),
    st.builds(_line, json_values, st.booleans()),
    st.binary(max_size=120).map(lambda b: b.replace(b"\n", b" ")),
)

_HUNT = int(os.environ.get("DETENTE_HYPOTHESIS_EXAMPLES", "0"))
fast = settings(max_examples=_HUNT or 40, deadline=None, database=None, derandomize=not _HUNT,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
slow = settings(fast, max_examples=_HUNT or 8)  # examples coded with spaCy
