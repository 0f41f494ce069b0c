-- Store autonomy, continued: erasures travel both ways (erasure always wins), coupon redemptions go up.
ALTER TABLE erased_members ADD COLUMN chain_shipped BOOLEAN;
ALTER TABLE erased_members ADD COLUMN chain_version BIGINT;
CREATE INDEX erased_members_chain_unshipped ON erased_members (member_id) WHERE chain_shipped IS NULL;
CREATE INDEX erased_members_chain_version ON erased_members (chain_version);

ALTER TABLE coupons ADD COLUMN chain_redeemed_shipped BOOLEAN;
CREATE INDEX coupons_chain_unshipped_redemptions ON coupons (code)
    WHERE redeemed_ms IS NOT NULL AND chain_redeemed_shipped IS NULL;
