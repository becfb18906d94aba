"""The on/off switch the learned layers share (``detente.coding.switches``)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from detente.coding.switches import env_switch, switched

VAR = "DETENTE_TEST_SWITCH"


@dataclass(frozen=True)
class _Model:
    enabled: bool


@pytest.mark.parametrize(
    ("value", "expected"),
    [("on", True), (" Yes ", True), ("1", True), ("TRUE", True), ("off", False), ("no", False), ("0", False),
     ("false", False), ("", None), ("  ", None)],
)
def test_the_variable_says_on_off_or_nothing(monkeypatch: pytest.MonkeyPatch, value: str,
                                              expected: bool | None) -> None:
    monkeypatch.setenv(VAR, value)
    assert env_switch(VAR) is expected


def test_an_unset_variable_says_nothing_and_a_typo_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VAR, raising=False)
    assert env_switch(VAR) is None
    monkeypatch.setenv(VAR, "onn")
    with pytest.raises(ValueError, match=VAR):
        env_switch(VAR)


@pytest.mark.parametrize(
    ("on", "enabled", "kept"),
    [(True, False, True), (True, True, True), (None, True, True), (None, False, False), (False, True, False)],
)
def test_the_word_overrides_the_data_files_default(on: bool | None, enabled: bool, kept: bool) -> None:
    model = _Model(enabled)
    assert (switched(on, lambda: model) is model) is kept


def test_switched_off_the_model_is_never_loaded() -> None:
    def load() -> _Model:
        raise AssertionError("loaded")

    assert switched(False, load) is None
