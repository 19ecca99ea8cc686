-- Issue 9: themes by meaning. Each signal keeps its sentence vector (little-endian float32s, see Core's Vectors) and
-- the model that computed it, so that another model's vectors are computed again rather than compared.
ALTER TABLE signals ADD COLUMN vector blob;
ALTER TABLE signals ADD COLUMN vector_model text;

-- A near-duplicate merged into its original: it stays stored and shown with it, but loses its signal_themes rows (as a
-- deleted signal does) and every read of signals skips it, so it counts once.
ALTER TABLE signals ADD COLUMN duplicate_of text;

-- A tag a confident suggestion made rather than a person: it counts like any other, and is shown with a mark.
ALTER TABLE signal_themes ADD COLUMN suggested boolean NOT NULL DEFAULT false;

-- Whether confident suggestions tag by themselves ("settings auto-tag on|off").
ALTER TABLE workspaces ADD COLUMN auto_tag boolean NOT NULL DEFAULT true;

-- Find and Count read only undeleted, unmerged signals, so the index holds only those; duplicate_of is a key column
-- for the reason deleted_at is (see 0007): SQLite counts an index as covering only if it holds every column named.
DROP INDEX signals_by_said_at;

CREATE INDEX signals_by_said_at ON signals
    (workspace_id, said_at, kind, segment, customer_key, source, stage, severity, deleted_at, duplicate_of)
    WHERE deleted_at IS NULL AND duplicate_of IS NULL;
