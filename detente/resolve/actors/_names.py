"""Which words of a span make a person's name, and which only qualify one.

"Biden administration" uses a name as an attribute; "Anwar al-Bunni" is a longer name than Anwar Ibrahim's
surname; "Daniel Kritenbrink" is a name nothing in the knowledge base explains; "General Michel Aoun" gives a
title's sector and "former President Lula" a former standing.
"""

from __future__ import annotations

from ._index import Index
from ._span import Item


def place_first_names(items: list[Item]) -> set[int]:
    """Places that start a person's name ("Florence Ozor", "Georgia Meloni"): a city or region word followed by
    a capitalised word nothing explains."""
    out = set()
    for it, nxt in zip(items, items[1:], strict=False):
        if (
            nxt.i == it.j
            and nxt.cap
            and not nxt.lexes
            and it.lexes
            and all(lx.kind in {"city", "place"} for lx in it.lexes)
            and nxt.seg == it.seg
            and nxt.mod == it.mod
        ):
            out.add(it.i)
    return out


def name_neighbours(ix: Index, items: list[Item], it: Item) -> list[str]:
    """Name words next to ``it`` (across particles such as "al" or "bin"): the rest of a name it is part of
    ("Anwar al-Bunni" is not Anwar Ibrahim, "Hector Paul Joseph" is not Arnel Joseph)."""
    out: list[str] = []
    by_start = {x.i: x for x in items}
    by_end = {x.j: x for x in items}
    for forward in (True, False):
        other = by_start.get(it.j) if forward else by_end.get(it.i)
        while other is not None and not other.lexes and other.low in ix.particles.joins:
            other = by_start.get(other.j) if forward else by_end.get(other.i)
        if other is None or other.seg != it.seg or other.mod != it.mod or not other.cap:
            continue
        if not other.lexes or all(lx.kind == "surname" for lx in other.lexes):
            out.append(other.low)
    return out


def title_sector_before(items: list[Item], target: Item) -> str | None:
    """Sector of the title words just before a name ("General Michel Aoun" -> MIL)."""
    sector = None
    for it in items:
        if it.seg != target.seg or it.mod != target.mod or it.i >= target.i:
            continue
        for lx in it.lexes:
            if lx.kind in {"marker", "agent"} and lx.sector and it.cap:
                sector = lx.sector
    return sector


def former_before(items: list[Item], target: Item) -> bool:
    """ "former" before a name in the same part ("former President Lula")."""
    return any(
        lx.code == "former"
        for it in items
        if it.seg == target.seg and it.mod == target.mod and it.i < target.i
        for lx in it.of("modifier")
    )


def attributive(items: list[Item], it: Item) -> bool:
    """ "Biden administration", "Trump supporters", "Putin spokesman Peskov": the name modifies a noun after it."""
    for later in items:
        if later.i < it.j or later.seg != it.seg or later.mod != it.mod:
            continue
        if later.i == it.j and not later.lexes and later.cap:
            return True  # "Queen Elizabeth Central Hospital", "Xi Jinping Thought": a longer name
        if later.has("agent", "body", "local_body", "person", "default_country"):
            return True
        if later.has("office") and not later.has("marker"):
            return True
    return False


def unknown_name(ix: Index, items: list[Item]) -> list[Item] | None:
    """An unknown person's name: capitalised words that no entry explains ("Daniel Kritenbrink", "Li Zheng")."""
    runs: list[list[Item]] = []
    cur: list[Item] = []
    first_names = place_first_names(items)
    for it in items:
        namelike = not it.lexes or all(lx.kind == "surname" for lx in it.lexes) or it.i in first_names
        unknown = namelike and not it.sep and (it.cap or bool(cur and it.low in ix.particles.joins))
        if unknown and (not cur or (cur[-1].seg == it.seg and cur[-1].mod == it.mod and cur[-1].j == it.i)):
            cur.append(it)
            if it.poss:
                runs.append(cur)
                cur = []
            continue
        if cur:
            runs.append(cur)
        cur = [it] if unknown else []
    if cur:
        runs.append(cur)
    for run in runs:
        while run and not run[-1].cap:
            run.pop()
        if not run or run[-1].poss or run[0].mod:
            continue
        nxt = next((x for x in items if x.i == run[-1].j), None)
        if nxt is not None and nxt.seg == run[-1].seg and nxt.has("agent", "body", "local_body", "office"):
            continue
        prev = next((x for x in items if x.j == run[0].i), None)
        # one word is a name only after a title ("President Bouteflicka", "spokesman Kalin"), not after a
        # capitalised word of a longer name ("National Day")
        titled = (
            prev is not None
            and prev.seg == run[0].seg
            and (prev.has("marker", "office") or (prev.has("agent") and not prev.cap))
        )
        if len(run) >= 2 or titled:
            return run
    return None
