package com.instore.hub.offers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The offers file (config/offers.yaml): {@code offers: [...]} of {@link OfferSpec}. Reads validate; writes are atomic. */
final class OfferFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OfferFile() {
    }

    record Root(List<OfferSpec> offers) {
    }

    /**
     * Reads and validates the file.
     *
     * @throws IOException naming the file and every problem when it cannot be used
     */
    static List<OfferSpec> read(Path file) throws IOException {
        Root root;
        try {
            root = YAML.readValue(file.toFile(), Root.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid offers file: " + e.getMessage(), e);
        }
        if (root == null || root.offers() == null) {
            throw new IOException(file + " has no 'offers' list");
        }
        List<String> problems = problems(root.offers());
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return List.copyOf(root.offers());
    }

    /** Every problem of every offer, and duplicate ids. */
    static List<String> problems(List<OfferSpec> offers) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (OfferSpec offer : offers) {
            problems.addAll(offer.problems());
            if (offer.id() != null && !ids.add(offer.id())) {
                problems.add("offer '" + offer.id() + "' is declared twice");
            }
        }
        return problems;
    }

    /** Writes the catalogue: to a temporary file beside it, then moved over it, so a reader never sees half a file. */
    static void write(Path file, List<OfferSpec> offers) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        String header = "# Offers the hub may show; edited through /api/offers too (comments are not kept).\n";
        Files.writeString(tmp, header + YAML.writeValueAsString(new Root(offers)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
