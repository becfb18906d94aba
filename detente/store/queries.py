"""Every SQL statement of the store, in one place. Values always travel as parameters; the only text spliced into
SQL is this module's own constants and the filter fragments chosen by ``event_filter``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from detente.clustering.rule import SEASON_MONTHS, UNRESOLVED_WINDOW_BY_GENRE, UNRESOLVED_WINDOW_DAYS

DOCUMENT_COLUMNS = (
    "id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text, run_id"
)
MENTION_COLUMNS = (
    "mention_id, doc_id, sentence_index, sentence, type, mode, cameo, goldstein, quad_class, modality, "
    "channel, source, target, speaker, source_countries, target_countries, trigger, date, date_end, "
    "date_precision, date_text, location, confidence"
)
EVENT_COLUMNS = (
    "event_id, type, mode, cameo, goldstein, quad_class, modality, channel, source, target, source_countries, "
    "target_countries, date, date_end, date_precision, date_text, location, sentence, confidence, mentions, "
    "sources, documents, first_reported, last_reported"
)

# with `detente events --since` so listing and clustering read periods alike. Uses $season.
PERIOD_END_SQL = """
    CASE WHEN date_end IS NOT NULL THEN greatest(date, date_end)
         WHEN date_precision = 'month' THEN last_day(date)
         WHEN date_precision = 'season' THEN CAST(date + to_months(CAST($season AS INTEGER)) AS DATE) - 1
         WHEN date_precision = 'year' THEN make_date(year(date), 12, 31)
         ELSE date END"""

# Every mention with its block columns and its date window [lo, hi]; the window is the one place the date
# rule lives, so segmenting (light rows) and clustering (full rows) agree on it.
BASE_SQL = (
    """
WITH joined AS (
    SELECT m.mention_id, m.doc_id, m.event_id, m.sentence_index, m.sentence, m.type, m.mode, m.cameo,
           m.goldstein, m.quad_class, m.modality, m.channel, m.source, m.target, m.date, m.date_end,
           m.date_precision, m.date_text, m.location, m.confidence, m.speaker, m.trigger, d.published, d.outlet,
           d.genre,
           d.source_id AS document_id, d.url,
           list_sort(list_distinct(list_concat(coalesce(m.source_countries, []::VARCHAR[]),
                                               coalesce(m.target_countries, []::VARCHAR[])))) AS countries,
           (m.date IS NULL OR m.date_precision = 'unresolved') AS weak,
           md5(lower(trim(regexp_replace(m.sentence, '[^[:alnum:]]+', ' ', 'g')))) AS sentence_key
    FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id
), base AS (
    SELECT *,
           CASE WHEN weak THEN coalesce(date, published) - CAST(CASE genre WHEN 'editorial' THEN $window_editorial
                                                                       WHEN 'newsletter' THEN $window_newsletter
                                                                       WHEN 'news' THEN $window_news
                                                                       ELSE $window END AS INTEGER)
                ELSE date END AS lo,
           CASE WHEN weak THEN coalesce(date, published) ELSE """
    + PERIOD_END_SQL
    + """ END AS hi
    FROM joined
)
"""
)
# Light rows: enough to find which mentions could ever link (block, window, actors, place) without building
# full records. DuckDB parses the actor JSON.
LIGHT_COLUMNS = (
    "SELECT mention_id, doc_id, type, modality, countries, weak, lo, hi, date_precision, sentence_key, "
    "from_json(source, '[{\"id\": \"VARCHAR\", \"name\": \"VARCHAR\", \"country\": \"VARCHAR\"}]') AS src, "
    "from_json(target, '[{\"id\": \"VARCHAR\", \"name\": \"VARCHAR\", \"country\": \"VARCHAR\"}]') AS tgt, "
    "json_extract_string(location, '$.name') AS place, "
    "json_extract_string(location, '$.precision') AS place_precision FROM base"
)
def window_params() -> dict[str, Any]:
    """The clustering's date-window parameters of ``BASE_SQL``."""
    windows = {f"window_{genre}": UNRESOLVED_WINDOW_BY_GENRE[genre] for genre in ("news", "editorial", "newsletter")}
    return {"window": UNRESOLVED_WINDOW_DAYS, "season": SEASON_MONTHS, **windows}


DELETE_EVENTS_SQL = "DELETE FROM events WHERE list_contains(CAST($ids AS VARCHAR[]), event_id)"
ASSIGN_EVENTS_SQL = (
    "UPDATE mentions SET event_id = u.event_id FROM (SELECT unnest(CAST($mids AS VARCHAR[])) AS mention_id, "
    "unnest(CAST($eids AS VARCHAR[])) AS event_id) AS u WHERE mentions.mention_id = u.mention_id"
)
CLEAR_EVENTS_SQL = ("DELETE FROM events", "UPDATE mentions SET event_id = NULL")

# -- reading ----------------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class EventQuery:
    """Which events to read. ``dyad``: both countries involved, either direction; ``since``/``until``: the
    event's period ends on or after / starts on or before the day."""

    dyad: tuple[str, str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    channel: str | None = None
    limit: int | None = None


_FILTERS = {
    "type": "type = $type",
    "channel": "channel = $channel",
    "dyad": "list_contains(list_concat(source_countries, target_countries), $dyad_a) "
            "AND list_contains(list_concat(source_countries, target_countries), $dyad_b)",
    "since": "date IS NOT NULL AND (" + PERIOD_END_SQL + ") >= $since",
    "until": "date IS NOT NULL AND date <= $until",
}
EVENT_ORDER = " ORDER BY date DESC NULLS LAST, last_reported DESC NULLS LAST, event_id"
# Events with the callers' ids and links of the documents behind each; {where} is event_filter's clause.
EVENTS_SQL = """
SELECT e.*, coalesce(r.document_ids, []::VARCHAR[]) AS document_ids, coalesce(r.urls, []::VARCHAR[]) AS urls
FROM (SELECT * FROM events{where}) AS e LEFT JOIN (
    SELECT m.event_id,
           list_sort(list(DISTINCT d.source_id) FILTER (WHERE d.source_id IS NOT NULL)) AS document_ids,
           list_sort(list(DISTINCT d.url) FILTER (WHERE d.url IS NOT NULL)) AS urls
    FROM mentions m JOIN documents d ON d.id = m.doc_id
    WHERE m.event_id IS NOT NULL
    GROUP BY m.event_id
) AS r USING (event_id)"""
COUNT_EVENTS_SQL = "SELECT count(*) FROM events{where}"


def event_filter(query: EventQuery) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (fixed fragments) and its named parameters for ``query``."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if query.type:
        clauses.append(_FILTERS["type"])
        params["type"] = query.type
    if query.channel:
        clauses.append(_FILTERS["channel"])
        params["channel"] = query.channel
    if query.dyad:
        clauses.append(_FILTERS["dyad"])
        params["dyad_a"], params["dyad_b"] = query.dyad
    if query.since:
        clauses.append(_FILTERS["since"])
        params["since"] = query.since
        params["season"] = SEASON_MONTHS
    if query.until:
        clauses.append(_FILTERS["until"])
        params["until"] = query.until
    return (" WHERE " + " AND ".join(f"({c})" for c in clauses) if clauses else ""), params


# The mentions behind one event, each with its document, oldest report first.
EVIDENCE_SQL = (
    "SELECT m.*, d.source_id, d.url, d.title, d.outlet, d.published, d.origin, d.published_raw, d.language, "
    "d.genre, d.text FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id WHERE m.event_id = $event_id "
    "ORDER BY d.published NULLS LAST, m.doc_id, m.sentence_index, m.mention_id"
)
DOCUMENTS_SQL = (
    "SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text "
    "FROM documents ORDER BY published NULLS LAST, source_id, id"
)
KNOWN_IDS_SQL = "SELECT id FROM documents WHERE list_contains(?, id)"
COLUMN_TYPES_SQL = "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
NEXT_RUN_SQL = "SELECT coalesce(max(run_id), 0) + 1 FROM runs"
START_RUN_SQL = "INSERT INTO runs (run_id, command, inputs, started_at, status) VALUES (?, ?, ?, ?, 'running')"
FINISH_RUN_SQL = (
    "UPDATE runs SET finished_at = ?, ingested = ?, duplicates = ?, rejected = ?, mentions = ?, status = ? "
    "WHERE run_id = ?"
)
COUNT_SQL = {table: f"SELECT count(*) FROM {table}" for table in ("documents", "mentions", "events", "runs")}

# -- exports ------------------------------------------------------------------------------------------------
# An export covers the events event_filter picks ({where}), the mentions of those events and the documents
# that report them. Each statement here takes {where} as EVENTS_SQL does; values stay parameters (the output
# path of COPY included).

EXPORT_SELECTED = "SELECT event_id FROM events{where}"
# Mentions of a selected event, each with what exports cite of its document: the store takes documents in
# whole, so strpos finds each sentence in its text (0 when the reader's cleaning changed it).
EXPORT_REPORT_COLUMNS = (
    "d.source_id, d.url, d.title, d.outlet, d.published, d.language, d.ingested_at, length(d.text) AS length, "
    "strpos(d.text, m.sentence) AS sentence_at"
)
EXPORT_MENTIONS_SQL = (
    "SELECT m.*, " + EXPORT_REPORT_COLUMNS + " FROM mentions m JOIN (" + EXPORT_SELECTED + ") AS sel USING (event_id) "
    "LEFT JOIN documents d ON d.id = m.doc_id "
    "ORDER BY m.event_id, d.published NULLS LAST, m.doc_id, m.sentence_index, m.mention_id"
)
# Each selected event's first report (earliest published document, then earliest taken in), whether that
# document tells the event in its lead (before its first blank line and within its first $lead_sentences
# sentences; a text without blank lines is one paragraph), and when the first of its documents was taken in.
EVENT_ORIGINS_SQL = (
    "WITH reports AS (SELECT m.event_id, m.doc_id, m.sentence_index, " + EXPORT_REPORT_COLUMNS + ", "
    "strpos(d.text, chr(10) || chr(10)) AS lead_end "
    "FROM mentions m JOIN (" + EXPORT_SELECTED + ") AS sel USING (event_id) JOIN documents d ON d.id = m.doc_id), "
    """ranked AS (
    SELECT *, row_number() OVER (PARTITION BY event_id
                                 ORDER BY published NULLS LAST, ingested_at, doc_id, sentence_index) AS n,
              min(ingested_at) OVER (PARTITION BY event_id) AS added
    FROM reports)
SELECT f.event_id, f.doc_id, f.source_id, f.url, f.title, f.outlet, f.published, f.language, f.ingested_at,
       f.length, f.sentence_at, f.added,
       bool_or(r.sentence_index < $lead_sentences AND (r.lead_end = 0 OR r.sentence_at BETWEEN 1 AND r.lead_end))
           AS lead
FROM ranked AS f JOIN reports AS r ON r.event_id = f.event_id AND r.doc_id = f.doc_id
WHERE f.n = 1
GROUP BY ALL"""
)

# The flat tables the csv, jsonl and parquet exports write: one statement per table, the same columns for all
# three formats.
EXPORT_TABLE_SQL = {
    "events": EVENTS_SQL + EVENT_ORDER,
    "mentions": (
        "SELECT m.mention_id, m.event_id, m.doc_id, d.source_id AS document_id, d.url, m.sentence_index, "
        "m.sentence, m.type, m.mode, m.cameo, m.goldstein, m.quad_class, m.modality, m.channel, m.source, "
        "m.target, m.speaker, m.source_countries, m.target_countries, m.trigger, m.date, m.date_end, "
        "m.date_precision, m.date_text, m.location, m.confidence "
        "FROM mentions m JOIN (" + EXPORT_SELECTED + ") AS sel USING (event_id) "
        "LEFT JOIN documents d ON d.id = m.doc_id "
        "ORDER BY m.event_id, d.published NULLS LAST, m.doc_id, m.sentence_index, m.mention_id"
    ),
    # Every document when no filter is given ({where} empty); else the documents reporting a selected event.
    "documents": (
        "SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text, "
        "ingested_at FROM documents WHERE $all OR id IN (SELECT m.doc_id FROM mentions m JOIN ("
        + EXPORT_SELECTED + ") AS sel USING (event_id)) ORDER BY published NULLS LAST, source_id, id"
    ),
}
# JSON text columns of those tables, which jsonl writes as objects.
EXPORT_JSON_COLUMNS = frozenset({"source", "target", "speaker", "location"})
EXPORT_COPY_SQL = "COPY ({select}) TO $path (FORMAT {format})"
EXPORT_COPY_FORMATS = frozenset({"parquet"})


# -- watched sources (detente watch) ---------------------------------------------------------------------

KNOWN_URLS_SQL = "SELECT DISTINCT url FROM documents WHERE list_contains(?, url)"
SOURCE_VALIDATORS_SQL = "SELECT etag, last_modified FROM sources WHERE url = ?"
SAVE_SOURCE_SQL = (
    "INSERT INTO sources (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
    "checked_at = excluded.checked_at"
)


# -- pages of events and documents (detente serve) ---------------------------------------------------------
# A page is read by keyset: each sort is a fixed list of (expression, direction, kind) ending in the unique id,
# so the order is total and stable, and a cursor holds the last row's key values ("kind" says how a cursor
# spells each one). NULLs sort last through fixed sentinels.

_NO_DAY_LOW = "DATE '0001-01-01'"
_NO_DAY_HIGH = "DATE '9999-12-31'"
SortKey = tuple[str, str, str]
EVENT_SORTS: dict[str, tuple[SortKey, ...]] = {
    "date": ((f"coalesce(date, {_NO_DAY_LOW})", "DESC", "date"),
             (f"coalesce(last_reported, {_NO_DAY_LOW})", "DESC", "date"), ("event_id", "ASC", "str")),
    "date_asc": ((f"coalesce(date, {_NO_DAY_HIGH})", "ASC", "date"),
                 (f"coalesce(last_reported, {_NO_DAY_HIGH})", "ASC", "date"), ("event_id", "ASC", "str")),
    "reported": ((f"coalesce(last_reported, {_NO_DAY_LOW})", "DESC", "date"),
                 (f"coalesce(date, {_NO_DAY_LOW})", "DESC", "date"), ("event_id", "ASC", "str")),
    "mentions": (("mentions", "DESC", "int"), ("sources", "DESC", "int"),
                 (f"coalesce(date, {_NO_DAY_LOW})", "DESC", "date"), ("event_id", "ASC", "str")),
}
DOCUMENT_SORT: tuple[SortKey, ...] = ((f"coalesce(published, {_NO_DAY_LOW})", "DESC", "date"), ("id", "ASC", "str"))


@dataclass(slots=True, frozen=True)
class EventFilter:
    """The filters a page of events adds to ``EventQuery``'s: ``modality``, an ``outlet`` that reported it
    (any case), ``text`` in its sentences or actor names (any case), the ``sort`` (a key of ``EVENT_SORTS``)
    and ``after``, the sort key of the last event of the previous page."""

    modality: str | None = None
    outlet: str | None = None
    text: str | None = None
    sort: str = "date"
    after: tuple[Any, ...] | None = None


_PAGE_FILTERS = {
    "modality": "modality = $modality",
    "outlet": "event_id IN (SELECT m.event_id FROM mentions m JOIN documents d ON d.id = m.doc_id "
              "WHERE lower(d.outlet) = lower($outlet))",
    "text": "contains(lower(coalesce(sentence, '') || ' ' || source || ' ' || target), lower($text)) "
            "OR event_id IN (SELECT event_id FROM mentions WHERE contains(lower(sentence), lower($text)))",
}


def keyset(keys: tuple[SortKey, ...], after: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    """The condition "comes after ``after`` in this order" and its parameters ($k0, $k1, ...)."""
    params = {f"k{i}": value for i, value in enumerate(after)}
    condition = ""
    for i in reversed(range(len(keys))):
        expr, direction, _ = keys[i]
        beyond = f"{expr} {'<' if direction == 'DESC' else '>'} $k{i}"
        condition = beyond if not condition else f"{beyond} OR ({expr} = $k{i} AND ({condition}))"
    return condition, params


def order_by(keys: tuple[SortKey, ...]) -> str:
    return " ORDER BY " + ", ".join(f"{expr} {direction}" for expr, direction, _ in keys)


def key_columns(keys: tuple[SortKey, ...]) -> str:
    """The sort key values as extra columns (_k0, _k1, ...), so a page can hand its last key to a cursor."""
    return ", ".join(f"{expr} AS _k{i}" for i, (expr, _, _) in enumerate(keys))


def event_page_filter(query: EventQuery, extra: EventFilter) -> tuple[str, dict[str, Any]]:
    """``event_filter``'s clause and parameters plus the page's own filters and its keyset condition."""
    where, params = event_filter(query)
    clauses = [where.removeprefix(" WHERE ")] if where else []
    for name in ("modality", "outlet", "text"):
        value = getattr(extra, name)
        if value:
            clauses.append(f"({_PAGE_FILTERS[name]})")
            params[name] = value
    if extra.after is not None:
        condition, key_params = keyset(EVENT_SORTS[extra.sort], extra.after)
        clauses.append(f"({condition})")
        params.update(key_params)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


# One page of events, then the callers' ids and links of the documents behind just those events (separate
# statements: DuckDB plans the page's sort and the documents' lookup better apart than as one query).
# {keys}, {where} and {order} are key_columns, event_page_filter and order_by of one EVENT_SORTS entry.
EVENT_PAGE_SQL = "SELECT *, {keys} FROM events{where}{order} LIMIT $limit"
# Each statement alone, with no join, reads only the rows it names: several times cheaper than the join.
EVENT_DOCUMENT_IDS_SQL = "SELECT event_id, doc_id FROM mentions WHERE event_id = ANY($ids)"
DOCUMENT_LINKS_SQL = "SELECT id, source_id, url FROM documents WHERE id = ANY($ids)"
EVENT_MENTIONS_SQL = "SELECT * FROM mentions WHERE event_id = $event_id"
DOCUMENTS_BY_ID_SQL = (
    "SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text "
    "FROM documents WHERE id = ANY($ids)"
)
COUNT_EVENT_PAGE_SQL = "SELECT count(*) FROM events{where}"

DOCUMENT_PAGE_SQL = (
    "SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text, {keys} "
    "FROM documents{where}{order} LIMIT $limit"
)
DOCUMENT_OUTLET_FILTER = "lower(outlet) = lower($outlet)"
DOCUMENT_BY_PREFIX_SQL = (
    "SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text "
    "FROM documents WHERE starts_with(id, $prefix) ORDER BY id LIMIT 2"
)
OUTLETS_SQL = (
    "SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL GROUP BY outlet "
    "ORDER BY documents DESC, outlet"
)
EVENT_BY_ID_SQL = "SELECT * FROM events WHERE event_id = $event_id"  # the primary key's index, no sort
EVENT_BY_PREFIX_SQL = "SELECT * FROM events WHERE starts_with(event_id, $prefix) ORDER BY event_id LIMIT 2"
# -- analysis (issue 13): what the relationship index, quotes, numbers and the calendar read --------------------

# Dated events with the documents (content hashes) behind each; {where} is event_filter's clause.
INDEX_EVENTS_SQL = """
SELECT e.event_id, e.date, e.goldstein, e.quad_class, coalesce(e.confidence, 0.5) AS confidence, e.sources,
       e.channel, e.modality, coalesce(r.doc_ids, []::VARCHAR[]) AS doc_ids, e.date_precision
FROM (SELECT * FROM events{where}) AS e LEFT JOIN (
    SELECT event_id, list_sort(list(DISTINCT doc_id)) AS doc_ids FROM mentions WHERE event_id IS NOT NULL
    GROUP BY event_id
) AS r USING (event_id)
WHERE e.date IS NOT NULL
ORDER BY e.date, e.event_id"""
# Raw mentions dated by their event date, else their document's publication day; {where} as above.
INDEX_MENTIONS_SQL = """
SELECT m.mention_id, coalesce(m.date, d.published) AS date, m.goldstein, m.doc_id, m.modality,
       CASE WHEN m.date IS NULL THEN 'unresolved' ELSE m.date_precision END AS date_precision, m.channel
FROM (SELECT * FROM mentions{where}) AS m LEFT JOIN documents d ON d.id = m.doc_id
WHERE coalesce(m.date, d.published) IS NOT NULL
ORDER BY date, m.mention_id"""
# Documents published in [$since, $until] (either may be NULL); {where} is event_filter's clause over mentions:
# a document qualifies when one of its mentions matches (all documents when there is no clause).
ANALYSIS_DOCUMENTS_SQL = """
SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text
FROM documents
WHERE (CAST($since AS DATE) IS NULL OR published >= CAST($since AS DATE))
  AND (CAST($until AS DATE) IS NULL OR published <= CAST($until AS DATE))
  AND ($all OR id IN (SELECT doc_id FROM mentions{where}))
ORDER BY published NULLS LAST, source_id, id"""
# Every mention of the given documents, in document and reading order, with the caller's id and link of its
# document (one document's for its page in detente serve; a period's for the analysis verbs).
DOCUMENT_MENTIONS_SQL = (
    "SELECT m.*, d.source_id, d.url FROM mentions m JOIN documents d ON d.id = m.doc_id "
    "WHERE list_contains(CAST($ids AS VARCHAR[]), m.doc_id) ORDER BY m.doc_id, m.sentence_index, m.mention_id"
)
# -- the clustering index (docs/events.md, "Deterministic and incremental") -------------------------------------
# A batch's new mentions find their candidate links here, never by reading the whole store: the same evidence
# key in one block with windows that meet, or day-dated windows of the same countries that overlap (the
# relation ``clustering.segments`` chains). Each side is an equality join on indexed-size columns plus a date
# range, so a batch reads the index rows of its own window and the rows of the link components it touches.
_MENTIONS_FROM = "FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id"
# $first/$last bound the rows' positions (rowid) in ``mentions``: new mentions are the last rows and a segment's
# members lie close together, so DuckDB reads only those rows. The store checks the row count and asks again
# with the whole table as bounds if any row was missed.
LIGHT_OF_DOCS_SQL = BASE_SQL.replace(_MENTIONS_FROM, (
    "FROM mentions m JOIN (SELECT unnest(CAST($ids AS VARCHAR[])) AS sel_doc) AS sel ON sel.sel_doc = m.doc_id "
    "LEFT JOIN documents d ON d.id = m.doc_id WHERE m.rowid BETWEEN $first AND $last")).replace(
    "SELECT m.mention_id,", "SELECT m.rowid AS row_at, m.mention_id,") + LIGHT_COLUMNS.replace(
    "SELECT mention_id,", "SELECT row_at, mention_id,")
FULL_OF_MENTIONS_SQL = BASE_SQL.replace(_MENTIONS_FROM, (
    "FROM mentions m JOIN (SELECT unnest(CAST($ids AS VARCHAR[])) AS sel_mention) AS sel "
    "ON sel.sel_mention = m.mention_id LEFT JOIN documents d ON d.id = m.doc_id "
    "WHERE m.rowid BETWEEN $first AND $last")) + "SELECT * FROM base"
# The full rows of committed mentions far apart ($ids, with their documents $doc_ids): looked up in the primary
# keys' indexes (an index scan fetches each row), where a read by rowid decompresses a vector of every column per
# run of rows (several milliseconds a run at 20,000 documents, bench/README.md "Scale").
FULL_BY_KEY_SQL = BASE_SQL.replace(_MENTIONS_FROM, (
    "FROM (SELECT * FROM mentions WHERE mention_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))) m "
    "LEFT JOIN (SELECT * FROM documents WHERE id IN (SELECT unnest(CAST($doc_ids AS VARCHAR[])))) d "
    "ON d.id = m.doc_id")) + "SELECT * FROM base"
ASSIGN_IN_ROWS_SQL = ASSIGN_EVENTS_SQL + " AND mentions.rowid BETWEEN $first AND $last"
ROW_BOUNDS_SQL = "SELECT coalesce(max(rowid), -1) FROM mentions"
INDEX_COLUMNS = "n, mention_id, doc_id, family, modality, countries, weak, day, lo, hi, keys, segment, row_at"
KEY_COLUMNS = "kb, weak, lo, hi, reach, n"
# A batch's link rows, inserted from the table of arrays registered as NEW_KEYS (index.key_table; dates as days
# since 1970) rather than from list parameters, which DuckDB turns into values one by one; a recluster, one long
# transaction that would keep every table it registered until it ends, passes the same columns as lists (the
# _LISTS statements; Session._from_arrays).
NEW_KEYS = "detente_new_keys"
_KEY_TYPES = {"kb": "BIGINT", "weak": "BOOLEAN", "lo": "INTEGER", "hi": "INTEGER", "reach": "INTEGER", "n": "BIGINT"}


def _as_lists(types: dict[str, str]) -> str:
    """A table of one list parameter per column, unnested (what a registered table of arrays holds)."""
    return "(SELECT " + ", ".join(f"unnest(CAST(${name} AS {kind}[])) AS {name}" for name, kind in types.items()) + ")"


_INSERT_KEYS = (f"INSERT INTO cluster_key_hashes ({KEY_COLUMNS}) SELECT kb, weak, DATE '1970-01-01' + lo, "
                "DATE '1970-01-01' + hi, DATE '1970-01-01' + reach, n FROM ")
INSERT_KEYS_SQL = _INSERT_KEYS + NEW_KEYS
INSERT_KEYS_LISTS_SQL = _INSERT_KEYS + _as_lists(_KEY_TYPES)
NEXT_INDEX_NUMBER_SQL = "SELECT coalesce(max(n), -1) + 1 FROM cluster_members"
# The number and label of every member of the link components holding a mention linked by a possible link to the
# new link rows (the table registered as NEW_LINKS by index.neighbour_links: kh, weak, lo, hi, reach, the dates as
# days since 1970): the same hash in a bucket each new row probes (first0..last0 at level 0, first1..last1 at level
# 1, the one bucket of level 2; index.bucket_key folds them into one integer), then the exact test — two undated
# mentions of one publication day, else windows that meet. Each join is on one integer column, so DuckDB filters
# the scan by the probes' hashes before reading anything else, and only integer columns are read: the rest of a
# member's index row is kept by the writer (index.RecentMembers) or read by INDEX_ROWS_SQL.
NEW_LINKS = "detente_new_links"
_LINK_TYPES = {"kh": "BIGINT", "weak": "BOOLEAN", "lo": "INTEGER", "hi": "INTEGER", "reach": "INTEGER",
               "first0": "BIGINT", "last0": "BIGINT", "first1": "BIGINT", "last1": "BIGINT"}
_CANDIDATE_NUMBERS = """
WITH nk AS (
    SELECT kh, weak, DATE '1970-01-01' + lo AS lo, DATE '1970-01-01' + hi AS hi, DATE '1970-01-01' + reach AS reach,
           first0, last0, first1, last1
    FROM new_links
), probe AS (
    SELECT xor(kh, unnest(range(first0, last0 + 1))) AS kb, weak, lo, hi, reach FROM nk
    UNION ALL
    SELECT xor(kh, (1::BIGINT << 32) | unnest(range(first1, last1 + 1))) AS kb, weak, lo, hi, reach FROM nk
    UNION ALL
    SELECT xor(kh, 2::BIGINT << 32) AS kb, weak, lo, hi, reach FROM nk
), found AS (
    SELECT o.n FROM probe p JOIN cluster_key_hashes o ON o.kb = p.kb
    WHERE CASE WHEN p.weak AND o.weak THEN o.hi = p.hi ELSE o.lo <= p.reach AND p.lo <= o.reach END
), seg AS (
    SELECT DISTINCT segment FROM cluster_members WHERE n IN (SELECT n FROM found)
)
SELECT n, segment FROM cluster_members WHERE segment IN (SELECT segment FROM seg)
"""
CANDIDATE_NUMBERS_SQL = _CANDIDATE_NUMBERS.replace("FROM new_links", f"FROM {NEW_LINKS}")
CANDIDATE_NUMBERS_LISTS_SQL = _CANDIDATE_NUMBERS.replace("FROM new_links", f"FROM {_as_lists(_LINK_TYPES)}")
INDEX_ROWS_SQL = "SELECT * FROM cluster_members WHERE n IN (SELECT unnest(CAST($ns AS BIGINT[])))"
RELABEL_SQL = (
    "UPDATE cluster_members SET segment = u.segment FROM (SELECT unnest(CAST($ns AS BIGINT[])) AS n, "
    "unnest(CAST($segs AS BIGINT[])) AS segment) AS u WHERE cluster_members.n = u.n"
)
CLEAR_INDEX_SQL = ("DELETE FROM cluster_key_hashes", "DELETE FROM cluster_members")
INDEX_COUNT_SQL = "SELECT (SELECT count(*) FROM mentions), (SELECT count(*) FROM cluster_members)"
DOCUMENT_IDS_SQL = "SELECT id FROM documents ORDER BY published NULLS LAST, id"

# A transient writer's commits stay in the write-ahead log (safe there: a killed run loses none) until the log
# passes this size, so a batch (about 0.5 MB of log) pays a checkpoint once in about a hundred instead of once in
# eight (4 MB: bench/README.md, "Scale"); closing does not checkpoint by itself: the writer runs CHECKPOINT_SQL when
# it yields the file to a reader (who would otherwise replay the whole log on opening) and when it closes.
TRANSIENT_WRITER_SQL = ("PRAGMA disable_checkpoint_on_shutdown", "SET checkpoint_threshold = '64MB'")
CHECKPOINT_SQL = "CHECKPOINT"  # the log folded into the file: a writer's turn given to a reader, its last close
# A server's readers: many small queries at once, each on one thread (DuckDB splits even a small query over
# every core by default, which costs more than it gains when requests already run side by side).
THREADS_SQL = "SET threads = {threads:d}"


# -- the server's read model: the whole store in one snapshot (detente/store/pages.py) ----------------------

# Every event with the end of its period (what ``since`` compares) and the text ``q`` searches in it, lowered.
PAGE_EVENTS_SQL = (
    "SELECT *, " + PERIOD_END_SQL + " AS period_end, "
    "lower(coalesce(sentence, '') || ' ' || source || ' ' || target) AS lowered FROM events"
)
# Every clustered mention with its sentence lowered (``q`` also searches an event's mentions).
PAGE_MENTIONS_SQL = "SELECT *, lower(sentence) AS lowered FROM mentions WHERE event_id IS NOT NULL"
# Every document with its outlet lowered (the ``outlet`` filter compares lowered names).
PAGE_DOCUMENTS_SQL = (
    "SELECT id, source_id, origin, published, published_raw, title, outlet, url, language, genre, text, "
    "lower(outlet) AS outlet_lowered FROM documents"
)
