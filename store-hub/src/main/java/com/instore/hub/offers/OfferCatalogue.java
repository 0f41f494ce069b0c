package com.instore.hub.offers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The current catalogue: read from the offers file, reloaded when the file changes ({@link #reloadIfChanged}, called on a
 * timer), changed through the REST API (written back to the file, so that the file stays the one source). A file that
 * fails validation is refused whole and the previous catalogue stays. Reads never block; changes are serialised.
 */
final class OfferCatalogue {
    private static final System.Logger LOG = System.getLogger(OfferCatalogue.class.getName());

    private final Path file;
    private final Consumer<List<OfferSpec>> onChange;
    private volatile List<OfferSpec> offers;
    private FileTime loadedVersion;
    private volatile String lastError = "";

    private OfferCatalogue(Path file, List<OfferSpec> offers, FileTime version, Consumer<List<OfferSpec>> onChange) {
        this.file = file;
        this.offers = offers;
        this.loadedVersion = version;
        this.onChange = onChange;
    }

    /** Reads the file; fails when it cannot be used (at start there is no previous catalogue to keep). */
    static OfferCatalogue open(Path file, Consumer<List<OfferSpec>> onChange) throws IOException {
        FileTime version = Files.getLastModifiedTime(file);
        List<OfferSpec> offers = OfferFile.read(file);
        onChange.accept(offers);
        return new OfferCatalogue(file, offers, version, onChange);
    }

    List<OfferSpec> offers() {
        return offers;
    }

    Optional<OfferSpec> find(String id) {
        return offers.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Why the last reload was refused; empty when the file in use is the file on disk. */
    String lastError() {
        return lastError;
    }

    /** Reloads when the file's modification time changed. Never throws: a bad file is logged and ignored. */
    synchronized void reloadIfChanged() {
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion)) {
                return;
            }
            loadedVersion = version;
            install(OfferFile.read(file));
            lastError = "";
            LOG.log(System.Logger.Level.INFO, "offers reloaded from {0}: {1} offers", file, offers.size());
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "offers file refused, keeping the previous catalogue: {0}", e.getMessage());
        }
    }

    /**
     * Replaces (or adds, when {@code replaces} is empty or unknown) one offer, or removes it when {@code offer} is null;
     * validates the whole catalogue, writes the file and installs it.
     *
     * @return the problems that stopped the change; empty when it was made
     */
    synchronized List<String> change(String replaces, OfferSpec offer) throws IOException {
        List<OfferSpec> next = new ArrayList<>(offers);
        int index = replaces == null ? -1 : indexOf(replaces);
        if (offer == null) {
            next.remove(index);
        } else if (index >= 0) {
            next.set(index, offer);
        } else {
            next.add(offer);
        }
        List<String> problems = OfferFile.problems(next);
        if (problems.isEmpty()) {
            OfferFile.write(file, next);
            loadedVersion = Files.getLastModifiedTime(file);
            install(next);
        }
        return problems;
    }

    int indexOf(String id) {
        for (int i = 0; i < offers.size(); i++) {
            if (offers.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void install(List<OfferSpec> next) {
        onChange.accept(next);
        offers = List.copyOf(next);
    }
}
