package com.instore.hub.members;

/** A loyalty member as the tap pipeline sees it. */
public record Member(String memberId, String firstName, Tier tier, long points) {
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
    }
}
