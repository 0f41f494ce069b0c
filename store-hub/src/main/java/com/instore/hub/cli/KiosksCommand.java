package com.instore.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code storectl kiosks ...}: list, create, enrolment code, configuration, commands, retire. */
@Command(name = "kiosks", mixinStandardHelpOptions = true, description = "The store's kiosks.")
final class KiosksCommand {
    @Mixin
    Hub hub;
    @Spec
    CommandSpec spec;

    private int call(String method, String path, String body) {
        return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), method, path, body);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every kiosk with presence, health, config sync.")
    int list() {
        return call("GET", "kiosks", null);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a kiosk and prints its one-time enrolment code.")
    int create(@Parameters(paramLabel = "KIOSK_ID") String id,
               @Option(names = "--zone", description = "Zone (default: the kiosk id).") String zone,
               @Option(names = "--profile", description = "Hardware profile.") String profile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kioskId", id);
        body.put("zone", zone == null ? id : zone);
        if (profile != null) {
            body.put("hardwareProfile", profile);
        }
        return call("POST", "kiosks", StoreCtl.json(body));
    }

    @Command(name = "code", mixinStandardHelpOptions = true, description = "A new one-time enrolment code for a kiosk.")
    int code(@Parameters(paramLabel = "KIOSK_ID") String id) {
        return call("POST", "kiosks/" + id + "/enrolment-code", null);
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Shows the desired and applied configuration, or changes it: --set key=value ... (validated, pushed).")
    int config(@Parameters(paramLabel = "KIOSK_ID") String id,
               @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting to change (repeatable).")
               Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            return call("GET", "kiosks/" + id + "/config", null);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        changes.forEach((k, v) -> typed.put(k, typed(v)));
        return call("PUT", "kiosks/" + id + "/config", StoreCtl.json(typed));
    }

    @Command(name = "command", mixinStandardHelpOptions = true,
            description = "Runs a command and prints its result: identify, print-test-page, reload-config, restart-screen,"
                    + " diagnostics.")
    int command(@Parameters(paramLabel = "KIOSK_ID") String id, @Parameters(paramLabel = "COMMAND") String type) {
        return call("POST", "kiosks/" + id + "/commands",
                StoreCtl.json(Map.of("type", type.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))));
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = "Retires a kiosk: its credentials stop working.")
    int retire(@Parameters(paramLabel = "KIOSK_ID") String id) {
        return call("DELETE", "kiosks/" + id, null);
    }

    /** Numbers and booleans as such, so that {@code --set answer-timeout-ms=900} sends a number. */
    static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
