package com.instore.protocol;

import java.util.List;

/**
 * A member's consents and preferences as the kiosk shows them after a tap so that the shopper can change them on the
 * screen. {@code categories} are the offer categories the store has, {@code preferences} those the shopper wants to see.
 */
public record MemberChoices(Consents consents, List<String> preferences, List<String> categories) {
    public MemberChoices {
        Check.present(consents, "choices.consents");
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
