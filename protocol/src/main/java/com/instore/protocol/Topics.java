package com.instore.protocol;

import java.util.Optional;

/** The one place where topic strings are built and parsed: {@code stores/{storeId}/kiosks/{kioskId}/{channel}}. */
public final class Topics {
    private static final String STORES = "stores";
    private static final String KIOSKS = "kiosks";

    private Topics() {
    }

    public static String topic(KioskAddress kiosk, Channel channel) {
        return STORES + "/" + kiosk.storeId() + "/" + KIOSKS + "/" + kiosk.kioskId() + "/" + channel.path();
    }

    /** A filter matching one channel of every kiosk of every store, for the hub's subscriptions. */
    public static String everyKiosk(Channel channel) {
        return STORES + "/+/" + KIOSKS + "/+/" + channel.path();
    }

    /** A filter matching one channel of every kiosk of one store (a chain's broker carries several stores). */
    public static String everyKioskOf(String storeId, Channel channel) {
        return STORES + "/" + KioskAddress.requireSlug(storeId, "storeId") + "/" + KIOSKS + "/+/" + channel.path();
    }

    /** An MQTT 5 shared subscription of {@code filter}: each message goes to one member of {@code group}. */
    public static String shared(String group, String filter) {
        return "$share/" + group + "/" + filter;
    }

    /** Where a chain's hub instance says it is online (retained; its Will says offline): {@code stores/{s}/hubs/{client}}. */
    public static String hubPresence(String storeId, String hubClientId) {
        return STORES + "/" + KioskAddress.requireSlug(storeId, "storeId") + "/hubs/" + hubClientId;
    }

    /** The filter over every hub instance's presence of one store. */
    public static String hubPresences(String storeId) {
        return STORES + "/" + KioskAddress.requireSlug(storeId, "storeId") + "/hubs/+";
    }

    /** The hub client id in a {@link #hubPresence} topic. */
    public static String hubOfPresence(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    /** A filter matching every topic of every kiosk: what a read-only monitor may watch. */
    public static String everything() {
        return STORES + "/#";
    }

    /** Parses a concrete topic; empty when it is not one of ours (wrong shape, unknown channel, invalid ids). */
    public static Optional<TopicAddress> parse(String topic) {
        String[] levels = topic.split("/", 5);
        if (levels.length != 5 || !STORES.equals(levels[0]) || !KIOSKS.equals(levels[2])) {
            return Optional.empty();
        }
        try {
            KioskAddress kiosk = new KioskAddress(levels[1], levels[3]);
            return Channel.ofPath(levels[4]).map(channel -> new TopicAddress(kiosk, channel));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** A parsed topic. */
    public record TopicAddress(KioskAddress kiosk, Channel channel) {
    }
}
