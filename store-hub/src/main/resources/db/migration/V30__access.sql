-- Issue 6: staff users, sessions, API tokens and the operators' audit log. Standard SQL (SQLite and PostgreSQL).
-- Instants are epoch milliseconds; secrets are kept only as hashes (passwords: Argon2id; tokens: SHA-256).

-- role: STAFF (read), OPERATOR (fleet and offers), ADMIN (users). Lockout: failures counted, locked until locked_until_ms.
CREATE TABLE hub_users (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY,
    role            VARCHAR(16)  NOT NULL,
    password_hash   VARCHAR(256) NOT NULL,
    failures        INTEGER      NOT NULL DEFAULT 0,
    locked_until_ms BIGINT       NOT NULL DEFAULT 0,
    created_ms      BIGINT       NOT NULL
);

-- Browser sessions survive a hub restart (a dashboard on a tablet reconnects by itself).
CREATE TABLE hub_sessions (
    token_sha256 VARCHAR(64)  NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    csrf         VARCHAR(64)  NOT NULL,
    expires_ms   BIGINT       NOT NULL
);

-- API tokens for scripts and the storectl CLI, with the role they act with.
CREATE TABLE api_tokens (
    token_sha256 VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(64)  NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    created_ms   BIGINT       NOT NULL
);

CREATE TABLE audit_log (
    id        VARCHAR(40)   NOT NULL PRIMARY KEY,
    at_ms     BIGINT        NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    action    VARCHAR(16)   NOT NULL,
    target    VARCHAR(400)  NOT NULL,
    outcome   INTEGER       NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (at_ms);
