package com.instore.hub.broker;

/** MQTT topic filter matching for an external broker's authorisation questions. Pure; thread-safe. */
final class TopicFilters {
    private TopicFilters() {
    }

    /** Whether concrete {@code topic} matches {@code filter} ({@code +} one level, {@code #} the rest, MQTT rules). */
    static boolean matches(String filter, String topic) {
        return covers(filter, topic) && !topic.contains("+") && !topic.contains("#");
    }

    /**
     * Whether every topic {@code requested} (a filter, possibly a shared subscription {@code $share/group/...}) can match
     * is also matched by {@code granted}: a grant of {@code a/#} covers {@code a/+/b} but not {@code +/b}.
     */
    static boolean covers(String granted, String requested) {
        String[] want = unshared(requested).split("/", -1);
        String[] have = granted.split("/", -1);
        for (int i = 0; i < have.length; i++) {
            if (have[i].equals("#")) {
                return true;
            }
            if (i >= want.length || want[i].equals("#") || (want[i].equals("+") && !have[i].equals("+"))) {
                return false;
            }
            if (!have[i].equals("+") && !have[i].equals(want[i])) {
                return false;
            }
        }
        return want.length == have.length;
    }

    private static String unshared(String filter) {
        if (!filter.startsWith("$share/")) {
            return filter;
        }
        int slash = filter.indexOf('/', "$share/".length());
        return slash < 0 ? filter : filter.substring(slash + 1);
    }
}
