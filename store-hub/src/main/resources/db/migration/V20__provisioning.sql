-- Issue 7: kiosk lifecycle, desired and reported configuration, enrolment codes. Standard SQL (SQLite and PostgreSQL).
-- Instants are epoch milliseconds.

-- One row per kiosk the hub has ever provisioned. origin: DECLARED (config/store.yaml) or OPERATOR (REST).
-- state: PENDING (created, waiting for enrolment), ACTIVE (has credentials), RETIRED (credentials revoked for good).
CREATE TABLE kiosk_provisioning (
    store_id         VARCHAR(64)   NOT NULL,
    kiosk_id         VARCHAR(64)   NOT NULL,
    zone             VARCHAR(64)   NOT NULL,
    hardware_profile VARCHAR(64)   NOT NULL,
    origin           VARCHAR(16)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    desired_version  BIGINT        NOT NULL DEFAULT 0,
    desired_json     VARCHAR(4000),
    reported_json    VARCHAR(4000),
    created_ms       BIGINT        NOT NULL,
    retired_ms       BIGINT,
    PRIMARY KEY (store_id, kiosk_id)
);

-- Enrolment codes are kept only as SHA-256; a code is single use (used_ms) and expires (expires_ms).
CREATE TABLE enrolment_codes (
    code_sha256 VARCHAR(64) NOT NULL PRIMARY KEY,
    store_id    VARCHAR(64) NOT NULL,
    kiosk_id    VARCHAR(64) NOT NULL,
    created_ms  BIGINT      NOT NULL,
    expires_ms  BIGINT      NOT NULL,
    used_ms     BIGINT
);

CREATE INDEX enrolment_codes_kiosk ON enrolment_codes (store_id, kiosk_id);
