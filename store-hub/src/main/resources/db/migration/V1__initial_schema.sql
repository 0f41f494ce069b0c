-- Standard SQL types only, so that the same migrations run on PostgreSQL for a chain.
-- Instants are epoch milliseconds (BIGINT): portable and sortable.

CREATE TABLE members (
    member_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    first_name  VARCHAR(100) NOT NULL,
    tier        VARCHAR(32)  NOT NULL,
    points      BIGINT       NOT NULL DEFAULT 0
);

-- A credential is kept only as a keyed hash (CARD_UID: HMAC-SHA256 with the store secret, hex), never in clear.
CREATE TABLE member_credentials (
    credential_type VARCHAR(16) NOT NULL,
    credential_hash VARCHAR(64) NOT NULL,
    member_id       VARCHAR(64) NOT NULL REFERENCES members (member_id),
    PRIMARY KEY (credential_type, credential_hash)
);

CREATE TABLE kiosks (
    store_id      VARCHAR(64) NOT NULL,
    kiosk_id      VARCHAR(64) NOT NULL,
    zone          VARCHAR(64) NOT NULL,
    secret_sha256 VARCHAR(64) NOT NULL,
    online        BOOLEAN     NOT NULL DEFAULT FALSE,
    last_seen_ms  BIGINT,
    status_json   VARCHAR(8000),
    PRIMARY KEY (store_id, kiosk_id)
);

-- One row per tap id: the idempotency record. answer_json is the exact ScreenUpdate sent, re-sent unchanged on redelivery.
CREATE TABLE taps (
    tap_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    store_id        VARCHAR(64)  NOT NULL,
    kiosk_id        VARCHAR(64)  NOT NULL,
    tapped_at_ms    BIGINT       NOT NULL,
    received_at_ms  BIGINT       NOT NULL,
    credential_type VARCHAR(16)  NOT NULL,
    member_id       VARCHAR(64)  REFERENCES members (member_id),
    tier            VARCHAR(32),
    offer_count     INTEGER      NOT NULL,
    answer_json     VARCHAR(8000) NOT NULL,
    latency_us      BIGINT
);

CREATE INDEX taps_received ON taps (received_at_ms);
