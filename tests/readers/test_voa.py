"""The 89 VOA stories of ../shared/corpora as they are: fields, dates and titles."""

from __future__ import annotations

import json
from pathlib import Path

from detente.readers import iter_documents
from detente.records import Document


def test_every_story_reads_with_its_date_and_title(voa_path: Path) -> None:
    records = [json.loads(line) for line in voa_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(iter_documents([str(voa_path)]))
    assert len(records) == 89
    assert all(isinstance(d, Document) for d in docs), [d for d in docs if not isinstance(d, Document)]
    assert len(docs) == 89
    for number, (record, doc) in enumerate(zip(records, docs, strict=True), start=1):
        assert isinstance(doc, Document)
        assert doc.source_id == str(record["id"])
        assert doc.origin == f"{voa_path}:{number}"
        assert doc.published is not None and doc.published.isoformat() == record["published"][:10]
        assert doc.published_raw == record["published"]
        assert doc.title == record["title"]
        assert doc.url == record["url"]
        assert doc.genre == "news"
        assert " ".join(doc.text.split()) == " ".join(record["text"].split())
    assert len({d.id for d in docs if isinstance(d, Document)}) == 89
