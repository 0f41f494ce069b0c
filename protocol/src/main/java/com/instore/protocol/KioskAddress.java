package com.instore.protocol;

import java.util.regex.Pattern;

/**
 * Where a kiosk lives on the wire: its store and its own id. Both are short slugs so that they are safe as MQTT topic
 * levels and as MQTT usernames (no wildcards, no separators).
 */
public record KioskAddress(String storeId, String kioskId) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public KioskAddress {
        storeId = requireSlug(storeId, "storeId");
        kioskId = requireSlug(kioskId, "kioskId");
    }

    /** The topic of one of this kiosk's channels. */
    public String topic(Channel channel) {
        return Topics.topic(this, channel);
    }

    /** The filter covering every channel of this kiosk: the only subtree its credentials may touch. */
    public String subtree() {
        return "stores/" + storeId + "/kiosks/" + kioskId + "/#";
    }

    /** Validates a store or kiosk id: lower-case letters, digits, '-' and '_', at most 64 characters. */
    public static String requireSlug(String value, String field) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1-64 of [a-z0-9_-] starting with a letter or digit, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    @Override
    public String toString() {
        return storeId + "/" + kioskId;
    }
}
