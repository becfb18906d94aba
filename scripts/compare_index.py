"""Compare the detente relationship index with the usual GDELT recipe (mean Goldstein of raw mentions) on a store.

For the dyads with the most deduplicated events, month by month: both series, where they disagree in sign or by
more than ``--gap`` points, and what the raw recipe counted there that the index does not (repeated mentions of
one event, planned / negated / hypothetical mentions). Prints Markdown for docs/analysis.md.

Usage: ``python scripts/compare_index.py STORE.duckdb [--dyads 6] [--by month] [--gap 2]``
"""

from __future__ import annotations

import argparse
from collections import Counter
from itertools import combinations

import detente
from detente.api import event_query


def _dyads(db: str, top: int) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for e in detente.events(db):
        if e.modality != "asserted":
            continue
        countries = sorted(set(e.source_countries) | set(e.target_countries))
        for a, b in combinations([c for c in countries if c != "IGO"], 2):
            counts[f"{a}-{b}"] += 1
    return counts.most_common(top)


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    vx = sum((x - mx) ** 2 for x in xs) ** 0.5
    vy = sum((y - my) ** 2 for y in ys) ** 0.5
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (vx * vy) if vx and vy else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--dyads", type=int, default=6)
    parser.add_argument("--by", default="month")
    parser.add_argument("--gap", type=float, default=2.0)
    args = parser.parse_args()
    print("| dyad | events | raw mentions | periods with both | sign differs | mean abs gap | Pearson r |")
    print("|---|---|---|---|---|---|---|")
    details: list[str] = []
    with detente.open_store(args.db, read_only=True) as store:
        for dyad in [None, *(d for d, _ in _dyads(args.db, args.dyads))]:
            rows = detente.index(store, dyad=dyad, by=args.by)
            raw = store.index_mentions(event_query(dyad=dyad))
            both = [r for r in rows if r.score is not None and r.gdelt is not None]
            gaps = [abs((r.score or 0) - (r.gdelt or 0)) for r in both]
            signs = [r for r in both if (r.score or 0) * (r.gdelt or 0) < 0]
            r_value = _pearson([r.score or 0 for r in both], [r.gdelt or 0 for r in both])
            only_raw = [r for r in rows if r.score is None and r.gdelt is not None]
            label = dyad or "all events"
            print(f"| {label} | {sum(r.events for r in rows)} | {sum(r.mentions for r in rows)} | {len(both)} | "
                  f"{len(signs)} | {sum(gaps) / len(gaps) if gaps else 0:.2f} | "
                  f"{'-' if r_value is None else f'{r_value:.2f}'} |")
            for r in rows:
                if r.gdelt is None or (r.score is not None and abs(r.score - r.gdelt) < args.gap):
                    continue
                month = [m for m in raw if r.period <= m.date <= r.period_end]
                modalities = Counter(m.modality for m in month)
                details.append(
                    f"- {label} {r.period:%Y-%m}: index {r.score if r.score is not None else 'none'} "
                    f"({r.events} events, {r.documents} documents) vs raw mean {r.gdelt} ({r.mentions} mentions: "
                    + ", ".join(f"{k} {v}" for k, v in sorted(modalities.items())) + ")")
            if only_raw:
                details.append(f"- {label}: {len(only_raw)} periods have raw mentions but no held event")
    print()
    print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
