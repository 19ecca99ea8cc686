-- Times are bigint unix milliseconds (UTC) in both dialects: one row mapping reads both, and a UTC day
-- is said_at / 86400000 in either. Enum values are stored as their lower-case names; ids are
-- Guids in the text form Microsoft.Data.Sqlite writes and reads. SQLite has no INCLUDE, so covering indexes
-- carry the extra columns as trailing key columns.

CREATE TABLE workspaces (
    id          text PRIMARY KEY,
    platform    text NOT NULL,
    external_id text NOT NULL,
    name        text NOT NULL,
    week_start  text NOT NULL,
    time_zone   text NOT NULL,
    created_at  bigint NOT NULL,
    UNIQUE (platform, external_id)
);

CREATE TABLE signals (
    id               text PRIMARY KEY,
    workspace_id     text NOT NULL REFERENCES workspaces (id),
    quote            text NOT NULL,
    customer         text,
    customer_key     text,
    segment          text,
    source           text,
    kind             text NOT NULL,
    stage            text,
    severity         integer NOT NULL,
    evidence_url     text,
    captured_by_id   text NOT NULL,
    captured_by_name text NOT NULL,
    captured_in      text,
    said_at          bigint NOT NULL,
    captured_at      bigint NOT NULL,
    source_permalink text,
    search_text      text NOT NULL
);

-- Find (newest first, a backward scan that stops at the limit) and Count (answered from the index alone).
CREATE INDEX signals_by_said_at ON signals (workspace_id, said_at, kind, segment, customer_key);

CREATE TABLE themes (
    id           text PRIMARY KEY,
    workspace_id text NOT NULL REFERENCES workspaces (id),
    name         text NOT NULL,
    status       text NOT NULL,
    status_at    bigint,
    status_note  text,
    created_at   bigint NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE TABLE theme_aliases (
    workspace_id text NOT NULL,
    alias        text NOT NULL,
    theme_id     text NOT NULL REFERENCES themes (id),
    PRIMARY KEY (workspace_id, alias)
);

CREATE INDEX theme_aliases_by_theme ON theme_aliases (theme_id);

-- One row per signal and theme, or one row with a null theme for a signal without any. The ranking
-- columns are copied from the signal so that theme stats and telling signals read this table alone.
CREATE TABLE signal_themes (
    workspace_id text NOT NULL,
    signal_id    text NOT NULL REFERENCES signals (id),
    theme_id     text REFERENCES themes (id),
    position     integer NOT NULL,
    said_at      bigint NOT NULL,
    kind         text NOT NULL,
    segment      text,
    severity     integer NOT NULL,
    customer_key text
);

CREATE UNIQUE INDEX signal_themes_by_signal ON signal_themes (signal_id, theme_id);

-- "Top pain points this week": an index-only range scan per workspace and period.
CREATE INDEX signal_themes_by_said_at ON signal_themes
    (workspace_id, said_at, theme_id, kind, segment, severity, customer_key, signal_id);

-- Theme filters and merges.
CREATE INDEX signal_themes_by_theme ON signal_themes (workspace_id, theme_id, said_at);
