package com.instore.hub.taps;

import com.instore.hub.identity.Identity;
import com.instore.hub.join.JoinInvites;
import com.instore.hub.loyalty.Loyalty;
import com.instore.hub.members.Members;
import com.instore.hub.offers.Offers;

import java.util.Objects;

/** The features a tap goes through, in order: identity, members, loyalty, offers (with coupons), join and manage links. */
public record TapServices(Identity identity, Members members, Loyalty loyalty, Offers offers, JoinInvites invites) {
    public TapServices {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(loyalty, "loyalty");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(invites, "invites");
    }
}
