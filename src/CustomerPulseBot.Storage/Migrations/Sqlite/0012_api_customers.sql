-- Issue 11: data in and out. API keys per workspace, the first answers to requests sent with an Idempotency-Key, and
-- customers as entities.

-- A key is stored as the SHA-256 of its secret, never the secret. Its name is unique among the workspace's keys that
-- are not revoked, compared case-insensitively through name_key (lower-cased by the store, as customer keys are).
CREATE TABLE api_keys (
    id           text PRIMARY KEY,
    workspace_id text NOT NULL REFERENCES workspaces (id),
    name         text NOT NULL,
    name_key     text NOT NULL,
    scope        text NOT NULL,
    hint         text NOT NULL,
    hash         blob NOT NULL UNIQUE,
    created_at   bigint NOT NULL,
    created_by   text NOT NULL,
    revoked_at   bigint
);

CREATE UNIQUE INDEX api_keys_by_name ON api_keys (workspace_id, name_key) WHERE revoked_at IS NULL;

-- The first answer to a write sent with an Idempotency-Key, recorded in the transaction that stored it, so the
-- primary key decides between two requests with one key; kept a day.
CREATE TABLE api_requests (
    workspace_id    text NOT NULL REFERENCES workspaces (id),
    idempotency_key text NOT NULL,
    request_hash    text NOT NULL,
    status          integer NOT NULL,
    body            text NOT NULL,
    created_at      bigint NOT NULL,
    PRIMARY KEY (workspace_id, idempotency_key)
);

CREATE INDEX api_requests_by_created_at ON api_requests (created_at);

-- A customer as an entity, keyed as signals key their customer (customer_key: trimmed and lower-cased); the names it
-- also goes by are customer_aliases, which send captures naming them to it. Captures add a customer with only its
-- name; the API and the customers CSV add what a CRM knows. arr: annual recurring revenue, in the workspace's currency.
CREATE TABLE customers (
    workspace_id text NOT NULL REFERENCES workspaces (id),
    customer_key text NOT NULL,
    name         text NOT NULL,
    segment      text,
    plan         text,
    arr          numeric,
    owner        text,
    created_at   bigint NOT NULL,
    updated_at   bigint NOT NULL,
    PRIMARY KEY (workspace_id, customer_key)
);

-- An alias as typed, for showing it (a merged customer's alias has only its key).
ALTER TABLE customer_aliases ADD COLUMN alias text;

CREATE INDEX customer_aliases_by_customer ON customer_aliases (workspace_id, customer_key);

-- Every customer named so far, by the spelling it is shown as (Rows.CustomerName's order).
INSERT INTO customers (workspace_id, customer_key, name, created_at, updated_at)
SELECT c.workspace_id, c.customer_key, c.spelling, c.first_seen, c.first_seen
  FROM (SELECT workspace_id, customer_key, spelling,
               min(first_at) OVER (PARTITION BY workspace_id, customer_key) AS first_seen,
               row_number() OVER (PARTITION BY workspace_id, customer_key ORDER BY merged, signals DESC, first_at, spelling) AS i
          FROM customer_spellings) c
 WHERE c.i = 1;
