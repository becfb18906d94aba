"""A bad actor file is one setup error, worded the same whether the coder or an analysis verb loads the knowledge
base, raised before the model loads or the store opens."""

from __future__ import annotations

from pathlib import Path

import pytest

import detente


def test_a_bad_actor_file_is_the_same_setup_error_for_the_coder_and_the_analysis_verbs(tmp_path: Path) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text("- name: [unclosed\n", encoding="utf-8")
    missing_store = tmp_path / "none.duckdb"  # never opened: the knowledge base fails first
    messages = []
    for call in (lambda: detente.load(actors=[bad]),
                 lambda: detente.quotes(missing_store, actors=[bad])):
        with pytest.raises(detente.SetupError) as caught:
            call()
        messages.append(str(caught.value))
    assert messages[0].startswith("detente: actor knowledge base: ") and str(bad) in messages[0]
    assert messages == [messages[0]] * 2
    assert not missing_store.exists()
