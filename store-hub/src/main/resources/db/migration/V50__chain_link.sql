-- Store autonomy (config/brokers/CHAIN.md, "Store autonomy"): a store hub on its own SQLite reconciles with the chain's
-- central PostgreSQL. Standard SQL only: the same file runs on both (partial indexes and ON CONFLICT are in both).
--
-- Upward, the outbox is the existing rows themselves: a tap, credential or erasure not yet applied at the centre has
-- chain_shipped NULL (the default, so the tap path writes nothing extra); a member is unshipped while its consents changed
-- after what the centre last got (chain_synced_ms). The forwarder marks rows only after the centre committed them.
ALTER TABLE taps ADD COLUMN chain_shipped BOOLEAN;
CREATE INDEX taps_chain_unshipped ON taps (received_at_ms) WHERE chain_shipped IS NULL;
ALTER TABLE member_credentials ADD COLUMN chain_shipped BOOLEAN;
CREATE INDEX member_credentials_chain_unshipped ON member_credentials (member_id) WHERE chain_shipped IS NULL;
ALTER TABLE members ADD COLUMN chain_synced_ms BIGINT;

-- Downward, the centre numbers every change of a member or credential (chain_version, from chain_clock, whose row lock
-- orders the applying transactions, so a store reading "changes above N" never skips one that commits later).
ALTER TABLE members ADD COLUMN chain_version BIGINT;
CREATE INDEX members_chain_version ON members (chain_version);
ALTER TABLE member_credentials ADD COLUMN chain_version BIGINT;
CREATE INDEX member_credentials_chain_version ON member_credentials (chain_version);

CREATE TABLE chain_clock (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO chain_clock (id, version) VALUES (1, 0);

-- At a store: the last centre version applied, per feed (members, credentials).
CREATE TABLE chain_watermarks (
    feed    VARCHAR(32) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
);
