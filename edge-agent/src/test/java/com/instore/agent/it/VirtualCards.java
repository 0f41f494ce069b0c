package com.instore.agent.it;

import org.junit.jupiter.api.Assumptions;

import javax.smartcardio.TerminalFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The devices module's PC/SC test stack (devices/src/test/pcsc): {@code start-pcscd.sh} makes pcscd with the virtual
 * reader ready, {@code vcard.py} runs one of our Python cards in vicc, i.e. holds it on "Virtual PCD 00 00" until closed.
 */
final class VirtualCards {
    static final Path PCSC_DIR = Path.of("../devices/src/test/pcsc");
    static final String VIRTUAL_READER = "Virtual PCD 00 00";

    private VirtualCards() {
    }

    /** Runs start-pcscd.sh; skips the calling tests, with its reason, only when it says PCSC UNAVAILABLE. */
    static void requirePcscd() throws IOException, InterruptedException {
        Process script = new ProcessBuilder("bash", PCSC_DIR.resolve("start-pcscd.sh").toString())
                .redirectErrorStream(true).start();
        boolean finished = script.waitFor(10, TimeUnit.MINUTES);
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeFalse(output.contains("PCSC UNAVAILABLE"), () -> "PC/SC tests skipped: " + output);
        if (!finished || script.exitValue() != 0) {
            throw new IllegalStateException("start-pcscd.sh failed: " + output);
        }
    }

    /** Starts a card ({@code plain}, {@code phone}, {@code tag}, {@code garbage}) and waits until vpcd has it. */
    static Card insert(String kind) throws IOException {
        return new Card(new ProcessBuilder(new ArrayList<>(List.of("/usr/bin/python3",
                PCSC_DIR.resolve("vcard.py").toString(), kind))).redirectErrorStream(true).start(), kind);
    }

    /** A card on the reader; closing takes it off and waits until pcscd has seen the field empty. */
    static final class Card implements AutoCloseable {
        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();

        private Card(Process process, String kind) throws IOException {
            this.process = process;
            Thread.ofVirtual().start(this::collect);
            await().atMost(Duration.ofSeconds(10)).until(() -> output.contains("READY") || !process.isAlive());
            if (!process.isAlive()) {
                throw new IOException("vicc card " + kind + " did not start: " + output);
            }
        }

        private void collect() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output lost: " + e + ")");
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !TerminalFactory
                    .getInstance("PC/SC", null).terminals().getTerminal(VIRTUAL_READER).isCardPresent());
        }
    }
}
