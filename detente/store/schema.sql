-- detente store schema (DuckDB). Column meanings follow the event record in docs/DESIGN.md.
-- Actor lists are kept as JSON text plus flat country arrays so dyad filters stay plain SQL.

CREATE TABLE IF NOT EXISTS documents (
    id            VARCHAR PRIMARY KEY,      -- sha256 of the normalized text: the document's identity
    source_id     VARCHAR,                  -- the caller's id (JSONL id, file name without extension)
    origin        VARCHAR,                  -- PATH or PATH:LINE first ingested from
    published     DATE,
    published_raw VARCHAR,
    title         VARCHAR,
    outlet        VARCHAR,
    url           VARCHAR,
    language      VARCHAR,
    genre         VARCHAR,
    text          VARCHAR NOT NULL,
    run_id        INTEGER,
    ingested_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id       VARCHAR PRIMARY KEY,   -- the coder's deterministic record id
    doc_id           VARCHAR NOT NULL,      -- documents.id
    event_id         VARCHAR,               -- events.event_id once clustered
    sentence_index   INTEGER NOT NULL,
    sentence         VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    cameo            VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    modality         VARCHAR NOT NULL,
    channel          VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,      -- JSON list of actor objects
    target           VARCHAR NOT NULL,      -- JSON list of actor objects
    speaker          VARCHAR,               -- JSON actor object or NULL
    source_countries VARCHAR[],
    target_countries VARCHAR[],
    trigger          VARCHAR,
    date             DATE,
    date_end         DATE,
    date_precision   VARCHAR NOT NULL,
    date_text        VARCHAR,
    location         VARCHAR,               -- JSON location object or NULL
    confidence       DOUBLE
);

CREATE TABLE IF NOT EXISTS events (
    event_id         VARCHAR PRIMARY KEY,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    cameo            VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    modality         VARCHAR NOT NULL,
    channel          VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    target           VARCHAR NOT NULL,
    source_countries VARCHAR[],
    target_countries VARCHAR[],
    date             DATE,
    date_end         DATE,
    date_precision   VARCHAR NOT NULL,
    date_text        VARCHAR,
    location         VARCHAR,
    sentence         VARCHAR,               -- the most confident evidence sentence
    confidence       DOUBLE,
    mentions         INTEGER NOT NULL,
    sources          INTEGER NOT NULL,      -- distinct outlets (documents without an outlet count once each)
    documents        INTEGER NOT NULL,
    first_reported   DATE,
    last_reported    DATE
);

CREATE TABLE IF NOT EXISTS runs (
    run_id       INTEGER PRIMARY KEY,
    command      VARCHAR NOT NULL,
    inputs       VARCHAR,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    ingested     INTEGER DEFAULT 0,
    duplicates   INTEGER DEFAULT 0,
    rejected     INTEGER DEFAULT 0,
    mentions     INTEGER DEFAULT 0,
    status       VARCHAR NOT NULL           -- running | done | failed (a run killed outright stays 'running')
);

CREATE TABLE IF NOT EXISTS sources (         -- feeds and pages `detente watch` polls
    url           VARCHAR PRIMARY KEY,
    etag          VARCHAR,                   -- validators for the next conditional GET
    last_modified VARCHAR,
    checked_at    TIMESTAMP
);

-- The clustering index (docs/events.md, "Deterministic and incremental"): what finds a new mention's candidate
-- links without reading the store. One row per mention: its number, block, window, evidence keys and the segment
-- it belongs to; one link row per (mention, evidence key), and per mention dated to the day. The columns a batch
-- joins on are integers (store/index.py).
CREATE TABLE IF NOT EXISTS cluster_members (
    n          BIGINT NOT NULL,          -- the mention's number in the index (unique; no key of its own: no index
                                         -- to keep)
    mention_id VARCHAR NOT NULL,         -- mentions.mention_id
    doc_id     VARCHAR NOT NULL,
    family     VARCHAR NOT NULL,
    modality   VARCHAR NOT NULL,
    countries  VARCHAR[] NOT NULL,
    weak       BOOLEAN NOT NULL,
    day        BOOLEAN NOT NULL,
    lo         DATE,
    hi         DATE,
    keys       VARCHAR[] NOT NULL,
    segment    BIGINT NOT NULL,          -- the smallest n among the segment's members
    row_at     BIGINT NOT NULL           -- the mention's rowid in mentions (a hint: reads check it)
);

CREATE TABLE IF NOT EXISTS cluster_key_hashes (
    kb         BIGINT NOT NULL,          -- hash of (evidence key, family, modality), or of (family, modality,
                                         -- countries) for a mention dated to the day, with its time bucket
                                         -- folded in (store/index.py)
    weak       BOOLEAN NOT NULL,
    lo         DATE NOT NULL,
    hi         DATE NOT NULL,
    reach      DATE NOT NULL,            -- the last day its links reach: hi, plus one for a key dated to the day
    n          BIGINT NOT NULL           -- cluster_members.n
);

-- The index's first layout (string keys and labels) is dropped: a store that has it gets the index above built
-- by its next batch (Store._index_is_current), as a store from before any index does.
DROP TABLE IF EXISTS cluster_keys;
DROP TABLE IF EXISTS cluster_index;
