-- V51's partial index was never used by SQLite: it cannot match an OR term that contains a function. The same predicate
-- as one comparison (a NULL chain_synced_ms is -1: below any consents time) is matched; LocalFacts queries this text.
DROP INDEX members_chain_unshipped;
CREATE INDEX members_chain_unshipped ON members (member_id)
    WHERE COALESCE(consents_changed_ms, 0) > COALESCE(chain_synced_ms, -1);
