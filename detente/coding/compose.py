"""What a governed or unrealised act becomes: the composition tables of ``data/compose.yaml``.

"Agreed to withdraw" is one event (AGREE), not two; "urged Israel to release prisoners" is a REQUEST whose
mode (yield) and CAMEO code (025) come from the release it asks for; "will visit" is an intention to meet
(AGREE 036) and "plans to impose restrictions" a threat (THREATEN 132). The tables say how, keyed by the
complement's CAMEO code, ``TYPE:mode`` or ``TYPE``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from detente.coding.lexicon import load_data


@dataclass(frozen=True, slots=True)
class Coded:
    type: str
    mode: str | None
    cameo: str


@dataclass(frozen=True, slots=True)
class Composer:
    tables: Mapping[str, Mapping[str, Mapping[str, Any]]]
    cooperative: frozenset[str]
    material_conflict: frozenset[str]
    verbal_conflict: frozenset[str]
    own_agencies: frozenset[str]

    def family(self, type_: str) -> str:
        if type_ in self.cooperative:
            return "cooperative"
        if type_ in self.material_conflict:
            return "material_conflict"
        return "verbal_conflict"

    def _entry(self, table: str, child: Coded) -> Mapping[str, Any] | None:
        rows = self.tables[table]
        for key in (child.cameo, f"{child.type}:{child.mode}" if child.mode else None, child.type,
                    self.family(child.type), "*"):
            if key is not None and key in rows:
                return rows[key]
        return None

    def apply(self, table: str, governor: Coded, child: Coded) -> Coded:
        """The event ``governor`` makes of ``child`` under ``table`` (a role: intent, request, ...)."""
        entry = self._entry(table, child)
        if entry is None:
            return governor
        if "use" in entry:
            return self.apply(str(entry["use"]), governor, child)
        if entry.get("child"):
            return child
        if not entry:
            return Coded(governor.type, governor.mode, governor.cameo)
        return Coded(
            type=str(entry.get("type", governor.type)),
            mode=entry.get("mode", governor.mode if "type" not in entry else None),
            cameo=str(entry.get("cameo", governor.cameo)),
        )

    def intended(self, act: Coded) -> Coded:
        """An act announced, promised or planned: AGREE for cooperation, THREATEN for material conflict."""
        return self.apply("intent", act, act)

    def refused(self, act: Coded) -> Coded:
        """An act its actor says it will not do: REJECT for cooperation."""
        return self.apply("refuse", act, act)


@lru_cache(maxsize=1)
def load_composer() -> Composer:
    data = load_data("compose.yaml")
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    return Composer(
        tables=tables,
        cooperative=frozenset(data["cooperative"]),
        material_conflict=frozenset(data["material_conflict"]),
        verbal_conflict=frozenset(data["verbal_conflict"]),
        own_agencies=frozenset(data["own_agencies"]),
    )
