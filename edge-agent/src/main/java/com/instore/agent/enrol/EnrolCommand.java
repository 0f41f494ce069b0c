package com.instore.agent.enrol;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code edge-agent enroll --hub https://HUB:8443 --code ABCDE-FGHJK --ca-sha256 HEX [--state-dir DIR] [--insecure-http]}:
 * obtains this
 * kiosk's identity with a one-time code and saves it; {@code edge-agent} then starts as that kiosk. Exit 0 enrolled,
 * 3 refused or failed (the reason is printed).
 */
@Command(name = "enroll", aliases = "enrol", mixinStandardHelpOptions = true,
        description = "Enrols this kiosk at its store hub with a one-time code.")
public final class EnrolCommand implements Callable<Integer> {
    @Option(names = "--hub", required = true, paramLabel = "URL", description = "The hub, e.g. https://hub.local:8443")
    private URI hub;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The one-time enrolment code")
    private String code;

    @Option(names = "--ca-sha256", paramLabel = "HEX", description = "SHA-256 of the store CA certificate to pin")
    private String caSha256;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "The store CA certificate (PEM) to pin")
    private Path caFile;

    @Option(names = "--insecure-http", description = "Accept a plain http:// hub (labs only: the hub is not"
            + " authenticated and the secret crosses the network in clear)")
    private boolean insecureHttp;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "state",
            description = "Where the identity is kept (agent.enrol.state-dir). Default: ${DEFAULT-VALUE}")
    private Path stateDir;

    /** Adds {@code enroll} to the agent's command line. */
    public static CommandLine addTo(CommandLine line) {
        return line.addSubcommand("enroll", new EnrolCommand());
    }

    @Override
    public Integer call() {
        try {
            String who = new Enroller(new KioskState(stateDir), insecureHttp).enrol(hub, code, Optional.ofNullable(caSha256),
                    Optional.ofNullable(caFile));
            System.out.println("enrolled as " + who + "; identity saved in " + stateDir.toAbsolutePath());
            return 0;
        } catch (Enroller.EnrolmentFailed e) {
            System.err.println("edge-agent enroll: " + e.getMessage());
            return 3;
        }
    }
}
