"""Readers: inputs (text, Markdown, HTML, JSON Lines, folders, stdin) to cleaned documents or rejections.

Readers never raise on bad input: each problem becomes one ``Rejection`` naming the file (and line) and the
reason, and the rest of the batch goes on. See docs/ingest.md.
"""

from detente.readers.document import content_id, document_from_text
from detente.readers.errors import Rejection
from detente.readers.sources import DEFAULT_MAX_BYTES, READABLE_SUFFIXES, iter_documents

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READABLE_SUFFIXES",
    "Rejection",
    "content_id",
    "document_from_text",
    "iter_documents",
]
