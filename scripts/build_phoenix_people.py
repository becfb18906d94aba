"""Write ``phoenix_people.yaml``, a user actor file (``--actors``): the people of PETRARCH2's international actors
dictionary (``Phoenix.International.actors.txt``, Open Event Data Alliance, MIT licence) that the curated
knowledge base lacks, in the knowledge base's person form (name, aliases, surname, dated roles).

Most of PETRARCH2's file is organisations (NGOs, corporations, IGOs); its people are the officials of
international bodies and a few national ones, each with dated CAMEO codes (``[IGOUNO 970101-061231]``,
``[USAGOV 010120-050120]``). A record counts as a person when it has at least one dated code whose country this
knowledge base knows and its primary name is a plain personal name: two or more words, none of them a word the
knowledge base already reads as something else (an agent word, office, country, demonym, body: "UN Secretary
General", "Institute of ..."). Aliases pass the same test; titles-with-names ("Secretary-General Kofi Annan")
are dropped, the bare name kept.

Precision guards (a curated entry always wins):
* anyone whose name or alias the curated files already hold as a person is skipped;
* the surname (last word) is kept only when it is not a common word (``not_surnames``, the WordNet nouns of
  ``noun_classes.txt`` and ``person_nouns.txt``, a WordNet verb, adjective or adverb or a noun whose commonest
  sense is not a person, any key the knowledge base already has, a curated person's surname, the first word of
  any curated or PETRARCH2 name) and has three letters or more; otherwise the person is found by full name
  only (``surname: []``); a hyphenated surname is kept whole ("Shihab-Eldin", not "Eldin");
* single-word names never become people.

Codes: the first three letters are the country (CAMEO's ``ROM``/``TMP`` are ISO's ``ROU``/``TLS``, as
``detente/exports/data/cameo_countries.tsv`` has them) or ``IGO``; an IGO code's body is the body of
``igo_cameo.tsv`` whose CAMEO code is the longest prefix of it; a national code's next three letters give the
sector (``KORGOVBUS`` is GOV). The person's own country is the first national code's, else IGO. Undated
(default) codes give only that country. Six-digit dates are YYMMDD (YY up to 30 is 20YY).

WordNet comes from Debian's ``wordnet-base`` (development time only). Usage: ``apt-get install wordnet-base;
python scripts/build_phoenix_people.py [Phoenix.International.actors.txt] [OUT.yaml]`` (default: the
project's reference copy in ``../shared/reference/petrarch2/``, written to ``./phoenix_people.yaml``), then
``detente ... --actors phoenix_people.yaml``. The file is not bundled: on the labelled news it changed nothing
(docs/actors.md, "Sources"). Bundled, it would have to be read before the country files so that a curated entry
always wins (``bundled_files`` in ``detente/resolve/actors/_data.py``).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from wordnet_files import read_index

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.International.actors.txt"
OUT = Path("phoenix_people.yaml")  # not shipped: measured, not kept (docs/actors.md, "Sources")
EXPORT_DATA = ROOT / "detente" / "exports" / "data"
CODING_DATA = ROOT / "detente" / "coding" / "data"
WORDNET = Path("/usr/share/wordnet")
_NOUN_PERSON = "18"  # WordNet's lexicographer file noun.person: a lemma whose commonest sense is a person

# CAMEO type (three letters after the country) -> sector of agents.yaml (as build_petrarch_agents.py maps them)
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "CRM": "CRM", "OPP": "OPP", "BUS": "BUS", "CVL": "CVL", "JUD": "JUD",
    "COP": "COP", "MED": "JRN", "LEG": "LEG", "HLH": "MED", "EDU": "EDU", "UAF": "UAF", "SPY": "SPY", "AGR": "AGR",
    "LAB": "LAB", "REF": "REF", "REL": "REL", "ELI": "ELI", "PTY": "PTY",
}
# lexicon kinds that make a word something other than a personal name
NOT_NAME_KINDS = frozenset({"agent", "office", "filler", "not_actor", "modifier", "prep", "marker", "country",
                            "demonym", "people", "capital", "seat", "body", "local_body"})
BODY_CODES = frozenset({"MNC", "NGO"})
_CODE = re.compile(r"\[\s*([A-Z\-]+)\s*(?:([<>])?\s*(\d+)(?:\s*-\s*(\d+))?)?\s*\]")
_WORD = re.compile(r"^[A-Z][A-Za-z'\-]*\.?$")


@dataclass(slots=True)
class Code:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    dated: bool = False


@dataclass(slots=True)
class Record:
    names: list[str]
    codes: list[Code] = field(default_factory=list)


def key(text: str) -> str:
    """The knowledge base's lookup key (imported late: the script adds the project to the path first)."""
    sys.path.insert(0, str(ROOT))
    from detente.resolve.actors._text import key as kb_key

    return kb_key(text)


def parse_date(text: str) -> dt.date | None:
    """YYYYMMDD or YYMMDD; anything else (PETRARCH2 has a few seven-digit typos) is no date."""
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            return dt.date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def parse_codes(text: str) -> list[Code]:
    """The bracketed codes of a line, with their date restriction; a code with a bad date is dropped."""
    out = []
    for m in _CODE.finditer(text):
        code, op, first, second = m.groups()
        if code.strip("-") == "":
            continue
        if first is None:
            out.append(Code(code))
            continue
        a, b = parse_date(first), parse_date(second) if second else None
        if a is None or (second and b is None):
            continue
        if op == "<":
            out.append(Code(code, None, a, True))
        elif op == ">":
            out.append(Code(code, a, None, True))
        elif second:
            if b is not None and b >= a:
                out.append(Code(code, a, b, True))
        else:
            out.append(Code(code, a, a, True))
    return out


def parse_records(text: str) -> list[Record]:
    """Records of a PETRARCH actors file: a primary phrase, ``+`` synonyms, tab-indented dated codes."""
    records: list[Record] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0]
        if not line.strip() or line.startswith("Source:"):
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            if records:
                records[-1].codes += parse_codes(line)
            continue
        phrase, _, rest = line.strip().partition("[")
        codes = parse_codes("[" + rest) if rest else []
        if phrase.startswith("+"):
            if records:
                records[-1].names.append(phrase[1:].strip())
                records[-1].codes += codes
            continue
        records.append(Record([phrase.strip()], codes))
    return records


def display(phrase: str) -> str:
    """``BAN_KI-MOON_`` -> ``Ban Ki-Moon``: the key ignores case, so this is only for reading."""
    return " ".join(w.title() for w in phrase.replace("_", " ").split())


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _wordlist(path: Path) -> set[str]:
    """First column of a derived word list (comment lines skipped)."""
    return {line.split("\t", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


@dataclass(slots=True)
class Knowledge:
    """What the curated knowledge base already knows, for the tests of names, surnames and codes."""

    kinds: dict[str, set[str]]  # lookup key -> lexicon kinds
    countries: set[str]
    igo_bodies: list[tuple[str, str]]  # (CAMEO code, body name), longest code first
    common: set[str]
    family_names: set[str]  # weak_surnames: the commonest Chinese and Korean family names, written first
    curated_surnames: dict[str, set[str]]  # surname -> first letters of the curated people who bear it


def load_knowledge(exclude: set[Path]) -> Knowledge:
    sys.path.insert(0, str(ROOT))
    from detente.resolve.actors._data import bundled_files, read_all
    from detente.resolve.actors._index import compile_index

    raw = read_all([f for f in bundled_files() if f.resolve() not in exclude])
    ix = compile_index(raw)
    kinds = {k: {lx.kind for lx in lexes} for k, lexes in ix.lex.items()}
    bodies = []
    for row in _tsv(EXPORT_DATA / "igo_cameo.tsv"):
        ent = ix.entities.get(row["id"])
        if ent is not None:
            bodies.append((row["cameo"], ent.name))
    bodies.sort(key=lambda b: -len(b[0]))
    common = set(ix.not_surnames) | _wordlist(CODING_DATA / "noun_classes.txt")
    common |= _wordlist(CODING_DATA / "person_nouns.txt") | english_words(WORDNET)
    surnames: dict[str, set[str]] = {}
    for e in ix.entities.values():
        for s in e.surnames:
            surnames.setdefault(s, set()).add(e.name[:1].lower())
        if e.kind == "person":
            common.add(key(e.name).split()[0])  # a first name ("Rodrigo" Duterte) is no one's surname alone
    return Knowledge(kinds, set(ix.country_names), bodies, common, set(ix.weak_surnames), surnames)


def english_words(wordnet: Path) -> set[str]:
    """One-word English words of WordNet: any verb, adjective or adverb, and nouns whose commonest sense is not
    a person ("grant", "rice", "woods" are words; "Annan", "Blix" are only people there, or absent)."""
    words: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        words |= {w for w in read_index(wordnet, pos) if "_" not in w}
    with open(wordnet / "data.noun", encoding="latin-1") as f:
        data = f.read()
    for lemma, offsets in read_index(wordnet, "noun").items():
        if "_" in lemma or not offsets:
            continue
        at = int(offsets[0])
        if data[at:at + 20].split()[1] != _NOUN_PERSON:
            words.add(lemma)
    return words


def country_of(code: str, kb: Knowledge) -> str | None:
    """ISO3 (or IGO) of a CAMEO code's first three letters, if the knowledge base has that country."""
    cameo_to_iso = {r["cameo"]: r["iso3"] for r in _tsv(EXPORT_DATA / "cameo_countries.tsv")}
    head = cameo_to_iso.get(code[:3], code[:3])
    if head == "IGO" or (head in kb.countries and head not in {"NGO", "IMG", "MNC", "ISM"}):
        return head
    return None


def plain_name(phrase: str, kb: Knowledge) -> str | None:
    """The display form of a phrase if it is a personal name of two or more words, else None."""
    words = phrase.replace("_", " ").split()
    if len(words) < 2 or not all(_WORD.match(w) for w in words):
        return None
    if sum(len(w.strip(".")) > 1 for w in words) < 1 or len(words[-1].strip(".")) < 2:
        return None
    spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    if any(kb.kinds.get(key(span), set()) & NOT_NAME_KINDS for span in spans):
        return None  # a word or phrase of it is a title, body or country ("UN Secretary General Kofi Annan")
    return display(phrase)


def curated(name: str, kb: Knowledge) -> bool:
    """Whether a name is a curated person's, in full or as an initial or middle-named form ("K. Annan",
    "Kofi Atta Annan" for Kofi Annan)."""
    if "person" in kb.kinds.get(key(name), set()):
        return True
    words = key(name).split()
    return words[0][:1] in kb.curated_surnames.get(words[-1], set())


def own_surname(name: str, kb: Knowledge) -> bool:
    """Whether the last word may find the person alone: not a common word, not a key or surname the curated
    files already use, and not a name written family name first ("Lee Jong Wook": not "Wook")."""
    words = key(name).split()
    last = words[-1]
    if words[0] in kb.family_names or len(last) < 3:
        return False
    return last not in kb.common and last not in kb.kinds and last not in kb.curated_surnames


def role_of(code: Code, kb: Knowledge) -> dict[str, object] | None:
    country = country_of(code.code, kb)
    if country is None:
        return None
    role: dict[str, object] = {"country": country}
    if country == "IGO":
        body = next((name for cameo, name in kb.igo_bodies if code.code.startswith(cameo)), None)
        if body is not None:
            role = {"body": body}
    else:
        sector = SECTORS.get(code.code[3:6])
        if sector:
            role["sector"] = sector
    if code.start:
        role["from"] = code.start.isoformat()
    if code.end:
        role["to"] = code.end.isoformat()
    return role


def person_of(rec: Record, kb: Knowledge) -> dict[str, object] | None:
    """The knowledge base's person entry for a record, or None when it is not a new person."""
    names = [n for n in (plain_name(p, kb) for p in rec.names) if n]
    if not names or plain_name(rec.names[0], kb) is None:
        return None
    if any(c.code[:3] in BODY_CODES for c in rec.codes):
        return None  # a corporation or NGO that also held a national code (a bank taken over by a state)
    if any(curated(n, kb) for n in names):
        return None  # a curated person already: the curated entry wins
    roles = [r for r in (role_of(c, kb) for c in rec.codes if c.dated) if r]
    if not roles:
        return None
    home = next((c for c in (country_of(x.code, kb) for x in rec.codes) if c and c != "IGO"), "IGO")
    for r in roles:
        if r.get("country") == home:
            del r["country"]
    entry: dict[str, object] = {"name": names[0], "country": home}
    aliases = sorted({n for n in names[1:] if n.lower() != names[0].lower()})
    if aliases:
        entry["aliases"] = aliases
    if not own_surname(names[0], kb):
        entry["surname"] = []
    elif "-" in names[0].split()[-1]:
        entry["surname"] = [names[0].split()[-1]]  # "Shihab-Eldin" whole: the knowledge base would take "Eldin"
    entry["roles"] = roles
    return entry


def build(source: Path, kb: Knowledge) -> list[dict[str, object]]:
    """Person entries, one per country, first name and surname: PETRARCH2 lists some people twice, with and
    without a middle initial ("Barber Conable", "Barber B. Conable"); their names become aliases of one entry."""
    people: dict[str, dict[str, object]] = {}
    records = parse_records(source.read_text(encoding="utf-8", errors="replace"))
    kb.common |= {key(n.replace("_", " ")).split()[0] for r in records for n in r.names if key(n.replace("_", " "))}
    for rec in records:
        entry = person_of(rec, kb)
        if entry is None:
            continue
        words = str(entry["name"]).lower().split()
        ident = f"{entry['country']}/{words[0]}/{words[-1]}"
        if ident in people:
            merge(people[ident], entry)
        else:
            people[ident] = entry
    return sorted(people.values(), key=lambda e: (str(e["country"]), str(e["name"])))


def merge(into: dict[str, object], other: dict[str, object]) -> None:
    """Another record of the same person: its names become aliases, its roles are added when new."""
    names = {str(into["name"]).lower()}
    aliases = [str(a) for a in into.get("aliases", [])]  # type: ignore[attr-defined]
    for name in [str(other["name"]), *[str(a) for a in other.get("aliases", [])]]:  # type: ignore[attr-defined]
        if name.lower() not in names | {a.lower() for a in aliases}:
            aliases.append(name)
    if aliases:
        into["aliases"] = sorted(aliases)
    roles = list(into["roles"])  # type: ignore[call-overload]
    roles += [r for r in other["roles"] if not any(overlaps(r, q) for q in roles)]  # type: ignore[attr-defined]
    into["roles"] = roles


def overlaps(a: dict[str, object], b: dict[str, object]) -> bool:
    """Two terms in the same place whose dates meet: one term that two records date a day apart."""
    if (a.get("body"), a.get("country"), a.get("sector")) != (b.get("body"), b.get("country"), b.get("sector")):
        return False
    lo, hi = "0000", "9999"
    return str(a.get("from") or lo) <= str(b.get("to") or hi) and str(b.get("from") or lo) <= str(a.get("to") or hi)


def _flow(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    text = str(value)
    return f'"{text}"' if re.search(r"[^A-Za-z0-9 .\-]", text) or not text else text


def render(people: list[dict[str, object]]) -> str:
    lines = [
        "# People of PETRARCH2's international actors dictionary (Phoenix.International.actors.txt, Open Event Data",
        "# Alliance, MIT licence) that the curated files lack: officials of international bodies and some national",
        "# ones with PETRARCH2's dated codes, none that a curated file holds. Use it with --actors FILE.",
        "# Generated by scripts/build_phoenix_people.py; do not edit by hand.",
        "country: IGO",
        "people:",
    ]
    for p in people:
        lines.append(f"  - {_flow(p)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    out = Path(argv[2]) if len(argv) > 2 else OUT
    kb = load_knowledge({out.resolve()})
    people = build(source, kb)
    out.write_text(render(people), encoding="utf-8")
    print(f"{len(people)} people written to {out}")


if __name__ == "__main__":
    main(sys.argv)
