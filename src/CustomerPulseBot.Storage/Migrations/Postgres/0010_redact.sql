-- Issue 10: personal data is masked on the way in unless a workspace switches it off ("settings redact off").
ALTER TABLE workspaces ADD COLUMN redact boolean NOT NULL DEFAULT true;
