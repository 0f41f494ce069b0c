package com.instore.agent.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of our applications run as a separate JVM from its packaged jar, the way `./run demo` starts it. */
final class AppProcess implements AutoCloseable {
    private final String name;
    private final Path log;
    private final List<String> command;
    private Process process;

    AppProcess(String name, Path jar, Path config, Map<String, String> properties, Path logDir) {
        this(name, jar, config, List.of(), properties, logDir);
    }

    /** With JVM flags, e.g. those the Debian package ships ({@link #packagedJavaOpts}). */
    AppProcess(String name, Path jar, Path config, List<String> jvmFlags, Map<String, String> properties, Path logDir) {
        this.name = name;
        this.log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmFlags);
        properties.forEach((key, value) -> cmd.add("-D" + key + "=" + value));
        cmd.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
        this.command = List.copyOf(cmd);
    }

    static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the system tests run the packaged apps;"
                    + " build the whole project (./mvnw verify or ./run test), not edge-agent alone");
        }
        return jar;
    }

    /** The JVM flags of a Debian package's defaults file ({@code JAVA_OPTS="..."} in {@code config/deb/etc/default-*}). */
    static List<String> packagedJavaOpts(Path defaultsFile) throws IOException {
        String prefix = "JAVA_OPTS=\"";
        return Files.readAllLines(defaultsFile).stream()
                .filter(line -> line.startsWith(prefix) && line.endsWith("\""))
                .findFirst()
                .map(line -> List.of(line.substring(prefix.length(), line.length() - 1).trim().split("\\s+")))
                .orElseThrow(() -> new IllegalStateException("no JAVA_OPTS=\"...\" line in " + defaultsFile));
    }

    AppProcess start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** SIGKILL: no shutdown hook runs, sockets die with the process, as when a kiosk loses power. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String describe() {
        return name + " (log " + log + ")";
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
