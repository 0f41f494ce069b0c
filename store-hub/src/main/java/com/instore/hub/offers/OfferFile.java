package com.instore.hub.offers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The offers file (config/offers.yaml): {@code offers: [{id, title, detail, tiers: [...]}]}. */
final class OfferFile {
    static final String ANONYMOUS = "ANONYMOUS";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OfferFile() {
    }

    /** One declared offer with the audiences it fits (tier names and/or ANONYMOUS, upper case). */
    record Entry(String id, String title, String detail, Set<String> tiers) {
        Entry {
            if (tiers == null || tiers.isEmpty()) {
                throw new IllegalArgumentException("offer '" + id + "' has no tiers");
            }
            tiers = tiers.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
    }

    record Root(List<Entry> offers) {
    }

    static List<Entry> read(Path file) throws IOException {
        Root root = YAML.readValue(file.toFile(), Root.class);
        if (root == null || root.offers() == null) {
            throw new IOException(file + " has no 'offers' list");
        }
        return List.copyOf(root.offers());
    }
}
