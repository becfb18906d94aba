"""CAMEO codes: descriptions and Goldstein scores (``data/cameo_codes.tsv``), the CAMEO-to-PLOVER table
(``data/cameo2plover.txt``), and the quad class of a code.

Both tables come, as data, from the project's reference folder: cameo_codes.tsv is the CAMEO table with Goldstein
scores (two repairs: 0872 "Ease military blockade", and codes 163–166 numbered as the CAMEO codebook, GDELT's
event codes and the PLOVER conversion number them — 163 impose embargo, boycott or sanctions; 164 halt
negotiations; 165 halt mediation; 166 expel or withdraw — where the reference table had them in another order;
each keeps its own Goldstein score), cameo2plover.txt the PLOVER 2021 conversion. The two still number some
sub-codes differently (035x, 12x); ``Mention.cameo`` uses the table's numbering, so that Goldstein scores and
the GDELT export agree with the code.

Quad class follows from the CAMEO root: 01–05 verbal cooperation (1), 06–08 material cooperation (2), 09–14
verbal conflict (3), 15–20 material conflict (4); the ranges are in ``detente/ontology.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.datafiles import load
from detente.ontology import quad_class_of_root


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    description: str
    goldstein: float


@dataclass(frozen=True, slots=True)
class PloverMapping:
    code: str
    type: str
    mode: str | None
    context: str | None
    description: str


def quad_class(code: str) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (None if unknown)."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    return quad_class_of_root(int(code[:2]))


@dataclass(frozen=True, slots=True)
class CameoTable:
    codes: dict[str, CameoCode]
    plover: dict[str, PloverMapping]

    def get(self, code: str) -> CameoCode | None:
        """The entry for ``code`` or, for a sub-code the table lacks, its nearest listed parent."""
        while code:
            entry = self.codes.get(code)
            if entry is not None:
                return entry
            code = code[:-1]
        return None

    def goldstein(self, code: str) -> float | None:
        entry = self.get(code)
        return entry.goldstein if entry else None

    def plover_types(self, root: str) -> set[str]:
        """PLOVER types the conversion table gives to codes under a two-digit CAMEO root."""
        return {m.type for c, m in self.plover.items() if c.startswith(root)}


_C2P_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?(.*)$")


@lru_cache(maxsize=1)
def load_cameo() -> CameoTable:
    codes: dict[str, CameoCode] = {}
    rows: list[list[str]] = load("detente.coding", "data/cameo_codes.tsv")
    for parts in rows[1:]:
        if len(parts) < 3 or not parts[0].strip():
            continue
        code = parts[0].strip()
        try:
            score = float(parts[2])
        except ValueError:
            continue
        codes[code] = CameoCode(code=code, description=parts[1].strip(), goldstein=score)
    plover: dict[str, PloverMapping] = {}
    text: str = load("detente.coding", "data/cameo2plover.txt")
    for line in text.splitlines():
        m = _C2P_LINE.match(line.strip())
        if not m:
            continue
        code, type_, mode, context, desc = (g.strip() for g in m.groups())
        plover.setdefault(code, PloverMapping(code, type_, mode or None, context or None, desc))
    return CameoTable(codes=codes, plover=plover)
