"""Paths shared by the whole suite."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

import pytest

if TYPE_CHECKING:
    import detente
    from detente.coding import Coder
    from detente.resolve.actors import ActorKB

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
VOA = SHARED / "corpora" / "voa_stories.jsonl"
GOLD_DEV = SHARED / "gold" / "plover_gsr_dev.jsonl"
_T = TypeVar("_T")


def present(value: _T | None) -> _T:
    """``value``, asserted not None: a test reading an attribute of what may be None fails here, by name."""
    assert value is not None
    return value


def place_of(coder: Coder, text: str, event_type: str, on: dt.date) -> str | None:
    """The place text of the first event of ``event_type`` coded in a one-sentence story published ``on``: what
    the place tests assert, one way."""
    from detente.records import Document

    doc = Document(id=f"place-{hash(text)}", text=text, published=on)
    mentions = next(iter(coder.code_documents([doc])))[1]
    found = next(m for m in mentions if m.type == event_type)
    return found.location.text if found.location is not None else None


def jsonl_rows(path: Path) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped): how the gold tests read the committed draws."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def script(name: str, monkeypatch: pytest.MonkeyPatch | None = None) -> ModuleType:
    """``scripts/NAME.py`` as a module (scripts are run as files, not imported as a package); given
    ``monkeypatch`` it is also in ``sys.modules`` for the test, for dataclasses that look their module up."""
    if str(ROOT / "scripts") not in sys.path:  # as when run as a file: a script imports its neighbours
        sys.path.append(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    if monkeypatch is not None:
        monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def voa_path() -> Path:
    if not VOA.exists():
        pytest.skip(f"shared corpus not found at {VOA}")
    return VOA


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    """The bundled knowledge base, loaded once for the session."""
    from detente.resolve.actors import default_kb

    return default_kb()


@pytest.fixture(scope="session")
def coder(kb: ActorKB) -> Coder:
    """One coder over the bundled knowledge base, shared by the whole suite."""
    from detente.coding import Coder

    return Coder(kb=kb)


@pytest.fixture(scope="session")
def pipeline() -> detente.Pipeline:
    """``detente.load()`` once for the session: the model and tables, shared with every coder that uses them."""
    import detente

    return detente.load()
