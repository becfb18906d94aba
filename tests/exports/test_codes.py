"""The code tables: FIPS 10-4 and CAMEO codes for detente's ISO codes and sectors."""

from __future__ import annotations

from detente.exports import codes


def test_fips_differs_from_iso_where_it_should() -> None:
    # FIPS 10-4 codes as GDELT writes them (its codebook's examples and country lookups)
    assert [codes.fips(c) for c in ("CHN", "USA", "GBR", "DEU", "RUS", "KOS", "TWN")] == [
        "CH", "US", "UK", "GM", "RS", "KV", "TW"]
    assert codes.fips("IGO") is None and codes.fips(None) is None


def test_cameo_codes() -> None:
    assert codes.cameo_country("ROU") == "ROM" and codes.cameo_country("USA") == "USA"
    assert codes.cameo_country("IGO") == "IGO"
    assert codes.cameo_type("JRN") == "MED" and codes.cameo_type("MED") == "HLH" and codes.cameo_type("PRM") is None
    assert codes.igo_code("body/igo/nato") == ("IGOWSTNAT", "NAT")
    assert codes.plover_context("climate") == "environment" and codes.plover_context("other") is None


def test_igo_table_names_bodies_the_knowledge_base_has(kb) -> None:
    ids = [row["id"] for row in codes._table("igo_cameo.tsv")]
    assert ids and [i for i in ids if kb.entity(i) is None] == []


def test_every_channel_has_a_context_row() -> None:
    from detente.ontology import CHANNELS

    assert set(codes._pairs("plover_contexts.tsv", "channel", "context")) == set(CHANNELS)
