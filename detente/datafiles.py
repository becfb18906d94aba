"""Reading the data files shipped inside the package: one way, for every module.

Tables live next to the code that uses them (``detente/coding/data/triggers.yaml``, ``detente/readers/rules.yaml``)
and must keep working from an installed wheel, so they are found through ``importlib.resources`` by package and
name, never through ``__file__``. The format follows the extension: YAML (``.yaml``/``.yml``), JSON, tab- or
comma-separated tables (a list of rows, header included) and plain text. A file that cannot be parsed stops the
load with one ``DataFileError`` naming it: a half-read table would make results depend on an error nobody sees.
Each module still checks the *content* of its own table; this module only reads.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (its wheels are): the same documents, about 8x faster, which is
# most of the coder's load time.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SUFFIXES = (".yaml", ".yml", ".json", ".tsv", ".csv", ".txt")


class DataFileError(ValueError):
    """A data file that is missing or cannot be parsed; the message starts with the file's name."""


def resource(package: str, name: str) -> Traversable:
    """The packaged file (or folder) ``name``, a ``/``-separated path relative to ``package``."""
    return resources.files(package).joinpath(*name.split("/"))


def path(package: str, name: str) -> Path:
    """The file-system path of a packaged file or folder, for readers that need one (the actor knowledge base
    globs its folder and the on-disk cache fingerprints its files). Packages are installed as plain files."""
    found = resource(package, name)
    if not isinstance(found, Path):
        raise DataFileError(f"{_label(package, name)}: the package is not installed as plain files")
    return found


def read_text(package: str, name: str) -> str:
    """The text of a packaged file; ``DataFileError`` when there is none."""
    try:
        return resource(package, name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{_label(package, name)}: cannot read: {exc}") from exc


@cache
def load(package: str, name: str) -> Any:
    """A packaged data file, parsed by its extension and read once per process.

    The result is shared by every caller: treat it as read-only."""
    return parse(read_text(package, name), name, origin=_label(package, name))


def load_file(file: str | Path, as_type: str | None = None) -> Any:
    """A user's data file in one of the packaged formats (not cached: the file may change between calls).
    ``as_type`` (".yaml", ...) overrides the extension, for options documented as taking one format."""
    file = Path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{file}: cannot read: {exc}") from exc
    return parse(text, f"{file.stem}{as_type}" if as_type else file.name, origin=str(file))


def parse(text: str, name: str, origin: str | None = None) -> Any:
    """``text`` parsed as the format ``name``'s extension says; errors name ``origin`` (default ``name``)."""
    origin = origin or name
    suffix = Path(name).suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            return yaml.load(text, Loader=_YAML_LOADER)
        if suffix == ".json":
            return json.loads(text)
        if suffix in (".tsv", ".csv"):
            return _table(text, suffix)
        if suffix == ".txt":
            return text
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{origin}:{mark.line + 1}" if mark is not None else origin
        raise DataFileError(f"{where}: malformed YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{origin}: malformed YAML: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{origin}:{exc.lineno}: malformed JSON: {exc.msg}") from exc
    except (csv.Error, _RaggedRow) as exc:
        raise DataFileError(f"{origin}: malformed table: {exc}") from exc
    raise DataFileError(f"{origin}: unknown data file type {suffix or '(none)'} (expected one of {SUFFIXES})")


class _RaggedRow(ValueError):
    pass


def _table(text: str, suffix: str) -> list[list[str]]:
    """Rows of a TSV (no quoting: descriptions carry quotes) or CSV; every row as wide as the header."""
    reader = (csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE) if suffix == ".tsv"
              else csv.reader(io.StringIO(text)))
    rows: list[list[str]] = []
    for row in reader:
        if not row:
            continue
        if rows and len(row) != len(rows[0]):
            raise _RaggedRow(f"line {reader.line_num} has {len(row)} fields, the header {len(rows[0])}")
        rows.append(row)
    return rows


def entries(package: str, name: str) -> tuple[str, ...]:
    """The lines of a packaged word list, stripped, without blank lines and ``#`` comments (the header that
    says which script derived the list and under which licence); the caller splits a line's tab fields."""
    text: str = load(package, name)
    return tuple(line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#"))


def inverted(package: str, name: str, key: str) -> dict[str, str]:
    """A table of groups (``key``: {group: [member, ...]}) read member -> group, which is how it is asked; a
    member listed under two groups is an error of the file, not a silent last-one-wins."""
    groups: dict[str, list[Any]] = load(package, name)[key]
    out: dict[str, str] = {}
    for group, members in groups.items():
        for member in members:
            if str(member) in out:
                raise DataFileError(f"{_label(package, name)}: {member} is under both {out[str(member)]} and {group}")
            out[str(member)] = str(group)
    return out


def _label(package: str, name: str) -> str:
    return f"{package.replace('.', '/')}/{name}"
