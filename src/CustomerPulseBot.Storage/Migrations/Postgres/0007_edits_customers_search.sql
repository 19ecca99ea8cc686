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

UPDATE signal_themes f SET source = s.source, stage = s.stage
  FROM signals s
 WHERE s.id = f.signal_id AND (s.source IS NOT NULL OR s.stage IS NOT NULL);

-- Every signal has exactly one signal_themes row at position 0, so that a ranking counts the signals of a period
-- in the same pass as the themes (by position, which the indexes below carry). Merging themes dropped the merged
-- link when a signal had both, even its first: the earliest row left becomes the first again.
UPDATE signal_themes SET position = 0
 WHERE position > 0
   AND NOT EXISTS (SELECT 1 FROM signal_themes x
                    WHERE x.signal_id = signal_themes.signal_id AND x.position < signal_themes.position);

DROP INDEX signal_themes_by_said_at;

CREATE INDEX signal_themes_by_said_at ON signal_themes (workspace_id, said_at)
    INCLUDE (theme_id, kind, segment, severity, customer_key, signal_id, has_evidence, source, stage, position);

-- Only undeleted signals are ever read, so the index of Find and Count holds only those (and stays covering).
DROP INDEX signals_by_said_at;

CREATE INDEX signals_by_said_at ON signals (workspace_id, said_at)
    INCLUDE (kind, segment, customer_key, source, stage, severity)
    WHERE deleted_at IS NULL;

-- "undo": the newest capture of a person.
CREATE INDEX signals_by_capturer ON signals (workspace_id, captured_by_id, captured_at) WHERE deleted_at IS NULL;

-- search_text becomes the words of quote and customer, lower-cased and separated by single spaces (the store
-- writes it so from now on): PostgreSQL's parser and SQLite's tokenizer then see the same words, so both
-- stores find the same signals. English stems and the words as written are both indexed, so "exports"
-- finds "export" and a stop word typed on purpose still counts. A deleted signal has no vector, so search
-- never sees it.
UPDATE signals SET search_text = btrim(regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g'));

ALTER TABLE signals ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    CASE WHEN deleted_at IS NULL
         THEN to_tsvector('english', search_text) || to_tsvector('simple', search_text)
    END) STORED;

-- Indexed with one more lexeme naming the workspace (a space in it, so no typed word is ever it): a search finds the
-- words in one workspace in the index, instead of reading every workspace's matches from the table to keep its own.
CREATE INDEX signals_by_words ON signals
    USING gin ((search_vector || array_to_tsvector(ARRAY['workspace ' || workspace_id::text])));

-- A merged customer's key leads to the customer it was merged into, for captures that still name it.
CREATE TABLE customer_aliases (
    workspace_id uuid NOT NULL,
    alias_key    text NOT NULL,
    customer_key text NOT NULL,
    PRIMARY KEY (workspace_id, alias_key)
);

-- How often each spelling of a customer is used: a customer is shown as its most used spelling (the
-- earliest on a tie), and the spellings a merge brought in come after the customer's own.
CREATE TABLE customer_spellings (
    workspace_id uuid NOT NULL,
    customer_key text NOT NULL,
    spelling     text NOT NULL,
    signals      integer NOT NULL,
    first_at     bigint NOT NULL,
    merged       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (workspace_id, customer_key, spelling)
);

INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at)
SELECT workspace_id, customer_key, btrim(customer), count(*), min(captured_at)
  FROM signals
 WHERE customer_key IS NOT NULL
 GROUP BY workspace_id, customer_key, btrim(customer);

-- Telling signals: each theme's rows in the ranking order (severity, a named customer, evidence, newest), so that
-- the few quotes per theme are the first rows of an index walk, whatever the length of the period. It serves
-- theme filters and merges too.
CREATE INDEX signal_themes_telling ON signal_themes
    (workspace_id, theme_id, severity DESC, (customer_key IS NULL), has_evidence DESC, said_at DESC, signal_id DESC)
    INCLUDE (kind, segment, source, stage, customer_key, position);

DROP INDEX signal_themes_by_theme;

-- Theme stats read each theme's rows of the period on their own (see PostgresPulseStore.ThemeStatsSql): the kind
-- comes before the time, as rankings read friction, so each kind's rows of the period are one range of the index.
CREATE INDEX signal_themes_by_theme ON signal_themes (workspace_id, theme_id, kind, said_at)
    INCLUDE (segment, severity, customer_key, position, source, stage);

-- The untagged rows in the same order: "theme_id IS NULL" is no equality to an index, so the one above would
-- have to sort every untagged signal of the period.
CREATE INDEX signal_themes_untagged ON signal_themes
    (workspace_id, severity DESC, (customer_key IS NULL), has_evidence DESC, said_at DESC, signal_id DESC)
    INCLUDE (kind, segment, source, stage, customer_key)
    WHERE theme_id IS NULL;
