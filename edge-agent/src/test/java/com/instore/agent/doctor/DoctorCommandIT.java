package com.instore.agent.doctor;

import com.instore.devices.printer.simulated.SimulatedPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The doctor run in-process against simulated devices and real loopback printers (a simulated one, a closed port). */
class DoctorCommandIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    @Test
    void simulatedDevices_allWork_exitZero() throws Exception {
        int code = doctor("simulated");

        assertThat(out.toString()).contains(
                "[ok]   reader simulated (simulated): ONLINE (simulated reader)",
                "[ok]   printer simulated printer tcp://127.0.0.1:",
                ": ready (paper OK, cover closed, online)",
                "[ok]   test page: printed, rendered to " + dir.resolve("agent/receipts"),
                "[ok]   indicator simulated: signalled RECOGNISED, UNKNOWN, ERROR",
                "Summary: everything works.");
        assertThat(code).isZero();
        try (var receipts = Files.list(dir.resolve("agent/receipts"))) {
            assertThat(receipts.filter(p -> p.toString().endsWith(".png"))).hasSize(1); // rendered before reported
        }
    }

    @Test
    void printerOnAClosedPort_saysItIsUnreachable_exitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int code = doctor("tcp://127.0.0.1:" + port);

        assertThat(out.toString()).contains(
                "[FAIL] printer tcp://127.0.0.1:" + port + ": unreachable (Connection refused)",
                "Summary: 1 problem(s):",
                "  - the printer tcp://127.0.0.1:" + port + " cannot be reached: check that it is switched on, its cable,"
                        + " and its address in agent.printer");
        assertThat(out.toString()).doesNotContain("test page");
        assertThat(code).isEqualTo(1);
    }

    @Test
    void printerOutOfPaper_saysPutInANewRoll_exitOne() throws Exception {
        try (SimulatedPrinter printer = SimulatedPrinter.start(0, dir.resolve("elsewhere"))) {
            printer.setPaper(SimulatedPrinter.Paper.OUT);

            int code = doctor("tcp://127.0.0.1:" + printer.port());

            assertThat(out.toString()).contains("[FAIL] printer tcp://127.0.0.1:" + printer.port() + ": paper out",
                    "  - the printer cannot print: it is out of paper: put in a new roll");
            assertThat(code).isEqualTo(1);
        }
    }

    @Test
    void unreadableConfig_exitTwo() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DoctorCommand());
        command.setErr(new PrintWriter(err));

        int code = command.execute("--config", dir.resolve("missing.yaml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the agent config file");
    }

    private int doctor(String printer) throws IOException {
        Path config = Files.writeString(dir.resolve("agent.yaml"), """
                agent:
                  store-id: demo-store
                  kiosk-id: entrance
                  data-dir: %s
                  mqtt:
                    password-file: %s
                  reader:
                    type: simulated
                  printer: "%s"
                  indicator: simulated
                """.formatted(dir.resolve("agent"), dir.resolve("entrance.secret"), printer));
        CommandLine command = new CommandLine(new DoctorCommand());
        command.setOut(new PrintWriter(out));
        return command.execute("--config", config.toString(), "--tap-seconds", "0", "--blink-ms", "50");
    }
}
