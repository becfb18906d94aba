"""The closed vocabularies of detente's records, read from ``ontology.yaml`` and checked once at import.

PLOVER types and their modes, quad classes, composition roles, channels, modalities, date precisions and genres
used to be spelled out in several modules (and the type-to-modes table only in a test), so they could drift.
Now the YAML file is the one place they are written; this module checks it on load and exposes each vocabulary
as a tuple in the file's order and as a ``Literal`` alias for type checkers. The aliases are written out because
a type checker cannot read YAML; ``tests/test_ontology.py`` keeps them equal to the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from detente.datafiles import DataFileError, load

PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Mode = Literal[
    "visit", "third-party", "multilateral", "phone",
    "withdraw", "release", "disarm", "ceasefire", "access", "resign", "ease",
    "assist", "change", "yield", "meet",
    "disapprove", "investigate", "allege",
    "restrict", "arrest", "relations", "expel", "territory", "violence",
    "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize",
    "convict", "discontinue",
    "troops", "weapons", "police", "militia",
    "seize", "censor", "curfew", "martial-law", "deport", "withhold", "misinformation", "cyber", "ban",
    "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
    "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
]
QuadClass = Literal[1, 2, 3, 4]
Role = Literal["intent", "request", "demand", "order", "permit", "reject", "threaten", "accuse", "stop"]
Channel = Literal[
    "diplomatic", "military", "economic", "technology", "climate", "party", "law-enforcement",
    "people-to-people", "humanitarian", "other",
]
Modality = Literal["asserted", "negated", "planned", "hypothetical"]
DatePrecision = Literal["day", "month", "season", "year", "unresolved"]
Genre = Literal["news", "editorial", "newsletter"]

SOURCE = ("detente", "ontology.yaml")
_LISTS = ("roles", "channels", "modalities", "date_precisions", "genres")
_KEYS = frozenset({"quad_classes", "types", *_LISTS})
_NAME = re.compile(r"^[a-z][a-z-]*$")
_TYPE_NAME = re.compile(r"^[A-Z]+$")
_ROOT = re.compile(r"^\d{2}$")


class OntologyError(DataFileError):
    """An ontology file that breaks one of its rules; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class QuadClassInfo:
    id: int
    name: str
    first_root: int  # CAMEO roots first_root..last_root, inclusive
    last_root: int


@dataclass(frozen=True, slots=True)
class Ontology:
    """The checked contents of an ontology file; every tuple keeps the file's order."""

    types: tuple[str, ...]
    modes: Mapping[str, tuple[str, ...]]  # PLOVER type -> its modes (empty for types without modes)
    type_quads: Mapping[str, int]
    quad_classes: tuple[QuadClassInfo, ...]
    roles: tuple[str, ...]
    channels: tuple[str, ...]
    modalities: tuple[str, ...]
    date_precisions: tuple[str, ...]
    genres: tuple[str, ...]

    @property
    def all_modes(self) -> tuple[str, ...]:
        """Every mode name, once, in the order of first use."""
        return tuple(dict.fromkeys(m for t in self.types for m in self.modes[t]))


def build_ontology(data: Any, origin: str = "ontology.yaml") -> Ontology:
    """Check a parsed ontology file and return it; ``OntologyError`` naming ``origin`` at the first fault."""

    def fail(reason: str) -> OntologyError:
        return OntologyError(f"{origin}: {reason}")

    if not isinstance(data, dict):
        raise fail("expected a mapping of vocabularies")
    unknown, missing = set(data) - _KEYS, _KEYS - set(data)
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}")
    if missing:
        raise fail(f"missing keys {sorted(missing)}")

    def names(value: Any, where: str, pattern: re.Pattern[str] = _NAME) -> tuple[str, ...]:
        if not isinstance(value, list) or any(not isinstance(v, str) or not pattern.match(v) for v in value):
            raise fail(f"{where}: expected a list of names matching {pattern.pattern}, got {value!r}")
        dupes = sorted({v for v in value if value.count(v) > 1})
        if dupes:
            raise fail(f"{where}: duplicate names {dupes}")
        return tuple(value)

    quads = _quad_classes(data["quad_classes"], fail)
    quad_ids = {q.id for q in quads}
    types: list[str] = []
    modes: dict[str, tuple[str, ...]] = {}
    type_quads: dict[str, int] = {}
    if not isinstance(data["types"], list) or not data["types"]:
        raise fail("types: expected a list of {name, quad, modes}")
    for entry in data["types"]:
        if not isinstance(entry, dict) or set(entry) != {"name", "quad", "modes"}:
            raise fail(f"types: {entry!r}: expected exactly the keys name, quad, modes")
        name = entry["name"]
        if not isinstance(name, str) or not _TYPE_NAME.match(name):
            raise fail(f"types: {name!r} is not an upper-case type name")
        if name in modes:
            raise fail(f"types: duplicate type {name}")
        if entry["quad"] not in quad_ids:
            raise fail(f"types: {name}: quad {entry['quad']!r} is not one of the quad classes {sorted(quad_ids)}")
        types.append(name)
        modes[name] = names(entry["modes"], f"types: {name}: modes")
        type_quads[name] = entry["quad"]
    return Ontology(
        types=tuple(types),
        modes=modes,
        type_quads=type_quads,
        quad_classes=quads,
        **{key: names(data[key], key) for key in _LISTS},
    )


def _quad_classes(value: Any, fail: Callable[[str], OntologyError]) -> tuple[QuadClassInfo, ...]:
    if not isinstance(value, list) or not value:
        raise fail("quad_classes: expected a list of {id, name, cameo_roots}")
    out: list[QuadClassInfo] = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) != {"id", "name", "cameo_roots"}:
            raise fail(f"quad_classes: {entry!r}: expected exactly the keys id, name, cameo_roots")
        roots = entry["cameo_roots"]
        if (not isinstance(roots, list) or len(roots) != 2 or
                any(not isinstance(r, str) or not _ROOT.match(r) for r in roots) or roots[0] > roots[1]):
            raise fail(f"quad_classes: {entry['id']!r}: cameo_roots must be [FIRST, LAST], two-digit strings")
        if not isinstance(entry["id"], int) or isinstance(entry["id"], bool) or any(q.id == entry["id"] for q in out):
            raise fail(f"quad_classes: id {entry['id']!r} is not a new integer")
        quad = QuadClassInfo(entry["id"], str(entry["name"]), int(roots[0]), int(roots[1]))
        for q in out:
            if quad.first_root <= q.last_root and q.first_root <= quad.last_root:
                raise fail(f"quad_classes: roots of {quad.id} overlap those of {q.id}")
        out.append(quad)
    return tuple(out)


def load_ontology() -> Ontology:
    """The bundled ontology (parsed once by ``detente.datafiles``; built once here, at import)."""
    return build_ontology(load(*SOURCE), origin="/".join(SOURCE))


ONTOLOGY = load_ontology()
# The file's strings are the Literal aliases' members: a type checker cannot read YAML, tests/test_ontology.py can.
PLOVER_TYPES = cast("tuple[PloverType, ...]", ONTOLOGY.types)
MODES: Mapping[str, tuple[str, ...]] = ONTOLOGY.modes
QUAD_CLASSES: tuple[QuadClassInfo, ...] = ONTOLOGY.quad_classes
ROLES = cast("tuple[Role, ...]", ONTOLOGY.roles)
CHANNELS = cast("tuple[Channel, ...]", ONTOLOGY.channels)
MODALITIES = cast("tuple[Modality, ...]", ONTOLOGY.modalities)
DATE_PRECISIONS = cast("tuple[DatePrecision, ...]", ONTOLOGY.date_precisions)
GENRES = cast("tuple[Genre, ...]", ONTOLOGY.genres)


def is_mode_of(type_: str, mode: str) -> bool:
    """Does ``mode`` belong to the PLOVER type ``type_``?"""
    return mode in MODES.get(type_, ())


def quad_class_of_root(root: int) -> int | None:
    """The quad class of a two-digit CAMEO root (None when no class covers it)."""
    return next((q.id for q in QUAD_CLASSES if q.first_root <= root <= q.last_root), None)
