package com.instore.hub.access;

/**
 * Who is calling: a user with a session, or a script with an API token. {@code csrf} is the session's CSRF token, empty
 * for token callers (they send no cookie, so cross-site requests cannot act for them).
 */
public record Principal(String name, Role role, String csrf) {
    /** Whether the caller came with a browser session (and so must prove CSRF on changes). */
    public boolean browser() {
        return !csrf.isEmpty();
    }
}
