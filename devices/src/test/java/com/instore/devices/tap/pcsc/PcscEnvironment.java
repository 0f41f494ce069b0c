package com.instore.devices.tap.pcsc;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs {@code start-pcscd.sh}; the PC/SC tests are skipped, with its reason, only when it cannot make pcscd ready. */
final class PcscEnvironment {
    static final String VIRTUAL_READER = "Virtual PCD 00 00";

    private PcscEnvironment() {
    }

    static void requireReady() throws IOException, InterruptedException {
        Process script = new ProcessBuilder("bash", VirtualCard.PCSC_DIR.resolve("start-pcscd.sh").toString())
                .redirectErrorStream(true).start();
        boolean finished = script.waitFor(10, TimeUnit.MINUTES);
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(finished && script.exitValue() == 0,
                () -> "PC/SC tests skipped: pcscd with the virtual reader could not be set up: " + output);
    }

    /** The pid of the running pcscd, or -1. */
    static long pcscdPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/pcscd")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }
}
