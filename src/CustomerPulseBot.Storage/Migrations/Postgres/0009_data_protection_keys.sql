-- Issue 10: the ASP.NET Core Data Protection key ring, which encrypts the Slack bot tokens in installations, kept in the
-- database beside them, so every host shares one ring and a redeploy keeps it. One row per element Data Protection
-- stores (a key or a revocation), its XML as the host wrote it: the key material encrypted when DataProtection:KeyRingKey
-- is set. Rows are only added; every host reads them all.
CREATE TABLE data_protection_keys (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    xml        text NOT NULL,
    created_at bigint NOT NULL
);
