"""Per-document memory of who has been named, so a later bare surname means the same person.

News writes "Chinese Foreign Minister Wang Yi" once and "Wang" afterwards; "Wang" alone is ambiguous across the
knowledge base (and is one of the commonest surnames), but not within the document. The memory holds actors, not
pronouns: "he" is the coder's to resolve (``detente.coding.references``), from the actors of the sentences before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...records import Actor
from ._index import Entity
from ._text import key


@dataclass(frozen=True, slots=True)
class Seen:
    actor: Actor
    entity: Entity | None


class DocumentActors:
    """What one document has named so far. ``outlet`` (the publication) lets "The Post" or "this newspaper" mean
    the outlet itself. Pass the same instance to every ``ActorKB.resolve`` call for one document; resolve records
    each named person it finds, and ``observe`` adds actors found elsewhere (say, by the coder's NER)."""

    def __init__(self, outlet: str | None = None) -> None:
        self.outlet = outlet
        # countries of the actors resolved so far; they only choose between known bodies sharing an acronym
        self.countries: set[str] = set()
        self._by_key: dict[str, list[Seen]] = {}
        self._order: list[Seen] = []

    def observe(self, actor: Actor) -> None:
        """Remember an actor named in this document (a person with a name; groups and countries are ignored)."""
        self.remember(actor, None)

    def remember(self, actor: Actor, entity: Entity | None) -> None:
        if entity is not None:
            if entity.kind != "person":
                return
            full = key(entity.name).split()
            keys = {*entity.surnames, " ".join(full), full[0], full[-1]}
        elif actor.name and actor.id is None and actor.country not in {"IGO", "NGO"}:
            # a name the knowledge base does not know: the whole name and its last word, unless that is an
            # acronym ("Kling AI" is not "AI")
            words = actor.name.split()
            full = key(actor.name).split()
            if len(full) < 2:
                return
            keys = {" ".join(full)} | ({full[-1]} if not words[-1].isupper() else set())
        elif actor.kind == "person" and actor.name:
            full = key(actor.name).split()
            keys = {" ".join(full), full[0], full[-1]}
        else:
            return
        seen = Seen(actor, entity)
        self._order.append(seen)
        for k in keys:
            self._by_key.setdefault(k, []).append(seen)

    def recall(self, name_key: str) -> Seen | None:
        """The most recent person this document named whose name or surname is ``name_key``."""
        found = self._by_key.get(name_key)
        return found[-1] if found else None

    def recent(self) -> list[Seen]:
        """Named persons, most recent first."""
        return list(reversed(self._order))

    def __len__(self) -> int:
        return len(self._order)


def retext(actor: Actor, text: str) -> Actor:
    return replace(actor, text=text)
