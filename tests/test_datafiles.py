"""The one reader of packaged data files: formats by extension, caching, and one clear error per broken file."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente import datafiles
from detente.datafiles import DataFileError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "detente"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An importable package of our own under tmp_path, to hold broken data files (imported afresh each test)."""
    pkg = tmp_path / "datafiles_probe"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "datafiles_probe", raising=False)
    datafiles.load.cache_clear()
    yield pkg
    sys.modules.pop("datafiles_probe", None)
    datafiles.load.cache_clear()


def test_each_format_is_parsed_by_its_extension(package: Path) -> None:
    (package / "a.yaml").write_text("words: [one, two]\n", encoding="utf-8")
    (package / "b.json").write_text('{"n": 3}', encoding="utf-8")
    (package / "c.tsv").write_text('code\tname\n01\tsay "no"\n', encoding="utf-8")
    (package / "d.csv").write_text('code,name\n01,"a, b"\n', encoding="utf-8")
    (package / "e.txt").write_text("plain\ntext\n", encoding="utf-8")
    (package / "sub").mkdir()
    (package / "sub" / "f.yml").write_text("- x\n", encoding="utf-8")
    assert datafiles.load("datafiles_probe", "a.yaml") == {"words": ["one", "two"]}
    assert datafiles.load("datafiles_probe", "b.json") == {"n": 3}
    assert datafiles.load("datafiles_probe", "c.tsv") == [["code", "name"], ["01", 'say "no"']]  # no quoting
    assert datafiles.load("datafiles_probe", "d.csv") == [["code", "name"], ["01", "a, b"]]
    assert datafiles.load("datafiles_probe", "e.txt") == "plain\ntext\n"
    assert datafiles.load("datafiles_probe", "sub/f.yml") == ["x"]


def test_a_file_is_read_once(package: Path) -> None:
    file = package / "a.yaml"
    file.write_text("k: 1\n", encoding="utf-8")
    first = datafiles.load("datafiles_probe", "a.yaml")
    file.write_text("k: 2\n", encoding="utf-8")
    assert datafiles.load("datafiles_probe", "a.yaml") is first


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("broken.yaml", "words: [one, two\nnext: 1\n", r"datafiles_probe/broken\.yaml:\d+: malformed YAML"),
        ("broken.json", '{"n": 3,,}', r"datafiles_probe/broken\.json:1: malformed JSON"),
        ("broken.tsv", "a\tb\n1\t2\n3\n", r"datafiles_probe/broken\.tsv: malformed table: line 3 has 1 fields"),
        ("broken.csv", "a,b\n1,2,3\n", r"datafiles_probe/broken\.csv: malformed table: line 2 has 3 fields"),
        ("broken.ini", "[x]\n", r"datafiles_probe/broken\.ini: unknown data file type \.ini"),
    ],
)
def test_a_malformed_packaged_file_raises_one_error_naming_it(package: Path, name: str, text: str,
                                                              message: str) -> None:
    (package / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        datafiles.load("datafiles_probe", name)


def test_a_missing_packaged_file_is_named(package: Path) -> None:
    with pytest.raises(DataFileError, match=r"datafiles_probe/nothing\.yaml: cannot read"):
        datafiles.load("datafiles_probe", "nothing.yaml")


def test_a_users_file_is_named_by_its_path_and_may_be_read_as_another_type(tmp_path: Path) -> None:
    file = tmp_path / "my_rules.conf"
    file.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"{tmp_path}/my_rules\.conf:\d+: malformed YAML"):
        datafiles.load_file(file, as_type=".yaml")
    file.write_text("a: 1\n", encoding="utf-8")
    assert datafiles.load_file(file, as_type=".yaml") == {"a": 1}
    with pytest.raises(DataFileError, match="unknown data file type .conf"):
        datafiles.load_file(file)


def test_path_gives_the_folder_for_readers_that_glob_it() -> None:
    assert datafiles.path("detente.resolve", "actor_data") == PACKAGE / "resolve" / "actor_data"


def _bundled() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.suffix in datafiles.SUFFIXES and "__pycache__" not in p.parts)


def test_every_bundled_data_file_parses_and_ships_in_the_wheel() -> None:
    """A data file with an extension the wheel leaves out works in a checkout and fails once installed."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = {pattern.removeprefix("*") for pattern in pyproject["tool"]["setuptools"]["package-data"]["*"]}
    files = _bundled()
    assert files
    for file in files:
        assert file.suffix in shipped, file
        rel = file.relative_to(PACKAGE.parent)
        package = ".".join(rel.parts[:-1])
        while not (ROOT / package.replace(".", "/") / "__init__.py").exists():
            package = package.rpartition(".")[0]  # a data folder is not a package: read it from the one above
        name = str(file.relative_to(ROOT / package.replace(".", "/")))
        assert datafiles.load(package, name) is not None, file


def test_entries_are_a_word_lists_lines_without_comments_or_blanks(package: Path) -> None:
    text = "# derived by a script; licence\n\nalpha\tnoun\n  beta \n#gamma\n"
    (package / "words.txt").write_text(text, encoding="utf-8")
    assert datafiles.entries("datafiles_probe", "words.txt") == ("alpha\tnoun", "beta")


def test_inverted_reads_groups_member_to_group_and_refuses_a_member_in_two(package: Path) -> None:
    (package / "sides.yaml").write_text("sides: {state: [GOV, MIL], armed: [REB]}\n")
    assert datafiles.inverted("datafiles_probe", "sides.yaml", "sides") == {"GOV": "state", "MIL": "state",
                                                                            "REB": "armed"}
    (package / "twice.yaml").write_text("sides: {state: [GOV, MIL], armed: [MIL]}\n")
    with pytest.raises(DataFileError, match=r"datafiles_probe/twice\.yaml: MIL is under both state and armed"):
        datafiles.inverted("datafiles_probe", "twice.yaml", "sides")
