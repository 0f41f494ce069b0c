-- Issue 5: loyalty. A verified visit earns points at most once per store per period; tiers never go down.

ALTER TABLE members ADD COLUMN visits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN first_visit_ms BIGINT;
ALTER TABLE members ADD COLUMN last_visit_ms BIGINT;
ALTER TABLE members ADD COLUMN streak_week BIGINT;
ALTER TABLE members ADD COLUMN streak_weeks INTEGER NOT NULL DEFAULT 0;
-- Bumped first thing in every tap of the member: a row lock that serialises one member's taps on PostgreSQL.
ALTER TABLE members ADD COLUMN lock_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE store_visits (
    member_id     VARCHAR(64) NOT NULL,
    store_id      VARCHAR(64) NOT NULL,
    visits        BIGINT      NOT NULL,
    last_visit_ms BIGINT      NOT NULL,
    PRIMARY KEY (member_id, store_id)
);

-- Verified visits per store and month (YYYY-MM): the store rank reads the top of the index, never scans members.
CREATE TABLE monthly_visits (
    store_id   VARCHAR(64) NOT NULL,
    month      VARCHAR(7)  NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    visits     BIGINT      NOT NULL,
    reached_ms BIGINT      NOT NULL,
    PRIMARY KEY (store_id, month, member_id)
);
CREATE INDEX monthly_visits_rank ON monthly_visits (store_id, month, visits DESC, reached_ms);

CREATE TABLE member_badges (
    member_id VARCHAR(64) NOT NULL,
    badge     VARCHAR(32) NOT NULL,
    earned_ms BIGINT      NOT NULL,
    PRIMARY KEY (member_id, badge)
);

-- Each verified visit that earned points. member_id becomes NULL when the member is erased.
CREATE TABLE visits (
    tap_id          VARCHAR(36) NOT NULL PRIMARY KEY,
    member_id       VARCHAR(64),
    store_id        VARCHAR(64) NOT NULL,
    visited_ms      BIGINT      NOT NULL,
    points          BIGINT      NOT NULL,
    credential_type VARCHAR(16) NOT NULL
);
CREATE INDEX visits_member ON visits (member_id);
