-- Issue 8: signals can be edited and deleted, customers are one however they are spelt, rankings filter by
-- source and stage, and search matches words as people mean them.

-- A deleted signal keeps its row (who deleted it, when); every read skips it. Its signal_themes rows go at
-- once, so rankings read that table without looking at deleted_at.
ALTER TABLE signals ADD COLUMN deleted_at bigint;
ALTER TABLE signals ADD COLUMN deleted_by_id text;
ALTER TABLE signals ADD COLUMN deleted_by_name text;

-- Source and stage filter rankings too: copied like the other ranking columns.
ALTER TABLE signal_themes ADD COLUMN source text;
ALTER TABLE signal_themes ADD COLUMN stage text;

UPDATE signal_themes SET source = s.source, stage = s.stage
  FROM signals s
 WHERE s.id = signal_themes.signal_id AND (s.source IS NOT NULL OR s.stage IS NOT NULL);

-- Every signal has exactly one signal_themes row at position 0, so that a ranking counts the signals of a period
-- in the same pass as the themes (by position, which the indexes below carry). Merging themes dropped the merged
-- link when a signal had both, even its first: the earliest row left becomes the first again.
UPDATE signal_themes SET position = 0
 WHERE position > 0
   AND NOT EXISTS (SELECT 1 FROM signal_themes x
                    WHERE x.signal_id = signal_themes.signal_id AND x.position < signal_themes.position);

DROP INDEX signal_themes_by_said_at;

CREATE INDEX signal_themes_by_said_at ON signal_themes
    (workspace_id, said_at, theme_id, kind, segment, severity, customer_key, signal_id, has_evidence, source, stage, position);

-- Only undeleted signals are ever read, so the index of Find and Count holds only those. deleted_at is a key
-- column too, though always null here: SQLite counts an index as covering only if it holds every column the
-- query names, and without it Count read each row to check deleted_at.
DROP INDEX signals_by_said_at;

CREATE INDEX signals_by_said_at ON signals (workspace_id, said_at, kind, segment, customer_key, source, stage, severity, deleted_at)
    WHERE deleted_at IS NULL;

-- "undo": the newest capture of a person.
CREATE INDEX signals_by_capturer ON signals (workspace_id, captured_by_id, captured_at) WHERE deleted_at IS NULL;

-- Full text: FTS5 with the Porter stemmer over search_text (the words of quote and customer, lower-cased;
-- the store writes it so). Diacritics are kept, as PostgreSQL keeps them, so both stores find the same
-- signals. An FTS row is keyed by an integer: signal_search_rows gives each signal one that VACUUM never
-- renumbers (a table's implicit rowid it may). Triggers keep the index in step with signals; a deleted
-- signal leaves it.
CREATE TABLE signal_search_rows (
    id        integer PRIMARY KEY,
    signal_id text NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE signal_search USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 0');

INSERT INTO signal_search_rows (signal_id) SELECT id FROM signals;

INSERT INTO signal_search (rowid, body)
SELECT r.id, s.search_text FROM signal_search_rows r JOIN signals s ON s.id = r.signal_id;

CREATE TRIGGER signals_search_insert AFTER INSERT ON signals
BEGIN
    INSERT INTO signal_search_rows (signal_id) VALUES (new.id);
    INSERT INTO signal_search (rowid, body)
    SELECT r.id, new.search_text FROM signal_search_rows r WHERE r.signal_id = new.id AND new.deleted_at IS NULL;
END;

CREATE TRIGGER signals_search_update AFTER UPDATE OF search_text, deleted_at ON signals
BEGIN
    DELETE FROM signal_search WHERE rowid = (SELECT r.id FROM signal_search_rows r WHERE r.signal_id = old.id);
    INSERT INTO signal_search (rowid, body)
    SELECT r.id, new.search_text FROM signal_search_rows r WHERE r.signal_id = new.id AND new.deleted_at IS NULL;
END;

-- A merged customer's key leads to the customer it was merged into, for captures that still name it.
CREATE TABLE customer_aliases (
    workspace_id text NOT NULL,
    alias_key    text NOT NULL,
    customer_key text NOT NULL,
    PRIMARY KEY (workspace_id, alias_key)
);

-- How often each spelling of a customer is used: a customer is shown as its most used spelling (the
-- earliest on a tie), and the spellings a merge brought in come after the customer's own.
CREATE TABLE customer_spellings (
    workspace_id text NOT NULL,
    customer_key text NOT NULL,
    spelling     text NOT NULL,
    signals      integer NOT NULL,
    first_at     bigint NOT NULL,
    merged       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (workspace_id, customer_key, spelling)
);

INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at)
SELECT workspace_id, customer_key, trim(customer), count(*), min(captured_at)
  FROM signals
 WHERE customer_key IS NOT NULL
 GROUP BY workspace_id, customer_key, trim(customer);

-- Telling signals: each theme's rows in the ranking order (severity, a named customer, evidence, newest), so that
-- the few quotes per theme are the first rows of an index walk, whatever the length of the period. It serves
-- theme filters and merges too.
CREATE INDEX signal_themes_telling ON signal_themes
    (workspace_id, theme_id, severity DESC, customer_key IS NULL, has_evidence DESC, said_at DESC, signal_id DESC,
     kind, segment, source, stage, customer_key, position);

DROP INDEX signal_themes_by_theme;

-- The untagged rows in the same order: "theme_id IS NULL" is no equality to an index, so the one above would
-- have to sort every untagged signal of the period.
CREATE INDEX signal_themes_untagged ON signal_themes
    (workspace_id, severity DESC, customer_key IS NULL, has_evidence DESC, said_at DESC, signal_id DESC,
     kind, segment, source, stage, customer_key)
    WHERE theme_id IS NULL;

-- Theme stats read each theme's rows of the period in turn (see SqlPulseStore.ThemeStatsSql), so grouping by theme
-- needs no sort: the kind comes before the time, as rankings read friction, so each kind's rows of the period are one
-- range of the index. It holds every column a ranking filters on, which SQLite needs to read it alone.
CREATE INDEX signal_themes_by_theme ON signal_themes
    (workspace_id, theme_id, kind, said_at, customer_key, severity, position, segment, source, stage);
