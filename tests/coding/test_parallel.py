"""Coding in worker processes must give exactly what one process gives, in the same order."""

from __future__ import annotations

from detente.coding import Coder
from detente.ingest import iter_documents
from detente.records import Document
from tests.conftest import EXAMPLES


def test_two_processes_code_like_one(kb, seeds) -> None:  # type: ignore[no-untyped-def]
    docs = [d for d in iter_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    docs = docs * 3  # more chunks than workers, so results arrive out of order and must be put back in order
    coder = Coder(kb=kb, n_process=2)
    parallel = list(coder.code_documents(docs))
    assert [doc.id for doc, _ in parallel] == [doc.id for doc in docs]
    for doc, records in parallel:
        serial = seeds[doc.source_id[:3]][1]
        assert [r.to_dict() for r in records] == [r.to_dict() for r in serial]
    assert coder.stats["documents"] == len(docs)
