-- The chain link counts and reads the members the centre has not got yet often (outbox depth, every sync); a store holds
-- the chain's members, so this must not scan them. The predicate is the one LocalFacts.UNSHIPPED_MEMBER queries with.
CREATE INDEX members_chain_unshipped ON members (member_id)
    WHERE chain_synced_ms IS NULL OR COALESCE(consents_changed_ms, 0) > chain_synced_ms;
