package com.instore.agent.doctor;

import com.instore.agent.AgentConfig;
import com.instore.agent.devices.KioskDevices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code edge-agent doctor}: checks the kiosk's hardware as configured, for the person installing it. Lists the PC/SC
 * readers, reports the configured reader and waits for one tap, asks the printer its status and prints a test page,
 * blinks the indicator, then says in plain words what is wrong. Exit code 0 when everything works, 1 when something does
 * not, 2 when the configuration cannot be used. Run it while the agent is stopped: both would want the same hardware.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks the kiosk's reader, printer and indicator and says what is wrong.")
public final class DoctorCommand implements Callable<Integer> {
    private static final Set<String> PCSC_TYPES = Set.of("pcsc", "acr122");

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/agent.yaml",
            description = "Agent configuration (YAML); -D system properties override it. Default: ${DEFAULT-VALUE}")
    private Path config;

    @Option(names = "--tap-seconds", paramLabel = "N", defaultValue = "15",
            description = "How long to wait for a test tap; 0 skips it. Default: ${DEFAULT-VALUE}")
    private int tapSeconds;

    @Option(names = "--blink-ms", paramLabel = "MS", defaultValue = "1800",
            description = "How long each indicator colour shows (about the longest pattern). Default: ${DEFAULT-VALUE}")
    private long blinkMillis;

    @Option(names = "--no-test-page", description = "Ask the printer its status but print nothing.")
    private boolean noTestPage;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AgentConfig settings;
        KioskDevices devices;
        try {
            settings = AgentConfig.load(config);
            devices = KioskDevices.open(settings.reader(), settings.printer(), settings.indicator());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("edge-agent doctor: cannot use " + config + ": " + e.getMessage());
            return 2;
        }
        out.println("edge-agent doctor: kiosk " + settings.kiosk() + ", config " + config);
        Report report = new Report(out);
        try (devices) {
            check(report, settings, devices);
        }
        return report.summary();
    }

    private void check(Report report, AgentConfig settings, KioskDevices devices) throws InterruptedException {
        String readerType = settings.reader().type();
        PcscCheck.run(report, PCSC_TYPES.contains(readerType));
        ReaderCheck.run(report, devices.reader(), readerType, Duration.ofSeconds(Math.max(0, tapSeconds)));
        devices.stopReading();
        devices.printer().ifPresentOrElse(
                printer -> PrinterCheck.run(report, printer, settings.kiosk().toString(), !noTestPage),
                () -> report.info("printer: none configured (agent.printer)"));
        IndicatorCheck.run(report, devices.indicator(), settings.indicator().spec(),
                Duration.ofMillis(Math.max(0, blinkMillis)));
    }

    /** Adds this command to the agent's command line. */
    public static CommandLine addTo(CommandLine commandLine) {
        return commandLine.addSubcommand("doctor", new DoctorCommand());
    }
}
