-- Issue 5: offer counters (global budgets), coupons, the bandit's state, shopper actions.

CREATE TABLE offer_counters (
    offer_id VARCHAR(64) NOT NULL PRIMARY KEY,
    issued   BIGINT      NOT NULL DEFAULT 0,
    redeemed BIGINT      NOT NULL DEFAULT 0
);

-- A coupon per offer shown to a member. member_id becomes NULL when the member is erased (the coupon stays valid).
CREATE TABLE coupons (
    code           VARCHAR(16) NOT NULL PRIMARY KEY,
    offer_id       VARCHAR(64) NOT NULL,
    member_id      VARCHAR(64),
    segment        VARCHAR(16) NOT NULL,
    ranked         BOOLEAN     NOT NULL,
    store_id       VARCHAR(64) NOT NULL,
    kiosk_id       VARCHAR(64) NOT NULL,
    tap_id         VARCHAR(36) NOT NULL,
    issued_ms      BIGINT      NOT NULL,
    expires_ms     BIGINT      NOT NULL,
    printed_ms     BIGINT,
    dismissed_ms   BIGINT,
    redeemed_ms    BIGINT,
    redeemed_store VARCHAR(64),
    redeemed_till  VARCHAR(64),
    redeem_request VARCHAR(64)
);
CREATE INDEX coupons_member_offer ON coupons (member_id, offer_id, issued_ms);
CREATE INDEX coupons_tap ON coupons (tap_id);

-- Thompson sampling: per segment and offer, how often it was shown (ranked by the bandit) and redeemed.
CREATE TABLE bandit_arms (
    segment  VARCHAR(16) NOT NULL,
    offer_id VARCHAR(64) NOT NULL,
    shows    BIGINT      NOT NULL,
    rewards  BIGINT      NOT NULL,
    PRIMARY KEY (segment, offer_id)
);

-- One row per shopper action id: a redelivered action changes nothing twice.
CREATE TABLE shopper_actions (
    action_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    tap_id      VARCHAR(36) NOT NULL,
    kiosk_id    VARCHAR(64) NOT NULL,
    action_type VARCHAR(32) NOT NULL,
    received_ms BIGINT      NOT NULL,
    outcome     VARCHAR(32) NOT NULL
);
CREATE INDEX shopper_actions_time ON shopper_actions (received_ms);
