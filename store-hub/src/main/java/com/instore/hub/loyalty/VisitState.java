package com.instore.hub.loyalty;

import com.instore.hub.members.Tier;

import java.time.Instant;

/**
 * A member's loyalty columns: points, tier, verified visits (all stores), first and last visit, and the weekly streak (the
 * week index of the last visit and how many consecutive weeks led to it). {@code storeLastVisit} is the last counted visit
 * in this store, null when none.
 */
record VisitState(long points, Tier tier, long visits, Instant firstVisit, Instant lastVisit, Long streakWeek,
                  int streakWeeks, Instant storeLastVisit) {
}
