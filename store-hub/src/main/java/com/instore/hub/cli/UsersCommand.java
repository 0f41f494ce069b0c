package com.instore.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;

/**
 * {@code storectl users ...} (admin token): list, create with a role, change a role, reset a password, disable, enable,
 * unlock, delete. New and reset passwords are printed once. The hub refuses (exit 1) a change that would leave no admin.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "The hub's users (admin).")
final class UsersCommand {
    @Mixin
    Hub hub;
    @Spec
    CommandSpec spec;

    private int call(String method, String path, String body) {
        return hub.call(spec.commandLine().getOut(), spec.commandLine().getErr(), method, "/api/users" + path, body);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every user with role, locked, disabled.")
    int list() {
        return call("GET", "", null);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a user with a role and a random password, printed once.")
    int create(@Parameters(paramLabel = "USER") String user,
               @Option(names = "--role", required = true, description = "staff, operator or admin.") String role) {
        return call("POST", "", StoreCtl.json(Map.of("username", user, "role", role)));
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Changes a user's role.")
    int role(@Parameters(paramLabel = "USER") String user, @Parameters(paramLabel = "ROLE") String role) {
        return call("PUT", "/" + user + "/role", StoreCtl.json(Map.of("role", role)));
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Gives a user a new random password, printed once.")
    int resetPassword(@Parameters(paramLabel = "USER") String user) {
        return call("POST", "/" + user + "/password", null);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables a user: their sessions end.")
    int disable(@Parameters(paramLabel = "USER") String user) {
        return call("POST", "/" + user + "/disable", null);
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled user.")
    int enable(@Parameters(paramLabel = "USER") String user) {
        return call("POST", "/" + user + "/enable", null);
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Lifts a lockout after failed logins.")
    int unlock(@Parameters(paramLabel = "USER") String user) {
        return call("POST", "/" + user + "/unlock", null);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a user.")
    int delete(@Parameters(paramLabel = "USER") String user) {
        return call("DELETE", "/" + user, null);
    }
}
