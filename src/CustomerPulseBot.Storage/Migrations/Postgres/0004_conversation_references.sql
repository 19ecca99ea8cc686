-- Where the Teams app is installed: one row per workspace and conversation, written from authenticated
-- install events and removed on uninstall, so a digest can later be posted there proactively.
CREATE TABLE conversation_references (
    workspace_id      uuid NOT NULL REFERENCES workspaces (id),
    conversation_id   text NOT NULL,
    service_url       text NOT NULL,
    channel_id        text NOT NULL,
    tenant_id         text NOT NULL,
    bot_id            text NOT NULL,
    conversation_type text,
    team_id           text,
    updated_at        bigint NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id)
);
