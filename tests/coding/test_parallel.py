"""Coding in worker processes must give exactly what one process gives, in the same order."""

from __future__ import annotations

import ast
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.coding import Coder, parallel
from detente.coding.parallel import code_in_processes
from detente.readers import iter_documents
from detente.records import Document, Mention
from tests.conftest import EXAMPLES


def test_two_processes_code_like_one(kb, seeds) -> None:
    docs = [d for d in iter_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    docs = docs * 3  # more chunks than workers, so results arrive out of order and must be put back in order
    coder = Coder(kb=kb, n_process=2)
    parallel = list(coder.code_documents(docs))
    assert [doc.id for doc, _ in parallel] == [doc.id for doc in docs]
    for doc, records in parallel:
        serial = seeds[str(doc.source_id)[:3]][1]
        assert [r.to_dict() for r in records] == [r.to_dict() for r in serial]
    assert coder.stats["documents"] == len(docs)


def _record(doc: Document) -> Mention:
    return Mention(mention_id=doc.id, doc_id=doc.id, sentence=doc.text, sentence_index=0, type="CONSULT", mode=None,
                   cameo="040", goldstein=1.0, quad_class=1, modality="asserted", channel="other", source=[],
                   target=[], confidence=0.5)


def test_any_serial_coding_function_runs_in_workers() -> None:
    counts: Counter[str] = Counter()
    pids: list[int] = []

    def code(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        # a closure, which pickle cannot send: it reaches the workers by fork
        for d in docs:
            counts["documents"] += 1
            pids.append(os.getpid())
            yield d, [_record(d)]

    docs = [Document(id=f"d{i}", text=f"text {i}") for i in range(11)]
    out = list(code_in_processes(code, docs, 2, counters=(counts,), chunk_size=2))
    assert [d.id for d, _ in out] == [d.id for d in docs]
    assert [[r.mention_id for r in recs] for _, recs in out] == [[d.id] for d in docs]
    assert counts["documents"] == 11  # the workers' counts, added up in the caller
    assert pids == []  # nothing was coded in this process


def test_without_fork_coding_stays_in_this_process(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    pids: list[int] = []

    def code(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        for d in docs:
            pids.append(os.getpid())
            yield d, []

    docs = [Document(id=f"d{i}", text="") for i in range(3)]
    assert [d.id for d, _ in code_in_processes(code, docs, 2)] == ["d0", "d1", "d2"]
    assert pids == [os.getpid()] * 3


def test_parallel_does_not_import_the_coder() -> None:
    tree = ast.parse(Path(parallel.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module} | \
        {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m == "detente.coding" or m.startswith("detente.coding.") for m in imported), imported
