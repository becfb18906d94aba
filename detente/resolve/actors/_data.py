"""Reading, validating and merging actor data files.

The bundled files and the user's own (``--actors FILE_OR_DIR``) go through the same reader, so a user file can add
a person, rename a country or replace an entry with the very syntax of the bundled ones (see docs/actors.md). A
bad entry stops the load with ``FILE:LINE: reason``: a silently skipped override would make results depend on a
typo nobody sees.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from detente import datafiles

from ._text import key

_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):
    """The C safe loader, with dates left as text: ``parse_date`` reads them and can say which line is wrong."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_LOADER: Any = _Loader
DATA_DIR = datafiles.path("detente.resolve", "actor_data").resolve()
# Codes that are not states: PLOVER's non-state international entities, plus Kosovo's PLOVER code.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM"})
_CODE = re.compile(r"^(?:[A-Z]{3})$")
_FILE_KEYS = {
    "country",
    "name",
    "aliases",
    "demonyms",
    "people_nouns",
    "capital",
    "seats",
    "places",
    "cities",
    "offices",
    "sector",
    "family_name_first",
    "people",
    "bodies",
    "remove",
    "notes",
}
_VOCAB_KEYS = {
    "sectors",
    "agents",
    "default_country",
    "offices",
    "modifiers",
    "prepositions",
    "filler",
    "person_markers",
    "weak_surnames",
    "not_surnames",
    "not_actors",
    "name_particles",
    "former_elite_sectors",
    "serving_roles",
}
PARTICLE_USES = frozenset({"surname", "article", "joins"})
_PERSON_KEYS = {"name", "aliases", "surname", "sector", "country", "roles", "id", "notes"}
_BODY_KEYS = {"name", "aliases", "sector", "country", "roles", "self_names", "id", "notes"}
_ROLE_KEYS = {"title", "from", "to", "sector", "country", "body"}
_CSV_COLUMNS = {"name", "kind", "country", "title", "sector", "from", "to", "aliases", "surname", "body"}


class ActorDataError(ValueError):
    """A data entry that cannot be used; the message starts with ``FILE:LINE:``."""


@dataclass(frozen=True, slots=True)
class Where:
    """Where an entry came from: enough to find its line again when (and only when) something is wrong with it."""

    file: Path
    path: tuple[str | int, ...] = ()
    line: int | None = None  # known up front for CSV rows

    def at(self, *more: str | int) -> Where:
        return Where(self.file, self.path + more, self.line)

    def fail(self, reason: str) -> ActorDataError:
        return ActorDataError(f"{self.file}:{self.line or _yaml_line(self.file, self.path)}: {reason}")

    def __str__(self) -> str:
        return f"{self.file}:{self.line or _yaml_line(self.file, self.path)}"


def _yaml_line(file: Path, path: tuple[str | int, ...]) -> int:
    """Line of the node at ``path``: composed only on the error path, so normal loads stay on the C parser."""
    try:
        node: Any = yaml.compose(file.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError):
        return 1
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        nxt = None
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            nxt = node.value[step]
        if nxt is None:
            break
        node, line = nxt, nxt.start_mark.line + 1
    return line


@dataclass(slots=True)
class RawRole:
    title: str | None
    start: dt.date | None
    end: dt.date | None
    sector: str | None
    country: str | None
    body: str | None
    where: Where


@dataclass(slots=True)
class RawEntity:
    kind: str  # "person" | "body"
    name: str
    country: str
    aliases: list[str]
    surnames: list[str] | None
    sector: str | None
    roles: list[RawRole]
    self_names: list[str]
    id: str | None
    where: Where


@dataclass(slots=True)
class Dated:
    name: str
    start: dt.date | None
    end: dt.date | None


@dataclass(slots=True)
class RawCountry:
    code: str
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    people_nouns: list[str] = field(default_factory=list)
    capitals: list[Dated] = field(default_factory=list)
    seats: dict[str, str | None] = field(default_factory=dict)
    places: list[Dated] = field(default_factory=list)
    cities: list[Dated] = field(default_factory=list)
    offices: dict[str, str] = field(default_factory=dict)
    sector: str | None = None
    family_name_first: bool = False
    where: Where | None = None


@dataclass(slots=True)
class RawData:
    vocab: dict[str, Any] = field(default_factory=dict)
    countries: dict[str, RawCountry] = field(default_factory=dict)
    entities: dict[tuple[str, str, str], RawEntity] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def bundled_files() -> list[Path]:
    """The knowledge base shipped with detente, vocabulary first so later files can use its sectors."""
    first = [DATA_DIR / "agents.yaml"]
    rest = sorted(p for p in DATA_DIR.rglob("*.yaml") if p not in first)
    return first + rest


_COUNTRY_LINE = re.compile(r"^country:\s*([A-Z]{3})\s*$", re.M)


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The codes the bundled country files give (one file per country), read off their ``country:`` line
    without loading the knowledge base: what a question about a pair may name."""
    return frozenset(m.group(1) for p in sorted((DATA_DIR / "countries").glob("*.yaml"))
                     for m in [_COUNTRY_LINE.search(p.read_text(encoding="utf-8"))] if m)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.suffix.lower() in {".yaml", ".yml", ".csv"}))
        elif p.is_file():
            out.append(p)
        else:
            raise ActorDataError(f"{p}:0: no such actor file or directory")
    return out


def read_all(files: Sequence[Path]) -> RawData:
    data = RawData(files=list(files))
    for file in files:
        if file.suffix.lower() == ".csv":
            _read_csv(file, data)
        else:
            _read_yaml(file, data)
    return data


def _read_yaml(file: Path, data: RawData) -> None:
    try:
        doc = yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ActorDataError(f"{file}:{line}: not valid YAML: {exc.problem or exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorDataError(f"{file}:0: cannot read: {exc}") from None
    where = Where(file)
    if doc is None:
        return
    if not isinstance(doc, dict):
        raise where.fail("an actor file is a mapping with a 'country' key (or a vocabulary file)")
    if "country" not in doc:
        unknown = set(doc) - _VOCAB_KEYS
        if unknown:
            raise where.at(sorted(map(str, unknown))[0]).fail(
                f"unknown key {sorted(map(str, unknown))[0]!r}: a country or body file needs 'country: CODE'"
            )
        _merge_vocab(data.vocab, doc, where)
        return
    _read_country(doc, where, data)


def _merge_vocab(vocab: dict[str, Any], doc: dict[str, Any], where: Where) -> None:
    """Vocabulary sections extend what came before: a user file can add agent words or office names."""
    for section, value in doc.items():
        here = where.at(section)
        if section == "name_particles":
            _check_particles(value, here)
        if isinstance(value, dict):
            dst = vocab.setdefault(section, {})
            if not isinstance(dst, dict):
                raise here.fail(f"{section} must be a list")
            _merge_mapping(dst, value)
        elif isinstance(value, list):
            dst = vocab.setdefault(section, [])
            if not isinstance(dst, list):
                raise here.fail(f"{section} must be a mapping")
            dst.extend(_strings(value, here))
        else:
            raise here.fail(f"{section} must be a list or a mapping")


def _check_particles(value: Any, where: Where) -> None:
    """``name_particles`` maps each word to its uses; an article is also where a surname starts."""
    if not isinstance(value, dict):
        raise where.fail("name_particles must be a mapping of word -> [uses]")
    for word, uses in value.items():
        here = where.at(word)
        if not isinstance(word, str):
            raise here.fail(f"name particle {word!r} must be a word (quote YAML's yes/no/on/off)")
        if not isinstance(uses, list) or not uses or not set(uses) <= PARTICLE_USES:
            raise here.fail(f"the uses of {word!r} must be a list of {sorted(PARTICLE_USES)}")
        if "article" in uses and "surname" not in uses:
            raise here.fail(f"{word!r}: an article must also be a surname particle")


def _merge_mapping(dst: dict[Any, Any], src: dict[Any, Any]) -> None:
    for k, v in src.items():
        if isinstance(v, dict) and isinstance(dst.get(k), dict):
            _merge_mapping(dst[k], v)
        elif isinstance(v, list) and isinstance(dst.get(k), list):
            dst[k] = dst[k] + v
        else:
            dst[k] = v


def _strings(value: Any, where: Where) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise where.fail("expected a list of names")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise where.at(i).fail(f"expected a name, got {item!r}")
        out.append(item.strip())
    return out


def _code(value: Any, where: Where) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise where.fail(f"country must be an ISO 3166-1 alpha-3 code (or IGO, NGO, IMG), got {value!r}")
    return value


def parse_date(value: Any, end: bool, where: Where) -> dt.date | None:
    """Dates may be given to the day, month or year: a term ``to: 2019`` lasts to the end of 2019."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        raise where.fail(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return dt.date(year, int(month or 1), int(day))
        if month:
            mo = int(month)
            if not end:
                return dt.date(year, mo, 1)
            nxt = dt.date(year + (mo == 12), mo % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise where.fail(f"bad date {value!r}") from None


def _dated(value: Any, where: Where) -> list[Dated]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        here = where.at(i) if isinstance(value, list) else where
        if isinstance(item, str):
            out.append(Dated(item.strip(), None, None))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            extra = set(item) - {"name", "from", "to"}
            if extra:
                raise here.fail(f"unknown key {sorted(extra)[0]!r} (use name, from, to)")
            out.append(
                Dated(
                    item["name"].strip(),
                    parse_date(item.get("from"), False, here.at("from")),
                    parse_date(item.get("to"), True, here.at("to")),
                )
            )
        else:
            raise here.fail(f"expected a name or {{name, from, to}}, got {item!r}")
    return out


def _read_country(doc: dict[str, Any], where: Where, data: RawData) -> None:
    unknown = set(doc) - _FILE_KEYS
    if unknown:
        bad = sorted(map(str, unknown))[0]
        raise where.at(bad).fail(f"unknown key {bad!r}; allowed: {', '.join(sorted(_FILE_KEYS))}")
    code = _code(doc["country"], where.at("country"))
    country = data.countries.get(code)
    if country is None:
        country = data.countries[code] = RawCountry(code=code, where=where)
    if "name" in doc:
        if not isinstance(doc["name"], str):
            raise where.at("name").fail("name must be a string")
        country.name = doc["name"].strip()
    country.aliases += _strings(doc.get("aliases"), where.at("aliases"))
    country.demonyms += _strings(doc.get("demonyms"), where.at("demonyms"))
    country.people_nouns += _strings(doc.get("people_nouns"), where.at("people_nouns"))
    if "capital" in doc:
        country.capitals = _dated(doc["capital"], where.at("capital"))
    country.places += _dated(doc.get("places"), where.at("places"))
    country.cities += _dated(doc.get("cities"), where.at("cities"))
    seats = doc.get("seats") or {}
    if isinstance(seats, list):
        seats = {s: None for s in _strings(seats, where.at("seats"))}
    if not isinstance(seats, dict):
        raise where.at("seats").fail("seats must map a name to a sector (or list names)")
    for name, sector in seats.items():
        country.seats[str(name)] = _sector(sector, where.at("seats", name), data) if sector else None
    offices = doc.get("offices") or {}
    if not isinstance(offices, dict):
        raise where.at("offices").fail("offices must map a local title to an office name")
    for title, office in offices.items():
        if not isinstance(office, str):
            raise where.at("offices", title).fail("an office alias maps to an office name such as foreign_minister")
        country.offices[str(title)] = office
    if "sector" in doc:
        country.sector = _sector(doc["sector"], where.at("sector"), data)
    if "family_name_first" in doc:
        country.family_name_first = bool(doc["family_name_first"])
    for name in _strings(doc.get("remove"), where.at("remove")):
        for kind in ("person", "body"):
            data.entities.pop((code, kind, key(name)), None)
    for kind, section in (("person", "people"), ("body", "bodies")):
        items = doc.get(section) or []
        if not isinstance(items, list):
            raise where.at(section).fail(f"{section} must be a list")
        for i, item in enumerate(items):
            entity = _entity(item, kind, code, where.at(section, i), data)
            data.entities[(entity.country, kind, key(entity.name))] = entity


def _sector(value: Any, where: Where, data: RawData) -> str | None:
    if value is None:
        return None
    known = data.vocab.get("sectors") or {}
    if not isinstance(value, str) or (known and value not in known):
        raise where.fail(f"unknown sector {value!r}; known: {', '.join(known)}")
    return value


def _entity(item: Any, kind: str, code: str, where: Where, data: RawData) -> RawEntity:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise where.fail(f"a {kind} entry needs a name")
    allowed = _PERSON_KEYS if kind == "person" else _BODY_KEYS
    unknown = set(item) - allowed
    if unknown:
        bad = sorted(map(str, unknown))[0]
        raise where.at(bad).fail(f"unknown key {bad!r} in a {kind} entry; allowed: {', '.join(sorted(allowed))}")
    country = _code(item["country"], where.at("country")) if "country" in item else code
    surname = item.get("surname")
    roles_raw = item.get("roles") or []
    if not isinstance(roles_raw, list):
        raise where.at("roles").fail("roles must be a list")
    roles = [_role(r, where.at("roles", i), data) for i, r in enumerate(roles_raw)]
    ident = item.get("id")
    if ident is not None and not isinstance(ident, str):
        raise where.at("id").fail("id must be a string")
    return RawEntity(
        kind=kind,
        name=item["name"].strip(),
        country=country,
        aliases=_strings(item.get("aliases"), where.at("aliases")),
        surnames=_strings(surname, where.at("surname")) if surname is not None else None,
        sector=_sector(item.get("sector"), where.at("sector"), data),
        roles=roles,
        self_names=_strings(item.get("self_names"), where.at("self_names")),
        id=ident,
        where=where,
    )


def _role(item: Any, where: Where, data: RawData) -> RawRole:
    """A term of office: ``[title, from, to, sector]`` (trailing items optional) or a mapping."""
    if isinstance(item, str):
        item = [item]
    if isinstance(item, list):
        if not 1 <= len(item) <= 4:
            raise where.fail("a role is [title, from, to, sector] (from, to and sector optional)")
        item = dict(zip(("title", "from", "to", "sector"), item, strict=False))
    if not isinstance(item, dict):
        raise where.fail(f"a role is a list or a mapping, got {item!r}")
    unknown = set(item) - _ROLE_KEYS
    if unknown:
        bad = sorted(map(str, unknown))[0]
        raise where.at(bad).fail(f"unknown key {bad!r} in a role; allowed: {', '.join(sorted(_ROLE_KEYS))}")
    title = item.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise where.fail(f"a role title must be text, got {title!r}")
    start = parse_date(item.get("from"), False, where.at("from"))
    end = parse_date(item.get("to"), True, where.at("to"))
    if start and end and end < start:
        raise where.fail(f"role ends ({end}) before it starts ({start})")
    body = item.get("body")
    if body is not None and not isinstance(body, str):
        raise where.at("body").fail("body must be the name of a body entry")
    return RawRole(
        title=title.strip() if isinstance(title, str) else None,
        start=start,
        end=end,
        sector=_sector(item.get("sector"), where.at("sector"), data),
        country=_code(item["country"], where.at("country")) if item.get("country") else None,
        body=body,
        where=where,
    )


def _read_csv(file: Path, data: RawData) -> None:
    """One row per term: rows sharing name and country make one entry (see docs/actors.md)."""
    try:
        handle = file.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise ActorDataError(f"{file}:0: cannot read: {exc}") from None
    with handle:
        reader = csv.DictReader(handle)
        header = {h.strip().lower() for h in reader.fieldnames or []}
        if "name" not in header or "country" not in header:
            raise ActorDataError(f"{file}:1: a CSV actor file needs at least the columns name and country")
        unknown = header - _CSV_COLUMNS
        if unknown:
            raise ActorDataError(f"{file}:1: unknown column {sorted(unknown)[0]!r}; allowed: {sorted(_CSV_COLUMNS)}")
        seen: dict[tuple[str, str, str], RawEntity] = {}
        for row in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            where = Where(file, line=reader.line_num)
            if not row.get("name"):
                raise where.fail("row without a name")
            code = _code(row.get("country"), where)
            kind = row.get("kind") or "person"
            if kind not in {"person", "body"}:
                raise where.fail(f"kind must be person or body, got {kind!r}")
            ident = (code, kind, key(row["name"]))
            entity = seen.get(ident)
            if entity is not None:
                entity.aliases += [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
            else:
                entity = seen[ident] = RawEntity(
                    kind=kind,
                    name=row["name"],
                    country=code,
                    aliases=[a.strip() for a in row.get("aliases", "").split("|") if a.strip()],
                    surnames=[row["surname"]] if row.get("surname") else None,
                    sector=None,
                    roles=[],
                    self_names=[],
                    id=None,
                    where=where,
                )
            if row.get("title") or row.get("from") or row.get("to") or row.get("sector"):
                start = parse_date(row.get("from"), False, where)
                end = parse_date(row.get("to"), True, where)
                if start and end and end < start:
                    raise where.fail(f"role ends ({end}) before it starts ({start})")
                entity.roles.append(
                    RawRole(
                        title=row.get("title") or None,
                        start=start,
                        end=end,
                        sector=_sector(row.get("sector") or None, where, data),
                        country=None,
                        body=row.get("body") or None,
                        where=where,
                    )
                )
        for ident, entity in seen.items():
            data.entities[ident] = entity
