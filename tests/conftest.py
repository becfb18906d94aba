"""Paths shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
VOA = SHARED / "corpora" / "voa_stories.jsonl"
GOLD_DEV = SHARED / "gold" / "plover_gsr_dev.jsonl"


@pytest.fixture(scope="session")
def voa_path() -> Path:
    if not VOA.exists():
        pytest.skip(f"shared corpus not found at {VOA}")
    return VOA
