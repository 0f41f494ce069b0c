package com.instore.hub.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code storectl}: the operator's command line for a running hub (every command is a REST call). Exit codes: 0 done,
 * 1 the hub refused (bad input, conflict), 2 wrong usage, 3 not logged in or role too low, 4 not found, 5 hub unreachable.
 */
@Command(name = "storectl", mixinStandardHelpOptions = true, version = "storectl 1",
        description = "Runs the store's fleet from the command line (a running hub, an API token).",
        subcommands = {KiosksCommand.class, OffersCommand.class, StoreCtl.Members.class, StoreCtl.Audit.class,
                TokenCommand.class, UsersCommand.class},
        footer = {"", "Exit codes: 0 done, 1 refused by the hub, 2 usage, 3 not allowed, 4 not found, 5 hub unreachable.",
                "Token: POST /api/tokens as admin, or `storectl token --user admin --password-file FILE`."})
public final class StoreCtl implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs storectl; returns its exit code (tests call this). */
    public static int run(String... args) {
        return new CommandLine(new StoreCtl()).execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Hub.USAGE;
    }

    static String json(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "Members' data, for support.")
    static final class Members {
        @Mixin
        Hub hub;
        @Spec
        CommandSpec spec;

        @Command(name = "find", mixinStandardHelpOptions = true,
                description = "Finds a member for support by id, card UID or phone credential id (exit 4: no match).")
        int find(@CommandLine.Option(names = "--id", paramLabel = "MEMBER_ID") String id,
                 @CommandLine.Option(names = "--card", paramLabel = "UID", description = "As printed or read: 04:A2:2B:1A...")
                 String card,
                 @CommandLine.Option(names = "--phone", paramLabel = "CREDENTIAL_ID") String phone) {
            Map<String, String> given = new java.util.LinkedHashMap<>();
            java.util.stream.Stream.of(Map.entry("id", String.valueOf(id)), Map.entry("card", String.valueOf(card)),
                    Map.entry("phone", String.valueOf(phone))).filter(e -> !e.getValue().equals("null"))
                    .forEach(e -> given.put(e.getKey(), e.getValue()));
            if (given.size() != 1) {
                spec.commandLine().getErr().println("storectl: give exactly one of --id, --card, --phone");
                return Hub.USAGE;
            }
            var only = given.entrySet().iterator().next();
            return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), "GET", "members/search?"
                    + only.getKey() + "=" + java.net.URLEncoder.encode(only.getValue(), java.nio.charset.StandardCharsets.UTF_8),
                    null);
        }

        @Command(name = "export", mixinStandardHelpOptions = true, description = "Everything the hub holds about a member.")
        int export(@Parameters(paramLabel = "MEMBER_ID") String id) {
            return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), "GET", "members/" + id + "/export", null);
        }

        @Command(name = "erase", mixinStandardHelpOptions = true, description = "Erases a member and their data for good.")
        int erase(@Parameters(paramLabel = "MEMBER_ID") String id) {
            return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), "DELETE", "members/" + id, null);
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The last operator actions, newest first.")
    static final class Audit implements Callable<Integer> {
        @Mixin
        Hub hub;
        @Spec
        CommandSpec spec;
        @CommandLine.Option(names = "--limit", defaultValue = "50", description = "How many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), "GET", "audit?limit=" + limit, null);
        }
    }
}
