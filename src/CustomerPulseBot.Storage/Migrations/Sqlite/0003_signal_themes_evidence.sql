-- Telling signals rank by "has evidence" too. A copy of that here keeps the ranking inside the covering
-- index of signal_themes, instead of one signals lookup per candidate row.
ALTER TABLE signal_themes ADD COLUMN has_evidence boolean NOT NULL DEFAULT false;

UPDATE signal_themes SET has_evidence = true
 WHERE signal_id IN (SELECT id FROM signals WHERE evidence_url IS NOT NULL);

DROP INDEX signal_themes_by_said_at;

CREATE INDEX signal_themes_by_said_at ON signal_themes
    (workspace_id, said_at, theme_id, kind, segment, severity, customer_key, signal_id, has_evidence);
