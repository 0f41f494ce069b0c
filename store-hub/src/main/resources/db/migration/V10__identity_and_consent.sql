-- Issue 5: identity and consent. Standard SQL only: the same file runs on SQLite and PostgreSQL.
-- Instants are epoch milliseconds (BIGINT). New tables carry no foreign keys: erasure removes their rows explicitly.

ALTER TABLE members ADD COLUMN created_at_ms BIGINT;
ALTER TABLE members ADD COLUMN consent_recognition BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE members ADD COLUMN consent_personalised BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE members ADD COLUMN consent_name_on_coupons BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE members ADD COLUMN consents_changed_ms BIGINT;

-- PHONE: public_key is the Ed25519 key registered when the phone was linked (X.509 DER, base64); PHONE and SUN keep the
-- last accepted counter: a token with a counter not above it is a replay.
ALTER TABLE member_credentials ADD COLUMN public_key VARCHAR(200);
ALTER TABLE member_credentials ADD COLUMN last_counter BIGINT;
ALTER TABLE member_credentials ADD COLUMN linked_at_ms BIGINT;
CREATE INDEX member_credentials_member ON member_credentials (member_id);

CREATE TABLE member_preferences (
    member_id VARCHAR(64) NOT NULL,
    category  VARCHAR(64) NOT NULL,
    PRIMARY KEY (member_id, category)
);

-- A join or manage link handed out on a kiosk screen: only the SHA-256 of its random token is kept.
CREATE TABLE join_invites (
    token_hash      VARCHAR(64) NOT NULL PRIMARY KEY,
    credential_type VARCHAR(16),
    credential_hash VARCHAR(64),
    last_counter    BIGINT,
    member_id       VARCHAR(64),
    store_id        VARCHAR(64) NOT NULL,
    kiosk_id        VARCHAR(64) NOT NULL,
    tap_id          VARCHAR(36) NOT NULL,
    created_ms      BIGINT      NOT NULL,
    expires_ms      BIGINT      NOT NULL,
    used_ms         BIGINT
);
CREATE INDEX join_invites_expiry ON join_invites (expires_ms);
CREATE INDEX join_invites_member ON join_invites (member_id);

-- Where each credential was last seen, to notice a clone (one UID in two places too far apart for the time between).
CREATE TABLE credential_sightings (
    credential_type VARCHAR(16) NOT NULL,
    credential_hash VARCHAR(64) NOT NULL,
    store_id        VARCHAR(64) NOT NULL,
    kiosk_id        VARCHAR(64) NOT NULL,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    seen_ms         BIGINT      NOT NULL,
    PRIMARY KEY (credential_type, credential_hash)
);

CREATE TABLE credential_flags (
    flag_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    credential_type VARCHAR(16)  NOT NULL,
    credential_hash VARCHAR(64)  NOT NULL,
    reason          VARCHAR(32)  NOT NULL,
    detail          VARCHAR(500) NOT NULL,
    store_id        VARCHAR(64)  NOT NULL,
    kiosk_id        VARCHAR(64)  NOT NULL,
    tap_id          VARCHAR(36)  NOT NULL,
    flagged_ms      BIGINT       NOT NULL
);
CREATE INDEX credential_flags_credential ON credential_flags (credential_type, credential_hash);
CREATE INDEX credential_flags_time ON credential_flags (flagged_ms);

-- Member ids (pseudonyms) that were erased: a demo members file loaded at start must not bring them back.
CREATE TABLE erased_members (
    member_id VARCHAR(64) NOT NULL PRIMARY KEY,
    erased_ms BIGINT      NOT NULL
);
