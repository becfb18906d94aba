"""The same input gives the same records in every process: nothing may depend on the order Python's string
hashing gives to sets and dicts (it changes with PYTHONHASHSEED from one run to the next)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

# Sentences whose actors once came out in a hash-dependent order (two countries tied in a document's counts).
TIES = [
    {"id": "tie-1", "published": "2019-01-01", "text": "Switzerland said today it had expelled two Russian "
     "diplomats based in Geneva for spying, adding to a long series of espionage scares."},
    {"id": "tie-2", "published": "2024-03-06", "text": "Japan and South Korea held talks in Seoul. "
     "The two sides agreed to resume military exchanges."},
]


def _code(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    stdin = "".join(json.dumps(t) + "\n" for t in TIES)
    out = subprocess.run([sys.executable, "-m", "detente", "code", str(EXAMPLES), "-"], cwd=ROOT, env=env,
                         input=stdin, capture_output=True, text=True, timeout=300, check=True)
    return out.stdout


def test_records_do_not_depend_on_hash_order() -> None:
    first = _code("1")
    assert first.count("\n") > 20
    assert "tie-2" in first  # the tie sentences were coded
    for seed in ("2", "3", "4"):
        assert _code(seed) == first
