package com.instore.hub.broker;

import java.util.List;

/**
 * What an authenticated client may do: topic filters it may publish to and subscribe to; everything else is denied.
 * Kept free of HiveMQ types so that the access rules are testable on their own.
 */
record Grant(String who, List<String> publish, List<String> subscribe) {
    Grant {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }
}
