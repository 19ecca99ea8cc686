-- Issue 10: workspace admins. The people an admin added with "admins add", who added them and when; and who
-- installed the app where no installation row says so (Teams: the first installationUpdate in the tenant). The
-- names are kept for replies on platforms whose messages cannot mention a person by id.
CREATE TABLE workspace_admins (
    workspace_id  uuid NOT NULL REFERENCES workspaces (id),
    user_id       text NOT NULL,
    user_name     text NOT NULL,
    added_by      text NOT NULL,
    added_by_name text NOT NULL,
    added_at      bigint NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE workspace_installers (
    workspace_id uuid PRIMARY KEY REFERENCES workspaces (id),
    user_id      text NOT NULL,
    user_name    text NOT NULL,
    installed_at bigint NOT NULL
);
