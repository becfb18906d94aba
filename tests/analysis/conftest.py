"""The seeds ingested once into a store every analysis test reads (through the API, not the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import detente

    db = tmp_path_factory.mktemp("analysis") / "seeds.duckdb"
    report = detente.ingest([EXAMPLES], db=db)
    assert report.ingested == 3 and not report.rejected
    return db


@pytest.fixture(scope="session")
def voa_store(voa_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The VOA corpus ingested once (about a minute); skipped where ../shared is absent."""
    import detente

    db = tmp_path_factory.mktemp("analysis_voa") / "voa.duckdb"
    report = detente.ingest([voa_path], db=db)
    assert report.ingested > 80
    return db
