"""The one way a command reports a refusal: the store's own message, or the command's name before the reason."""

from __future__ import annotations

import argparse

import pytest

from detente import cli
from detente.api import SetupError, StoreError
from detente.cli.common import refused


def test_a_store_error_names_the_store_and_any_other_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert refused("index", StoreError("detente.duckdb: no such store (run `detente ingest` first)")) == 2
    assert refused("brief", ValueError("unknown country code 'XYZ' in dyad CHN-XYZ")) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["detente: detente.duckdb: no such store (run `detente ingest` first)",
                                "detente brief: unknown country code 'XYZ' in dyad CHN-XYZ"]


@pytest.mark.parametrize(("exc", "line"), [
    (StoreError("detente.duckdb: locked by another process"), "detente: detente.duckdb: locked by another process"),
    (SetupError("detente: batch size must be at least 1, got 0"), "detente: batch size must be at least 1, got 0"),
    (StoreError("detente ingest: the store went away"), "detente ingest: the store went away"),
])
def test_main_names_the_program_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                     exc: Exception, line: str) -> None:
    """An error reaching ``main`` gets "detente: " unless it names the program already — a store named
    detente.duckdb (the default) does not."""
    def fail(args: argparse.Namespace) -> int:
        raise exc

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    monkeypatch.setattr(parser, "parse_args", lambda argv=None: argparse.Namespace(run=fail, debug=False))
    assert cli.main([]) == 2
    assert capsys.readouterr().err.splitlines() == [line]


def test_every_command_that_codes_takes_the_same_coder_options() -> None:
    """--model, --entities and --actors mean one thing wherever a coder is built, ``evaluate`` included."""
    parser = cli.build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    described = {}
    for command in ("code", "ingest", "watch", "evaluate"):
        described[command] = sorted((tuple(a.option_strings), a.choices and tuple(a.choices), a.help,
                                     type(a).__name__) for a in sub.choices[command]._actions
                                    if a.dest in ("model", "entities", "actors"))
    assert len(described["code"]) == 3
    assert all(options == described["code"] for options in described.values()), described
    args = parser.parse_args(["evaluate", "gold.jsonl", "--actors", "a.yaml", "--actors", "b/", "--entities",
                              "rules", "--model", "m"])
    assert (args.actors, args.entities, args.model) == (["a.yaml", "b/"], "rules", "m")
