package com.instore.bench.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes sure Debian's {@code mosquitto} package is installed, saying what it runs. Blocks while apt-get works. */
final class MosquittoInstall {
    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    private MosquittoInstall() {
    }

    static void ensureInstalled(PrintStream log) {
        if (Files.isExecutable(MOSQUITTO) && Files.isExecutable(MOSQUITTO_PASSWD)) {
            return;
        }
        log.println("bench: Mosquitto is not installed; installing Debian's 'mosquitto' package with apt-get");
        if (!run(log, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "mosquitto")) {
            run(log, "apt-get", "update", "-qq");
            if (!run(log, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "mosquitto")) {
                throw new IllegalStateException("could not install mosquitto: run 'apt-get install mosquitto' yourself");
            }
        }
    }

    private static boolean run(PrintStream log, String... command) {
        List<String> line = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            line.add("sudo");
        }
        line.addAll(List.of(command));
        log.println("bench: $ " + String.join(" ", line));
        try {
            ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            return builder.start().waitFor() == 0;
        } catch (IOException e) {
            log.println("bench: cannot run " + line.getFirst() + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
