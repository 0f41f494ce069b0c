package com.instore.hub.chain;

import java.time.Instant;

/**
 * The chain link as {@code GET /api/chain} shows it.
 *
 * @param link        UP (the last sync reached the centre), DOWN (it did not: the store works on its own), STARTING
 * @param outboxDepth rows the centre has not got yet (taps, credentials, members)
 * @param shipped     facts applied at the centre since the hub started
 * @param pulled      centre changes applied at the store since the hub started
 * @param lastSync    when the last sync completed, null before the first
 * @param downSince   when the link went down, null while it is up
 * @param lastError   why the last attempt failed, null while the link is up
 */
public record ChainStatus(String link, long outboxDepth, long shipped, long pulled, Instant lastSync, Instant downSince,
                          String lastError) {
}
