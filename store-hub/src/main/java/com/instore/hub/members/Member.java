package com.instore.hub.members;

import com.instore.protocol.Consents;

/** A loyalty member as the tap pipeline sees it: who, where they stand, and what they allow. */
public record Member(String memberId, String firstName, Tier tier, long points, Consents consents) {
    public Member {
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("member_id is missing");
        }
        if (firstName == null || firstName.isBlank()) {
            throw new IllegalArgumentException("first_name is missing for member " + memberId);
        }
        if (tier == null) {
            throw new IllegalArgumentException("tier is missing for member " + memberId);
        }
        if (points < 0) {
            throw new IllegalArgumentException("points are negative for member " + memberId);
        }
        consents = consents == null ? Consents.NONE : consents;
    }

    public Member(String memberId, String firstName, Tier tier, long points) {
        this(memberId, firstName, tier, points, Consents.NONE);
    }

    /**
     * How the screen greets this member: by first name only with consent to recognition; without it, no name anywhere.
     */
    public String greeting() {
        return consents.recognition() ? "Hello " + firstName + "!" : "Hello again!";
    }
}
