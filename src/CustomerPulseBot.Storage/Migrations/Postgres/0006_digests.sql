-- Digest and brief schedules: the source of truth the recurring jobs are synchronised from. One digest per
-- channel, one brief per person (channel_id is then the user id). at is the local time of day, "HH:mm";
-- day is set for weekly schedules only.
CREATE TABLE subscriptions (
    id           uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    kind         text NOT NULL,
    platform     text NOT NULL,
    channel_id   text NOT NULL,
    cadence      text NOT NULL,
    day          text,
    at           text NOT NULL,
    time_zone    text NOT NULL,
    segment      text,
    theme        text,
    customer     text,
    skip_empty   boolean NOT NULL,
    created_by   text NOT NULL,
    created_at   bigint NOT NULL,
    updated_at   bigint NOT NULL,
    UNIQUE (workspace_id, kind, channel_id)
);

-- One row per scheduled post (a digest occurrence, a ship notice): the primary key decides between hosts and
-- retries. claimed_until is the lease of the run posting it now; a lapsed lease can be claimed again.
CREATE TABLE deliveries (
    workspace_id  uuid NOT NULL REFERENCES workspaces (id),
    key           text NOT NULL,
    until         bigint NOT NULL,
    claimed_until bigint,
    delivered_at  bigint,
    attempts      integer NOT NULL,
    last_error    text,
    PRIMARY KEY (workspace_id, key, until)
);

-- Where the next digest starts: the latest delivered until, read from the index alone.
CREATE INDEX deliveries_delivered ON deliveries (workspace_id, key, until DESC) WHERE delivered_at IS NOT NULL;

-- A digest's fresh quotes: the signals captured in its window, found and counted through this index.
CREATE INDEX signals_by_captured_at ON signals (workspace_id, captured_at) INCLUDE (segment, customer_key);
