-- Event deliveries already taken, shared by every host: a platform retries an event it thinks was missed
-- (Slack: the same event_id, up to 3 times over about 6 minutes), and the retry may reach another host.
-- Rows older than a day are deleted by the hosts; the index serves that delete.
CREATE TABLE event_receipts (
    platform    text NOT NULL,
    external_id text NOT NULL,
    event_id    text NOT NULL,
    received_at bigint NOT NULL,
    PRIMARY KEY (platform, external_id, event_id)
);

CREATE INDEX event_receipts_by_received_at ON event_receipts (received_at);
