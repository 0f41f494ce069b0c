-- Issue 5: raw taps are purged after the retention period; these daily aggregates stay.

CREATE INDEX taps_member ON taps (member_id);

CREATE TABLE tap_daily (
    store_id     VARCHAR(64) NOT NULL,
    kiosk_id     VARCHAR(64) NOT NULL,
    day          VARCHAR(10) NOT NULL,
    taps         BIGINT      NOT NULL,
    recognised   BIGINT      NOT NULL,
    verified     BIGINT      NOT NULL,
    offers_shown BIGINT      NOT NULL,
    PRIMARY KEY (store_id, kiosk_id, day)
);
