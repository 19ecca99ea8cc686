-- Whether confident suggestions tag by themselves ("settings auto-tag on|off").
ALTER TABLE workspaces ADD COLUMN auto_tag boolean NOT NULL DEFAULT true;
