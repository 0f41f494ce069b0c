package com.instore.hub.identity;

import java.util.Optional;

/**
 * Who tapped, as far as the credential tells.
 *
 * @param status   KNOWN: a member's credential; UNKNOWN: a valid credential nobody holds (it may join); REJECTED: it failed
 *                 its check (bad signature or CMAC, replayed counter, unknown phone) and must not be trusted at all
 * @param memberId the member, for KNOWN
 * @param key      the credential's stored form; null when REJECTED before it could be read
 * @param counter  the accepted counter (PHONE, SUN), kept with the credential when it is linked; null otherwise
 * @param verified whether the tap proves presence (signed phone token, SUN, signed NDEF token; never a bare UID)
 * @param cloneSuspected the same weak credential was just seen too far away for the time between
 * @param problem  why it was rejected or suspected, in words for logs; empty otherwise
 */
public record Resolution(Status status, Optional<String> memberId, CredentialKey key, Long counter, boolean verified,
                         boolean cloneSuspected, String problem) {
    public Resolution {
        memberId = memberId == null ? Optional.empty() : memberId;
        problem = problem == null ? "" : problem;
    }

    /** How the credential resolved. */
    public enum Status {
        KNOWN,
        UNKNOWN,
        REJECTED
    }

    static Resolution rejected(CredentialKey key, String problem) {
        return new Resolution(Status.REJECTED, Optional.empty(), key, null, false, false, problem);
    }

    Resolution suspected(String why) {
        return new Resolution(status, memberId, key, counter, false, true, why);
    }
}
