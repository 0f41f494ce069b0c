-- The store rank orders by visits, then who reached them first, then member id: with member_id in the index the top ten
-- are read straight off it, without sorting a month's members.
DROP INDEX monthly_visits_rank;
CREATE INDEX monthly_visits_rank ON monthly_visits (store_id, month, visits DESC, reached_ms, member_id);
