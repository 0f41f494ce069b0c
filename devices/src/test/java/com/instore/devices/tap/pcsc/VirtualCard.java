package com.instore.devices.tap.pcsc;

import javax.smartcardio.TerminalFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One of our Python cards ({@code src/test/pcsc/vcard.py}) running in vicc, i.e. held on the "Virtual PCD" reader until
 * closed. Keeps the card's output ("READY", "APDU <hex>" per command received).
 */
final class VirtualCard implements AutoCloseable {
    static final Path PCSC_DIR = Path.of("src/test/pcsc");

    private final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();

    private VirtualCard(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::collect);
    }

    /** Starts the card and waits until it is connected to vpcd. */
    static VirtualCard insert(String kind, String... extraArgs) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3",
                PCSC_DIR.resolve("vcard.py").toString(), kind));
        command.addAll(List.of(extraArgs));
        VirtualCard card = new VirtualCard(new ProcessBuilder(command).redirectErrorStream(true).start());
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> card.output.contains("READY") || !card.process.isAlive());
        if (!card.process.isAlive()) {
            throw new IOException("vicc card " + kind + " did not start: " + card.output);
        }
        return card;
    }

    List<String> apdus() {
        return output.stream().filter(l -> l.startsWith("APDU ")).map(l -> l.substring(5)).toList();
    }

    private void collect() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException e) {
            output.add("(output lost: " + e + ")");
        }
    }

    /**
     * Takes the card off the reader and waits until pcscd has seen it go: as with real cards, the field is empty for a
     * moment between two cards (vpcd would otherwise swap cards under a "present" state that never drops).
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().until(() -> !TerminalFactory
                .getInstance("PC/SC", null).terminals().getTerminal(PcscEnvironment.VIRTUAL_READER).isCardPresent());
    }
}
