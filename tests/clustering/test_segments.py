"""Link components: they lie inside segments, each clusters on its own to what its whole block gives, and the
store's events (built component by component, batch by batch) are those of clustering every block at once."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import detente
from detente.clustering import (
    ClusterMention,
    LightMention,
    cluster_mentions,
    event_id_for,
    family,
    link_components,
    link_strength,
)
from detente.store import queries as q
from detente.store.db import Store
from detente.store.rows import cluster_mention_from_row
from tests.clustering.eventdata import ingest, membership
from tests.clustering.segmenting import segments
from tests.clustering.test_cluster_order import _corpus
from tests.conftest import EXAMPLES


def _blocks(store: Store) -> list[list[ClusterMention]]:
    """Every stored mention as clustering sees it, by block, in canonical order."""
    ids = [r[0] for r in store.con.execute("SELECT mention_id FROM mentions").fetchall()]
    cur = store.con.execute(q.FULL_OF_MENTIONS_SQL, {**q.window_params(), "ids": ids, "first": 0, "last": 2**62})
    cols = [d[0] for d in cur.description]
    blocks: dict[tuple[str, str], list[ClusterMention]] = defaultdict(list)
    for row in cur.fetchall():
        m = cluster_mention_from_row(dict(zip(cols, row, strict=True)))
        blocks[(family(m.type), m.modality)].append(m)
    return [sorted(ms, key=lambda m: m.canonical) for ms in blocks.values()]


def _light(m: ClusterMention) -> LightMention:
    return LightMention(m.mention_id, m.doc_id, m.countries, m.weak, m.day, m.lo, m.hi, m.keys,
                        (family(m.type), m.modality))


def _clusters(mentions: list[ClusterMention]) -> set[frozenset[str]]:
    return {frozenset(m.mention_id for m in c) for c in cluster_mentions(mentions)}


def _whole_block_membership(store: Store) -> dict[str, list[str]]:
    """event id → mention ids, clustering each block in one piece (no segments, no components, no index)."""
    out: dict[str, list[str]] = {}
    for block in _blocks(store):
        for cluster in cluster_mentions(block):
            out[event_id_for(cluster[0].mention_id)] = sorted(m.mention_id for m in cluster)
    return out


def test_components_lie_inside_segments_and_cluster_alone_as_their_block_does(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.duckdb", _corpus(seed=11, n_docs=80))
    sizes: list[int] = []
    for block in _blocks(store):
        by_id = {m.mention_id: m for m in block}
        segment_of = {mid: i for i, seg in enumerate(segments([_light(m) for m in block])) for mid in seg}
        components = link_components(block)
        assert sorted(mid for c in components for mid in c) == sorted(by_id)  # a partition of the block
        alone: set[frozenset[str]] = set()
        for component in components:
            assert len({segment_of[mid] for mid in component}) == 1  # inside one segment
            members = [by_id[mid] for mid in component]
            linked = {m.mention_id for a in members for m in members if a is not m and link_strength(a, m)}
            assert len(component) == 1 or linked == set(component)  # every member is linked to another
            alone |= _clusters(members)
            sizes.append(len(component))
        assert alone == _clusters(block)
        # the store's older mentions, labelled by their own components: pairs across labels need not be tried
        old = block[: len(block) * 2 // 3]
        apart = {mid: i for i, c in enumerate(link_components(old)) for mid in c}
        assert sorted(map(sorted, link_components(block, apart))) == sorted(map(sorted, components))
    assert max(sizes) > 2  # some components join several mentions


def test_the_seeds_and_voa_events_are_those_of_clustering_each_block_at_once(
        tmp_path: Path, pipeline: detente.Pipeline, voa_path: Path) -> None:
    docs = [d for d in detente.read([EXAMPLES, voa_path]) if isinstance(d, detente.Document)]
    db = tmp_path / "voa.duckdb"
    pipeline.ingest(docs[::-1], db, batch_size=7)  # newest first, in small batches: components join across batches
    with Store(db) as store:
        stored = membership(store)
        assert stored == _whole_block_membership(store)
        assert len(stored) > 100 and any(len(ids) > 2 for ids in stored.values())
