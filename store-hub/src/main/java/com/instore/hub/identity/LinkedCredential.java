package com.instore.hub.identity;

import java.time.Instant;

/** A credential a member holds, as exported: its kind, its stored (keyed-hash or random id) form, when it was linked. */
public record LinkedCredential(String type, String storedAs, Instant linkedAt, Long lastCounter) {
}
