"""From article text and whatever metadata came with it to one ``Document`` or one ``Rejection``.

Every reader ends here, so identity, date checks and the minimum-text rule are the same for a text file, an
HTML page and a JSONL record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any, cast

from detente.ontology import GENRES as GENRES
from detente.readers.cleaning import clean_article, normalize_space
from detente.readers.dates import DateError, parse_date
from detente.readers.errors import Rejection
from detente.readers.language import UnsupportedLanguage, document_language
from detente.readers.outlets import outlet_from_url
from detente.records import Document, Genre
from detente.textsafe import without_surrogates

MIN_TEXT_CHARS = 20  # less than a short sentence: a page that was all furniture, or a stub
NO_TEXT = "no article text"

# meta key -> the Document field it fills; the aliases are the ones DESIGN.md allows in JSONL records
_STRING_FIELDS = {"title": "title", "outlet": "outlet", "source": "outlet", "url": "url", "language": "language"}


def content_id(text: str) -> str:
    """SHA-256 of the normalized text: the same article under another name, id or spacing is one document."""
    return hashlib.sha256(normalize_space(text).encode("utf-8")).hexdigest()


def document_from_text(
    text: str,
    *,
    origin: str,
    source_id: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Document | Rejection:
    """Clean ``text`` and build its document.

    ``meta`` holds what the source already says, with the JSONL field names: ``published`` (or ``date``; a
    string or a date), ``title``, ``outlet`` (or ``source``), ``url``, ``language``, ``genre``. Given values
    win over what header lines say; other keys are ignored so a whole JSON record can be passed. Lone
    surrogates (a JSON ``\\ud800`` escape, an undecodable file name) become U+FFFD here, at reading, so that
    nothing downstream meets a string that cannot be encoded.
    """
    meta = meta or {}
    text = without_surrogates(text)
    origin = without_surrogates(origin)
    source_id = None if source_id is None else without_surrogates(source_id)
    fields: dict[str, str] = {}
    for key, target in _STRING_FIELDS.items():
        value = meta.get(key)
        if value is None or target in fields:
            continue
        if not isinstance(value, str):
            return Rejection(origin, f"field '{key}' is not a string")
        value = without_surrogates(value)
        if normalize_space(value):
            fields[target] = normalize_space(value)
    genre = meta.get("genre")
    if genre is not None and genre not in GENRES:
        return Rejection(origin, f"unknown genre {genre!r} (expected one of {', '.join(GENRES)})")

    cleaned = clean_article(text, title=fields.get("title"))
    if len(normalize_space(cleaned.text)) < MIN_TEXT_CHARS:
        return Rejection(origin, NO_TEXT)
    try:
        language = document_language(cleaned.text, given=fields.get("language"))
    except UnsupportedLanguage as exc:
        return Rejection(origin, exc.reason)

    given = meta.get("published") if meta.get("published") is not None else meta.get("date")
    if isinstance(given, str) and not given.strip():
        given = None
    raw = given if given is not None else cleaned.date_raw
    published: dt.date | None = None
    published_raw: str | None = None
    if isinstance(raw, dt.datetime):
        published, published_raw = raw.date(), raw.isoformat()
    elif isinstance(raw, dt.date):
        published, published_raw = raw, raw.isoformat()
    elif isinstance(raw, str):
        published_raw = without_surrogates(raw.strip())
        try:
            published = parse_date(published_raw)
        except DateError as exc:
            return Rejection(origin, exc.reason)
    elif raw is not None:
        return Rejection(origin, f"unparseable date {raw!r} (expected a date string)")

    return Document(
        id=content_id(cleaned.text),
        text=cleaned.text,
        source_id=source_id,
        origin=origin,
        published=published,
        published_raw=published_raw,
        title=cleaned.title,
        outlet=fields.get("outlet") or cleaned.outlet or outlet_from_url(fields.get("url")),
        url=fields.get("url"),
        language=language,
        genre=cast(Genre, genre) if genre is not None else cleaned.genre,
    )
