package com.instore.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code storectl offers ...}: list, show, create or replace from a JSON file, pause, resume, delete. */
@Command(name = "offers", mixinStandardHelpOptions = true, description = "The store's offers.")
final class OffersCommand {
    @Mixin
    Hub hub;
    @Spec
    CommandSpec spec;

    private int call(String method, String path, String body) {
        return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), method, path, body);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every offer.")
    int list() {
        return call("GET", "offers", null);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One offer.")
    int show(@Parameters(paramLabel = "OFFER_ID") String id) {
        return call("GET", "offers/" + id, null);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an offer from a JSON file.")
    int create(@Parameters(paramLabel = "FILE") Path file) throws IOException {
        return call("POST", "offers", Files.readString(file));
    }

    @Command(name = "replace", mixinStandardHelpOptions = true, description = "Replaces an offer with a JSON file.")
    int replace(@Parameters(paramLabel = "OFFER_ID") String id, @Parameters(paramLabel = "FILE") Path file)
            throws IOException {
        return call("PUT", "offers/" + id, Files.readString(file));
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pauses an offer: no shopper gets it until it is resumed.")
    int pause(@Parameters(paramLabel = "OFFER_ID") String id) {
        return call("POST", "offers/" + id + "/pause", null);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resumes a paused offer.")
    int resume(@Parameters(paramLabel = "OFFER_ID") String id) {
        return call("POST", "offers/" + id + "/resume", null);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an offer.")
    int delete(@Parameters(paramLabel = "OFFER_ID") String id) {
        return call("DELETE", "offers/" + id, null);
    }
}
