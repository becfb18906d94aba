"""Actor identity and merging: one sentence reporting one act twice gives one record.

Two actors are the same when both have a knowledge-base id and the ids agree, else when their names (or texts)
and countries agree; the coder removes duplicate actors with the same test before it merges records.
"""

from __future__ import annotations

from detente.records import Actor, Mention


def _key(a: Actor) -> tuple[str | None, str | None, str | None]:
    return (a.id, a.name, a.country) if a.id else (None, (a.name or a.text).lower(), a.country)


def same_actor(a: Actor, b: Actor) -> bool:
    """The same actor: same id when both have one, else same name (or text) and country."""
    if a.id and b.id:
        return a.id == b.id
    return _key(a) == _key(b)


def dedupe(actors: list[Actor]) -> list[Actor]:
    """The actors without repeats, first mention kept, in order."""
    out: list[Actor] = []
    for a in actors:
        if not any(same_actor(a, b) for b in out):
            out.append(a)
    return out


def _generic(actors: list[Actor]) -> bool:
    """Actors known only by their country ("the two sides", a country read off the sentence)."""
    return bool(actors) and all(a.id is None and a.name is None for a in actors)


def _countries(rec: Mention) -> set[str | None]:
    return {a.country for a in rec.source + rec.target}


def _restated(a: Mention, b: Mention) -> bool:
    """One record restates the other in general terms: "During the meeting, Blinken told Han ... the two sides
    were maintaining open communications" names the same countries, once by their people, once as "the two
    sides". Two records naming different countries are two acts ("Xi was absent from the summit, which was
    attended by Biden")."""
    return _countries(a) == _countries(b) and (_generic(a.source + a.target) or _generic(b.source + b.target))


def _answered(a: Mention, b: Mention) -> bool:
    """One record's doer is the other's recipient: an act and the act it answers or provoked ("security forces
    killed the attackers who had laid siege to the hotel", "the rebels attacked the base and the troops repelled
    them"), two acts of one type even when both are told in general terms."""
    return any(same_actor(s, t) for s in a.source for t in b.target if not _guessed(t)) or \
        any(same_actor(s, t) for s in b.source for t in a.target if not _guessed(t))


def _guessed(a: Actor) -> bool:
    """A recipient the coder supplied because the text named none: a bare country (``participants``)."""
    return a.id is None and a.name is None and a.text == a.country


def _named_first(actors: list[Actor]) -> list[Actor]:
    """Recipients the text names; the guessed ones only when it names none ("warned it would smash Taiwan
    independence plots": the warning is aimed at Taiwan, not at the story's other country)."""
    named = [a for a in actors if not _guessed(a)]
    return named if any(a.country for a in named) else actors


def merge_records(records: list[Mention]) -> list[Mention]:
    """One sentence reporting one act twice ("the official to travel to Washington was Wang Wentao, who
    visited in late May") gives one record: same type, same negation and overlapping actors merge (the most
    confident one kept, recipients united); records stay in their original order."""
    kept: list[tuple[int, Mention]] = []
    for pos, rec in sorted(enumerate(records), key=lambda pr: -pr[1].confidence):
        for _, k in kept:
            if k.type != rec.type or (k.modality == "negated") != (rec.modality == "negated"):
                continue
            if not (any(same_actor(a, b) for a in rec.source for b in k.source) or
                    (not rec.source and any(same_actor(a, b) for a in rec.target for b in k.target)) or
                    (_restated(rec, k) and not _answered(rec, k))):
                continue
            k.target = _named_first(dedupe(k.target + [a for a in rec.target
                                                       if not any(same_actor(a, s) for s in k.source)]))
            k.source = dedupe(k.source + rec.source)
            if k.date_precision == "unresolved" and rec.date_precision != "unresolved":
                k.date, k.date_end = rec.date, rec.date_end
                k.date_precision, k.date_text = rec.date_precision, rec.date_text
            if k.location is None:
                k.location = rec.location
            if rec.modality == "asserted" and k.modality != "asserted" and rec.confidence >= k.confidence - 0.1:
                k.modality = "asserted"
            break
        else:
            kept.append((pos, rec))
    return [rec for _, rec in sorted(kept, key=lambda pr: pr[0])]
