"""The one way a command reports a refusal: the store's own message, or the command's name before the reason."""

from __future__ import annotations

import pytest

from detente.api import StoreError
from detente.cli.common import refused


def test_a_store_error_names_the_store_and_any_other_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert refused("index", StoreError("detente.duckdb: no such store (run `detente ingest` first)")) == 2
    assert refused("brief", ValueError("unknown country code 'XYZ' in dyad CHN-XYZ")) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["detente: detente.duckdb: no such store (run `detente ingest` first)",
                                "detente brief: unknown country code 'XYZ' in dyad CHN-XYZ"]
