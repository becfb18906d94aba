"""The scraped-text rules of ``rules.yaml``, compiled once.

The rules are data so that a new outlet's furniture or header style is a YAML edit, not a code change; this
module only checks their shape and compiles them, failing loudly at load time on a malformed file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from detente import datafiles
from detente.ontology import GENRES, Genre
from detente.readers.dates import MONTH_FORMS

Where = Literal["header", "title", "text"]
_WHERE = ("header", "title", "text")
_NAME = re.compile(r"<([A-Z]+)>")


@dataclass(slots=True, frozen=True)
class GenreRule:
    genre: Genre
    where: Where
    pattern: re.Pattern[str]


@dataclass(slots=True, frozen=True)
class OutletRule:
    where: Literal["title", "text"]
    pattern: re.Pattern[str]


@dataclass(slots=True, frozen=True)
class Rules:
    header_max_lines: int
    date_prefix: tuple[re.Pattern[str], ...]
    date_label: tuple[re.Pattern[str], ...]
    header_furniture: tuple[re.Pattern[str], ...]
    title_min_words: int
    title_max_words: int
    title_max_chars: int
    title_bad_ending: re.Pattern[str]
    furniture_lines: frozenset[str]
    furniture_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    video_caption: re.Pattern[str]
    genres: tuple[GenreRule, ...]
    outlets: tuple[OutletRule, ...]

    def header_labels(self) -> tuple[GenreRule, ...]:
        return tuple(rule for rule in self.genres if rule.where == "header")


def load_rules(path: Path | None = None) -> Rules:
    """Rules from ``path``, or the bundled ``rules.yaml``."""
    if path is None:
        data, origin = datafiles.load("detente.readers", "rules.yaml"), "detente/readers/rules.yaml"
    else:
        data, origin = datafiles.load_file(path, as_type=".yaml"), str(path)
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ValueError(f"{origin}: malformed rules: {exc!r}") from exc


@cache
def default_rules() -> Rules:
    return load_rules()


def _month_pattern() -> str:
    """``<MONTH>``: a word starting like a month name, from the one month table."""
    return f"(?i:{'|'.join(forms[0][:3] for forms in MONTH_FORMS)})[a-z]*\\.?"


def _build(data: dict[str, Any]) -> Rules:
    names: dict[str, str] = {"MONTH": _month_pattern()}
    names |= {str(k): str(v) for k, v in data.get("names", {}).items()}

    def compile_(pattern: str) -> re.Pattern[str]:
        def expand(m: re.Match[str]) -> str:
            if m.group(1) not in names:
                raise ValueError(f"unknown name <{m.group(1)}> in {pattern!r}")
            return names[m.group(1)]

        for _ in range(len(names) + 1):  # names may use names, but not in a cycle
            if not _NAME.search(pattern):
                return re.compile(pattern, re.MULTILINE)
            pattern = _NAME.sub(expand, pattern)
        raise ValueError(f"names refer to each other in a cycle: {pattern!r}")

    header, title, furniture = data["header"], data["title"], data["furniture"]
    genres = []
    for rule in data["genres"]:
        if rule["genre"] not in GENRES or rule["where"] not in _WHERE:
            raise ValueError(f"bad genre rule {rule!r}")
        genres.append(GenreRule(cast(Genre, rule["genre"]), rule["where"], compile_(rule["pattern"])))
    outlets = []
    for rule in data["outlets"]:
        pattern = compile_(rule["pattern"])
        if rule["where"] not in ("title", "text") or "outlet" not in pattern.groupindex:
            raise ValueError(f"bad outlet rule {rule!r}: needs where title|text and an (?P<outlet>...) group")
        outlets.append(OutletRule(rule["where"], pattern))
    prefix = tuple(compile_(p) for p in header["date_prefix"])
    labels = tuple(compile_(p) for p in header["date_label"])
    if any("date" not in p.groupindex for p in (*prefix, *labels)):
        raise ValueError("every date pattern needs a (?P<date>...) group")
    caption = compile_(furniture["video_caption"])
    if "caption" not in caption.groupindex:
        raise ValueError("video_caption needs a (?P<caption>...) group")
    return Rules(
        header_max_lines=int(header["max_lines"]),
        date_prefix=prefix,
        date_label=labels,
        header_furniture=tuple(compile_(p) for p in header.get("furniture", [])),
        title_min_words=int(title["min_words"]),
        title_max_words=int(title["max_words"]),
        title_max_chars=int(title["max_chars"]),
        title_bad_ending=compile_(title["bad_ending"]),
        furniture_lines=frozenset(" ".join(str(s).casefold().split()) for s in furniture["lines"]),
        furniture_patterns=tuple((str(k), compile_(v)) for k, v in furniture["patterns"].items()),
        video_caption=caption,
        genres=tuple(genres),
        outlets=tuple(outlets),
    )
