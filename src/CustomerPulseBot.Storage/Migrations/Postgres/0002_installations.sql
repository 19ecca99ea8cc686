-- One row per installed chat app (a Slack team or Enterprise Grid org). The token is encrypted by the
-- adapter before it reaches the database; uninstalling deletes the row.
CREATE TABLE installations (
    platform              text NOT NULL,
    external_id           text NOT NULL,
    enterprise_id         text,
    is_enterprise_install boolean NOT NULL,
    protected_token       text NOT NULL,
    bot_user_id           text,
    scopes                text,
    installed_by          text,
    installed_at          bigint NOT NULL,
    PRIMARY KEY (platform, external_id)
);
